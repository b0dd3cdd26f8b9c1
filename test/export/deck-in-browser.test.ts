// The deck in a real Chromium: it loads from file:// (in a Chinese, spaced path), makes no network
// request, and the speaker view opens and shows the notes under the page's strict CSP.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, ConsoleMessage, Page } from 'puppeteer-core';
import { withBrowser } from '../../src/export/browser.ts';
import { guardNetwork } from '../../src/export/network-guard.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir, browserPath, skipWithoutBrowser } from '../helpers/browser.ts';
import { fiveSlideDeck } from '../helpers/browser-deck.ts';

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
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
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

test('the deck in Chromium', { skip: skipWithoutBrowser }, async (t) => {
  const outDir = await awkwardTempDir();
  const { indexHtml } = await writeDeckSite(fiveSlideDeck(), outDir);

  await withBrowser(
    async (browser) => {
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

      await t.test('pressing S opens the speaker view with the notes', async () => {
        const { page, blocked, problems } = await openDeck(browser, indexHtml);
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        const popupTarget = browser.waitForTarget((target) => target.opener() === page.target(), { timeout: 10_000 });
        await page.keyboard.press('s');
        const popup = await (await popupTarget).page();
        assert.ok(popup, 'the speaker view is a page');
        const popupProblems: string[] = [];
        collectProblems(popup, popupProblems);
        await popup.waitForFunction(
          () => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('讲稿：学习教育融入日常'),
          { timeout: 10_000 },
        );
        // The preview iframes show the deck itself: they must load under the CSP (frame-src 'self').
        // file:// frames are opaque origins to each other, so ask puppeteer, not contentDocument.
        const previews = await waitForPreviewFrames(popup);
        assert.equal(previews, 2, 'current and upcoming slide previews loaded');
        const status = await popup.evaluate(() => getComputedStyle(document.querySelector('#connection-status')!).display);
        assert.equal(status, 'none', 'the speaker view connected to the deck');
        assert.deepEqual(blocked, []);
        assert.deepEqual([...problems, ...popupProblems], []);
        await popup.close();
        await page.close();
      });
    },
    { executablePath: browserPath },
  );
});
