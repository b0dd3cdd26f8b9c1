// Tables of cases per mark rule, on real sentences from /work/shared/articles (and a few made-up ones for
// shapes the five articles lack). Each case lists what the rule must find, in a compact form; `null` means
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
  ['一、新民主主义革命时期（1919—1949年）：开天辟地', [['1919—1949年', { year: 1919 }, { year: 1949 }]]],
  ['2024年7月14日，乌兰牧骑队员在内蒙古第34届草原那达慕开幕式上表演。', [['2024年7月14日', { year: 2024, month: 7, day: 14 }, undefined]]],
  ['1952—1956年完成农业、手工业、资本主义工商业三大改造，确立社会主义基本制度；', [['1952—1956年', { year: 1952 }, { year: 1956 }]]],
  ['2009年至2021年，我国对外文化贸易额从177亿美元增长到1244亿美元。', [['2009年至2021年', { year: 2009 }, { year: 2021 }]]],
  ['比如上世纪80年代的《天云山传奇》《牧马人》等影片，反思历史。', [['上世纪80年代', { year: 1980 }, { year: 1989 }]]],
  ['当天是7月8日，雨很大。', [['7月8日', { month: 7, day: 8 }, undefined]]],
  // Durations and eras are not dates.
  ['党的十八大以来，习近平总书记站在全面建成小康社会的战略高度。', null],
  ['在5000多年文明发展中孕育的中华优秀传统文化。', null],
  ['党带领人民历经28年浴血奋战。', null],
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
  ['这一阶段，全国有名可查的革命烈士达370多万人，红军长征出发8万余人，抵达陕北仅剩200多人。', [
    ['达370多万人', 3700000, '人', '达', '多', undefined],
    ['8万余人', 80000, '人', undefined, '余', undefined],
    ['200多人', 200, '人', undefined, '多', undefined],
  ]],
  ['成立之初党员仅50多人，如今已超1亿。', [
    ['仅50多人', 50, '人', '仅', '多', undefined],
    ['超1亿', 100000000, '亿', '超', undefined, undefined],
  ]],
  ['2017年全国电影票房达559.11亿元，比2012年增长227.48%。', [
    ['达559.11亿元', 55911000000, '元', '达', undefined, undefined],
    ['227.48%', 227.48, '%', undefined, undefined, undefined],
  ]],
  // Ordinals, dates and bare numbers are not statistics.
  ['2024年7月14日，乌兰牧骑队员在内蒙古第34届草原那达慕开幕式上表演。', null],
  ['中国共产党百年历史可分为四个阶段：', null],
], (mark) => (mark.kind === 'number' ? [mark.value, mark.amount, mark.unit, mark.qualifier, mark.approx, mark.label] : mark.kind));

table('quotations', quotations, [
  ['党史学习意义重大，习近平总书记提出“学史明理、学史增信、学史崇德、学史力行”。', [['习近平总书记', '提出', '学史明理、学史增信、学史崇德、学史力行', true]]],
  ['古人讲“以史为鉴，可以知兴替”，学习党史能够帮助我们明晰国家发展规律。', [['古人', '讲', '以史为鉴，可以知兴替', true]]],
  ['习近平总书记在文艺工作座谈会上指出，艺术也要在国际市场上竞争，没有竞争就没有生命力。', [['习近平总书记', '指出', '艺术也要在国际市场上竞争，没有竞争就没有生命力', false]]],
  ['“学习不是任务，而是习惯。”一位支部书记这样说：“要天天学。”', [['一位支部书记', '说', '要天天学。', true]]],
  // 批示 and 要求 used as nouns, and no speaker at all: not quotations.
  ['习近平总书记亲自指导推动，作出一系列重要指示批示，为开展学习教育指明了方向，提供了根本遵循。', null],
  ['各级党委组织部门按照部署要求，严督实导学习教育。', null],
  ['总的来说，这项工作成效显著。', null],
], (mark) => (mark.kind === 'quotation' ? [mark.speaker, mark.verb, mark.quote, mark.direct] : mark.kind));

table('enumerations', enumerations, [
  ['在思想上政治上行动上同以习近平同志为核心的党中央保持高度一致，做到政治合格、执行纪律合格、品德合格、发挥作用合格。', [
    [['政治合格', '执行纪律合格', '品德合格', '发挥作用合格'], undefined],
  ]],
  ['用有效制度机制推动领导干部以身作则、当好表率，带头旗帜鲜明讲政治、带头强化党性修养、带头严格自律，切实做到忠诚干净担当；', [
    [['带头旗帜鲜明讲政治', '带头强化党性修养', '带头严格自律'], '带头'],
  ]],
  ['党史学习意义重大，习近平总书记提出“学史明理、学史增信、学史崇德、学史力行”。', [
    [['学史明理', '学史增信', '学史崇德', '学史力行'], '学史'],
  ]],
  ['努力成长为有理想、敢担当、能吃苦、肯奋斗的新时代青年。', [[['有理想', '敢担当', '能吃苦', '肯奋斗'], undefined]]],
  ['实现解放牌汽车、武汉长江大桥、大庆油田、“两弹一星”等重大突破。', [[['解放牌汽车', '武汉长江大桥', '大庆油田', '“两弹一星”'], undefined]]],
  ['各级党校、行政学院、干部学院都把系列讲话纳入主体班次课程安排。', [[['党校', '行政学院', '干部学院'], undefined]]],
  // Two items are not a list for a card slide; single characters are not items.
  ['站在全面建成小康社会、实现中华民族伟大复兴中国梦的战略高度。', null],
  ['许多省、市、县和部门、企业、高校党组织开设微信公众号。', null],
], (mark) => (mark.kind === 'enumeration' ? [mark.items, mark.head] : mark.kind));

table('terms', terms, [
  ['各地各部门注重发挥“关键少数”示范带动作用。', [['“关键少数”', '关键少数']]],
  ['开设“‘两学’天天读”“红船领航”等微信公众号。', [['“‘两学’天天读”', '‘两学’天天读'], ['“红船领航”', '红船领航']]],
  ['古人讲“以史为鉴，可以知兴替”。', null],
], (mark) => (mark.kind === 'term' ? [mark.text, mark.term] : mark.kind));

table('documents', documents, [
  ['2017年3月，中共中央办公厅印发《关于推进“两学一做”学习教育常态化制度化的意见》。', [['关于推进“两学一做”学习教育常态化制度化的意见']]],
  ['他在《人民日报》发表文章。', [['人民日报']]],
  ['没有书名号。', null],
], (mark) => (mark.kind === 'document' ? [mark.title] : mark.kind));

table('run-ins', runIns, [
  ['第一，端正学习态度。', [['第一', 1, '端正学习态度']]],
  ['一是读原著，二是联系实际，三是交流研讨。', [['一是', 1, '读原著'], ['二是', 2, '联系实际'], ['三是', 3, '交流研讨']]],
  ['其次，要在学深悟透上下功夫。', [['其次', 2, '要在学深悟透上下功夫']]],
  ['统一是前提。', null],
], (mark) => (mark.kind === 'run-in' ? [mark.marker, mark.ordinal, mark.head] : mark.kind));

test('markSentence: sorted by start, every kind in its place, offsets exact', () => {
  const sentence = '2016年4月，习近平总书记对在全党开展“两学一做”学习教育作出重要指示强调，部署“两学一做”学习教育，就是要推动党内教育从“关键少数”向广大党员拓展。';
  const marks = markSentence(sentence);
  assert.deepEqual(marks.map((mark) => mark.kind), ['date', 'quotation', 'term', 'term', 'term']);
  for (let index = 1; index < marks.length; index++) assert.ok(marks[index - 1]!.start <= marks[index]!.start);
  for (const mark of marks) assert.equal(sentence.slice(mark.start, mark.end), mark.text);
});

const ARTICLES = new URL('../../../shared/articles/', import.meta.url);
const FIVE = ['00_liangxue_yizuo.txt', '03_xinhua_wenhua_75nian.txt', '06_babazhanlue_numbered.txt', '09_dangke_lecture_transcript.txt', '10_guangying_huazhang_markdown.txt'];

test('the five articles: every sentence carries marks, offsets are exact, and each article has dates and numbers', () => {
  for (const name of FIVE) {
    const article = parseArticle(decodeArticleBytes(readFileSync(new URL(name, ARTICLES)), name), 'txt').value;
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
