// The deck's bundled fonts in a real Chromium: they load from file:// under the page's CSP, the theme
// draws with them, and they alone are enough: with the system's Chinese fonts hidden from Chromium (a
// fontconfig that lists only Latin fonts), Chinese still renders as real glyphs, not tofu.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { guardNetwork } from '../../src/export/network-guard.ts';
import { exportSlidesPdf } from '../../src/export/slides-pdf.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir, browserPath, sharedBrowser, skipWithoutBrowser, withSharedBrowser } from '../helpers/browser.ts';
import { assertBundledChineseGlyphs, fiveSlideDeck, fontconfigWithoutChinese, latinFontDirs } from '../helpers/browser-deck.ts';
import { readPdf } from '../helpers/pdf.ts';
import { pdffonts } from './pdffonts.ts';

async function openDeck(browser: Browser, indexHtml: string): Promise<{ page: Page; blocked: readonly string[] }> {
  const page = await browser.newPage();
  const { blocked } = await guardNetwork(page);
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(pathToFileURL(indexHtml).href, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  return { page, blocked };
}

const skipWithoutLatinFonts: false | string =
  skipWithoutBrowser ||
  (process.platform !== 'linux' ? 'fontconfig override is Linux-only' : latinFontDirs().length === 0 ? 'no Latin-only font folder to keep' : false);

test('bundled fonts in Chromium', { skip: skipWithoutBrowser }, async (t) => {
  const outDir = await awkwardTempDir();
  const { indexHtml } = await writeDeckSite(fiveSlideDeck(), outDir);

  await t.test('the deck loads "Dangke Sans" and "Dangke Serif" from its own folder and draws with them', async () => {
    await withSharedBrowser(
      async (browser) => {
        const { page, blocked } = await openDeck(browser, indexHtml);
        const state = await page.evaluate(async () => {
          // Faces load when text first needs them; load all to prove each one decodes (Chromium's OTS is strict).
          await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
          const faces = [...document.fonts].map((face) => ({ family: face.family.replace(/"/g, ''), weight: face.weight, status: face.status }));
          const h1 = document.querySelector('.reveal section.cover h1');
          const body = document.querySelector('.reveal');
          return {
            faces,
            sansCheck: document.fonts.check('16px "Dangke Sans"', '党'),
            serifCheck: document.fonts.check('bold 16px "Dangke Serif"', '党'),
            titleFont: h1 ? getComputedStyle(h1).fontFamily : '',
            bodyFont: body ? getComputedStyle(body).fontFamily : '',
          };
        });
        const loaded = state.faces.filter((face) => face.status === 'loaded').map((face) => `${face.family} ${face.weight}`);
        assert.ok(loaded.includes('Dangke Sans 400'), JSON.stringify(state.faces));
        assert.ok(loaded.includes('Dangke Sans 700'), JSON.stringify(state.faces));
        assert.ok(loaded.includes('Dangke Serif 700'), JSON.stringify(state.faces));
        assert.equal(state.faces.filter((face) => face.status === 'error').length, 0, 'no face failed to load or decode');
        assert.equal(state.sansCheck, true);
        assert.equal(state.serifCheck, true);
        assert.match(state.titleFont, /^"Dangke Serif"/);
        assert.match(state.bodyFont, /^"Dangke Sans"/);
        assert.deepEqual(blocked, []);
      },
    );
  });

  // Both tests below run a Chromium that sees no Chinese system font; one browser serves them both.
  const withoutChinese = skipWithoutLatinFonts ? undefined : sharedBrowser({ executablePath: browserPath, env: { FONTCONFIG_FILE: await fontconfigWithoutChinese() } });
  try {
    await t.test('with no Chinese system font, Chinese still renders from the bundled fonts', { skip: skipWithoutLatinFonts }, async () => {
      const { page } = await openDeck(await withoutChinese!.get(), indexHtml);
      // Both characters are in the five-slide deck, so in its subset.
      await assertBundledChineseGlyphs(page);
      const title = await page.evaluate(() => {
        const text = document.querySelector('.reveal section.cover h1')?.textContent ?? '';
        return { text, check: document.fonts.check('bold 76px "Dangke Serif"', text) };
      });
      assert.equal(title.check, true, `every character of ${title.text} is in the serif subset`);
    });

    await t.test('with no Chinese system font, the PDF still has the text, in the bundled fonts', { skip: skipWithoutLatinFonts }, async () => {
      const pdfPath = join(outDir, 'no-cjk.pdf');
      await exportSlidesPdf(await withoutChinese!.get(), indexHtml, pdfPath, { title: '“两学一做”学习教育' });
      const facts = await readPdf(pdfPath);
      assert.ok(facts.texts[0]?.includes('“两学一做”学习教育'), facts.texts[0]);
      const rows = await pdffonts(pdfPath);
      if (rows) {
        const chinese = rows.filter((row) => /Noto(Sans|Serif)SC/.test(row.name));
        assert.ok(chinese.length >= 2, JSON.stringify(rows));
        assert.ok(chinese.every((row) => row.type === 'CID TrueType' && row.embedded), JSON.stringify(rows));
      }
    });
  } finally {
    await withoutChinese?.close();
  }
});
