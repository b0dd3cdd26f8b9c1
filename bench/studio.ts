// npm run bench:studio — the studio's speed in a real Chromium (not a timed test: figures to read).
//   keystroke -> preview: for the example deck and a synthetic 300-slide deck, characters are typed into
//   a slide title in the middle of the deck (through CDP Input.insertText, as an input method commits
//   them); each sample is from the editor's `beforeinput` event to the first frame after the preview
//   frame shows the new title. Medians and 90th percentiles; targets ≤ 150 ms and ≤ 300 ms (median).
//   memory: 1,000 edits (typing and deleting, so the text keeps its size) on the example deck; the page's
//   JS heap after a forced GC and its DOM node count, every 250 edits. Flat means no growth with edits.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'puppeteer-core';
import { draftCommand } from '../src/commands/draft.ts';
import { withBrowser } from '../src/export/browser.ts';
import { memoryReporter } from '../src/report.ts';
import { studioCommand } from '../src/studio/command.ts';
import { sentencesOf, syntheticDeck } from './synthetic.ts';

const SAMPLES = 40;
const EDITS = 1000;
const EXAMPLE = new URL('../articles/liangxue-yizuo.txt', import.meta.url);

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}
const median = (values: number[]): number => percentile(values, 0.5);

interface BenchWindow {
  dangkeStudioEditor(): any;
  __latency?: Promise<number>;
}

async function openDeck(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}#deck=${encodeURIComponent(name)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-rendered') !== null, { timeout: 120_000 });
  // Let the fonts and the thumbnails settle before measuring.
  await new Promise((resolve) => setTimeout(resolve, 3000));
}

/** Puts the cursor at the end of the title of the slide in the middle of the deck; returns that title. */
async function cursorInMiddle(page: Page): Promise<string> {
  return page.evaluate(() => {
    const view = (window as unknown as BenchWindow).dangkeStudioEditor();
    const text: string = view.state.doc.toString();
    const titles = [...text.matchAll(/^## (.+)$/gm)];
    const middle = titles[Math.floor(titles.length / 2)]!;
    const position = middle.index! + middle[0].length;
    view.dispatch({ selection: { anchor: position }, scrollIntoView: true });
    view.focus();
    return middle[1]!;
  });
}

/** Arms the measurement of one keystroke: resolves with ms from beforeinput to the frame after the preview shows `expected`. */
async function arm(page: Page, expected: string): Promise<void> {
  await page.evaluate((wanted) => {
    const win = window as unknown as BenchWindow;
    const view = win.dangkeStudioEditor();
    const stage = (document.getElementById('stage') as HTMLIFrameElement).contentDocument!;
    win.__latency = new Promise<number>((resolve) => {
      let started = 0;
      view.contentDOM.addEventListener('beforeinput', (event: Event) => (started = event.timeStamp), { once: true, capture: true });
      const check = (): boolean => {
        const shown = stage.querySelector('section.studio-shown');
        if (!started || !shown?.textContent?.includes(wanted)) return false;
        observer.disconnect();
        const done = (): void => resolve(performance.now() - started);
        requestAnimationFrame(() => done());
        return true;
      };
      const observer = new MutationObserver(() => void check());
      observer.observe(stage.body, { childList: true, subtree: true, characterData: true });
    });
  }, expected);
}

async function keystrokeLatencies(page: Page, cdp: CDPSession): Promise<number[]> {
  let title = await cursorInMiddle(page);
  const samples: number[] = [];
  const characters = '学习党章党规学系列讲话做合格党员';
  for (let index = 0; index < SAMPLES + 5; index += 1) {
    const character = characters[index % characters.length]!;
    title += character;
    await arm(page, title);
    await cdp.send('Input.insertText', { text: character });
    const ms = await page.evaluate(() => (window as unknown as BenchWindow).__latency!);
    // The first few warm up the page's code paths.
    if (index >= 5) samples.push(ms);
    // A person's typing pace, so each keystroke is measured on its own.
    await new Promise((resolve) => setTimeout(resolve, 120));
  }
  return samples;
}

async function heap(cdp: CDPSession): Promise<{ heapMb: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return { heapMb: Math.round((usedSize / 1024 / 1024) * 10) / 10, nodes };
}

async function memoryOverEdits(page: Page, cdp: CDPSession): Promise<{ edits: number; heapMb: number; nodes: number }[]> {
  await cursorInMiddle(page);
  const settle = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
  };
  const points = [{ edits: 0, ...(await heap(cdp)) }];
  for (let edits = 1; edits <= EDITS; edits += 1) {
    // Type a character, then delete it: the text keeps its size, so any growth is the page's own.
    if (edits % 2 === 1) await cdp.send('Input.insertText', { text: '字' });
    else await page.keyboard.press('Backspace');
    await new Promise((resolve) => setTimeout(resolve, 15));
    if (edits % 250 === 0) {
      await settle();
      points.push({ edits, ...(await heap(cdp)) });
    }
  }
  return points;
}

const root = await mkdtemp(join(tmpdir(), 'dangke-bench-studio-'));
const started = performance.now();
try {
  await mkdir(join(root, 'articles'), { recursive: true });
  await mkdir(join(root, 'slides'), { recursive: true });
  const article = join(root, 'articles', 'liangxue-yizuo.txt');
  await copyFile(EXAMPLE, article);
  await draftCommand({ article, root }, memoryReporter());
  await writeFile(join(root, 'slides', 'synthetic-300.md'), syntheticDeck(300, sentencesOf(await readFile(EXAMPLE, 'utf8'))));
  const session = await studioCommand({ root });
  try {
    await withBrowser(async (browser) => {
      const page = await browser.newPage();
      // tsx names the functions inside page.evaluate callbacks with a helper the page does not have.
      await page.evaluateOnNewDocument('window.__name = (fn) => fn;');
      await page.setViewport({ width: 1366, height: 768 });
      const cdp = await page.createCDPSession();
      const results: { name: string; slides: number; target: number; samples: number[] }[] = [];
      for (const [name, slides, target] of [
        ['liangxue-yizuo', 28, 150],
        ['synthetic-300', 300, 300],
      ] as const) {
        await openDeck(page, session.url, name);
        results.push({ name, slides, target, samples: await keystrokeLatencies(page, cdp) });
      }
      await openDeck(page, session.url, 'liangxue-yizuo');
      const memory = await memoryOverEdits(page, cdp);

      console.log(`dangke studio bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 1024 / 1024)} MB RAM, Node ${process.version}`);
      console.log('');
      console.log('| deck | slides | samples | median | p90 | max | target (median) |');
      console.log('|---|---|---|---|---|---|---|');
      for (const result of results) {
        const fmt = (ms: number): string => `${Math.round(ms)} ms`;
        console.log(
          `| ${result.name} | ${result.slides} | ${result.samples.length} | ${fmt(median(result.samples))} | ${fmt(percentile(result.samples, 0.9))} | ${fmt(Math.max(...result.samples))} | ≤ ${result.target} ms ${median(result.samples) <= result.target ? '✓' : '✗'} |`,
        );
      }
      console.log('');
      console.log(`memory over ${EDITS} edits (example deck; JS heap after GC, DOM nodes):`);
      console.log(memory.map((point) => `  ${point.edits} edits: ${point.heapMb} MB, ${point.nodes} nodes`).join('\n'));
      console.log('');
      for (const result of results) console.log(`samples ${result.name}: ${result.samples.map((ms) => Math.round(ms)).join(', ')}`);
    });
  } finally {
    await session.close();
  }
} finally {
  await rm(root, { recursive: true, force: true });
  console.log(`total bench time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
