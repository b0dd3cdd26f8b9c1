// Fuzz-style: ~300 random Markdown-ish strings (unclosed HTML, stray `Note:`, separator runs, broken
// comments, fences, front matter fragments). Reading may refuse a front matter with a UserError, but
// nothing else may throw, and rendering never throws and never lets an attribute out of its tag.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceDeck, SourceSlide } from '../../src/deck/model.ts';
import { UserError } from '../../src/errors.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { renderDeck } from '../../src/render/index.ts';
import { seededRandom } from '../helpers/seeded-random.ts';


const PIECES = [
  '---', '--', '----', 'Note:', 'note: 讲稿', 'Notes:', '```', '~~~', '```js', '    ', '\t', '# ', '## ', '- ', '1. ',
  '> ', '**', '*', '_', '`', '[', '](', '![', ')', '|', '<', '>', '&', '"', "'", '=', '\\', '中文', '合格，', '“',
  '”', '——', 'text', '<div>', '</div>', '<span class="', '<script>', '<!--', '-->', '<!-- .slide: class="a" -->',
  '<!-- .slide: data-x="', '<!-- .element: class="fragment" -->', '<!-- .element: "><b -->', '<!-- from: p1 -->',
  'title: x', 'date: 2026-11-27', ': ', '[a]: b', '\uFEFF', '\r', '\u0000', '\uD800', '😀', '&#0;', '<![CDATA[',
];
const BREAKS = ['\n', '\n', '\n\n', '\r\n', ' '];

function randomMarkdown(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let text = '';
  const length = Math.floor(random() * 60);
  for (let i = 0; i < length; i += 1) text += random() < 0.35 ? pick(BREAKS) : pick(PIECES);
  return text;
}

const SECTION_TAG = /<section[^>]*>/g;
const SAFE_SECTION_TAG = /^<section(?: [A-Za-z_:][-A-Za-z0-9_:.]*="[^"<>]*")*>$/;

function countSlides(slides: SourceSlide[]): number {
  return slides.reduce((sum, slide) => sum + 1 + slide.vertical.length, 0);
}

describe('fuzz: read and render never throw', () => {
  it('random decks through read and render', () => {
    const random = seededRandom(20261127);
    let refused = 0;
    for (let run = 0; run < 300; run += 1) {
      const text = randomMarkdown(random);
      const context = `run ${run}: ${JSON.stringify(text)}`;
      let deck: SourceDeck;
      try {
        deck = readDeckMarkdown(text, 'fuzz.md').value;
      } catch (error) {
        assert.ok(error instanceof UserError, `${context}: ${String(error)}`);
        refused += 1;
        continue;
      }
      const { value } = renderDeck(deck);
      assert.equal(value.slideCount, countSlides(deck.slides), context);
      for (const tag of value.sectionsHtml.match(SECTION_TAG) ?? []) assert.match(tag, SAFE_SECTION_TAG, context);
    }
    assert.ok(refused < 300, 'some runs must get through reading');
  });

  it('random slides and attributes straight into render', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 100; run += 1) {
      const attributes: Record<string, string> = {
        [randomMarkdown(random).slice(0, 8)]: randomMarkdown(random),
        class: randomMarkdown(random),
      };
      const slide: SourceSlide = {
        body: randomMarkdown(random),
        notes: randomMarkdown(random),
        attributes,
        line: 1 + Math.floor(random() * 50),
        vertical: [{ body: randomMarkdown(random), notes: '', attributes: {}, line: 3, vertical: [] }],
      };
      const { value } = renderDeck({ file: 'fuzz.md', frontMatter: { title: 'T' }, slides: [slide] });
      assert.equal(value.slideCount, 2);
      for (const tag of value.sectionsHtml.match(SECTION_TAG) ?? []) {
        assert.match(tag, SAFE_SECTION_TAG, `run ${run}: ${JSON.stringify(slide)}`);
      }
    }
  });
});
