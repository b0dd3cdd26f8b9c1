// Rule "signoff": the issuing body and date at the very end of a report or letter leave the body for
// Article.signoff; anything that only looks like one elsewhere stays where it was.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyParagraphs } from '../../src/article/model.ts';
import { parseArticle } from '../../src/parse/index.ts';

const parse = (text: string) => parseArticle(text, 'txt').value;
const body = (text: string): string[] => bodyParagraphs(parse(text)).map((paragraph) => paragraph.text);

test('the issuing body and the date on their own lines at the end are the sign-off', () => {
  const article = parse('年度工作总结\n　　全年召开支部党员大会4次。\n　　明年继续努力。\n中共青山县凤凰村支部委员会\n2024年12月28日\n');
  assert.deepEqual(article.signoff, ['中共青山县凤凰村支部委员会', '2024年12月28日']);
  assert.deepEqual(bodyParagraphs(article).map((p) => p.text), ['全年召开支部党员大会4次。', '明年继续努力。']);
  assert.deepEqual(article.credits, []);
});

test('a date alone, in Chinese numerals or with spaces, is a sign-off too', () => {
  assert.deepEqual(parse('通知\n请各支部按时参加。\n二〇二四年十二月二十八日').signoff, ['二〇二四年十二月二十八日']);
  assert.deepEqual(parse('通知\n请各支部按时参加。\n2024年 7月 1日').signoff, ['2024年 7月 1日']);
});

test('credit lines after the sign-off stay credits; a source glued to the last paragraph is still cut off', () => {
  const article = parse('标题\n　　正文第一段。\n　　最后一段。（来源：人民日报）\n中共某某县委办公室\n2024年7月1日\n责任编辑：张三');
  assert.deepEqual(article.signoff, ['中共某某县委办公室', '2024年7月1日']);
  assert.deepEqual(article.credits, ['（来源：人民日报）', '责任编辑：张三']);
  assert.deepEqual(bodyParagraphs(article).map((p) => p.text), ['正文第一段。', '最后一段。']);
});

test('a hard-wrapped last paragraph running on into the sign-off loses only the sign-off lines', () => {
  const text =
    '标题\n\n这是一段被硬换行断开的很长很长的正文，第一行到这里还没有说完\n还在继续说这件事情，直到这一行才说完。\n\n' +
    '第二段也是硬换行的正文，这一行写得足够长足够长足够长足够长\n到这里才结束。\n中共某某支部委员会\n2024年7月1日\n';
  const article = parse(text);
  assert.deepEqual(article.signoff, ['中共某某支部委员会', '2024年7月1日']);
  assert.equal(bodyParagraphs(article).at(-1)!.text, '第二段也是硬换行的正文，这一行写得足够长足够长足够长足够长到这里才结束。');
});

test('not a sign-off: a date inside the text, a body line without a date, a date after no finished prose', () => {
  // A date line followed by more prose is part of the text.
  assert.equal(parse('标题\n正文。\n2024年7月1日\n那一天，我们出发了。').signoff, undefined);
  // The issuing body without a date may be a heading or a line of the text.
  assert.equal(parse('标题\n正文。\n中共某某支部委员会').signoff, undefined);
  // A date right under a heading-like line that does not end like prose.
  assert.equal(parse('标题\n一、回顾\n2024年7月1日').signoff, undefined);
  // A partial date is a time in the text, not a sign-off.
  assert.equal(parse('标题\n正文。\n2024年7月').signoff, undefined);
  assert.ok(body('标题\n正文。\n2024年7月1日\n那一天，我们出发了。').includes('2024年7月1日'));
});

test('an issuing body needs a word that names a body: a short line before the date otherwise stays body', () => {
  const article = parse('标题\n正文。\n大家一起努力\n2024年7月1日');
  assert.deepEqual(article.signoff, undefined);
});
