import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftDeck } from '../../src/draft/index.ts';
import { article, paragraph, resetIds, section } from '../helpers/article.ts';
import { assertSentencesInNotes } from '../helpers/notes.ts';

function sample() {
  resetIds();
  return article({
    title: '“两学一做”学习教育',
    subtitle: '加强党的思想政治建设的重大部署',
    column: '辉煌历程',
    lead: [paragraph('学党章党规、学系列讲话，做合格党员——2016年2月，中办印发方案。这是一项重大部署。')],
    sections: [
      section('把全面从严治党落实到每个支部', [
        '中央政治局带头开展学习教育，为全党作出示范。中央政治局常委、委员都以普通党员身份到所在党支部参加学习，许多中央领导同志到联系单位讲党课。',
        '从党政机关到企事业单位，学习教育蔚然成风。',
        '各级党组织以党支部为基本单位，定时间、分专题组织党员集中学习。',
      ]),
      section('为抓党建促脱贫注入强大动力', [
        '富口袋也要富脑袋。各地坚持物质帮扶与思想引导并重，推进移风易俗，弘扬文明新风。',
        '全国累计选派25.5万个驻村工作队、300多万名第一书记和驻村干部。',
      ]),
    ],
  });
}

describe('draftDeck', () => {
  it('frames the lecture: cover, agenda, dividers, closing and end', () => {
    const deck = draftDeck(sample()).value;
    const layouts = deck.slides.map((slide) => slide.layout);
    assert.equal(layouts[0], 'cover');
    assert.equal(layouts[1], 'agenda');
    assert.equal(layouts.filter((layout) => layout === 'divider').length, 2);
    assert.deepEqual(layouts.slice(-2), ['closing', 'end']);
    const agenda = deck.slides[1]!;
    assert.deepEqual(
      agenda.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => item.map((run) => run.text).join('')) : [])),
      ['把全面从严治党落实到每个支部', '为抓党建促脱贫注入强大动力'],
    );
  });

  it('puts every sentence of the article into the notes, in order', () => {
    const source = sample();
    const deck = draftDeck(source).value;
    assertSentencesInNotes(source, deck.slides.flatMap((slide) => slide.notes).join('\n'));
  });

  it('titles a slide with the paragraph’s own opening phrase', () => {
    const deck = draftDeck(sample()).value;
    const titles = deck.slides.filter((slide) => slide.layout === 'points').map((slide) => headingText(slide.blocks[0]));
    assert.ok(titles.includes('富口袋也要富脑袋'), titles.join(' | '));
    assert.ok(titles.includes('学党章党规、学系列讲话，做合格党员'), titles.join(' | '));
    assert.ok(titles.includes('中央政治局带头开展学习教育'), titles.join(' | '));
  });

  it('records the paragraph ids behind each content slide and a timing for every slide', () => {
    const deck = draftDeck(sample()).value;
    for (const slide of deck.slides) {
      assert.ok((slide.timing ?? 0) > 0, `${slide.layout} has no timing`);
      if (slide.layout === 'points') assert.ok(slide.from.length > 0);
    }
    assert.equal(deck.frontMatter.duration, Math.ceil(deck.slides.reduce((sum, slide) => sum + (slide.timing ?? 0), 0) / 60));
  });

  it('lets a short paragraph share a slide with its neighbour', () => {
    const deck = draftDeck(sample()).value;
    const shared = deck.slides.find((slide) => slide.notes.some((note) => note.startsWith('从党政机关')));
    assert.ok(shared);
    assert.ok(shared.from.length >= 2, `shares with ${shared.from.length - 1} neighbours`);
  });

  it('continues a long paragraph on further slides without losing a sentence', () => {
    resetIds();
    const long = Array.from({ length: 12 }, (_, index) => `这是第${index + 1}句比较长的测试句子，用来检验长段落会分成几张幻灯片。`).join('');
    const source = article({ sections: [section('唯一的部分', [long])] });
    const deck = draftDeck(source).value;
    const content = deck.slides.filter((slide) => slide.layout === 'points');
    assert.ok(content.length >= 2);
    assert.equal(content.map((slide) => slide.notes.join('')).join(''), long);
  });

  it('is deterministic', () => {
    assert.deepEqual(draftDeck(sample()), draftDeck(sample()));
  });

  it('drafts a deck even for an article with no sections', () => {
    resetIds();
    const deck = draftDeck(article({ lead: [paragraph('只有一段话。')], sections: [] })).value;
    assert.deepEqual(deck.slides.map((slide) => slide.layout), ['cover', 'points', 'closing', 'end']);
  });

  it('recaps the points of an article without sections in its 结语, never leaving the slide empty', () => {
    resetIds();
    const deck = draftDeck(
      article({
        lead: [
          paragraph('各地党组织把主题党日同学习党的创新理论结合起来。不少党支部组织党员集中学习党章，开展专题研讨，交流学习体会。'),
          paragraph('重温入党誓词，是许多党组织主题党日的必修课。数十名新党员面向鲜红的党旗举起右拳，一字一句庄严宣誓。'),
        ],
        sections: [],
      }),
    ).value;
    const closing = deck.slides.find((slide) => slide.layout === 'closing')!;
    const list = closing.blocks.find((block) => block.kind === 'list');
    const recapped = list?.kind === 'list' ? list.items.map((item) => item.map((run) => run.text).join('')) : [];
    const titles = deck.slides.filter((slide) => slide.from.length > 0).map((slide) => headingText(slide.blocks.find((block) => block.kind === 'heading')));
    assert.ok(recapped.length > 0, 'the 结语 lists something');
    assert.deepEqual(recapped, [...new Set(titles.map((title) => title.replace(/（续）$/u, '')))].slice(0, 5));
    assert.match(closing.notes.join(''), new RegExp(`回顾一下今天学习的要点：${recapped[0]}`));
  });

  it('recaps no title longer than two title lines: a huge heading is not copied into the 结语 again', () => {
    resetIds();
    const heading = '党'.repeat(41);
    const deck = draftDeck(article({ lead: [], sections: [section(heading, ['全县党员干部深入基层走访群众，记下群众的急难愁盼。'])] })).value;
    const closing = deck.slides.find((slide) => slide.layout === 'closing')!;
    assert.ok(!JSON.stringify(closing).includes(heading), JSON.stringify(closing.blocks));
  });
});

function headingText(block: unknown): string {
  const heading = block as { kind: string; runs: { text: string }[] };
  return heading.kind === 'heading' ? heading.runs.map((run) => run.text).join('') : '';
}
