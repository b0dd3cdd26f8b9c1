// The deck in a real Chromium: it loads from file:// (in a Chinese, spaced path), makes no network
// request, and the speaker view opens and shows the notes under the page's strict CSP.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, ConsoleMessage, Page } from 'puppeteer-core';
import { guardNetwork } from '../../src/export/network-guard.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir, browserPath, sharedBrowser, skipWithoutBrowser } from '../helpers/browser.ts';
import { renderDeck } from '../../src/render/index.ts';
import { fiveSlideDeck, openSpeakerView, waitForDeck, type RevealInPage } from '../helpers/browser-deck.ts';

/** Console lines about a blocked resource or a script error: a healthy deck has none. */
function collectProblems(page: Page, into: string[]): void {
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(message.text())) into.push(message.text());
  });
  page.on('pageerror', (error) => into.push(String(error)));
}

async function openDeck(browser: Browser, indexHtml: string): Promise<{ page: Page; blocked: readonly string[]; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  collectProblems(page, problems);
  const { blocked } = await guardNetwork(page);
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(pathToFileURL(indexHtml).href, { waitUntil: 'load' });
  await waitForDeck(page);
  return { page, blocked, problems };
}

/** Number of the speaker view's iframes whose deck has started (reveal.js ready). */
async function waitForPreviewFrames(popup: Page): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const frames = popup.frames().filter((frame) => frame !== popup.mainFrame());
    const ready = await Promise.all(
      frames.map((frame) =>
        frame
          .evaluate(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true)
          .catch(() => false),
      ),
    );
    const count = ready.filter(Boolean).length;
    if (count >= 2 || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// One browser for the tests of this file: each opens its own pages in it.
const shared = sharedBrowser({ executablePath: browserPath });
after(() => shared.close());

test('the deck in Chromium', { skip: skipWithoutBrowser }, async (t) => {
  const outDir = await awkwardTempDir();
  const { indexHtml } = await writeDeckSite(fiveSlideDeck(), outDir);

  const browser = await shared.get();
  await t.test('loads from file:// with every slide and no request off the machine', async () => {
    const { page, blocked, problems } = await openDeck(browser, indexHtml);
    const state = await page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: { getTotalSlides(): number; getConfig(): Record<string, unknown> } }).Reveal;
      return {
        total: reveal.getTotalSlides(),
        hash: reveal.getConfig()['hash'],
        lang: document.documentElement.lang,
        title: document.title,
        footers: document.querySelectorAll('.slides section .dangke-footer').length,
        numbers: [...document.querySelectorAll('.dangke-footer-number')].map((element) => element.textContent),
      };
    });
    assert.equal(state.total, 5);
    assert.equal(state.hash, true);
    assert.equal(state.lang, 'zh-CN');
    assert.equal(state.title, '“两学一做”学习教育');
    assert.equal(state.footers, 5);
    assert.deepEqual(state.numbers, ['1 / 5', '2 / 5', '3 / 5', '4 / 5', '5 / 5']);
    assert.deepEqual(blocked, []);
    assert.deepEqual(problems, []);
    await page.close();
  });

  await t.test('the URL keeps the slide (hash navigation)', async () => {
    const { page } = await openDeck(browser, indexHtml);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#/1');
    await page.close();
  });

  await t.test('pressing S opens the speaker view: notes, previews, Chinese labels, pacing', async () => {
    const { page, blocked, problems } = await openDeck(browser, indexHtml);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const { popup, state } = await openSpeakerView(browser, page, '讲稿：学习教育融入日常');
    const popupProblems: string[] = [];
    collectProblems(popup, popupProblems);
    // The preview iframes show the deck itself: they must load under the CSP (frame-src 'self').
    // file:// frames are opaque origins to each other, so ask puppeteer, not contentDocument.
    const previews = await waitForPreviewFrames(popup);
    assert.equal(previews, 2, 'current and upcoming slide previews loaded');
    const status = await popup.evaluate(() => getComputedStyle(document.querySelector('#connection-status')!).display);
    assert.equal(status, 'none', 'the speaker view connected to the deck');
    assert.deepEqual(state.labels, { upcoming: '下一张', time: '已用时间 点击重新计时', pacing: '进度：本张剩余时间', notes: '讲稿' });
    assert.ok(state.notesFontPx >= 28, `notes at ${state.notesFontPx}px, reveal's default is 21.6px`);
    assert.equal(state.pacingShown, true, 'duration: 20 gives the pacing timer');
    assert.match(state.title, /^演讲者视图 · /);
    assert.equal(state.fontsBundled, true, `the speaker view has the bundled fonts (${state.fontStates})`);
    await popup.waitForFunction(() => /^\d{2}:\d{2}$/.test(document.querySelector('.clock-value')?.textContent ?? ''), { timeout: 5_000 });
    assert.deepEqual(blocked, []);
    assert.deepEqual([...problems, ...popupProblems], []);
    await popup.close();
    await page.close();
  });

  await t.test('clickers: PageDown/PageUp and arrows move, B and . black the screen', async () => {
    const { page } = await openDeck(browser, indexHtml);
    const indices = (): Promise<{ h: number; v: number }> =>
      page.evaluate(() => (window as unknown as { Reveal: RevealInPage }).Reveal.getIndices());
    const paused = (): Promise<boolean> => page.evaluate(() => (window as unknown as { Reveal: RevealInPage }).Reveal.isPaused());
    await page.keyboard.press('PageDown');
    assert.equal((await indices()).h, 1);
    await page.keyboard.press('PageDown');
    assert.equal((await indices()).h, 2);
    await page.keyboard.press('PageUp');
    assert.equal((await indices()).h, 1);
    await page.keyboard.press('ArrowRight');
    assert.equal((await indices()).h, 2);
    await page.keyboard.press('ArrowLeft');
    assert.equal((await indices()).h, 1);
    await page.keyboard.press('b');
    assert.equal(await paused(), true, 'B pauses (black screen)');
    const overlay = await page.evaluate(() => {
      const element = document.querySelector('.reveal .pause-overlay');
      return { background: element ? getComputedStyle(element).backgroundColor : '', button: element?.textContent?.trim() ?? '' };
    });
    assert.equal(overlay.background, 'rgb(0, 0, 0)');
    assert.equal(overlay.button, '继续放映');
    await page.keyboard.press('b');
    assert.equal(await paused(), false);
    await page.keyboard.press('Period');
    assert.equal(await paused(), true, '. pauses too (clickers send it)');
    await page.keyboard.press('Period');
    assert.equal(await paused(), false);
    await page.close();
  });

  await t.test('the slide survives a reload (hash)', async () => {
    const { page } = await openDeck(browser, indexHtml);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.waitForFunction(() => location.hash === '#/2');
    await page.reload({ waitUntil: 'load' });
    await waitForDeck(page);
    const h = await page.evaluate(() => (window as unknown as { Reveal: RevealInPage }).Reveal.getIndices().h);
    assert.equal(h, 2);
    await page.close();
  });

  /**
   * Opens the print view with the font files held back and records, when reveal fires pdf-ready (before
   * the deck's own listeners: window, capture phase), how many pages it built and whether the slides
   * were displayed then. Returns the slides' display before the fonts, that record, and after the fit.
   */
  const printViewLayout = async (deckHtml: string) => {
    const page = await browser.newPage();
    let releaseFonts: () => void = () => undefined;
    const fontsHeld = new Promise<void>((resolve) => {
      releaseFonts = resolve;
    });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().endsWith('.woff2')) void fontsHeld.then(() => request.continue());
      else void request.continue();
    });
    await page.evaluateOnNewDocument(() => {
      window.addEventListener('pdf-ready', () => {
        const slides = document.querySelector('.reveal .slides')!;
        (window as unknown as Record<string, unknown>)['atPdfReady'] = {
          pages: document.querySelectorAll('.pdf-page').length,
          display: getComputedStyle(slides).display,
        };
      }, true);
    });
    await page.emulateMediaType('print');
    await page.goto(`${pathToFileURL(deckHtml).href}?print-pdf`, { waitUntil: 'domcontentloaded' });
    const slidesDisplay = (): Promise<string> =>
      page.evaluate(() => getComputedStyle(document.querySelector('.reveal .slides')!).display);
    const beforeFonts = await slidesDisplay();
    releaseFonts();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-dangke-fitted') === 'done');
    const atPdfReady = await page.evaluate(() => (window as unknown as Record<string, unknown>)['atPdfReady'] as { pages: number; display: string });
    const afterFit = await slidesDisplay();
    await page.close();
    return { beforeFonts, atPdfReady, afterFit };
  };

  await t.test('the print view lays out no slide before reveal has built its pages', async () => {
    const seen = await printViewLayout(indexHtml);
    // reveal.css shows every slide under print media; base.css hides them until the deck script allows it.
    assert.equal(seen.beforeFonts, 'none');
    // reveal builds its pages (one per slide) with the slides still unlaid-out: that layout would be thrown away.
    assert.equal(seen.atPdfReady.pages, 5);
    assert.equal(seen.atPdfReady.display, 'none');
    // The fit and the print see them laid out.
    assert.notEqual(seen.afterFit, 'none');
  });

  await t.test('with a centring theme, the print view lays the slides out before reveal measures them', async () => {
    // reveal centres a slide on its page by the slide's height, so it must be laid out by then.
    const centred = join(dirname(indexHtml), 'centred.html');
    const html = await readFile(indexHtml, 'utf8');
    assert.match(html, /"center":false/);
    await writeFile(centred, html.replace('"center":false', '"center":true'));
    const seen = await printViewLayout(centred);
    assert.equal(seen.beforeFonts, 'none');
    assert.equal(seen.atPdfReady.pages, 5);
    assert.notEqual(seen.atPdfReady.display, 'none');
  });
});

test('Chinese typography in the browser', { skip: skipWithoutBrowser }, async (t) => {
  const outDir = await awkwardTempDir();
  // Through the real renderer: bold that closes after full-width punctuation, and a soft line break.
  const rendered = renderDeck({
    file: 'deck.md',
    frontMatter: { title: '排版' },
    slides: [
      {
        body: '## 做**合格，**党员，争当先锋模范，把学习教育融入日常、抓在经常\n\n- 做**合格，**党员\n- 学党章\n党规',
        notes: '',
        attributes: { class: 'points' },
        line: 1,
        vertical: [],
      },
    ],
  }).value;
  for (const theme of ['dangzheng', 'jianyue']) {
    await t.test(theme, async () => {
      const themed = await writeDeckSite({ ...rendered, frontMatter: { ...rendered.frontMatter, theme } }, `${outDir}-${theme}`);
      const browser = await shared.get();
      const { page } = await openDeck(browser, themed.indexHtml);
      const facts = await page.evaluate(() => {
        const slide = document.querySelector('.reveal .slides section')!;
        const li = slide.querySelector('li')!;
        const h2 = slide.querySelector('h2')!;
        const strong = li.querySelector('strong');
        const body = getComputedStyle(li);
        return {
          strong: strong?.textContent ?? null,
          secondItem: slide.querySelectorAll('li')[1]?.textContent ?? '',
          lineBreak: body.lineBreak,
          textAlign: body.textAlign,
          spacingTrim: (body as unknown as Record<string, string>)['textSpacingTrim'] ?? '',
          titleWrap: getComputedStyle(h2).textWrap || getComputedStyle(h2).getPropertyValue('text-wrap-style'),
          lang: document.documentElement.lang,
        };
      });
      assert.equal(facts.strong, '合格，', '**合格，**党员 renders as <strong>');
      assert.equal(facts.secondItem, '学党章党规', 'no stray space at a soft line break between Chinese characters');
      assert.equal(facts.lineBreak, 'strict');
      assert.equal(facts.textAlign, 'left', 'no justify on bullets');
      if (facts.spacingTrim !== '') assert.equal(facts.spacingTrim, 'trim-start');
      assert.match(facts.titleWrap, /balance/);
      assert.equal(facts.lang, 'zh-CN');
      // No line of the long title starts with punctuation: look at where each line begins.
      const lineStarts = await page.evaluate(() => {
        const h2 = document.querySelector('.reveal .slides section h2')!;
        const text = h2.textContent ?? '';
        const node = [...h2.childNodes].flatMap((child) => (child.nodeType === 3 ? [child] : [...child.childNodes])).filter((child) => child.nodeType === 3);
        const starts: string[] = [];
        let lastTop = -1;
        for (const textNode of node) {
          for (let i = 0; i < (textNode.textContent ?? '').length; i++) {
            const range = document.createRange();
            range.setStart(textNode, i);
            range.setEnd(textNode, i + 1);
            const top = Math.round(range.getBoundingClientRect().top);
            if (top > lastTop + 5) {
              starts.push((textNode.textContent ?? '')[i] ?? '');
              lastTop = top;
            }
          }
        }
        return { starts, text };
      });
      assert.ok(lineStarts.starts.length >= 1, JSON.stringify(lineStarts));
      for (const char of lineStarts.starts) assert.doesNotMatch(char, /[，。、；：？！）》”’]/u, `a line starts with ${char}: ${JSON.stringify(lineStarts)}`);
      await page.close();
    });
  }
});
