// Tables of cases per rule: the small decisions the fixtures rely on, one line each.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle, PARSE_RULES } from '../../src/parse/index.ts';
import { numberingFamilyOf } from '../../src/parse/numbering.ts';
import { isCreditLine } from '../../src/parse/rules/credits.ts';
import { readsLikeTitle } from '../../src/parse/rules/title-block.ts';
import { stripInlineMarkdown } from '../../src/parse/rules/markdown-inline.ts';
import { project } from './projection.ts';

test('the pipeline is a list of named rules', () => {
  assert.deepEqual(
    PARSE_RULES.map((rule) => rule.name),
    ['lines', 'front-matter', 'paragraphs', 'markdown-inline', 'separators', 'signoff', 'credits', 'wire-title', 'title-block', 'dateline', 'captions', 'headings', 'generated-sections'],
  );
});

const NUMBERING: ReadonlyArray<[string, string | undefined]> = [
  ['一、发挥民营经济优势', 'cn-dun'],
  ['十二、结语', 'cn-dun'],
  ['（一）基层党组织', 'cn-paren'],
  ['(二)基层党组织', 'cn-paren'],
  ['1.把群众路线落到实处', 'arabic'],
  ['2、畅通渠道', 'arabic'],
  ['（3）完善制度', 'arabic-paren'],
  ['①建强班子', 'circled'],
  ['第一部分 总体要求', 'cn-ordinal-部分'],
  ['第一章　总则', 'cn-ordinal-章'],
  ['第三节 业务学习', 'cn-ordinal-节'],
  ['2.6倍的海域', undefined],
  ['2024年7月', undefined],
  ['第一，端正学习态度。', undefined],
  ['一是读原著', undefined],
  ['一、', undefined],
];
for (const [text, family] of NUMBERING) {
  test(`numberingFamilyOf(${JSON.stringify(text)}) = ${String(family)}`, () => {
    assert.equal(numberingFamilyOf(text), family);
  });
}

const CREDITS: ReadonlyArray<[string, boolean]> = [
  ['版式设计：汪哲平', true],
  ['制图：张芳曼', true],
  ['（来源：新华社）', true],
  ['（作者为中共中央宣传部常务副部长、国家电影局局长）', true],
  ['（记者 王五）', true],
  ['本报记者 张三 李四', true],
  ['责任编辑：赵六', true],
  ['文/张三', true],
  ['来源：国家统计局。数据显示，增长很快。', false],
  ['中国共产党百年历史可分为四个阶段：', false],
  ['记者从会上获悉，全省已完成任务。', false],
  ['记者从会上获悉全省已经完成任务', false],
  ['本报记者张三', true],
];
for (const [text, expected] of CREDITS) {
  test(`isCreditLine(${JSON.stringify(text)}) = ${expected}`, () => {
    assert.equal(isCreditLine(text), expected);
  });
}

const TITLES: ReadonlyArray<[string, boolean]> = [
  ['习近平为浙江留下一份“战略资产”', true],
  ['“两学一做”学习教育——', true],
  ['奋斗吧，青年！', true],
  ['同志们：', false],
  ['文化是一个国家、一个民族的灵魂。文化兴国运兴，文化强民族强。', false],
];
for (const [text, expected] of TITLES) {
  test(`readsLikeTitle(${JSON.stringify(text)}) = ${expected}`, () => {
    assert.equal(readsLikeTitle(text), expected);
  });
}

test('stripInlineMarkdown keeps the words', () => {
  assert.equal(stripInlineMarkdown('要系统学习**重要文献**，[详见](https://x.org)。'), '要系统学习重要文献，详见。');
  assert.equal(stripInlineMarkdown('![图](a.jpg)说明'), '图说明');
  assert.equal(stripInlineMarkdown('价格\\*2'), '价格*2');
});

/** Parse a small article and return its projection, for one-line expectations. */
const outline = (text: string, format: 'txt' | 'md' = 'txt') => project(parseArticle(text, format).value);

test('headings: a short aphorism that ends in 。 is a paragraph', () => {
  const result = outline('标题\n人无精神则不立，国无精神则不强。\n正文一句。');
  assert.deepEqual(result.sections, []);
  assert.equal(result.lead.paragraphs, 2);
});

test('headings: a short line followed by prose is a level-2 heading; lead-ins nest under it', () => {
  const result = outline('标题\n导语。\n人民至上\n正文。\n精品迭出——\n正文。');
  assert.deepEqual(
    result.sections.map((section) => [section.level, section.heading]),
    [
      [2, '人民至上'],
      [3, '精品迭出'],
    ],
  );
});

test('headings: a signature line followed by a date is not a heading (it is the sign-off)', () => {
  const result = outline('标题\n正文。\n中共某某支部委员会\n2024年7月1日');
  assert.deepEqual(result.sections, []);
  assert.equal(result.lead.paragraphs, 1);
  assert.deepEqual(result.captions, []);
  assert.deepEqual(parseArticle('标题\n正文。\n中共某某支部委员会\n2024年7月1日', 'txt').value.signoff, ['中共某某支部委员会', '2024年7月1日']);
});

test('headings: consecutive numbered short lines are a list, not headings', () => {
  const result = outline('标题\n要抓好三件事：\n1.建强班子\n2.管好队伍\n3.完善制度\n这是重点。');
  assert.deepEqual(result.sections, []);
  assert.equal(result.lead.paragraphs, 5);
});

test('headings: a numbered line that is a sentence is a run-in paragraph', () => {
  const result = outline('标题\n一、坚持党的领导。这是根本。\n二、坚持人民至上。这是立场。');
  assert.deepEqual(result.sections, []);
});

test('headings: families nest in order of first appearance, and come back up', () => {
  const result = outline('标题\n第一部分 总论\n正文。\n一、要点\n正文。\n（一）细目\n正文。\n二、要点\n正文。\n第二部分 分论\n正文。');
  assert.deepEqual(
    result.sections.map((section) => [section.level, section.heading]),
    [
      [2, '第一部分 总论'],
      [3, '一、要点'],
      [4, '（一）细目'],
      [3, '二、要点'],
      [2, '第二部分 分论'],
    ],
  );
});

test('headings: Markdown ATX and bold lines; plain short lines are not headings in Markdown', () => {
  const result = outline('# 标题\n\n导语。\n\n## 第一节\n\n正文。\n\n**小标题**\n\n短句\n\n正文。', 'md');
  assert.equal(result.title, '标题');
  assert.deepEqual(
    result.sections.map((section) => [section.level, section.heading, section.paragraphs]),
    [
      [2, '第一节', 1],
      [3, '小标题', 2],
    ],
  );
});

test('paragraphs: one paragraph per line even without blank lines', () => {
  const result = outline('标题\n第一段。\n第二段。\n第三段。');
  assert.equal(result.lead.paragraphs, 3);
});

test('paragraphs: blank lines and space-only lines separate, but each line is still a paragraph', () => {
  const result = outline('\n标题\n \n第一段。\n第二段。\n\u3000\n第三段。\n\n\n');
  assert.equal(result.lead.paragraphs, 3);
});

test('paragraphs: hard-wrapped text is joined, Chinese without spaces and English with one', () => {
  const text = [
    '标题',
    '',
    '这是一段被硬换行的文字，它在一行的中间',
    '断开了，后面还有很长的内容需要接上，一直到',
    '这里才结束。',
    '',
    'This paragraph was wrapped by an editor at',
    'a fixed width and must be joined back.',
  ].join('\n');
  const { value } = parseArticle(text);
  assert.deepEqual(
    value.lead.map((paragraph) => paragraph.text),
    ['这是一段被硬换行的文字，它在一行的中间断开了，后面还有很长的内容需要接上，一直到这里才结束。', 'This paragraph was wrapped by an editor at a fixed width and must be joined back.'],
  );
});

test('title: a subtitle line starting with —— and a 【column】 tag', () => {
  const result = outline('坚持不懈推进理论武装【理论学习】\n——记某市机关党建工作\n正文。');
  assert.deepEqual([result.title, result.subtitle, result.column], ['坚持不懈推进理论武装', '记某市机关党建工作', '理论学习']);
});

test('title: a one-character or numeric bracket is part of the title, not a column', () => {
  assert.equal(outline('党史故事（上）\n正文。').title, '党史故事（上）');
  assert.equal(outline('年度回顾（2024）\n正文。').title, '年度回顾（2024）');
});

test('title: none when the first line is prose, with a warning', () => {
  const { value, diagnostics } = parseArticle('文化是一个国家、一个民族的灵魂。\n第二段。');
  assert.equal(value.title, '');
  assert.equal(value.lead.length, 2);
  assert.ok(diagnostics.some((diagnostic) => diagnostic.severity === 'warning' && diagnostic.line === 1));
});

test('title: front matter names it in Markdown files', () => {
  const result = outline('---\ntitle: "学习笔记"\nsubtitle: 第一讲\n---\n\n正文。', 'md');
  assert.deepEqual([result.title, result.subtitle, result.lead.paragraphs], ['学习笔记', '第一讲', 1]);
});

test('captions: photo credits and markers, but not dated body paragraphs', () => {
  const result = outline(
    [
      '标题',
      '远眺北京中轴线上的钟鼓楼与景山（2024年7月20日摄）。',
      '2024年7月14日，乌兰牧骑队员在开幕式上表演。',
      '图为党员志愿者在社区服务。',
      '村庄全貌（无人机照片）',
      '2017年12月29日，宁波舟山港成为全球首个大港。连续9年位居世界第一。',
      '2015年5月26日，习近平总书记在浙江考察时指出：要坚持。',
    ].join('\n'),
  );
  assert.deepEqual(result.captions, [
    '远眺北京中轴线上的钟鼓楼与景山（2024年7月20日摄）。',
    '2024年7月14日，乌兰牧骑队员在开幕式上表演。',
    '图为党员志愿者在社区服务。',
    '村庄全貌（无人机照片）',
  ]);
  assert.equal(result.lead.paragraphs, 2);
});

test('credits: a source note glued to the last paragraph is cut off', () => {
  const { value } = parseArticle('标题\n正文。\n最后一段。（来源：人民日报）');
  assert.deepEqual(value.credits, ['（来源：人民日报）']);
  assert.equal(value.lead[1]!.text, '最后一段。');
});

test('credits: a wire dateline opens the first paragraph', () => {
  const { value } = parseArticle('标题\n新华社北京6月1日电　（记者 王五）会议强调，要抓好落实。');
  assert.deepEqual(value.credits, ['新华社北京6月1日电 （记者 王五）']);
  assert.equal(value.lead[0]!.text, '会议强调，要抓好落实。');
});

test('separators: …… and ——— lines vanish, a …… inside a paragraph stays', () => {
  const result = parseArticle('标题\n第一段……还有。\n……\n———\n* * *\n第二段。').value;
  assert.deepEqual(result.lead.map((paragraph) => paragraph.text), ['第一段……还有。', '第二段。']);
});

test('diagnostics: an empty or blank string gives an empty article and a warning, never an exception', () => {
  for (const text of ['', '\n\n', '\u3000\u3000\n \n']) {
    const { value, diagnostics } = parseArticle(text);
    assert.deepEqual(value, { title: '', subtitle: '', column: '', credits: [], lead: [], sections: [], captions: [] });
    assert.ok(diagnostics.some((diagnostic) => diagnostic.severity === 'warning'));
  }
});

test('headings: a run of short unpunctuated lines (verse, an unnumbered list) is text, not headings', () => {
  const result = outline('标题\n导语。\n不忘初心\n牢记使命\n砥砺前行\n这是我们的誓言。');
  assert.deepEqual(result.sections, []);
  assert.equal(result.lead.paragraphs, 5);
});

test('title: a dangling "——" is dropped when the second half of the headline is missing', () => {
  const result = outline('奋斗的青春最美丽——\n青春是用来奋斗的，这是一段很长的正文，不能当作标题的后半部分来拼接。');
  assert.equal(result.title, '奋斗的青春最美丽');
  assert.equal(result.lead.paragraphs, 1);
});

test('captions: a photographer credit at the end, but not running text about reporters taking photos', () => {
  const result = outline('标题\n正文。\n党员志愿者在社区服务 新华社记者 张三 摄\n这组照片由本报记者深入一线拍摄。');
  assert.deepEqual(result.captions, ['党员志愿者在社区服务 新华社记者 张三 摄']);
  assert.equal(result.lead.paragraphs, 2);
});
