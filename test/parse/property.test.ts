// Property tests with a seeded generator (kept next to the fast-check ones in property-fc.test.ts: its
// token mix is tuned to article shapes): parseArticle is total, and it neither loses nor duplicates body text
// (conservation, stated precisely in conservation.ts).
// The conservation generator leaves out ASCII Markdown characters (# * _ [ ] ! > - ` .), because in
// Markdown input syntax characters are dropped by design; the totality test uses every character.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../src/parse/index.ts';
import { assertWellFormed } from './projection.ts';
import { assertConserved } from './conservation.ts';
import { seededRandom } from '../helpers/seeded-random.ts';

const CASES = 500;


const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

const TOKENS = {
  words: ['党', '学习', '教育', '两学一做', '人民', '发展', '坚持', '文化', '八八战略', '同志们', '支部', '山乡巨变'],
  marks: ['。', '！', '？', '；', '，', '、', '：', '“', '”', '《', '》', '（', '）', '‘', '’', '「', '」', '……', '——', '…', '—', '【', '】', '?', ';', ',', '(', ')'],
  numbering: ['一、', '二、', '（一）', '（二）', '1.', '2、', '第一部分', '第二章', '第三节', '①', '(3)'],
  credits: ['版式设计：', '制图：', '（来源：新华社）', '（作者为某某）', '责任编辑：', '本报记者 ', '新华社北京6月1日电', '（记者 王五）', '文/'],
  captions: ['2024年7月14日，', '（2024年7月20日摄）', '（无人机照片）', '图为', '摄）'],
  columns: ['（辉煌历程）', '【榜样】'],
  spaces: [' ', '\u3000', '\u3000\u3000', '\u00a0', '\t'],
  newlines: ['\n', '\r\n', '\r', '\n\n', '\n \n', '\n\u3000\n'],
  ascii: ['abc', 'Word', '2024', '75', 'x1', '?'],
};

/** Chinese-article-shaped noise: words, marks, numbering, credit and caption fragments, odd whitespace. */
function proseInput(next: () => number): string {
  const length = 1 + Math.floor(next() * 60);
  let out = '';
  for (let index = 0; index < length; index++) {
    const roll = next();
    const group =
      roll < 0.35 ? TOKENS.words
      : roll < 0.6 ? TOKENS.marks
      : roll < 0.68 ? TOKENS.numbering
      : roll < 0.74 ? TOKENS.credits
      : roll < 0.79 ? TOKENS.captions
      : roll < 0.81 ? TOKENS.columns
      : roll < 0.87 ? TOKENS.spaces
      : roll < 0.97 ? TOKENS.newlines
      : TOKENS.ascii;
    out += pick(next, group);
  }
  return out;
}

/** Anything at all: control characters, lone surrogates, Markdown syntax, BOMs, astral characters. */
function anyInput(next: () => number): string {
  const alphabet = [
    ...'#*_[]()!>-`.=~|\\/:;,?"\'<>{}\n\r\t \u3000\u00a0\ufeff\u200b\u0000\u0007',
    ...'党课学习。！？；“”（）《》……——、：',
    '\ud800', '\udc00', '😀', '𠀀', '# ', '## ', '**', '](', '---', '\n---\n', '![a](b)',
  ];
  const length = Math.floor(next() * 80);
  let out = '';
  for (let index = 0; index < length; index++) out += pick(next, alphabet);
  return out;
}

test(`parseArticle never throws and gives a well-formed Article (${CASES} random inputs, both formats)`, () => {
  for (let seed = 1; seed <= CASES; seed++) {
    const input = anyInput(seededRandom(seed));
    for (const format of ['txt', 'md'] as const) {
      try {
        const result = parseArticle(input, format);
        assertWellFormed(result.value);
      } catch (error) {
        assert.fail(`seed ${seed} (${format}) input ${JSON.stringify(input)}: ${String(error)}`);
      }
    }
  }
});

test(`every body character lands in exactly one heading or paragraph, in order (${CASES} article-shaped inputs)`, () => {
  for (let seed = 1; seed <= CASES; seed++) {
    const input = proseInput(seededRandom(seed));
    try {
      const { value } = parseArticle(input, 'txt');
      assertWellFormed(value);
      assertConserved(input, value);
    } catch (error) {
      assert.fail(`seed ${seed} input ${JSON.stringify(input)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
});

test('parseArticle copes with non-string input from untyped callers', () => {
  const result = parseArticle(undefined as unknown as string);
  assert.equal(result.value.title, '');
  assert.deepEqual(result.value.sections, []);
});
