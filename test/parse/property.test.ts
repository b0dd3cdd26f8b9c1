// Property tests with a seeded generator (fast-check is not a dependency): parseArticle is total, and it
// neither loses nor duplicates body text.
//
// Conservation, stated precisely: with all whitespace removed from the input (I) and from the headings and
// body paragraphs in document order (B),
//   1. B is a subsequence of I: body text keeps its order and no input character is used twice;
//   2. I − B, as a multiset, is exactly the title, subtitle, column, credits and captions, plus characters
//      the parser drops on purpose and nothing else: the brackets around a column tag, the "——" of lead-in
//      headings and subtitle lines, and separator lines made only of "……" or "——".
// The conservation generator leaves out ASCII Markdown characters (# * _ [ ] ! > - ` .), because in
// Markdown input syntax characters are dropped by design; the totality test uses every character.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Section } from '../../src/article/model.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { assertWellFormed, bodyStream, noWhitespace } from './projection.ts';

const CASES = 500;

/** mulberry32: tiny, fast, good enough to explore inputs, and reproducible from the seed in a failure. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function sectionsOf(article: Article): Section[] {
  const out: Section[] = [];
  const visit = (list: Section[]): void => {
    for (const section of list) {
      out.push(section);
      visit(section.sections);
    }
  };
  visit(article.sections);
  return out;
}

function countChars(target: Map<string, number>, text: string, sign: 1 | -1): void {
  for (const char of noWhitespace(text)) target.set(char, (target.get(char) ?? 0) + sign);
}

function assertConserved(input: string, article: Article): void {
  const inputChars = [...noWhitespace(input)];
  const bodyChars = [...noWhitespace(bodyStream(article).join(''))];

  let cursor = 0;
  for (const char of bodyChars) {
    while (cursor < inputChars.length && inputChars[cursor] !== char) cursor++;
    assert.ok(cursor < inputChars.length, `body character "${char}" is not in the input in this order`);
    cursor++;
  }

  const balance = new Map<string, number>();
  countChars(balance, input, 1);
  for (const text of bodyStream(article)) countChars(balance, text, -1);
  for (const text of [article.title, article.subtitle, article.column, ...article.credits, ...article.captions.map((c) => c.text)]) {
    countChars(balance, text, -1);
  }

  // What the parser may drop on purpose.
  const lines = input.split(/\r\n?|\n/).map(noWhitespace);
  const inSeparatorLines = (pattern: RegExp): number =>
    lines.filter((line) => line !== '' && pattern.test(line)).reduce((sum, line) => sum + line.length, 0);
  const allowance = new Map<string, number>([
    ['…', inSeparatorLines(/^…+$/)],
    ['—', inSeparatorLines(/^—{2,}$/) + 2 * sectionsOf(article).length + 2],
    ['（', article.column === '' ? 0 : 1],
    ['）', article.column === '' ? 0 : 1],
    ['【', article.column === '' ? 0 : 1],
    ['】', article.column === '' ? 0 : 1],
  ]);
  for (const [char, count] of balance) {
    assert.ok(count >= 0, `"${char}" appears ${-count} more time(s) in the output than in the input`);
    assert.ok(count <= (allowance.get(char) ?? 0), `${count} "${char}" from the input landed nowhere`);
  }
}

test(`parseArticle never throws and gives a well-formed Article (${CASES} random inputs, both formats)`, () => {
  for (let seed = 1; seed <= CASES; seed++) {
    const input = anyInput(random(seed));
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
    const input = proseInput(random(seed));
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
