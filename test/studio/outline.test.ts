// The studio's map of the editor's text: which lines each slide spans (as the reader splits them), and
// the layout picker's edit of a slide's `.slide` comment.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slidesInOrder } from '../../src/check/context.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { layoutOf, outline, slideAt, withLayout } from '../../src/studio/client/outline.ts';

const DECK = [
  '---', // 1
  'title: 测试', // 2
  '---', // 3
  '', // 4
  '<!-- .slide: class="cover" data-timing="13" -->', // 5
  '', // 6
  '# 封面', // 7
  '', // 8
  '---', // 9
  '', // 10
  '## 第二张', // 11
  '', // 12
  '```', // 13
  '---', // 14 (inside a fence: not a separator)
  '```', // 15
  '', // 16
  'Note:', // 17
  '讲稿', // 18
  '--', // 19
  '## 纵向', // 20
  '---', // 21
  '', // 22
  '---', // 23
  '## 最后', // 24
].join('\n');

describe('studio outline', () => {
  it('finds each slide where the reader does, skipping blank chunks and fenced separators', () => {
    const map = outline(DECK);
    assert.equal(map.frontMatterEnd, 3);
    assert.deepEqual(
      map.slides.map((slide) => [slide.from, slide.first, slide.attributesLine]),
      [
        [4, 5, 5],
        [10, 11, undefined],
        [20, 20, undefined],
        [24, 24, undefined],
      ],
    );
    // Same count as the reader, so slide i in the preview is slide i here.
    assert.equal(map.slides.length, slidesInOrder(readDeckMarkdown(DECK, 'x.md').value).length);
  });

  it('says which slide a line belongs to (the front matter belongs to the first)', () => {
    const map = outline(DECK);
    assert.deepEqual([1, 5, 9, 10, 14, 19, 20, 23, 24].map((line) => slideAt(map, line)), [0, 0, 0, 1, 1, 1, 2, 2, 3]);
  });

  it('sets, replaces and removes the layout class, keeping other attributes and variants', () => {
    assert.equal(withLayout(undefined, 'points'), '<!-- .slide: class="points" -->');
    assert.equal(withLayout(undefined, ''), '');
    assert.equal(withLayout('<!-- .slide: class="cover" data-timing="13" -->', 'quote'), '<!-- .slide: class="quote" data-timing="13" -->');
    assert.equal(withLayout('<!-- .slide: class="agenda two-columns" -->', 'points'), '<!-- .slide: class="points two-columns" -->');
    assert.equal(withLayout('<!-- .slide: data-timing="40" -->', 'stats'), '<!-- .slide: class="stats" data-timing="40" -->');
    assert.equal(withLayout('<!-- .slide: class="cover" data-timing="13" -->', ''), '<!-- .slide: data-timing="13" -->');
    assert.equal(layoutOf('two-columns agenda'), 'agenda');
    assert.equal(layoutOf(''), '');
  });
});
