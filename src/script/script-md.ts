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

/** A front-matter credit as Markdown text, or undefined when it is missing or still the drafter's placeholder. */
function credit(frontMatter: FrontMatter, key: 'speaker' | 'organization' | 'date'): string | undefined {
  const value = text(frontMatter[key]);
  return value === undefined || isPlaceholder(key, value) ? undefined : escapeInline(value);
}

/**
 * "主讲人：… · 单位：… · 日期：… · 时长：约 N 分钟", only the parts the front matter really has: the drafter's
 * placeholders ("speaker: 主讲人") are not names, and printed they would read "主讲人：主讲人" (script.docx
 * leaves them out the same way).
 */
function creditsLine(frontMatter: FrontMatter): string | undefined {
  const parts: string[] = [];
  const speaker = credit(frontMatter, 'speaker');
  const organization = credit(frontMatter, 'organization');
  const date = credit(frontMatter, 'date');
  if (speaker) parts.push(`主讲人：${speaker}`);
  if (organization) parts.push(`单位：${organization}`);
  if (date) parts.push(`日期：${date}`);
  const duration = frontMatter.duration;
  if (typeof duration === 'number' && Number.isFinite(duration) && duration > 0) parts.push(`时长：约 ${Math.round(duration)} 分钟`);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

export function lectureScript(deck: SourceDeck): string {
  const { frontMatter } = deck;
  const lines: string[] = [`# ${escapeInline(frontMatter.title)}`, ''];
  const subtitle = text(frontMatter.subtitle);
  if (subtitle) lines.push(escapeInline(subtitle), '');
  const credits = creditsLine(frontMatter);
  if (credits) lines.push(credits, '');

  for (const { index, slide, title, sectionTitle } of shownSlides(deck)) {
    if (sectionTitle !== undefined) lines.push('---', '');
    const heading = title === '' ? `${index + 1}.` : `${index + 1}. ${escapeInline(title)}`;
    lines.push(`## ${heading}`, '');
    const notes = slide.notes.trim();
    if (notes !== '') lines.push(notes, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
