// script.md: the whole lecture script in the order it is spoken, for printing on its own.
// Pure: SourceDeck in, Markdown out. Each slide is a heading "N. title" (N = its page in slides.pdf),
// its notes below as the author wrote them (the heading of a slide without one: slide-heading.ts). Section
// dividers are marked so the parts stand out.

import type { FrontMatter, SourceDeck } from '../deck/model.ts';
import { isPlaceholder } from '../deck/placeholders.ts';
import { escapeInline } from '../markdown/escape.ts';
import { shownSlides } from './slides.ts';

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A line to write on by hand (full-width low lines: not Markdown syntax, printed as one rule). */
export const FILL_IN_BLANK = '＿'.repeat(8);

/** A front-matter value for the credits: the blank to fill in when it is missing or still a placeholder. */
function creditValue(frontMatter: FrontMatter, key: 'speaker' | 'organization' | 'date'): string {
  const value = text(frontMatter[key]);
  return value === undefined || isPlaceholder(key, value) ? FILL_IN_BLANK : escapeInline(value);
}

/**
 * "主讲人：… · 单位：… · 日期：… · 时长：约 N 分钟". The script is filed as the record of a lecture, so who, where
 * and when are always there: what the front matter does not say yet (or says only as the drafter's
 * placeholder, "主讲人：主讲人") is a blank to fill in on the printed page.
 */
function creditsLine(frontMatter: FrontMatter): string {
  const parts = [
    `主讲人：${creditValue(frontMatter, 'speaker')}`,
    `单位：${creditValue(frontMatter, 'organization')}`,
    `日期：${creditValue(frontMatter, 'date')}`,
  ];
  const duration = frontMatter.duration;
  if (typeof duration === 'number' && Number.isFinite(duration) && duration > 0) parts.push(`时长：约 ${Math.round(duration)} 分钟`);
  return parts.join(' · ');
}

export function lectureScript(deck: SourceDeck): string {
  const { frontMatter } = deck;
  const lines: string[] = [`# ${escapeInline(frontMatter.title)}`, ''];
  const subtitle = text(frontMatter.subtitle);
  if (subtitle) lines.push(escapeInline(subtitle), '');
  lines.push(creditsLine(frontMatter), '');

  for (const { index, slide, title, sectionTitle } of shownSlides(deck)) {
    if (sectionTitle !== undefined) lines.push('---', '');
    const heading = title === '' ? `${index + 1}.` : `${index + 1}. ${escapeInline(title)}`;
    lines.push(`## ${heading}`, '');
    const notes = slide.notes.trim();
    if (notes !== '') lines.push(notes, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
