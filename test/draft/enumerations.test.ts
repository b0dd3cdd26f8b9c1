// Enumerations stay together: 一是…二是…三是… in one long paragraph is not cut so that "三是…" opens the next
// slide alone, and its points are the slide's bullets, all of them, in order.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftDeck } from '../../src/draft/index.ts';
import { parseArticle } from '../../src/parse/index.ts';

const PARAGRAPH =
  '推进党支部标准化规范化建设，是落实新时代党的建设总要求的重要举措，是夯实党的执政根基的基础工程，各级党组织务必高度重视、精心组织，要重点抓好三个方面的工作。' +
  '一是严格组织生活，认真落实“三会一课”、主题党日、组织生活会、民主评议党员等制度，增强组织生活的政治性、时代性、原则性、战斗性，让每名党员都在组织生活中受到教育、得到提高。' +
  '二是加强党员教育管理，坚持把政治标准放在首位，健全党员学习培训机制，分层分类开展教育培训，引导党员立足岗位创先争优，在急难险重任务中冲锋在前、发挥作用。' +
  '三是强化支部班子建设，选优配强支部书记，加强支部委员培训，推动支部班子成员履职尽责，形成团结协作、运转高效的工作格局，把党支部建设成为坚强战斗堡垒。';

describe('enumerations', () => {
  const deck = draftDeck(parseArticle(`支部建设\n\n${PARAGRAPH}\n`, 'txt').value).value;

  it('keeps 一是…二是…三是… on one slide, as its bullets, in order', () => {
    const holding = deck.slides.filter((slide) => slide.notes.some((note) => /[一二三]是/u.test(note)));
    const withThird = holding.filter((slide) => slide.notes.some((note) => note.includes('三是')));
    assert.equal(withThird.length, 1);
    const slide = withThird[0]!;
    assert.ok(slide.notes.join('').includes('一是') && slide.notes.join('').includes('二是'), 'the three points share the slide');
    const bullets = slide.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => item.map((run) => run.text).join('')) : []));
    assert.deepEqual(
      bullets.map((bullet) => bullet.slice(0, 2)),
      ['一是', '二是', '三是'],
      bullets.join(' / '),
    );
  });
});
