// A large deck prints in batches (issue 16: one call for 3,000 slides outlasted the browser's timeout).
// Here a small deck is printed in batches of 3 and once whole: the same pages with the same text, and the
// joined PDF's tags consistent (every page tagged, every page's StructParents key in the parent tree, once;
// every element's page one of the document's pages) and the footers numbered in the whole deck.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { pathToFileURL } from 'node:url';
import { withGuardedPage } from '../../src/export/browser.ts';
import { handoutHtml } from '../../src/export/handout-html.ts';
import { handoutLayout } from '../../src/export/handout-layout.ts';
import { fitHandout, printHandout } from '../../src/export/handout-pdf.ts';
import { savePdf } from '../../src/export/pdf-finish.ts';
import { printSlides, printTimeoutMs } from '../../src/export/slides-pdf.ts';
import { protocolTimeoutForDecks } from '../../src/export/timeouts.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { renderDeck } from '../../src/render/index.ts';
import { awkwardTempDir, skipWithoutBrowser, withSharedBrowser } from '../helpers/browser.ts';
import { readPdf } from '../helpers/pdf.ts';

const SLIDES = 8;
const MARKDOWN =
  '---\ntitle: 分批打印\n---\n\n' +
  Array.from({ length: SLIDES }, (_, index) =>
    index % 4 === 0
      ? `<!-- .slide: class="divider" -->\n\n## 第${index / 4 + 1}部分\n\n# 第${index + 1}张分隔页\n\nNote:\n讲稿${index + 1}。`
      : `<!-- .slide: class="points" -->\n\n## 第${index + 1}张幻灯片\n\n- 要点甲${index + 1}\n- 要点乙${index + 1}\n\nNote:\n讲稿${index + 1}。`,
  ).join('\n\n---\n\n');

/** Parent-tree keys, each page's StructParents, and whether every element's /Pg is one of the pages. */
function tagFacts(doc: PDFDocument): { keys: number[]; pageKeys: number[]; elementsOnKnownPages: boolean; elements: number; pagesWithElements: number } {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
  const keys: number[] = [];
  for (let index = 0; index < nums.size(); index += 2) keys.push(nums.lookup(index, PDFNumber).asNumber());
  const pageRefs = new Set(doc.getPages().map((page) => page.ref.toString()));
  // A page with nothing tagged on it (an empty one) has no key.
  const pageKeys = doc
    .getPages()
    .map((page) => page.node.get(PDFName.of('StructParents')))
    .filter((key): key is PDFNumber => key instanceof PDFNumber)
    .map((key) => key.asNumber());
  let elements = 0;
  let elementsOnKnownPages = true;
  const pagesWithElements = new Set<string>();
  const seen = new Set<string>();
  const visit = (object: unknown): void => {
    if (object instanceof PDFRef) {
      if (seen.has(object.toString())) return;
      seen.add(object.toString());
      visit(doc.context.lookup(object));
    } else if (object instanceof PDFArray) {
      object.asArray().forEach(visit);
    } else if (object instanceof PDFDict && object.get(PDFName.of('S')) !== undefined) {
      elements += 1;
      const page = object.get(PDFName.of('Pg'));
      if (page instanceof PDFRef && !pageRefs.has(page.toString())) elementsOnKnownPages = false;
      if (page instanceof PDFRef) pagesWithElements.add(page.toString());
      visit(object.get(PDFName.of('K')));
    }
  };
  visit(root.get(PDFName.of('K')));
  return { keys, pageKeys, elementsOnKnownPages, elements, pagesWithElements: pagesWithElements.size };
}

test('printTimeoutMs grows with the work', () => {
  assert.equal(printTimeoutMs(0), 60_000);
  assert.ok(printTimeoutMs(3000) > printTimeoutMs(300));
  assert.ok(printTimeoutMs(3000) >= 180_000);
});

test('the browser protocol timeout grows with the largest deck, from its size', () => {
  // The example deck (15 KB) keeps the browser's default 2 minutes; a 3,000-slide deck (2.5 MB) gets minutes more.
  assert.ok(protocolTimeoutForDecks(15_000) <= 120_000);
  assert.ok(protocolTimeoutForDecks(2_500_000) >= 10 * 60_000);
  assert.ok(protocolTimeoutForDecks(2_500_000) > protocolTimeoutForDecks(250_000));
});

test('a deck printed in batches gives the same pages, text and tags as printed whole', { skip: skipWithoutBrowser }, async () => {
  const dir = await awkwardTempDir();
  const source = readDeckMarkdown(MARKDOWN, 'slides/分批.md').value;
  const deck = renderDeck(source).value;
  assert.equal(deck.slideCount, SLIDES);
  await writeDeckSite(deck, dir);
  const indexHtml = join(dir, 'index.html');
  const meta = { title: '分批打印', slideCount: SLIDES };

  const [whole, batched] = await withSharedBrowser(
    async (browser) => [
      await printSlides(browser, indexHtml, meta, { outline: false }),
      await printSlides(browser, indexHtml, meta, { outline: false, batchSlides: 3 }),
    ],
  );
  await writeFile(join(dir, 'whole.pdf'), whole.pdf);
  await writeFile(join(dir, 'batched.pdf'), batched.pdf);
  const [wholeText, batchedText] = [await readPdf(join(dir, 'whole.pdf')), await readPdf(join(dir, 'batched.pdf'))];
  assert.equal(whole.batches, 1);
  assert.equal(batched.batches, 3, 'printed in batches of 3 (each from a page holding only its slides: batch-pages.ts)');
  assert.equal(batchedText.pages, SLIDES);
  assert.deepEqual(batchedText.texts, wholeText.texts);
  // The footers count the whole deck, not the batch (keepOnlySlides in slides-pdf.ts).
  assert.match(batchedText.texts[SLIDES - 1]!, new RegExp(`${SLIDES}\\s*/\\s*${SLIDES}`));
  assert.deepEqual(batchedText.sizes, wholeText.sizes);
  assert.equal(batched.fits.length, SLIDES);

  const wholeTags = tagFacts(await PDFDocument.load(whole.pdf));
  const tags = tagFacts(await PDFDocument.load(batched.pdf));
  // Every batch is tagged (each prints from a page of its own, see printBatches): every page that carries
  // structure when printed whole carries it batched, with elements of the joined tree on it. (Chromium
  // tags the first page of each print in detail and every later page as one element, so the batched tree
  // has more elements than the whole one, not fewer.)
  assert.equal(wholeTags.pageKeys.length, SLIDES, `tagged pages printed whole: ${wholeTags.pageKeys.length}`);
  assert.equal(tags.pageKeys.length, SLIDES, `tagged pages printed in batches: ${tags.pageKeys.length}`);
  assert.equal(tags.pagesWithElements, SLIDES, `pages with structure elements: ${tags.pagesWithElements}`);
  assert.ok(tags.elements >= wholeTags.elements, `elements: ${tags.elements} batched, ${wholeTags.elements} whole`);
  assert.equal(new Set(tags.pageKeys).size, tags.pageKeys.length, `page keys ${tags.pageKeys.join(',')}`);
  assert.equal(new Set(tags.keys).size, tags.keys.length, `parent-tree keys ${tags.keys.join(',')}`);
  for (const key of tags.pageKeys) assert.ok(tags.keys.includes(key), `page key ${key} not in the parent tree`);
  assert.ok(tags.elementsOnKnownPages, 'an element points at a page that is not in the document');
});

test('a handout printed in batches of sheets gives the same pages and text as printed whole', { skip: skipWithoutBrowser }, async () => {
  const dir = await awkwardTempDir();
  const source = readDeckMarkdown(MARKDOWN, 'slides/分批.md').value;
  const deck = renderDeck(source).value;
  await writeDeckSite(deck, dir);
  const layout = handoutLayout(1, 1280, 720);
  const html = handoutHtml({
    title: '分批打印',
    layout,
    slides: Array.from({ length: SLIDES }, (_, index) => ({ number: index + 1, notesHtml: `<p>讲稿${index + 1}。</p>` })),
    cssFiles: ['assets/fonts.css'],
  });
  const [whole, batched] = await withSharedBrowser(
    (browser) =>
      withGuardedPage(browser, async (page, watch) => {
        // The handout is written over the deck's page in a build: its relative links resolve from there.
        await page.goto(pathToFileURL(join(dir, 'index.html')).href);
        await fitHandout(page, html, layout, watch.pageErrors, SLIDES);
        return [await savePdf(await printHandout(page, SLIDES)), await savePdf(await printHandout(page, SLIDES, 3))];
      }),
  );
  await writeFile(join(dir, 'handout-whole.pdf'), whole);
  await writeFile(join(dir, 'handout-batched.pdf'), batched);
  const [wholeText, batchedText] = [await readPdf(join(dir, 'handout-whole.pdf')), await readPdf(join(dir, 'handout-batched.pdf'))];
  assert.equal(wholeText.pages, SLIDES);
  assert.equal(batchedText.pages, SLIDES);
  assert.deepEqual(batchedText.texts, wholeText.texts);
  assert.deepEqual(batchedText.sizes, wholeText.sizes);
});
