// A deck exported in batches (a big deck's way, issue 16: each batch printed and measured from a page of
// its own, two at a time) gives what it gives exported whole: the same slides.pdf text page by page (the
// footers numbered in the whole deck), the same .pptx slides with the same text, the same fits, and, with
// pictures asked for, a picture of every slide. A small deck with batches of 3 stands in for a big one.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { exportDeck } from '../../src/export/export-deck.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { renderDeck } from '../../src/render/index.ts';
import { awkwardTempDir, skipWithoutBrowser, withSharedBrowser } from '../helpers/browser.ts';
import { readPdf } from '../helpers/pdf.ts';
import { elements, readPptx, slideParts } from '../helpers/pptx.ts';

const LAYOUTS = ['points', 'cards', 'stats', 'quote', 'timeline', 'points', 'cards'];
const MARKDOWN =
  '---\ntitle: 分批导出\nspeaker: 张三\n---\n\n<!-- .slide: class="cover" -->\n\n# 分批导出\n\n## 大幻灯片的做法\n\nNote:\n开场。\n\n---\n\n' +
  LAYOUTS.map((layout, index) => {
    const body =
      layout === 'quote' ? `> 第${index + 2}张的引文内容\n\n—— 习近平总书记`
      : layout === 'stats' ? `## 第${index + 2}张数字\n\n- **${index + 30}万名** 党员\n- **${index + 8}个** 支部`
      : layout === 'timeline' ? `## 第${index + 2}张历程\n\n- **2016年2月** 印发方案\n- **2017年3月** 推进常态化`
      : `## 第${index + 2}张要点\n\n- 要点甲${index + 2}\n- 要点乙${index + 2}`;
    return `<!-- .slide: class="${layout}" -->\n\n${body}\n\nNote:\n讲稿${index + 2}。`;
  }).join('\n\n---\n\n');

/** Each slide's text in the .pptx, in order. */
function pptxTexts(bytes: Uint8Array): string[] {
  const pkg = readPptx(bytes);
  return slideParts(pkg).map((part) => elements(pkg.xml.get(part)!, 'a:t').map((node) => node.textContent ?? '').join('|'));
}

test('a deck exported in batches gives the same slides.pdf, .pptx and pictures as exported whole', { skip: skipWithoutBrowser }, async () => {
  const source = readDeckMarkdown(MARKDOWN, 'slides/分批.md').value;
  const deck = renderDeck(source).value;
  assert.equal(deck.slideCount, LAYOUTS.length + 1);
  const [wholeDir, batchedDir] = [await awkwardTempDir(), await awkwardTempDir()];
  await writeDeckSite(deck, wholeDir);
  await writeDeckSite(deck, batchedDir);
  const [whole, batched] = await withSharedBrowser(
    async (browser) => [
      await exportDeck(browser, deck, source, wholeDir, { handout: 2 }),
      await exportDeck(browser, deck, source, batchedDir, { handout: 2, images: true, printBatchSlides: 3 }),
    ],
  );
  const [wholePdf, batchedPdf] = [await readPdf(whole.slidesPdf), await readPdf(batched.slidesPdf)];
  assert.equal(batchedPdf.pages, deck.slideCount);
  assert.deepEqual(batchedPdf.texts, wholePdf.texts);
  assert.match(batchedPdf.texts.at(-1)!, new RegExp(`${deck.slideCount}\\s*/\\s*${deck.slideCount}`));
  assert.deepEqual(batched.fits, whole.fits);
  assert.equal(batched.pages.handout, whole.pages.handout);

  const [wholeSlides, batchedSlides] = [pptxTexts(await readFile(whole.pptx!)), pptxTexts(await readFile(batched.pptx!))];
  assert.equal(batchedSlides.length, deck.slideCount);
  assert.deepEqual(batchedSlides, wholeSlides);
  assert.match(batchedSlides[3]!.replaceAll('|', ''), /第4张数字.*4 \/ 8/);

  assert.equal(batched.images?.slides.length, deck.slideCount);
  assert.equal((await readdir(join(batchedDir, 'images'))).length, deck.slideCount);
  // No batch page left behind beside index.html.
  assert.deepEqual((await readdir(batchedDir)).filter((name) => name.startsWith('.print-')), []);
});
