// A title stands alone as a topic: a time or place phrase (新中国成立后, 随着数字化发展, 在青山市一家国有企业)
// frames the point, so the title is the clause after it; the speaker's 同志们， is not part of it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { standsAsTitle } from '../../src/draft/short-title.ts';
import { topicTitle } from '../../src/draft/title.ts';

const CASES: [string[], string][] = [
  [['新中国成立后，党成为全国执政的党，面临着新的考验。', '1953—1957年，我国胜利完成第一个五年计划。'], '党成为全国执政的党'],
  [['随着数字化发展，“民情日记”从纸质本走向“云端”。', '2021年，全市上线手机应用。'], '“民情日记”从纸质本走向“云端”'],
  [['对照上级要求和群众期盼，工作中还存在一些不足：党员队伍年龄偏大，产业链条还不够长。'], '工作中还存在一些不足'],
  [['从党政机关到企事业单位，从工厂农村到部队学校，“两学一做”学习教育蔚然成风。', '各级党组织以党支部为基本单位。'], '“两学一做”学习教育蔚然成风'],
  [['同志们，作风建设没有休止符。', '希望大家从党的历史中汲取力量。'], '作风建设没有休止符'],
  [['此外，为提高政府行政效率，2016年12月，浙江在全国率先提出实施“最多跑一次”改革。', '2018年，改革全面推开。'], '实施“最多跑一次”改革'],
  [['经济合作上，长三角地区正在逐步转向要素、价值链分工。', '近几年，合作不断深化。'], '长三角地区正在逐步转向要素、价值链分工'],
  [['2024年，凤凰村党支部在镇党委的坚强领导下，坚持以党建引领乡村振兴，较好完成了全年各项工作任务。'], '坚持以党建引领乡村振兴'],
];

describe('titles are topics, not frames', () => {
  for (const [sentences, title] of CASES) {
    it(title, () => assert.equal(topicTitle(sentences), title));
  }
  it('keeps a short opening sentence that begins with a place but says something', () => {
    assert.equal(topicTitle(['在社区，学习同样热气腾腾。', '退休老党员组成学习小组。']), '在社区，学习同样热气腾腾');
  });
  it('takes no span cut before its end (从… without 到…) as a title', () => {
    assert.equal(standsAsTitle('长三角地区正在从最初的产业、贸易分工'), false);
    assert.equal(standsAsTitle('从海洋资源大省到海洋经济强省'), true);
    assert.equal(standsAsTitle('全面从严治党'), true);
  });
  it('takes no time phrase as a title', () => {
    assert.equal(standsAsTitle('新中国成立后'), false);
    assert.equal(standsAsTitle('金秋时节'), false);
    assert.equal(standsAsTitle('经济合作上'), false);
  });
});
