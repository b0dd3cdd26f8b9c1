// Titles shortened toward one line (issue 15, item 1): a long topic clause loses whole parts a lecturer
// would drop (a scene, a reporting frame, "我们要", the predicate after a topic), never a cut inside a word,
// never a dangling 的/和/与/、 or an open quote; a clause that only announces words to come is no title.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headingTitle, shorterForms, TITLE_AIM, titleFrom } from '../../src/draft/short-title.ts';
import { condenseAll } from '../../src/draft/bullets.ts';
import { visibleLength } from '../../src/draft/clauses.ts';

const SHORTENED: readonly [string, string][] = [
  ['古田会议决议提出要纠正党内各种错误思想', '纠正党内各种错误思想'],
  ['坚持真理、坚守理想，是伟大建党精神的灵魂', '坚持真理、坚守理想'],
  ['15年来，长三角各领域的融合正不断深入', '长三角各领域的融合正不断深入'],
  ['浙江是文化教育大省，有着深厚的文化底蕴', '浙江是文化教育大省'],
  ['我们要始终坚持以人民为中心的发展思想不动摇', '始终坚持以人民为中心的发展思想不动摇'],
  ['实践表明，坚持和落实好“三会一课”制度，是加强党的建设的有效途径', '坚持和落实好“三会一课”制度'],
];

describe('titles shortened toward one line', () => {
  for (const [long, short] of SHORTENED) {
    it(`${long} → ${short}`, () => {
      assert.equal(titleFrom(long), short);
      assert.ok(visibleLength(short) <= TITLE_AIM);
    });
  }

  it('keeps a topic set off by a comma whole rather than halve it', () => {
    assert.equal(titleFrom('不怕牺牲、英勇斗争，对党忠诚、不负人民，是伟大建党精神的鲜明品格'), '不怕牺牲、英勇斗争，对党忠诚、不负人民');
  });

  it('titles a long heading by its part after the colon', () => {
    assert.equal(headingTitle('社会主义革命和建设时期（1949—1978年）：在执政考验中坚守本色'), '在执政考验中坚守本色');
    assert.equal(headingTitle('让组织生活“严起来”'), '让组织生活“严起来”');
  });

  it('drops an opening word only where a word ends (要求 keeps its 要)', () => {
    const title = titleFrom('要求全体党员干部带头学习贯彻党的创新理论');
    assert.ok(title === undefined || title.startsWith('要求'), title);
  });

  it('searches no long text and never recurses on repeated frames (决议提出要决议提出要…)', () => {
    assert.equal(titleFrom('决议提出要'.repeat(5000)), undefined);
    assert.equal(titleFrom('我们要'.repeat(5000)), undefined);
  });

  it('gives no title for a clause that only announces words to come', () => {
    assert.equal(titleFrom('实践表明'), undefined);
    assert.equal(titleFrom('一位参加培训的年轻干部在学习笔记中写道'), undefined);
    assert.equal(titleFrom('2009年至2021年'), undefined);
  });

  it('never offers a form that ends on a word wanting more or leaves a quote open', () => {
    const samples = [
      '党员干部要把“学”和“做”结合起来，做到知行合一',
      '各地坚持问题导向和目标导向，推动学习教育往深里走',
      '《中国共产党纪律处分条例》是管党治党的重要法规，必须认真学习',
    ];
    for (const sample of samples) {
      for (const form of shorterForms(sample)) {
        assert.doesNotMatch(form, /[的和与、]$/u, form);
        assert.equal((form.match(/[“《]/gu) ?? []).length, (form.match(/[”》]/gu) ?? []).length, form);
      }
    }
  });
});

describe('bullets under a shortened title', () => {
  it('keep the subject the title took when the next clause leans on it, and drop words that only announce', () => {
    assert.deepEqual(condenseAll('实践表明，坚持和落实好“三会一课”制度，是锻造坚强基层党组织的基本功。', '坚持和落实好“三会一课”制度'), [
      '坚持和落实好“三会一课”制度，是锻造坚强基层党组织的基本功',
    ]);
    assert.deepEqual(condenseAll('全市明确，县处级干部每人联系不少于10户困难群众。', '导语'), ['县处级干部每人联系不少于10户困难群众']);
  });
});
