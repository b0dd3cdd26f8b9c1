// The slides PDF in a real Chromium: one page per slide (fragments not duplicated), 16:9 pages, Chinese
// text that can be searched and copied, fonts embedded, the deck title as the PDF's Title.
import assert from 'node:assert/strict';
import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { countPdfPages } from '../../src/export/pdf-pages.ts';
import { exportSlidesPdf, printUrl } from '../../src/export/slides-pdf.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir, skipWithoutBrowser, testOutputDir, withSharedBrowser } from '../helpers/browser.ts';
import { deckOf, fiveSlideDeck, LAYOUT_SLIDES } from '../helpers/browser-deck.ts';
import { readPdf } from '../helpers/pdf.ts';
import { pdffonts } from './pdffonts.ts';

const TITLE = '“两学一做”学习教育';

test('printUrl: file URL with ?print-pdf, Chinese and spaces encoded', () => {
  assert.equal(printUrl('/tmp/字/文 章/index.html'), 'file:///tmp/%E5%AD%97/%E6%96%87%20%E7%AB%A0/index.html?print-pdf');
});

test('countPdfPages: counts /Type /Page, not /Pages', () => {
  const fake = new TextEncoder().encode('<< /Type /Pages /Count 2 >> << /Type /Page >> <</Type/Page/Parent 1 0 R>>');
  assert.equal(countPdfPages(fake), 2);
});

test('exportSlidesPdf in Chromium', { skip: skipWithoutBrowser }, async (t) => {
  const outDir = await awkwardTempDir();
  const { indexHtml } = await writeDeckSite(fiveSlideDeck(), outDir);
  const pdfPath = join(outDir, '幻灯片 slides.pdf');

  await withSharedBrowser(
    async (browser) => {
      const started = performance.now();
      const result = await exportSlidesPdf(browser, indexHtml, pdfPath, { title: TITLE });
      const elapsed = performance.now() - started;
      t.diagnostic(`exportSlidesPdf, 5 slides: ${elapsed.toFixed(0)} ms (browser already running)`);
      await copyFile(pdfPath, join(await testOutputDir('pdf'), 'five-slides.pdf'));
      const facts = await readPdf(pdfPath);

      await t.test('one page per slide, fragments not duplicated', () => {
        assert.equal(result.pages, 5);
        assert.equal(facts.pages, 5);
      });

      await t.test('16:9 pages: 1280×720 px = 960×540 pt', () => {
        for (const size of facts.sizes) assert.deepEqual(size, { width: 960, height: 540 });
      });

      // Compared as extracted, with no Unicode normalisation: search and copy in a PDF viewer see these code points.
      const texts = facts.texts;
      await t.test('Chinese text extractable, fragments printed, footer and numbers on content pages', () => {
        assert.ok(texts[0]?.includes('“两学一做”学习教育'), texts[0]);
        assert.ok(texts[2]?.includes('学党章党规') && texts[2].includes('做合格党员'), texts[2]);
        assert.ok(texts[3]?.includes('25.5万个'), texts[3]);
        assert.ok(texts[1]?.includes('2 / 5'), texts[1]);
        assert.ok(!texts.join('').includes('讲稿'), 'speaker notes are not printed on slides');
      });

      // Chromium's PDF writer (Skia) maps a glyph to the first code point the font's cmap gives it; Noto CJK
      // shares glyphs between 一大人月日… and the Kangxi radicals ⼀⼤⼈⽉⽇, so with the system's fonts copy and
      // search in the PDF yielded radicals. The deck's own subset maps each glyph from the deck's characters only.
      await t.test('copied text has no Kangxi radicals in place of ideographs', () => {
        const all = facts.texts.join('');
        assert.doesNotMatch(all, /[\u2e80-\u2fdf]/u);
        for (const ideograph of ['一', '大', '人', '支']) assert.ok(all.includes(ideograph), `${ideograph} (U+${ideograph.codePointAt(0)?.toString(16)}) in the text`);
      });

      await t.test('metadata Title is the deck title', () => {
        assert.equal(facts.title, TITLE);
      });

      await t.test('bookmarks from the headings', () => {
        assert.ok(facts.outline.some((title) => title.includes('两学一做')), JSON.stringify(facts.outline));
      });

      await t.test('fonts embedded', async () => {
        assert.ok(facts.fonts.length > 0, 'pages draw text with fonts');
        assert.ok(facts.fonts.every((font) => font.embedded), JSON.stringify(facts.fonts.filter((font) => !font.embedded)));
        const rows = await pdffonts(pdfPath);
        if (rows === undefined) {
          t.diagnostic('pdffonts (poppler-utils) not installed: embedding checked by pdf.js only');
          return;
        }
        assert.ok(rows.length > 0);
        assert.ok(rows.every((row) => row.embedded), JSON.stringify(rows.filter((row) => !row.embedded)));
        // The deck's bundled subsets, embedded as TrueType: not Type 3 outlines of the system's .ttc fonts.
        assert.ok(rows.every((row) => row.type === 'CID TrueType'), JSON.stringify(rows));
        assert.ok(rows.every((row) => /\+Noto(Sans|Serif)SC-/.test(row.name)), JSON.stringify(rows));
      });

      await t.test('no network request, no temp file left', async () => {
        assert.deepEqual(result.blockedRequests, []);
        assert.deepEqual((await readdir(outDir)).filter((name) => name.endsWith('.tmp')), []);
      });

      await t.test('4:3 deck → 720×540 pt pages', async () => {
        const dir = await awkwardTempDir();
        const site = await writeDeckSite(deckOf(LAYOUT_SLIDES.slice(0, 3), { aspect: '4:3' }), dir);
        const path = join(dir, 'slides.pdf');
        const fourThree = await exportSlidesPdf(browser, site.indexHtml, path, { title: TITLE, aspect: '4:3' });
        assert.equal(fourThree.pages, 3);
        for (const size of (await readPdf(path)).sizes) assert.deepEqual(size, { width: 720, height: 540 });
      });
    },
  );
});
