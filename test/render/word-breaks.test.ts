// Word breaks in rendered slide text: a <wbr> at each word boundary of Chinese text, none inside a word,
// none in the notes, and the Markdown itself untouched.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMarkdown } from '../../src/render/markdown.ts';
import { wordBoundaries } from '../../src/render/word-breaks.ts';

function render(markdown: string, part: 'body' | 'notes' = 'body'): string {
  return createMarkdown().render(markdown, { file: 'f.md', slideLine: 1, part, diagnostics: [] });
}

/** The text between <wbr> marks, tags removed: the pieces a line may break between. */
function pieces(html: string): string[] {
  return html.replace(/<(?!wbr>)[^>]*>/g, '').trim().split('<wbr>');
}

describe('word breaks in slide text', () => {
  it('puts a <wbr> between words and none inside them', () => {
    assert.deepEqual(pieces(render('## 推进乡村振兴战略')), ['推进', '乡村', '振兴', '战略']);
    assert.deepEqual(pieces(render('- 批评和自我批评')), ['批评', '和', '自我', '批评']);
  });

  it("breaks after a phrase's closing punctuation and before an opening one, never on the other side", () => {
    // Chromium takes no break after a full-width comma under keep-all: without these a long title could
    // only overflow-wrap, which may start a line with the comma.
    assert.equal(render('不忘初心、牢记使命'), '<p>不忘<wbr>初心、<wbr>牢记<wbr>使命</p>\n');
    assert.deepEqual(pieces(render('## 做**合格，**党员，开展“两学一做”学习教育')), ['做', '合格，', '党员，', '开展', '“两学一做”学习', '教育']);
  });

  it('leaves Latin words and spaces to the browser', () => {
    assert.equal(render('hello world'), '<p>hello world</p>\n');
  });

  it('keeps a number with what follows it and a row of single characters whole', () => {
    assert.deepEqual(pieces(render('- **50多名** 党员发展到3000多名')), ['50多名 党员', '发展', '到', '3000多名']);
    assert.ok(pieces(render('“两学一做”学习教育')).includes('“两学一做”学习'));
  });

  it('marks boundaries across emphasis and escapes the text around them', () => {
    assert.equal(render('以**普通党员**参加<学习>'), '<p>以<strong><wbr>普通<wbr>党员</strong><wbr>参加&lt;学习&gt;</p>\n');
  });

  it('leaves the notes as running text', () => {
    assert.equal(render('推进乡村振兴战略', 'notes'), '<p>推进乡村振兴战略</p>\n');
  });

  it('gives offsets that split the text into its words', () => {
    const text = '深入学习贯彻党的二十大精神';
    const offsets = wordBoundaries(text);
    assert.ok(offsets.length >= 4);
    assert.ok(offsets.every((offset, index) => offset > 0 && offset < text.length && offset > (offsets[index - 1] ?? 0)));
  });

  it('finds the same words in a long text as in each of its sentences (the segmenter is asked a piece at a time)', () => {
    // Pieces end at a phrase's punctuation or a space, so a word is never cut: the long text's boundaries
    // are each sentence's own, shifted, plus one between sentences (after 。 before a Han character).
    const sentences = ['推进乡村振兴战略，深入学习贯彻党的二十大精神。', '坚持和加强党的全面领导 ', '（一）不忘初心、牢记使命。'];
    const text = Array.from({ length: 120 }, (_, index) => sentences[index % sentences.length]).join('');
    assert.ok(text.length > 3 * 512, 'longer than a few pieces');
    const expected: number[] = [];
    let start = 0;
    for (let index = 0; index < 120; index += 1) {
      const sentence = sentences[index % sentences.length]!;
      if (start > 0 && !text[start - 1]!.match(/\s/)) expected.push(start);
      expected.push(...wordBoundaries(sentence).map((offset) => start + offset));
      start += sentence.length;
    }
    // Leading spaces move every piece's end to another place in the words; none may change them.
    for (let shift = 0; shift < 8; shift += 1) {
      const shifted = expected.map((offset) => offset + shift);
      assert.deepEqual(wordBoundaries(' '.repeat(shift) + text), shifted, `shifted by ${shift}`);
    }
  });
});
