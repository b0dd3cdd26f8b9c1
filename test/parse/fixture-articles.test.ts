// The project's own fixture articles (test/fixtures/articles, see its README) against the editorial
// judgements in its STRUCTURE.json, plus one test per trap a fixture was written to set.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bodyParagraphs } from '../../src/article/model.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { FIXTURE_ARTICLES_DIR, fixtureArticles } from '../helpers/articles.ts';
import { checkStructures, parseFile, readStructures } from '../helpers/structure.ts';

const STRUCTURES = readStructures(`${FIXTURE_ARTICLES_DIR}/STRUCTURE.json`);
const fixture = (name: string): string => `${FIXTURE_ARTICLES_DIR}/${name}`;

test('STRUCTURE.json judges every fixture article, and only those', () => {
  assert.deepEqual(
    Object.keys(STRUCTURES).sort(),
    fixtureArticles().map((path) => path.slice(path.lastIndexOf('/') + 1)),
  );
});

checkStructures(FIXTURE_ARTICLES_DIR, STRUCTURES);

test('01: a two-line title joins into one, the column tag comes off, the trailing 版式设计 is a credit', () => {
  const article = parseFile(fixture('01-title-two-lines.txt'));
  assert.equal(article.title, '“三会一课”制度——锻造坚强战斗堡垒的基本遵循');
  assert.equal(article.subtitle, '');
  assert.equal(article.column, '奋斗足迹');
  assert.deepEqual(article.credits, ['版式设计：陈立新']);
  assert.deepEqual(article.captions, []);
});

test('02: lead-in sub-headings keep their words and drop the typographic "——"', () => {
  // The dash leads the eye into the paragraph below; on a slide title it would dangle.
  const article = parseFile(fixture('02-lead-ins-captions.txt'));
  const first = article.sections[0]!;
  assert.equal(first.heading, '守护根脉');
  assert.deepEqual(
    first.sections.map((section) => [section.level, section.heading]),
    [
      [3, '摸清家底'],
      [3, '修旧如旧'],
      [3, '立法护航'],
    ],
  );
});

test('02: a short aphorism ending in 。 is body, not a heading', () => {
  const article = parseFile(fixture('02-lead-ins-captions.txt'));
  const texts = article.sections[1]!.paragraphs.map((paragraph) => paragraph.text);
  assert.ok(texts.includes('人无精神则不立，国无精神则不强。'));
});

test('03: date-led body paragraphs stay body; the unindented date-led picture note is a caption', () => {
  const article = parseFile(fixture('03-numbered-dun.txt'));
  const body = bodyParagraphs(article).map((paragraph) => paragraph.text);
  assert.ok(body.some((text) => text.startsWith('2016年5月12日，凤凰村村民张桂兰')));
  assert.ok(body.some((text) => text.startsWith('2022年9月6日，市委召开推进会')));
  assert.deepEqual(article.captions.map((caption) => caption.id), ['c1']);
  assert.match(article.captions[0]!.text, /^2012年4月18日，清溪镇/);
});

test('04: paragraphs separated by lines holding one space; the 谢谢大家！ closing stays in the last section', () => {
  const article = parseFile(fixture('04-lecture-transcript.txt'));
  assert.equal(article.sections.length, 4);
  const last = article.sections[3]!;
  assert.equal(last.paragraphs.length, 3);
  assert.match(last.paragraphs[2]!.text, /谢谢大家！$/);
  assert.equal(article.lead[0]!.text, '同志们：');
});

test('05: "制图：…" at the top is a credit, before the author credit at the end', () => {
  // A role label, a full-width colon and a name, like 版式设计：… in 01: a credit, not a caption.
  const article = parseFile(fixture('05-markdown-clip.md'));
  assert.deepEqual(article.credits, ['制图：刘晓雯', '（作者为青山市委宣传部理论科科长）']);
  assert.deepEqual(article.captions, []);
});

test('05: the same Markdown clip saved as .txt parses to the same article', () => {
  // People paste Markdown clips into .txt files; the reader must notice the Markdown by itself.
  const text = readFileSync(fixture('05-markdown-clip.md'), 'utf8');
  assert.deepEqual(parseArticle(text, 'txt').value, parseArticle(text, 'md').value);
});

test('07: the wire dateline and the glued source note are credits; the caption is out; no headings', () => {
  const article = parseFile(fixture('07-wire-dateline.txt'));
  assert.deepEqual(article.credits, ['新华社北京6月1日电（记者王晓光、李明月）', '（来源：新华网）']);
  assert.match(article.lead[0]!.text, /^“七一”前夕，/);
  assert.match(article.lead.at(-1)!.text, /迎接党的生日。$/);
  assert.deepEqual(article.sections, []);
  assert.equal(article.captions.length, 1);
});

test('08: run-in heads (第一，… 一是… 首先…) are body, not headings; the byline is a credit', () => {
  const article = parseFile(fixture('08-byline-run-ins.txt'));
  assert.deepEqual(article.sections, []);
  const runIns = bodyParagraphs(article)
    .flatMap((paragraph) => paragraph.sentences)
    .flatMap((sentence) => sentence.marks ?? [])
    .filter((mark) => mark.kind === 'run-in')
    .map((mark) => (mark.kind === 'run-in' ? mark.marker : ''));
  // 最后 is not a marker on purpose: "最后" as often means "in the end" as "lastly".
  for (const marker of ['第一', '第二', '第三', '一是', '二是', '三是', '首先', '其次']) {
    assert.ok(runIns.includes(marker), `run-in ${marker} not marked`);
  }
  assert.deepEqual(article.credits, ['本报记者 周文 林静', '（作者单位：青山日报社）']);
});

test('09 and 10: sub-heading numbering restarts under every part and stays at level 3', () => {
  const parts = parseFile(fixture('09-parts-and-paren.txt'));
  assert.deepEqual(
    parts.sections.map((section) => section.sections.map((sub) => sub.heading.slice(0, 3))),
    [
      ['（一）', '（二）', '（三）'],
      ['（一）', '（二）', '（三）'],
      ['（一）', '（二）', '（三）'],
    ],
  );
  const outline = parseFile(fixture('10-dun-and-arabic.txt'));
  assert.deepEqual(
    outline.sections.map((section) => section.sections.map((sub) => sub.heading.slice(0, 2))),
    [
      ['1.', '2.', '3.'],
      ['1.', '2.', '3.'],
      ['1.', '2.', '3.'],
    ],
  );
});
