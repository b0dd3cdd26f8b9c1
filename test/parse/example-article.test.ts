// The project's own example article (articles/liangxue-yizuo.txt): the checked requirements of issue one.
// The judgements follow the practice of the fixture articles' STRUCTURE.json (a "主题——副题" headline stays
// whole in the title).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bodyParagraphs } from '../../src/article/model.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { decodeArticleBytes } from '../../src/read/decode.ts';
import { EXAMPLE_ARTICLE as EXAMPLE } from '../helpers/articles.ts';
import { assertWellFormed } from './projection.ts';

function parseExample() {
  const result = parseArticle(decodeArticleBytes(readFileSync(EXAMPLE), 'liangxue-yizuo.txt'), 'txt');
  assertWellFormed(result.value);
  return result;
}

test('example: title joined from two lines, column tag taken off, no subtitle', () => {
  const { value: article } = parseExample();
  assert.equal(article.title, '“两学一做”学习教育——加强党的思想政治建设的重大部署');
  // Like 02 in the fixture articles' STRUCTURE.json, the part after "——" is the headline's second half, not a subtitle.
  assert.equal(article.subtitle, '');
  assert.equal(article.column, '辉煌历程');
});

test('example: three lead paragraphs before the first heading', () => {
  const { value: article } = parseExample();
  assert.equal(article.lead.length, 3);
  assert.match(article.lead[0]!.text, /^学党章党规、学系列讲话，做合格党员——2016年2月/);
  assert.deepEqual(article.lead.map((paragraph) => paragraph.id), ['p1', 'p2', 'p3']);
});

test('example: three level-2 sections with their paragraphs', () => {
  const { value: article } = parseExample();
  assert.deepEqual(
    article.sections.map((section) => [section.level, section.heading, section.paragraphs.length, section.sections.length]),
    [
      [2, '把全面从严治党落实到每个支部', 6, 0],
      [2, '为抓党建促脱贫注入强大动力', 7, 0],
      [2, '“两学一做”学习教育常态化制度化', 5, 0],
    ],
  );
  assert.equal(article.sections[1]!.paragraphs[4]!.text.startsWith('富口袋也要富脑袋。'), true);
});

test('example: credit kept out of the body, no captions', () => {
  const { value: article, diagnostics } = parseExample();
  assert.deepEqual(article.credits, ['版式设计：汪哲平']);
  assert.deepEqual(article.captions, []);
  assert.ok(!bodyParagraphs(article).some((paragraph) => paragraph.text.includes('版式设计')));
  assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.severity !== 'info'), []);
});

test('example: no indentation left in any text', () => {
  const { value: article } = parseExample();
  for (const paragraph of bodyParagraphs(article)) {
    assert.doesNotMatch(paragraph.text, /^[\s\u3000\u00a0]|[\s\u3000\u00a0]$/);
    for (const sentence of paragraph.sentences) assert.doesNotMatch(sentence.text, /^[\s\u3000]|[\s\u3000]$/);
  }
});

test('example: ids run p1…p21 in reading order, sentence ids hang off them', () => {
  const { value: article } = parseExample();
  const body = bodyParagraphs(article);
  assert.equal(body.length, 21);
  assert.equal(body[20]!.id, 'p21');
  const p4 = article.sections[0]!.paragraphs[0]!;
  assert.equal(p4.id, 'p4');
  assert.deepEqual(
    p4.sentences.slice(0, 2).map((sentence) => [sentence.id, sentence.text]),
    [
      ['p4.s1', '“两学一做”学习教育，是全面从严治党的基础性工程。'],
      ['p4.s2', p4.sentences[1]!.text],
    ],
  );
  assert.match(p4.sentences[1]!.text, /^习近平总书记亲自指导推动/);
});

test('example: the "……" inside a paragraph ends a sentence but not the paragraph', () => {
  const { value: article } = parseExample();
  const paragraph = article.sections[0]!.paragraphs[2]!;
  assert.equal(paragraph.sentences[0]!.text, '个人自学、分头领学、集中研讨……');
  assert.match(paragraph.sentences[1]!.text, /^各级党委（党组）/);
});

test('example: CRLF and a BOM give the same article', () => {
  const bytes = readFileSync(EXAMPLE);
  const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'))]);
  const a = parseArticle(decodeArticleBytes(crlf, 'x.txt'), 'txt').value;
  assert.deepEqual(a, parseExample().value);
  // And parseArticle alone copes with raw CRLF text too.
  assert.deepEqual(parseArticle(bytes.toString('utf8').replace(/\n/g, '\r\n')).value, parseExample().value);
});
