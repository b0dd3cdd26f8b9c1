// Bold key terms: the figure and its hedge, not the verb in front of it; quoted terms as they are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emphasise, keyTerms } from '../../src/draft/emphasis.ts';
import { markSentence } from '../../src/parse/marks/index.ts';

function boldIn(text: string): string[] {
  const terms = keyTerms([{ id: 'p1.s1', text, marks: markSentence(text) }]);
  return emphasise(text, terms)
    .filter((run) => run.strong === true)
    .map((run) => run.text);
}

test('a verb before a figure stays out of the bold; hedges and bounds stay in', () => {
  assert.deepEqual(boldIn('全国有名可查的革命烈士达370多万人。'), ['370多万人']);
  assert.deepEqual(boldIn('全国累计选派25.5万个驻村工作队。'), ['25.5万个']);
  assert.deepEqual(boldIn('成立之初党员仅50多人，如今已超1亿。'), ['仅50多人', '超1亿']);
  assert.deepEqual(boldIn('近200万名党员参加学习。'), ['近200万名']);
});

test('quoted terms are bold as written', () => {
  assert.deepEqual(boldIn('抓住“关键少数”。'), ['“关键少数”']);
});
