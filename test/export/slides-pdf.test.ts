// The slides PDF in a real Chromium: one page per slide (fragments not duplicated), 16:9 pages, Chinese
// text that can be searched and copied, fonts embedded, the deck title as the PDF's Title.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { withBrowser } from '../../src/export/browser.ts';
import { countPdfPages } from '../../src/export/pdf-pages.ts';
import { exportSlidesPdf, printUrl } from '../../src/export/slides-pdf.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir, browserPath, skipWithoutBrowser, testOutputDir } from '../helpers/browser.ts';
import { deckOf, fiveSlideDeck, LAYOUT_SLIDES } from '../helpers/browser-deck.ts';
import { readPdf } from '../helpers/pdf.ts';

const TITLE = '“两学一做”学习教育';

/** `pdffonts` (poppler-utils) rows as { name, type, embedded }, or undefined when poppler is missing. */
async function pdffonts(path: string): Promise<Array<{ type: string; embedded: boolean }> | undefined> {
  try {
    const { stdout } = await promisify(execFile)('pdffonts', [path]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        // Columns: name type encoding emb sub uni object ID; "Type 3" and "CID TrueType" contain spaces.
        const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
        return { type: match?.[2] ?? '?', embedded: match?.[4] === 'yes' };
      });
  } catch {
    return undefined;
  }
}

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

  await withBrowser(
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

      // NFKC: see the Kangxi-radical todo below; the glyphs are right, only their Unicode mapping is not.
      const texts = facts.texts.map((text) => text.normalize('NFKC'));
      await t.test('Chinese text extractable, fragments printed, footer and numbers on content pages', () => {
        assert.ok(texts[0]?.includes('“两学一做”学习教育'), texts[0]);
        assert.ok(texts[2]?.includes('学党章党规') && texts[2].includes('做合格党员'), texts[2]);
        assert.ok(texts[3]?.includes('25.5万个'), texts[3]);
        assert.ok(texts[1]?.includes('2 / 5'), texts[1]);
        assert.ok(!texts.join('').includes('讲稿'), 'speaker notes are not printed on slides');
      });

      // Chromium's PDF writer (Skia) maps a glyph to the first code point the font's cmap gives it; Noto CJK
      // shares glyphs between 一大人月日… and the Kangxi radicals ⼀⼤⼈⽉⽇, so copy/search in the PDF
      // yields radicals. A per-deck font subset (cmap holding only the deck's characters) fixes it.
      await t.test('copied text has no Kangxi radicals in place of ideographs', { todo: 'needs the bundled font subset' }, () => {
        assert.doesNotMatch(facts.texts.join(''), /[\u2e80-\u2fdf]/u);
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
    { executablePath: browserPath },
  );
});
