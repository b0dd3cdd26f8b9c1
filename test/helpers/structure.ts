// Editorial judgements of an article's structure (a STRUCTURE.json: per file, the source lines that are its
// title, subtitle, lead, level-2 and level-3 headings, closing, credits, captions…) checked against what the
// parser makes of the file. Used for the project's own fixture articles (test/fixtures/articles) and, by
// `npm run test:samples`, for the sample articles beside the repository.
//
// A judgement quotes raw source lines, so both sides are normalised the same way before comparing:
// indentation (U+3000, spaces) away, Markdown markup ("# [t](url)", "**h**") away, and the "——" that leads a
// lead-in sub-heading into its text away (the parser keeps the words only).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test } from 'node:test';
import type { Article, Section } from '../../src/article/model.ts';
import { bodyParagraphs } from '../../src/article/model.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { decodeArticleBytes } from '../../src/read/decode.ts';
import { assertWellFormed, bodyStream, noWhitespace } from '../parse/projection.ts';

export interface Judged {
  line: number;
  /** The source line as written; for a credit glued to a paragraph, only the credit's own text. */
  text: string;
}

export interface Structure {
  notes: string;
  /** The column tag after the title, "（奋斗足迹）" → "奋斗足迹"; absent means none. */
  column?: string;
  title: Judged[];
  subtitle: Judged[];
  lead: Judged[];
  h2: Judged[];
  h3: Judged[];
  separator: Judged[];
  closing: Judged[];
  credit: Judged[];
  captions: Judged[];
  /** A letter's sign-off (organisation, date) at the end: not body. Absent means none. */
  signoff?: Judged[];
}

export type Structures = Record<string, Structure>;

export interface StructureOptions {
  /** Per file, judged captions the parser files as credits on purpose (a test of its own says why). */
  creditsNotCaptions?: Record<string, string[]>;
  /** Per file, why the parser does not meet the sign-off judgement yet: its test is marked todo. */
  signoffTodo?: Record<string, string>;
}

export function readStructures(path: string): Structures {
  return JSON.parse(readFileSync(path, 'utf8')) as Structures;
}

/** Parse an article file the way the CLI does (real decoder; .md as Markdown), asserting well-formedness. */
export function parseFile(path: string): Article {
  const text = decodeArticleBytes(readFileSync(path), basename(path));
  const result = parseArticle(text, path.endsWith('.md') ? 'md' : 'txt');
  assertWellFormed(result.value);
  return result.value;
}

/** A raw source line as the parser is expected to give it back. */
export function clean(raw: string): string {
  return raw
    .trim()
    .replace(/^#+\s+/, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\*\*(.+)\*\*$/, '$1')
    .replace(/[—]{2}$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function headingsAt(article: Article, level: number): string[] {
  const out: string[] = [];
  const visit = (list: Section[]): void => {
    for (const section of list) {
      if (section.level === level) out.push(section.heading);
      visit(section.sections);
    }
  };
  visit(article.sections);
  return out;
}

function allHeadingLevels(article: Article): number[] {
  const out: number[] = [];
  const visit = (list: Section[]): void => {
    for (const section of list) {
      out.push(section.level);
      visit(section.sections);
    }
  };
  visit(article.sections);
  return out;
}

/** Whether a judged item is its whole source line (not a credit glued to a paragraph). */
function isWholeLine(item: Judged, source: string[]): boolean {
  return clean(item.text) === clean(source[item.line - 1] ?? '');
}

/** Register the structure tests of every file in `structures`, read from `dir`. */
export function checkStructures(dir: string, structures: Structures, options: StructureOptions = {}): void {
  for (const [name, judged] of Object.entries(structures)) {
    const path = `${dir}/${name}`;
    const disagreement = options.creditsNotCaptions?.[name] ?? [];
    const signoff = (judged.signoff ?? []).map((line) => clean(line.text));

    test(`${name}: title, subtitle and column as judged`, () => {
      const article = parseFile(path);
      const column = judged.column ?? '';
      const title = clean(judged.title.map((line) => line.text.trim()).join(''));
      assert.equal(article.title, column === '' ? title : title.replace(`（${column}）`, ''));
      // A subtitle line opens with the dash that ties it to the title: "——在…上的讲稿".
      assert.equal(article.subtitle, judged.subtitle.map((line) => clean(line.text).replace(/^——/, '')).join(''));
      assert.equal(article.column, column);
    });

    test(`${name}: h2 and h3 headings with their levels`, () => {
      const article = parseFile(path);
      assert.deepEqual(headingsAt(article, 2), judged.h2.map((line) => clean(line.text)));
      assert.deepEqual(headingsAt(article, 3), judged.h3.map((line) => clean(line.text)));
      assert.ok(allHeadingLevels(article).every((level) => level === 2 || level === 3));
    });

    test(`${name}: lead paragraphs`, () => {
      const article = parseFile(path);
      assert.deepEqual(
        article.lead.map((paragraph) => paragraph.text),
        judged.lead.map((line) => clean(line.text)),
      );
    });

    test(`${name}: credits and captions kept out of the body`, () => {
      const article = parseFile(path);
      const judgedCaptions = judged.captions.map((line) => clean(line.text));
      assert.deepEqual(article.credits, [...disagreement, ...judged.credit.map((line) => clean(line.text))]);
      assert.deepEqual(
        article.captions.map((caption) => caption.text),
        judgedCaptions.filter((caption) => !disagreement.includes(caption)),
      );
      const body = bodyStream(article);
      for (const text of [...article.credits, ...judgedCaptions]) {
        assert.ok(!body.some((paragraph) => paragraph.includes(text)), `${text} is in the body`);
      }
    });

    test(`${name}: the closing stays as body and separators vanish`, () => {
      const article = parseFile(path);
      const body = bodyParagraphs(article)
        .map((paragraph) => paragraph.text)
        .filter((text) => !signoff.includes(text));
      const closing = judged.closing.map((line) => clean(line.text));
      assert.deepEqual(body.slice(body.length - closing.length), closing);
      for (const separator of judged.separator) {
        assert.ok(!body.includes(clean(separator.text)), `separator line ${separator.line} became a paragraph`);
      }
    });

    test(`${name}: every other source line is exactly one body paragraph, in order`, () => {
      const article = parseFile(path);
      const source = readFileSync(path, 'utf8').split(/\r?\n/);
      const roles = [judged.title, judged.subtitle, judged.separator, judged.credit, judged.captions, judged.h2, judged.h3];
      const judgedLines = new Set(
        [...roles, judged.signoff ?? []]
          .flat()
          .filter((item) => isWholeLine(item, source))
          .map((item) => item.line),
      );
      // A credit glued to a paragraph (a dateline in front, a source note at the end) leaves the rest as body.
      const glued = judged.credit.filter((item) => !isWholeLine(item, source));
      const expected = source
        .map((text, index) => {
          const number = index + 1;
          let rest = text;
          for (const credit of glued.filter((item) => item.line === number)) rest = rest.replace(credit.text, '');
          return { text: clean(rest), number };
        })
        .filter((line) => line.text !== '' && !judgedLines.has(line.number))
        .map((line) => noWhitespace(line.text));
      assert.deepEqual(
        bodyParagraphs(article)
          .map((paragraph) => paragraph.text)
          .filter((text) => !signoff.includes(text))
          .map(noWhitespace),
        expected,
      );
    });

    if (judged.signoff !== undefined) {
      const todo = options.signoffTodo?.[name];
      test(`${name}: the sign-off is kept out of the body`, todo === undefined ? {} : { todo }, () => {
        const article = parseFile(path);
        const body = bodyStream(article);
        for (const text of signoff) assert.ok(!body.includes(text), `sign-off "${text}" is in the body`);
      });
    }
  }
}
