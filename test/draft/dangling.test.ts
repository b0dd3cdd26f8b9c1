// A bullet is a whole clause: it never ends on a locative, topic or time phrase still waiting for its clause.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { condenseAll } from '../../src/draft/bullets.ts';
import { endsDangling } from '../../src/draft/dangling.ts';

describe('endsDangling', () => {
  const dangling = [
    '全县412个党支部中',
    '在党中央的坚强领导下',
    '在这座殿堂里',
    '从思想上',
    '思想方面',
    '疫情防控期间',
    '2021年以来',
    '新中国成立后',
    '党员最关心的',
    '实践中',
    '全县党员干部在这场没有硝烟的战斗中',
    '凤凰村党支部在镇党委的坚强领导下',
    '我们在这个问题上',
    '经济合作上',
    '金秋时节',
    '青山县各级党组织以自我革命精神推进支部建设，全县412个党支部中',
  ];
  const whole = [
    '把心思和精力用在为群众办实事上',
    '融入日常工作中',
    '一片初心写在为民实践中',
    '一条诉求办到群众心坎上',
    '新建改建农村公路1200多公里',
    '真理的力量是无穷的',
    '精力集中',
    '党员要走在前列、干在实处',
    '帮助解决就医、就学、就业等实际困难',
    '同时',
    '不甘落后',
    '沉下身子',
    '全面从严治党，永远在路上',
    '冲在抗洪一线上',
    '多方面',
    '紧紧跟上',
    '党员干部利用农闲时节',
    '永远在路上',
  ];
  for (const clause of dangling) it(`${clause}: dangles`, () => assert.equal(endsDangling(clause), true));
  for (const clause of whole) it(`${clause}: whole`, () => assert.equal(endsDangling(clause), false));
});

describe('condenseAll never ends a bullet on a dangling head', () => {
  it('keeps a topic phrase with the clause after it when the bullet is full', () => {
    const bullets = condenseAll('2021年以来，青山县各级党组织以自我革命精神推进支部建设，全县412个党支部中，已有386个达到标准化规范化要求。', '');
    assert.deepEqual(bullets, ['青山县各级党组织以自我革命精神推进支部建设', '全县412个党支部中，已有386个达到标准化规范化要求']);
  });
  it('leaves a head whose clause is too long for a bullet to the notes, not alone on the slide', () => {
    const bullets = condenseAll('全县党员干部在这场没有硝烟的战斗中，始终坚持人民至上、生命至上、不分昼夜坚守在疫情防控第一线并且最终取得了重大胜利，交出了合格答卷。', '');
    assert.ok(bullets.every((bullet) => !endsDangling(bullet)), bullets.join(' / '));
  });
  it('drops clauses that only frame a point the title already says', () => {
    assert.deepEqual(condenseAll('从党政机关到企事业单位，从工厂农村到部队学校，“两学一做”学习教育蔚然成风。', '“两学一做”学习教育蔚然成风'), []);
  });
  it('keeps a span with figures: it is a fact, not a frame', () => {
    const bullets = condenseAll('从200亩试种到如今3000多亩连片茶园，从靠天吃饭到年产值超过1.2亿元，每一步都有党员冲在前面。', '');
    assert.equal(bullets[0], '从200亩试种到如今3000多亩连片茶园，从靠天吃饭到年产值超过1.2亿元');
  });
  it('leaves a clause that only announces what follows (…总结如下) to the notes', () => {
    assert.deepEqual(condenseAll('现将有关情况总结如下。', ''), []);
  });
});
