// Tables of cases for the drafter's small rules: titles, bullets, headings, questions, layouts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DateMark, Mark, Sentence } from '../../src/article/model.ts';
import { splitClauses } from '../../src/draft/clauses.ts';
import { condense, condenseAll } from '../../src/draft/bullets.ts';
import { displayHeading } from '../../src/draft/headings.ts';
import { cardsLayout, setName } from '../../src/draft/layouts/cards.ts';
import { fitQuote, quoteLayout } from '../../src/draft/layouts/quote.ts';
import { statsLayout } from '../../src/draft/layouts/stats.ts';
import { datedEvents, datedHeadings } from '../../src/draft/layouts/timeline.ts';
import { chineseNumeral } from '../../src/draft/numerals.ts';
import { discussionQuestions } from '../../src/draft/questions.ts';
import { topicTitle } from '../../src/draft/title.ts';

function sentence(text: string, marks: Mark[] = []): Sentence {
  return { id: 'p1.s1', text, marks };
}

function span(text: string, part: string): { text: string; start: number; end: number } {
  const start = text.indexOf(part);
  assert.ok(start >= 0, `${part} not in ${text}`);
  return { text: part, start, end: start + part.length };
}

describe('splitClauses', () => {
  const cases: [string, string[]][] = [
    ['中央政治局带头开展学习教育，为全党作出示范。', ['中央政治局带头开展学习教育', '为全党作出示范']],
    ['印发《关于推进“两学一做”学习教育常态化制度化的意见》，为持续推动作出部署。', ['印发《关于推进“两学一做”学习教育常态化制度化的意见》', '为持续推动作出部署']],
    ['古人讲“以史为鉴，可以知兴替”。', ['古人讲“以史为鉴，可以知兴替”']],
  ];
  for (const [input, expected] of cases) it(input, () => assert.deepEqual(splitClauses(input), expected));
});

describe('topicTitle', () => {
  const cases: [string[], string | undefined][] = [
    [['富口袋也要富脑袋。', '各地坚持物质帮扶与思想引导并重。'], '富口袋也要富脑袋'],
    [['融入日常、抓在经常。', '各地各部门推进学习教育常态化制度化。'], '融入日常、抓在经常'],
    [['学党章党规、学系列讲话，做合格党员——2016年2月，中办印发方案。'], '学党章党规、学系列讲话，做合格党员'],
    [['中央政治局带头开展学习教育，为全党作出示范。'], '中央政治局带头开展学习教育'],
    [['党的十八大以来，各级党组织坚持问题导向。'], '各级党组织坚持问题导向'],
    [['75年来，我们党坚持以人民为中心，不断满足需求。'], '我们党坚持以人民为中心'],
    // the first clause with content is too long to be a title: no title rather than a cut one
    [['2016年4月，习近平总书记对在全党开展“两学一做”学习教育作出重要指示强调，部署学习教育。'], undefined],
    // half of a correlative pair is not a point
    [['《茶馆》不仅刻画出旧时代的黑暗，更展现了风土人情。'], undefined],
  ];
  for (const [sentences, expected] of cases) it(sentences[0]!, () => assert.equal(topicTitle(sentences), expected));
});

describe('condenseAll (bullets)', () => {
  it('packs a long sentence into two-line bullets at clause boundaries', () => {
    assert.deepEqual(
      condenseAll('各地坚持学做互进、知行合一，推动贫困村党组织把党员组织起来，支持有帮带能力的党员创办领办致富项目，组织他们与重点扶贫对象结成对子，带领群众脱贫致富。', '各地坚持学做互进、知行合一'),
      ['推动贫困村党组织把党员组织起来，支持有帮带能力的党员创办领办致富项目', '组织他们与重点扶贫对象结成对子，带领群众脱贫致富'],
    );
  });
});

describe('condense (bullets)', () => {
  const cases: [string, string, string | undefined][] = [
    ['新中国成立初期，公共文化服务设施极其短缺，全国公共图书馆仅有55个。', '', '公共文化服务设施极其短缺，全国公共图书馆仅有55个'],
    ['中央政治局带头开展学习教育，为全党作出示范。', '中央政治局带头开展学习教育', '为全党作出示范'],
    // 从… and 到… do not fit one bullet together, and either half alone says nothing: no bullet
    ['从《红色娘子军》《野火春风斗古城》《天云山传奇》《庐山恋》，到《黄土地》《秋菊打官司》《甲方乙方》《长津湖》，佳作迭出。', '', undefined],
    ['从《红色娘子军》到《长津湖》，佳作迭出。', '', '从《红色娘子军》到《长津湖》，佳作迭出'],
  ];
  for (const [input, title, expected] of cases) it(input, () => assert.equal(condense(input, title), expected));
});

describe('displayHeading', () => {
  const cases: [string, string][] = [
    ['一、发挥民营经济优势 经济总量连上台阶', '发挥民营经济优势 经济总量连上台阶'],
    ['（二）坚持问题导向', '坚持问题导向'],
    ['第三部分　走向常态化', '走向常态化'],
    ['3. 持续用力', '持续用力'],
    ['文艺创作精品迭出——', '文艺创作精品迭出'],
    ['人民至上', '人民至上'],
    ['2016年的部署', '2016年的部署'],
  ];
  for (const [input, expected] of cases) it(input, () => assert.equal(displayHeading(input), expected));
});

describe('chineseNumeral', () => {
  it('counts as a lecturer says it', () => {
    assert.deepEqual([1, 4, 10, 11, 20, 23].map(chineseNumeral), ['一', '四', '十', '十一', '二十', '二十三']);
  });
});

describe('discussionQuestions', () => {
  it('asks how to act on an action heading and what a principle means, at most three', () => {
    assert.deepEqual(discussionQuestions(['把全面从严治党落实到每个支部', '人民至上']), [
      '结合本支部实际，我们应当如何把全面从严治党落实到每个支部？',
      '如何理解“人民至上”？结合本职工作谈谈体会。',
    ]);
    assert.equal(discussionQuestions(['一', '二', '三', '四', '五', '六', '七', '八']).length, 3);
    assert.equal(discussionQuestions(['“两学一做”学习教育常态化制度化'])[0], '结合本支部实际，我们应当如何推进“两学一做”学习教育常态化制度化？');
    assert.match(discussionQuestions(['坚守“人民至上”'])[0]!, /如何坚守“人民至上”/);
    assert.match(discussionQuestions(['“人民至上”的立场'])[0]!, /如何理解“‘人民至上’的立场”/);
  });
});

describe('quote layout', () => {
  const text = '2016年4月，习近平总书记对在全党开展学习教育作出重要指示强调，部署学习教育，就是要推动党内教育从“关键少数”向广大党员拓展，从集中性教育向经常性教育延伸，坚定广大党员的马克思主义立场，保证全党始终在思想上政治上行动上同党中央保持高度一致。';
  const quote = text.slice(text.indexOf('部署学习教育'));
  const date: DateMark = { kind: 'date', ...span(text, '2016年4月'), from: { year: 2016, month: 4 } };
  const quotation: Mark = { kind: 'quotation', ...span(text, text.slice(text.indexOf('习近平'))), speaker: '习近平总书记', verb: '强调', quote, direct: false };

  it('shows the speaker’s words with who and when, shortened at a clause with an omission mark', () => {
    const choice = quoteLayout({ sentences: [sentence(text, [date, quotation])], title: 't', ownTitle: false });
    assert.equal(choice?.layout, 'quote');
    const block = choice?.blocks[0];
    assert.ok(block?.kind === 'quote');
    assert.equal(block.cite, '习近平总书记，2016年4月');
    const words = block.runs.map((run) => run.text).join('');
    assert.ok(words.endsWith('……'), words);
    assert.ok(quote.startsWith(words.slice(0, -2)), words);
  });

  it('keeps a short quote whole and refuses a phrase too short for a slide', () => {
    assert.equal(fitQuote('要坚持不懈抓下去，把学习教育融入日常。'), '要坚持不懈抓下去，把学习教育融入日常');
    assert.equal(fitQuote('要抓下去。'), undefined);
  });
});

describe('cards layout', () => {
  it('names a set by its shared tail or head', () => {
    assert.equal(setName(['政治合格', '执行纪律合格', '品德合格', '发挥作用合格']), '“四个合格”');
    assert.equal(setName(['带头讲政治', '带头修养', '带头自律'], '带头'), '“三个带头”');
    assert.equal(setName(['全覆盖', '常态化', '重创新']), undefined);
  });

  it('makes cards of an enumeration and titles them with the verb that introduces the set', () => {
    const text = '引导广大党员做到政治合格、执行纪律合格、品德合格、发挥作用合格。';
    const items = ['政治合格', '执行纪律合格', '品德合格', '发挥作用合格'];
    const mark: Mark = { kind: 'enumeration', ...span(text, items.join('、')), items };
    const choice = cardsLayout({ sentences: [sentence(text, [mark])], title: '融入日常', ownTitle: true });
    assert.equal(choice?.layout, 'cards');
    assert.deepEqual(choice?.blocks[0], { kind: 'heading', level: 2, runs: [{ text: '做到“四个合格”' }] });
  });

  it('leaves long unnamed enumerations to a points slide', () => {
    const text = '着力加强乡村两级班子建设、持续整顿软弱涣散村党组织、发展壮大集体经济。';
    const items = ['着力加强乡村两级班子建设', '持续整顿软弱涣散村党组织', '发展壮大集体经济'];
    const mark: Mark = { kind: 'enumeration', ...span(text, items.join('、')), items };
    assert.equal(cardsLayout({ sentences: [sentence(text, [mark])], title: 't', ownTitle: false }), undefined);
  });
});

describe('stats layout', () => {
  it('shows labelled counts big, and needs at least two', () => {
    const text = '全国累计选派25.5万个驻村工作队、300多万名第一书记。';
    const marks: Mark[] = [
      { kind: 'number', ...span(text, '25.5万个'), value: '25.5万个', amount: 255000, unit: '个', label: '驻村工作队' },
      { kind: 'number', ...span(text, '300多万名'), value: '300多万名', amount: 3000000, unit: '名', qualifier: '多', label: '第一书记' },
    ];
    const choice = statsLayout({ sentences: [sentence(text, marks)], title: '鲜红的党旗', ownTitle: true });
    assert.equal(choice?.layout, 'stats');
    assert.deepEqual(choice?.blocks[1], {
      kind: 'list',
      ordered: false,
      items: [
        [{ text: '25.5万个', strong: true }, { text: ' 驻村工作队' }],
        [{ text: '300多万名', strong: true }, { text: ' 第一书记' }],
      ],
    });
    assert.equal(statsLayout({ sentences: [sentence(text, marks.slice(0, 1))], title: 't', ownTitle: false }), undefined);
  });
});

describe('timeline from headings', () => {
  it('reads periods from headings when most of them carry one', () => {
    assert.deepEqual(
      datedHeadings(['新民主主义革命时期（1919—1949年）：开天辟地', '社会主义革命和建设时期（1949—1978年）：改天换地', '改革开放新时期（1978年—党的十八大）：翻天覆地', '新时代（党的十八大至今）：惊天动地']),
      [
        { when: '1919—1949年', label: '新民主主义革命时期 开天辟地' },
        { when: '1949—1978年', label: '社会主义革命和建设时期 改天换地' },
        { when: '1978年—党的十八大', label: '改革开放新时期 翻天覆地' },
        { when: '党的十八大至今', label: '新时代 惊天动地' },
      ],
    );
    assert.deepEqual(datedHeadings(['人民至上', '守正创新', '立心铸魂']), []);
  });
});

describe('timeline events', () => {
  function dated(text: string, dateText: string, year: number, month: number): Sentence {
    return sentence(text, [{ kind: 'date', ...span(text, dateText), from: { year, month } }]);
  }

  it('takes sentences that open with a month, in time order, naming long documents by their kind', () => {
    const events = datedEvents([
      dated('学党章党规——2016年2月，中共中央办公厅印发《关于在全体党员中开展“学党章党规、学系列讲话，做合格党员”学习教育方案》。', '2016年2月', 2016, 2),
      dated('2016年4月，习近平总书记作出重要指示。', '2016年4月', 2016, 4),
      dated('各地在2016年3月就已部署。', '2016年3月', 2016, 3),
      dated('2017年3月，中共中央办公厅印发《关于推进学习教育常态化制度化的意见》。', '2017年3月', 2017, 3),
      dated('2015年1月，这是一个更早的时间。', '2015年1月', 2015, 1),
    ]);
    assert.deepEqual(
      events.map((event) => `${event.when} ${event.label}`),
      ['2016年2月 中共中央办公厅印发方案', '2016年4月 习近平总书记作出重要指示', '2017年3月 中共中央办公厅印发《关于推进学习教育常态化制度化的意见》'],
    );
  });
});
