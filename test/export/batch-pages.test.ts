// The pages a big deck prints its batches from (batch-pages.ts): index.html with the slides outside a
// batch replaced by empty stand-ins, still counted as the whole deck counts them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchPageHtml, planBatches, shownSlideCount, splitDeckPage } from '../../src/export/batch-pages.ts';
import { mergeMeasured } from '../../src/export/measured-batches.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { renderDeck } from '../../src/render/index.ts';
import type { MeasuredDeck, MeasuredSlide } from '../../src/office/pptx/slide-model.ts';

const HEAD = '<!doctype html>\n<html><head><title>t</title></head>\n<body>\n<div class="reveal"><div class="slides">';
const TAIL = '</div></div>\n<footer id="dangke-footer" hidden>x</footer>\n<script src="assets/deck.js"></script>\n</body>\n</html>\n';

function page(markdown: string): { html: string; slideCount: number } {
  const deck = renderDeck(readDeckMarkdown(`---\ntitle: 分批\n---\n\n${markdown}`, 'slides/分批.md').value).value;
  return { html: `${HEAD}\n${deck.sectionsHtml}${TAIL}`, slideCount: deck.slideCount };
}

const NAMES = ['甲', '乙', '丙', '丁', '戊', '己'];
const slides = (count: number): string => NAMES.slice(0, count).map((name) => `## ${name}\n\n正文`).join('\n\n---\n\n');

test('a page is split into its slides and put back together unchanged', () => {
  const { html, slideCount } = page(slides(5));
  const split = splitDeckPage(html, slideCount);
  assert.ok(split);
  assert.equal(split.slides.length, 5);
  assert.equal((split.head + split.slides.map((slide) => slide.html).join('') + split.tail).replace(/\s+/g, ''), html.replace(/\s+/g, ''));
  assert.equal(shownSlideCount(split), 5);
  // All of it in one batch: the page itself, but for the whitespace between slides.
  assert.equal(batchPageHtml(split, 0, 5).replace(/\s+/g, ''), html.replace(/\s+/g, ''));
});

test('a batch page keeps its own slides and an empty stand-in for every other', () => {
  const { html, slideCount } = page(slides(6));
  const split = splitDeckPage(html, slideCount)!;
  const batch = batchPageHtml(split, 2, 4);
  assert.equal(batch.match(/<section\b/g)?.length, 6, 'every slide still there to be counted');
  assert.equal(batch.match(/<section><\/section>/g)?.length, 4);
  assert.match(batch, /丙/);
  assert.match(batch, /丁/);
  assert.doesNotMatch(batch, /乙|戊/);
  assert.ok(batch.startsWith(HEAD) && batch.endsWith(TAIL));
});

test('a vertical stack counts its slides; one the batch cuts through is kept whole', () => {
  // Slides: 1, then 2 with 3 and 4 below it (a stack), then 5.
  const { html, slideCount } = page('## 一\n\n---\n\n## 二\n\n--\n\n## 三\n\n--\n\n## 四\n\n---\n\n## 五');
  const split = splitDeckPage(html, slideCount)!;
  assert.deepEqual(split.slides.map((slide) => slide.leaves), [1, 3, 1]);
  const batch = batchPageHtml(split, 0, 2);
  assert.match(batch, /一/);
  assert.match(batch, /四/, 'the stack the batch ends in is kept whole (the page hides what lies outside)');
  assert.equal(batch.match(/<section><\/section>/g)?.length, 1);
  assert.equal(batchPageHtml(split, 4, 5).match(/<section><\/section>/g)?.length, 4);
});

test('slides hidden by their author are kept as written and not counted as shown', () => {
  const { html, slideCount } = page('## 一\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n\n## 藏\n\n---\n\n## 三');
  const split = splitDeckPage(html, slideCount)!;
  assert.equal(shownSlideCount(split), 2);
  // Shown slide 1 (0-based) is 三: the hidden one comes before it and stays.
  const batch = batchPageHtml(split, 1, 2);
  assert.match(batch, /藏/);
  assert.match(batch, /三/);
  assert.doesNotMatch(batch, /一/);
});

test('a comment holding section tags is skipped; a page not as the renderer wrote it is not split', () => {
  const commented = page('## 一\n\n<!-- </section><section> -->\n\n---\n\n## 二');
  assert.equal(splitDeckPage(commented.html, commented.slideCount)?.slides.length, 2);
  // A section the author wrote into a slide is the slide the browser counts (the innermost): so here too.
  const raw = page('## 一\n\n<section>自己写的</section>\n\n---\n\n## 二');
  assert.deepEqual(splitDeckPage(raw.html, raw.slideCount)?.slides.map((slide) => slide.leaves), [1, 1]);
  assert.equal(splitDeckPage('<html><body>no deck</body></html>', 1), undefined);
  const { html } = page(slides(3));
  assert.equal(splitDeckPage(html, 4), undefined);
});

test('batches: one for a small deck, else at least two of near equal size, none larger than asked', () => {
  assert.deepEqual(planBatches(28, 200, 120), [{ first: 0, last: 28 }]);
  assert.deepEqual(planBatches(300, 200, 120), [{ first: 0, last: 150 }, { first: 150, last: 300 }]);
  const big = planBatches(3000, 200, 120);
  assert.equal(big.length, 15);
  assert.equal(big[0]!.first, 0);
  assert.equal(big.at(-1)!.last, 3000);
  for (const [index, batch] of big.entries()) {
    assert.ok(batch.last - batch.first <= 200);
    if (index > 0) assert.equal(batch.first, big[index - 1]!.last);
  }
  assert.equal(planBatches(8, 3, 4).length, 3);
});

test('the batches\' measurements merge in order, each distinct background picture once', () => {
  const slide = (background: number, name: string): MeasuredSlide => ({ classes: [name], shapes: [], pictures: [], texts: [], background });
  const deck = (backgrounds: number[][], slides: MeasuredSlide[]): MeasuredDeck => ({
    width: 1280,
    height: 720,
    backgrounds: backgrounds.map((bytes) => new Uint8Array(bytes)),
    slides,
    colors: { ink: '222222', accent: 'a4000f', accent2: 'd9a93f', paper: 'ffffff' },
  });
  const merged = mergeMeasured([
    deck([[1, 2], [3]], [slide(0, 'a'), slide(-1, 'b'), slide(1, 'c')]),
    deck([[3], [4]], [slide(1, 'd'), slide(0, 'e')]),
  ]);
  assert.deepEqual(merged.slides.map((s) => s.classes[0]), ['a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(merged.backgrounds.map((bytes) => [...bytes]), [[1, 2], [3], [4]]);
  assert.deepEqual(merged.slides.map((s) => s.background), [0, -1, 1, 2, 1]);
});
