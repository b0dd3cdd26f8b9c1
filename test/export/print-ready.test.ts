// The print view becomes ready while another tab is in front of it. Headless Chromium gives a tab behind
// another no animation frames at all, and reveal's print layout waits for frames: without preparePrintView's
// timer-paced frames the deck's print view stalled for as long as another tab was in front, and exports
// now open it in the background on purpose (withGuardedPage).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { preparePrintView, waitForPrintReady } from '../../src/export/print-ready.ts';
import { printUrl } from '../../src/export/slides-pdf.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir, skipWithoutBrowser, withSharedBrowser } from '../helpers/browser.ts';
import { fiveSlideDeck } from '../helpers/browser-deck.ts';

test('the print view gets ready behind another tab', { skip: skipWithoutBrowser }, async (t) => {
  const { indexHtml } = await writeDeckSite(fiveSlideDeck(), await awkwardTempDir());
  await withSharedBrowser(
    async (browser) => {
      const deck = await browser.newPage();
      await preparePrintView(deck);
      const front = await browser.newPage();
      await front.bringToFront();
      await deck.goto(printUrl(indexHtml), { waitUntil: 'load' });
      // Chromium 156 hides a tab behind another (no frames at all); should a later one stop doing so, the
      // test still checks readiness, only no longer the case it was written for.
      const visibility = await deck.evaluate(() => document.visibilityState);
      if (visibility !== 'hidden') t.diagnostic(`the deck tab behind another is "${visibility}" in this Chromium`);
      await waitForPrintReady(deck, 10_000, []);
      const fitted = await deck.evaluate(() => document.documentElement.getAttribute('data-dangke-fitted'));
      assert.equal(fitted, 'done');
      await front.close();
      await deck.close();
    },
  );
});
