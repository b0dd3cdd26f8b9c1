// Conservation of body text, shared by the seeded and the fast-check property tests. Stated precisely: with
// all whitespace removed from the input (I) and from the headings and body paragraphs in document order (B),
//   1. B is a subsequence of I: body text keeps its order and no input character is used twice;
//   2. I − B, as a multiset, is exactly the title, subtitle, column, credits, sign-off and captions, plus characters
//      the parser drops on purpose and nothing else: the brackets around a column tag, the "——" of lead-in
//      headings and subtitle lines, separator lines made only of "……" or "——", and the "题：" label and
//      "Speaker：" colon of wire and speech title blocks, and a speech header's speaker line when the title
//      already named the speaker ("习近平：…" over "习近平": the credits keep the speaker once).
// Generated headings (texts without headings) are not in the input and are left out of B (see bodyStream).

import assert from 'node:assert/strict';
import type { Article, Section } from '../../src/article/model.ts';
import { bodyStream, noWhitespace } from './projection.ts';

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

export function assertConserved(input: string, article: Article): void {
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
  for (const text of [article.title, article.subtitle, article.column, ...article.credits, ...(article.signoff ?? []), ...article.captions.map((c) => c.text)]) {
    countChars(balance, text, -1);
  }

  // What the parser may drop on purpose.
  const lines = input.split(/\r\n?|\n/).map(noWhitespace);
  const inSeparatorLines = (pattern: RegExp): number =>
    lines.filter((line) => line !== '' && pattern.test(line)).reduce((sum, line) => sum + line.length, 0);
  // "新华社…电 题：" (wire title) and "Speaker：" (speech header) lose their label and colon.
  const firstLine = lines.find((line) => line !== '') ?? '';
  const headerLabel = /电题[：:]/.test(firstLine) ? 1 : 0;
  const speechColon = article.credits.some((credit) => /^[（(]?\d{4}年\d{1,2}月\d{1,2}日[）)]?$/.test(credit)) ? 1 : 0;
  // The speaker named twice (title prefix and own line) is credited once.
  const speaker = speechColon === 1 ? /^([^：:]+)[：:]/.exec(firstLine)?.[1] : undefined;
  const speakerTwice = speaker !== undefined && article.credits.includes(speaker) && lines.slice(1).includes(speaker) ? speaker : '';
  const allowance = new Map<string, number>([
    ['题', headerLabel],
    ['：', headerLabel + speechColon],
    [':', headerLabel + speechColon],
    ['…', inSeparatorLines(/^…+$/)],
    ['—', inSeparatorLines(/^—{2,}$/) + 2 * sectionsOf(article).length + 2],
    ['（', article.column === '' ? 0 : 1],
    ['）', article.column === '' ? 0 : 1],
    ['【', article.column === '' ? 0 : 1],
    ['】', article.column === '' ? 0 : 1],
  ]);
  for (const char of speakerTwice) allowance.set(char, (allowance.get(char) ?? 0) + 1);
  for (const [char, count] of balance) {
    assert.ok(count >= 0, `"${char}" appears ${-count} more time(s) in the output than in the input`);
    assert.ok(count <= (allowance.get(char) ?? 0), `${count} "${char}" from the input landed nowhere`);
  }
}

