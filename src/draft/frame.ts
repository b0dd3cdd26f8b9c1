// The slides around the article's content, the same in every 党课: cover, 目录, section dividers,
// 结语 and the end slide, with the spoken greeting, transitions and close a lecturer would say.

import type { DraftSlide, FrontMatter } from '../deck/model.ts';
import { plain } from './emphasis.ts';
import { chineseCount, chineseNumeral } from './numerals.ts';
import { speakingSeconds } from './timing.ts';

function slide(layout: DraftSlide['layout'], blocks: DraftSlide['blocks'], notes: string[], classes: string[] = []): DraftSlide {
  return { layout, ...(classes.length > 0 ? { classes } : {}), blocks, notes, timing: speakingSeconds(notes), from: [] };
}

export function fullTitle(frontMatter: FrontMatter): string {
  return frontMatter.subtitle ? `${frontMatter.title}——${frontMatter.subtitle}` : frontMatter.title;
}

export function coverSlide(frontMatter: FrontMatter): DraftSlide {
  const meta = [frontMatter.column, frontMatter.speaker, frontMatter.organization, frontMatter.date]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' · ');
  return slide(
    'cover',
    [
      { kind: 'heading', level: 1, runs: plain(frontMatter.title) },
      ...(frontMatter.subtitle ? [{ kind: 'heading' as const, level: 2 as const, runs: plain(frontMatter.subtitle) }] : []),
      ...(meta ? [{ kind: 'paragraph' as const, runs: plain(meta) }] : []),
    ],
    [`同志们，大家好！今天我们一起学习《${fullTitle(frontMatter)}》。`],
  );
}

/** More sections than this and the agenda sets its list in two columns. */
const AGENDA_ONE_COLUMN_MAX = 5;

export function agendaSlide(headings: readonly string[]): DraftSlide {
  const parts = headings.map((heading, index) => `第${chineseNumeral(index + 1)}部分，${heading}`).join('；');
  return slide(
    'agenda',
    [
      { kind: 'heading', level: 2, runs: plain('目录') },
      { kind: 'list', ordered: true, items: headings.map(plain) },
    ],
    [`今天的学习分为${chineseCount(headings.length)}个部分：${parts}。`],
    headings.length > AGENDA_ONE_COLUMN_MAX ? ['two-columns'] : [],
  );
}

export function dividerSlide(index: number, heading: string, isFirst: boolean): DraftSlide {
  const label = `第${chineseNumeral(index + 1)}部分`;
  const transition = isFirst ? `首先，我们来学习${label}：${heading}。` : `下面，我们来学习${label}：${heading}。`;
  return slide(
    'divider',
    [
      { kind: 'heading', level: 2, runs: plain(label) },
      { kind: 'heading', level: 1, runs: plain(heading) },
    ],
    [transition],
  );
}

/**
 * 结语: the parts of the lecture once more (`sections`, an article with headings), or, for an article without
 * them, the points its content slides made (`points`, their titles): a closing slide is never left empty.
 */
export function closingSlide(recap: { sections: readonly string[] } | { points: readonly string[] }): DraftSlide {
  const items = 'sections' in recap ? recap.sections : recap.points;
  const spoken =
    'sections' in recap
      ? `今天学习的内容：${items.map((heading, index) => `第${chineseNumeral(index + 1)}部分，${heading}`).join('；')}`
      : `今天学习的要点：${items.join('；')}`;
  return slide(
    'closing',
    [
      { kind: 'heading', level: 2, runs: plain('结语') },
      { kind: 'list', ordered: false, items: items.map(plain) },
    ],
    [items.length > 0 ? `最后，我们简单回顾一下${spoken}。希望大家结合本职工作，学在经常、做在日常。` : '最后，希望大家结合本职工作，学在经常、做在日常。'],
    items.length > AGENDA_ONE_COLUMN_MAX ? ['two-columns'] : [],
  );
}

/** Most points a 结语 recaps for an article without sections: one column of the closing slide. */
export const MAX_RECAP_POINTS = AGENDA_ONE_COLUMN_MAX;

export function questionsSlide(questions: readonly string[]): DraftSlide {
  return slide(
    'closing',
    [
      { kind: 'heading', level: 2, runs: plain('思考题') },
      { kind: 'list', ordered: true, items: questions.map(plain) },
    ],
    [`最后，留${chineseCount(questions.length)}个问题，请大家结合本支部和个人实际，在讨论中交流：${questions.join('')}`],
    ['questions'],
  );
}

export function endSlide(): DraftSlide {
  return slide(
    'end',
    [
      { kind: 'heading', level: 1, runs: plain('谢谢聆听') },
      { kind: 'paragraph', runs: plain('敬请批评指正') },
    ],
    ['今天的学习就到这里。谢谢大家！'],
  );
}
