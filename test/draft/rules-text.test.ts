// A rules text (第X章 / 第X条) is summarised per chapter: one or two slides each, bullets carrying article
// numbers, every sentence still in the notes in order.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseNumeral } from '../../src/draft/numerals.ts';
import { draftDeck } from '../../src/draft/index.ts';
import { isRulesText } from '../../src/draft/rules-text.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { assertSentencesInNotes } from '../helpers/notes.ts';
import { CONTENT_LAYOUTS, slideTitle } from './lecture-figures.ts';

const CHAPTERS = ['总则', '组织设置', '基本任务', '工作机制', '组织生活', '党员队伍', '领导和保障', '附则'];
const DUTIES = [
  '党支部应当认真组织党员学习党的理论和路线方针政策，做到学思用贯通、知信行统一',
  '党支部书记必须履行第一责任人职责，把主要精力放在抓党建工作上，定期研究解决存在的问题',
  '党员不得违反党的纪律，对发现的问题应当及时向党组织报告，并接受组织的批评教育',
  '上级党组织负责对党支部工作进行指导和督促检查，每年至少开展一次专项考核',
  '党支部要建立健全党员教育管理制度，结合实际开展形式多样的主题党日活动',
  '党支部应当严格落实“三会一课”制度，按期召开支部党员大会、支部委员会和党小组会',
];

/** A regulation of 46 articles in 8 chapters, as 条例 are laid out. */
function regulation(): string {
  const lines = ['中国共产党某某工作条例', ''];
  let number = 0;
  CHAPTERS.forEach((chapter, index) => {
    lines.push(`第${chineseNumeral(index + 1)}章　${chapter}`, '');
    const count = index === CHAPTERS.length - 1 ? 4 : 6;
    for (let article = 0; article < count; article += 1) {
      number += 1;
      const duty = DUTIES[(number + index) % DUTIES.length]!;
      lines.push(`第${chineseNumeral(number)}条　${duty}。具体办法由各级党委结合${chapter}的实际情况另行规定，报上一级党组织备案。`, '');
    }
  });
  return lines.join('\n');
}

describe('rules texts', () => {
  const article = parseArticle(regulation(), 'txt').value;
  const deck = draftDeck(article).value;
  const content = deck.slides.filter((slide) => CONTENT_LAYOUTS.has(slide.layout));

  it('is recognised as a rules text', () => assert.equal(isRulesText(article), true));

  it('gives each chapter one or two slides, not one per article', () => {
    assert.ok(content.length >= CHAPTERS.length && content.length <= CHAPTERS.length * 2, `${content.length} content slides`);
    for (const chapter of CHAPTERS) {
      const count = content.filter((slide) => slideTitle(slide).startsWith(chapter)).length;
      assert.ok(count >= 1 && count <= 2, `${chapter}: ${count} slides`);
    }
  });

  it('puts the key duties on the slides with their article numbers, in order', () => {
    const bullets = content.flatMap((slide) => slide.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => item.map((run) => run.text).join('')) : [])));
    assert.ok(bullets.length >= CHAPTERS.length * 2);
    for (const bullet of bullets) assert.match(bullet, /^第[一二三四五六七八九十]+条 \S/u);
    assert.ok(bullets.some((bullet) => /应当|必须|不得/u.test(bullet)));
  });

  it('keeps every sentence in the notes, in order', () => {
    assertSentencesInNotes(article, deck.slides.flatMap((slide) => slide.notes).join('\n'));
  });

  it('does not take an ordinary article for a rules text', () => {
    assert.equal(isRulesText(parseArticle('标题\n\n第一，要学习。这是要求。\n\n第二，要实践。这是方法。', 'txt').value), false);
  });
});
