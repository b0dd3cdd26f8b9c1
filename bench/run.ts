// npm run bench: how long a build takes, against the least Chromium can do.
//   (a) the example article's deck: index.html + script.md + slides.pdf + handout.pdf, as `build` does it
//   (b) the same for a synthetic 300-slide deck
//   (c) the baseline: a bare puppeteer-core script that launches the same Chromium (same flags), opens one
//       page with a heading and a line of text, and prints it to PDF
//   (d) a synthetic 3,000-slide deck, built once in a fresh process: its time against (b) (linear?) and its
//       peak RSS (it prints in batches: src/export/slides-pdf.ts); and a 1,000-slide one, for the time per
//       slide at 300, 1,000 and 3,000 slides
// Runs interleave (c, a, b, c, a, b, …) so a busy machine slows all three alike. Medians, ratios a/c and
// b/c. Memory: the peak RSS of (b) built in a process of its own (bench/build-once.ts, twice, the larger
// figure), as `npm run build` runs it; and, for comparison, the peak sampled every 10 ms in this process
// during (b), which also holds what the earlier runs left on the heap.
// Then whole-process rows (bench/whole-process.ts): the npm scripts as a user runs them, process start to
// exit, against npm running `node -e 0` (n) and a bare launch-and-print script run straight with node (p).
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import { buildCommand } from '../src/commands/build.ts';
import { draftCommand } from '../src/commands/draft.ts';
import { BROWSER_ARGS } from '../src/export/browser.ts';
import { requireBrowser } from '../src/export/find-browser.ts';
import { memoryReporter } from '../src/report.ts';
import { sentencesOf, syntheticDeck } from './synthetic.ts';
import { measureWholeProcess, wholeProcessTable } from './whole-process.ts';

const RUNS_A = 7;
const RUNS_B = 5;
const RUNS_C = 7;
/** Whole-process runs of each npm script (after a warm-up round). */
const RUNS_W = 5;
const LARGE = 300;
/** (d): a deck ten times (b), built once in a fresh process (issue 16: it prints in batches). */
const HUGE = 3000;
/** Between (b) and (d), built once in a fresh process too: seconds per slide at 300, 1,000 and 3,000 slides. */
const MIDDLE = 1000;
const EXAMPLE = new URL('../articles/liangxue-yizuo.txt', import.meta.url);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function baseline(executablePath: string, html: string, pdf: string): Promise<void> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'dangke-bench-chrome-'));
  const browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, args: [...BROWSER_ARGS], userDataDir });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  } finally {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

/** Runs fn while sampling this process's RSS; returns the peak in bytes. */
async function peakRss(fn: () => Promise<unknown>): Promise<number> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage.rss());
}

/** One build of `deck` in a fresh Node process: its time and peak RSS. */
async function freshBuild(root: string, deck: string): Promise<{ maxRssBytes: number; ms: number }> {
  const script = fileURLToPath(new URL('./build-once.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, script, root, deck], { maxBuffer: 1 << 20 });
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as { maxRssBytes: number; ms: number };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const started = performance.now();
  const executablePath = requireBrowser();
  const root = await mkdtemp(join(tmpdir(), 'dangke-bench-'));
  try {
    await mkdir(join(root, 'articles'));
    const article = join(root, 'articles', 'liangxue-yizuo.txt');
    await copyFile(EXAMPLE, article);
    const reporter = memoryReporter();
    await draftCommand({ article, root }, reporter);
    const example = join(root, 'slides', 'liangxue-yizuo.md');
    const large = join(root, 'slides', `synthetic-${LARGE}.md`);
    await writeFile(large, syntheticDeck(LARGE, sentencesOf(await readFile(EXAMPLE, 'utf8'))));
    const baselineHtml = join(root, 'baseline.html');
    await writeFile(baselineHtml, '<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head><body><h1>Baseline</h1><p>One page, printed to PDF.</p></body></html>');

    const build = (deck: string) => buildCommand({ root, decks: [deck], pdf: true }, memoryReporter());
    // Warm-up, not counted: the first build fills the font-subset cache and Node's module caches.
    const exampleSlides = (await build(example))[0]?.slideCount ?? 0;
    await baseline(executablePath, baselineHtml, join(root, 'baseline.pdf'));

    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    let peak = 0;
    let before = Infinity;
    for (let round = 0; round < Math.max(RUNS_A, RUNS_B, RUNS_C); round++) {
      if (round < RUNS_C) c.push(await timed(() => baseline(executablePath, baselineHtml, join(root, 'baseline.pdf'))));
      if (round < RUNS_A) a.push(await timed(() => build(example)));
      if (round < RUNS_B) {
        let elapsed = 0;
        before = Math.min(before, process.memoryUsage.rss());
        const rss = await peakRss(async () => {
          elapsed = await timed(() => build(large));
        });
        b.push(elapsed);
        peak = Math.max(peak, rss);
      }
      process.stderr.write(`round ${round + 1}: c ${seconds(c.at(-1) ?? NaN)}  a ${seconds(a.at(-1) ?? NaN)}  b ${round < RUNS_B ? seconds(b.at(-1)!) : '-'}\n`);
    }

    // (b) twice more, each in a process of its own: its peak memory, and its time to set (d)'s against (both fresh).
    const freshLarge = [await freshBuild(root, large), await freshBuild(root, large)];
    const freshPeak = Math.max(...freshLarge.map((run) => run.maxRssBytes));
    const freshLargeMs = Math.min(...freshLarge.map((run) => run.ms));
    const middle = join(root, 'slides', `synthetic-${MIDDLE}.md`);
    await writeFile(middle, syntheticDeck(MIDDLE, sentencesOf(await readFile(EXAMPLE, 'utf8'))));
    const m = await freshBuild(root, middle);
    const huge = join(root, 'slides', `synthetic-${HUGE}.md`);
    await writeFile(huge, syntheticDeck(HUGE, sentencesOf(await readFile(EXAMPLE, 'utf8'))));
    const d = await freshBuild(root, huge);
    const whole = await measureWholeProcess(RUNS_W, (line) => process.stderr.write(`${line}\n`));
    const [ma, mb, mc] = [median(a), median(b), median(c)];
    const rows = [
      ['(a) example deck, full build', `${exampleSlides} slides`, RUNS_A, seconds(ma), `${(ma / mc).toFixed(2)} × c`, '≤ 1.5 × c'],
      [`(b) synthetic deck, full build`, `${LARGE} slides`, RUNS_B, seconds(mb), `${(mb / mc).toFixed(2)} × c`, '≤ 3 × c'],
      ['(c) bare puppeteer-core: launch, 1 page, PDF', '1 page', RUNS_C, seconds(mc), '1.00 × c', ''],
      [`(d) synthetic deck, full build, fresh process`, `${HUGE} slides`, 1, seconds(d.ms), `${(d.ms / mc).toFixed(2)} × c`, 'linear: (d − c) ≈ 10 × (b − c)'],
    ];
    console.log(`dangke bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${megabytes(totalmem())} RAM, Node ${process.version}`);
    console.log(`browser: ${executablePath}`);
    console.log('');
    console.log('| run | size | runs | median | ratio | target |');
    console.log('|---|---|---|---|---|---|');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log('');
    console.log(`per slide: (a) ${(ma / Math.max(1, exampleSlides)).toFixed(0)} ms, (b) ${(mb / LARGE).toFixed(0)} ms; (b − c) / (a − c) = ${((mb - mc) / (ma - mc)).toFixed(1)} for ${(LARGE / Math.max(1, exampleSlides)).toFixed(1)} × the slides`);
    console.log(`peak RSS of (b) built in a fresh process (\`build\` as npm run build runs it, larger of 2): ${megabytes(freshPeak)} (target < 300 MB)`);
    console.log(`peak RSS sampled in this process during (b): ${megabytes(peak)} (every 10 ms; RSS just before (b): ${megabytes(before)}, left by earlier runs)`);
    console.log(`(d) ${HUGE} slides: (d − c) / (b − c) = ${((d.ms - mc) / (mb - mc)).toFixed(1)} for 10 × the slides; peak RSS ${megabytes(d.maxRssBytes)} (target < 500 MB)`);
    console.log(`(d) against (b) built the same way, in a fresh process (faster of 2: ${seconds(freshLargeMs)}): ${(d.ms / freshLargeMs).toFixed(1)} × the time for 10 × the slides (linear: ≤ 10)`);
    const perSlide = (ms: number, slides: number): string => `${((ms - mc) / slides).toFixed(1)} ms`;
    console.log(`time per slide beyond (c), each built once in a fresh process: ${LARGE} slides ${perSlide(freshLargeMs, LARGE)}, ${MIDDLE} slides ${perSlide(m.ms, MIDDLE)} (${seconds(m.ms)}, peak RSS ${megabytes(m.maxRssBytes)}), ${HUGE} slides ${perSlide(d.ms, HUGE)} (linear: the same at every size)`);
    console.log('');
    console.log('Whole process, the npm scripts as a user runs them (process start to exit, in the project folder):');
    console.log('');
    for (const line of wholeProcessTable(whole)) console.log(line);
    console.log('');
    console.log(`all runs: a = [${a.map(seconds).join(', ')}], b = [${b.map(seconds).join(', ')}], c = [${c.map(seconds).join(', ')}]`);
    console.log(`whole-process runs: ${whole.map((row) => `[${row.runs.map(seconds).join(', ')}]`).join(', ')}`);
    console.log(`total bench time: ${seconds(performance.now() - started)}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
