// Tables of cases per mark rule, on sentences from the example article (articles/liangxue-yizuo.txt) and the
// project's fixture articles (test/fixtures/articles), and a few made-up ones for shapes those lack. Each case lists what the rule must find, in a compact form; `null` means
// the rule must find nothing. Offsets are checked for every mark: text === sentence.slice(start, end).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Mark } from '../../src/article/model.ts';
import { bodyParagraphs } from '../../src/article/model.ts';
import { dates } from '../../src/parse/marks/dates.ts';
import { documents } from '../../src/parse/marks/documents.ts';
import { enumerations } from '../../src/parse/marks/enumerations.ts';
import { MARK_RULES, markSentence } from '../../src/parse/marks/index.ts';
import { numbers } from '../../src/parse/marks/numbers.ts';
import { quotations } from '../../src/parse/marks/quotations.ts';
import type { MarkRule } from '../../src/parse/marks/rule.ts';
import { runIns } from '../../src/parse/marks/run-ins.ts';
import { terms } from '../../src/parse/marks/terms.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { decodeArticleBytes } from '../../src/read/decode.ts';
import { EXAMPLE_ARTICLE, fixtureArticles } from '../helpers/articles.ts';

/** Run a rule the way markSentence does: with the marks of the rules before it. */
function run(rule: MarkRule, text: string): Mark[] {
  const found: Mark[] = [];
  for (const named of MARK_RULES) {
    const marks = named.rule(text, found);
    if (named.rule === rule) {
      for (const mark of marks) assert.equal(text.slice(mark.start, mark.end), mark.text, `offsets of ${mark.kind} "${mark.text}"`);
      return marks;
    }
    found.push(...marks);
  }
  throw new Error('rule not in MARK_RULES');
}

type Case<T> = [sentence: string, expected: T[] | null];

function table<T>(name: string, rule: MarkRule, cases: ReadonlyArray<Case<T>>, view: (mark: Mark) => T): void {
  for (const [sentence, expected] of cases) {
    test(`${name}: ${sentence.slice(0, 40)}`, () => {
      assert.deepEqual(run(rule, sentence).map(view), expected ?? []);
    });
  }
}

table('dates', dates, [
  ['2016年2月，中共中央办公厅印发《关于在全体党员中开展“学党章党规、学系列讲话，做合格党员”学习教育方案》。', [['2016年2月', { year: 2016, month: 2 }, undefined]]],
  ['一、革命战争时期（1921—1949年）：在斗争中锤炼优良作风', [['1921—1949年', { year: 1921 }, { year: 1949 }]]],
  ['2024年6月28日，参观者在瑞金中央革命根据地纪念馆参观。', [['2024年6月28日', { year: 2024, month: 6, day: 28 }, undefined]]],
  ['1953—1957年，我国胜利完成第一个五年计划，广大党员干部艰苦奋斗、勤俭建国。', [['1953—1957年', { year: 1953 }, { year: 1957 }]]],
  ['2021年至2024年，全国革命博物馆、纪念馆累计接待观众近20亿人次，其中青少年占比超过三分之一。', [['2021年至2024年', { year: 2021 }, { year: 2024 }]]],
  ['早在上世纪80年代，一些地方就组建起农民宣讲队，用拉家常的方式讲政策。', [['上世纪80年代', { year: 1980 }, { year: 1989 }]]],
  ['当天是7月8日，雨很大。', [['7月8日', { month: 7, day: 8 }, undefined]]],
  // Durations and eras are not dates.
  ['党的十八大以来，习近平总书记站在全面建成小康社会的战略高度。', null],
  ['12年来，全市党员干部累计走访群众300多万户次，记录各类诉求近200万条，办结率保持在95%以上。', null],
  ['焦裕禄同志在兰考工作的470多天里，带领群众治理风沙、内涝、盐碱。', null],
], (mark) => (mark.kind === 'date' ? [mark.text, mark.from, mark.to] : mark.kind));

table('numbers', numbers, [
  ['832个贫困县涉及的22个省区市高度重视深度贫困地区推进“两学一做”学习教育常态化制度化。', [
    ['832个', 832, '个', undefined, undefined, '贫困县'],
    ['22个', 22, '个', undefined, undefined, '省区市'],
  ]],
  ['全国累计选派25.5万个驻村工作队、300多万名第一书记和驻村干部，同近200万名乡镇干部和数百万村干部一道奋战在扶贫一线。', [
    ['25.5万个', 255000, '个', undefined, undefined, '驻村工作队'],
    ['300多万名', 3000000, '名', undefined, '多', '第一书记'],
    ['近200万名', 2000000, '名', '近', undefined, '乡镇干部'],
  ]],
  ['据统计，新民主主义革命时期，有名可查的革命烈士达370多万人。', [['达370多万人', 3700000, '人', '达', '多', undefined]]],
  ['近5年，全市各级党组织共开展纪律教育专题学习1.6万余场次，覆盖党员30多万人次。', [
    ['近5年', 5, '年', '近', undefined, undefined],
    ['1.6万余场', 16000, '场', undefined, '余', '次'],
    ['30多万人次', 300000, '人次', undefined, '多', undefined],
  ]],
  ['建党之初，全国党员仅50多人，如今已超9900万名。', [
    ['仅50多人', 50, '人', '仅', '多', undefined],
    ['超9900万名', 99000000, '名', '超', undefined, undefined],
  ]],
  ['全年茶叶销售收入达1.2亿元，村集体经济收入突破50万元，比上年增长25.6%。', [
    ['达1.2亿元', 120000000, '元', '达', undefined, undefined],
    ['50万元', 500000, '元', undefined, undefined, undefined],
    ['25.6%', 25.6, '%', undefined, undefined, undefined],
  ]],
  // Ordinals, dates and bare numbers are not statistics.
  ['2023年6月，全县举办第5届“书记讲党课、党员上讲台”比赛。', null],
  ['从延安整风到新时代落实中央八项规定精神，党的作风建设大体可以分为三个阶段：', null],
], (mark) => (mark.kind === 'number' ? [mark.value, mark.amount, mark.unit, mark.qualifier, mark.approx, mark.label] : mark.kind));

table('quotations', quotations, [
  ['毛泽东同志在会上提出“两个务必”，强调“务必使同志们继续地保持谦虚、谨慎、不骄、不躁的作风，务必使同志们继续地保持艰苦奋斗的作风。”', [
    ['毛泽东同志', '提出', '两个务必', true],
    ['毛泽东同志', '强调', '务必使同志们继续地保持谦虚、谨慎、不骄、不躁的作风，务必使同志们继续地保持艰苦奋斗的作风。', true],
  ]],
  ['古人讲“以铜为镜，可以正衣冠；以史为镜，可以知兴替”，学习党的作风建设史，就是要照镜子、正衣冠。', [['古人', '讲', '以铜为镜，可以正衣冠；以史为镜，可以知兴替', true]]],
  ['市委主要负责同志在一次调研中指出，群众反映最多的地方，就是工作最需要加强的地方。', [['市委主要负责同志', '指出', '群众反映最多的地方，就是工作最需要加强的地方', false]]],
  ['焦裕禄同志在兰考工作的470多天里，带领群众治理风沙、内涝、盐碱，他说：“吃别人嚼过的馍没有味道。”', [['焦裕禄同志', '说', '吃别人嚼过的馍没有味道。', true]]],
  ['“学习不是任务，而是习惯。”一位支部书记这样说：“要天天学。”', [['一位支部书记', '说', '要天天学。', true]]],
  // 批示 and 要求 used as nouns, and no speaker at all: not quotations.
  ['习近平总书记亲自指导推动，作出一系列重要指示批示，为开展学习教育指明了方向，提供了根本遵循。', null],
  ['各级党委组织部门按照部署要求，严督实导学习教育。', null],
  ['总的来说，这项工作成效显著。', null],
], (mark) => (mark.kind === 'quotation' ? [mark.speaker, mark.verb, mark.quote, mark.direct] : mark.kind));

test('quotations: a whole quoted sentence after a comma (强调，“…。”) keeps both quote marks out', () => {
  const quoted = (sentence: string) =>
    run(quotations, sentence).map((mark) => (mark.kind === 'quotation' ? [mark.speaker, mark.verb, mark.quote, mark.direct] : mark.kind));
  assert.deepEqual(quoted('县委主要负责同志强调，“要把组织生活的成效体现在推动发展上，让群众从党员身上看到党的形象。”'), [
    ['县委主要负责同志', '强调', '要把组织生活的成效体现在推动发展上，让群众从党员身上看到党的形象。', true],
  ]);
  // A quoted term opening reported speech is not a direct quotation: the quote is the whole clause.
  assert.deepEqual(quoted('习近平总书记指出，“两学一做”是加强党内教育的重要实践。'), [
    ['习近平总书记', '指出', '“两学一做”是加强党内教育的重要实践', false],
  ]);
  // 要求 may be a noun: after a comma it opens no quotation, quoted or not.
  assert.deepEqual(quoted('按照上级要求，“三会一课”要按时开。'), []);
});

table('enumerations', enumerations, [
  ['在思想上政治上行动上同以习近平同志为核心的党中央保持高度一致，做到政治合格、执行纪律合格、品德合格、发挥作用合格。', [
    [['政治合格', '执行纪律合格', '品德合格', '发挥作用合格'], undefined],
  ]],
  ['用有效制度机制推动领导干部以身作则、当好表率，带头旗帜鲜明讲政治、带头强化党性修养、带头严格自律，切实做到忠诚干净担当；', [
    [['带头旗帜鲜明讲政治', '带头强化党性修养', '带头严格自律'], '带头'],
  ]],
  ['理论宣讲要坚持用群众听得懂的语言讲道理，把党的创新理论讲到群众心坎上，让党的声音传得更开、传得更广、传得更深入。', [
    [['传得更开', '传得更广', '传得更深入'], '传得更'],
  ]],
  ['严守党的政治纪律和政治规矩，把纪律规矩挺在前面，做到心有所畏、言有所戒、行有所止。', [[['心有所畏', '言有所戒', '行有所止'], undefined]]],
  ['各地积极探索“小板凳”宣讲、“快板说理”、情景剧宣讲等形式，推动理论宣讲从“大水漫灌”转向“精准滴灌”。', [[['“小板凳”宣讲', '“快板说理”', '情景剧宣讲'], undefined]]],
  ['条例对政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律作出明确规定，每一项纪律都列出了具体的违纪情形和处分标准。', [
    [['政治纪律', '组织纪律', '廉洁纪律', '群众纪律', '工作纪律', '生活纪律'], undefined],
  ]],
  ['各级党校、行政学院、干部学院都把系列讲话纳入主体班次课程安排。', [[['党校', '行政学院', '干部学院'], undefined]]],
  // Two items are not a list for a card slide; single characters are not items.
  ['站在全面建成小康社会、实现中华民族伟大复兴中国梦的战略高度。', null],
  ['许多省、市、县和部门、企业、高校党组织开设微信公众号。', null],
], (mark) => (mark.kind === 'enumeration' ? [mark.items, mark.head] : mark.kind));

table('terms', terms, [
  ['各地各部门注重发挥“关键少数”示范带动作用。', [['“关键少数”', '关键少数']]],
  ['开设“‘两学’天天读”“红船领航”等微信公众号。', [['“‘两学’天天读”', '‘两学’天天读'], ['“红船领航”', '红船领航']]],
  ['各地积极探索“小板凳”宣讲、“快板说理”、情景剧宣讲等形式。', [['“小板凳”', '小板凳'], ['“快板说理”', '快板说理']]],
  ['古人讲“以铜为镜，可以正衣冠；以史为镜，可以知兴替”。', null],
], (mark) => (mark.kind === 'term' ? [mark.text, mark.term] : mark.kind));

table('documents', documents, [
  ['2017年3月，中共中央办公厅印发《关于推进“两学一做”学习教育常态化制度化的意见》。', [['关于推进“两学一做”学习教育常态化制度化的意见']]],
  ['他在《人民日报》发表文章。', [['人民日报']]],
  ['没有书名号。', null],
], (mark) => (mark.kind === 'document' ? [mark.title] : mark.kind));

table('run-ins', runIns, [
  ['第一，端正学习态度。', [['第一', 1, '端正学习态度']]],
  ['一是读原著、学原文、悟原理，二是联系思想和工作实际，三是开展交流研讨，在相互启发中深化理解。', [
    ['一是', 1, '读原著、学原文、悟原理'],
    ['二是', 2, '联系思想和工作实际'],
    ['三是', 3, '开展交流研讨'],
  ]],
  ['首先，每周安排固定学习时间，雷打不动；', [['首先', 1, '每周安排固定学习时间']]],
  ['其次，领导班子成员带头领学，带头讲体会，带头解难题；', [['其次', 2, '领导班子成员带头领学']]],
  // 最后 is not a marker: it as often means "in the end" as "lastly".
  ['最后，把学习成效纳入考核，年底由党员群众评议打分。', null],
  ['统一是前提。', null],
], (mark) => (mark.kind === 'run-in' ? [mark.marker, mark.ordinal, mark.head] : mark.kind));

test('markSentence: sorted by start, every kind in its place, offsets exact', () => {
  const sentence = '2016年4月，习近平总书记对在全党开展“两学一做”学习教育作出重要指示强调，部署“两学一做”学习教育，就是要推动党内教育从“关键少数”向广大党员拓展。';
  const marks = markSentence(sentence);
  assert.deepEqual(marks.map((mark) => mark.kind), ['date', 'quotation', 'term', 'term', 'term']);
  for (let index = 1; index < marks.length; index++) assert.ok(marks[index - 1]!.start <= marks[index]!.start);
  for (const mark of marks) assert.equal(sentence.slice(mark.start, mark.end), mark.text);
});

test('the example and every fixture article: every sentence carries marks, offsets are exact, each has dates and numbers', () => {
  for (const name of [EXAMPLE_ARTICLE, ...fixtureArticles()]) {
    const article = parseArticle(decodeArticleBytes(readFileSync(name), name), name.endsWith('.md') ? 'md' : 'txt').value;
    const counts = new Map<string, number>();
    for (const paragraph of bodyParagraphs(article)) {
      for (const sentence of paragraph.sentences) {
        assert.ok(Array.isArray(sentence.marks), `${sentence.id} has no marks array`);
        for (const mark of sentence.marks!) {
          assert.equal(sentence.text.slice(mark.start, mark.end), mark.text, `${name} ${sentence.id}`);
          counts.set(mark.kind, (counts.get(mark.kind) ?? 0) + 1);
          if (mark.kind === 'enumeration') {
            assert.ok(mark.items.length >= 3);
            for (const item of mark.items) assert.ok([...item].length >= 2 && [...item].length <= 12, `${name}: item "${item}"`);
          }
        }
      }
    }
    assert.ok((counts.get('date') ?? 0) > 0, `${name}: no dates`);
    assert.ok((counts.get('number') ?? 0) > 0, `${name}: no numbers`);
  }
});
