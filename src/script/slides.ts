// What the script, the handout and the PDF bookmarks need to know about each slide of a SourceDeck:
// the slides in the order they are shown (a slide, then the vertical slides below it: the PDF page order),
// their titles as plain text, and which of them open a section. Pure.

import type { Token } from 'markdown-it';
import type { SourceDeck, SourceSlide } from '../deck/model.ts';
import { createMarkdown } from '../render/markdown.ts';
import { inlineText } from '../render/plain-text.ts';

/** The drafter's section divider class (the renderer's sectionTitles come from these slides' h1). */
const DIVIDER_CLASS = 'divider';
/** A slide with no heading is named by the start of its text, cut to this many characters. */
const UNTITLED_LENGTH = 24;

export interface ShownSlide {
  /** 0-based position in the deck: the slides PDF page index. */
  index: number;
  slide: SourceSlide;
  /** Plain-text title for the script and the handout ("" when the slide shows no text at all). */
  title: string;
  /** For a divider slide with an h1: the section title (what the renderer puts in sectionTitles). */
  sectionTitle?: string;
}

/** Slides in the order they are shown and printed: each slide, then its vertical slides. */
export function shownOrder(deck: SourceDeck): SourceSlide[] {
  return deck.slides.flatMap((slide) => [slide, ...slide.vertical]);
}

export function isDivider(slide: SourceSlide): boolean {
  return (slide.attributes['class'] ?? '').split(/\s+/).includes(DIVIDER_CLASS);
}

/** Every slide with its title; one markdown-it instance for the whole deck. */
export function shownSlides(deck: SourceDeck): ShownSlide[] {
  const md = createMarkdown();
  return shownOrder(deck).map((slide, index) => {
    // A private env: problems in the Markdown are the renderer's to report, not ours to repeat.
    const tokens = md.parse(slide.body, { file: deck.file, slideLine: slide.line, part: 'body', diagnostics: [] });
    const headings = headingTexts(tokens);
    const h1 = headings.find((heading) => heading.level === 1)?.text;
    const divider = isDivider(slide);
    const title = divider
      ? headings.map((heading) => heading.text).join('　')
      : (h1 ?? headings[0]?.text ?? shortened(firstText(tokens)));
    return { index, slide, title, ...(divider && h1 !== undefined ? { sectionTitle: h1 } : {}) };
  });
}

function headingTexts(tokens: Token[]): { level: number; text: string }[] {
  const headings: { level: number; text: string }[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const text = inlineText(tokens[index + 1]?.children ?? null);
    if (text !== '') headings.push({ level: Number(token.tag.slice(1)), text });
  });
  return headings;
}

function firstText(tokens: Token[]): string {
  for (const token of tokens) {
    if (token.type !== 'inline') continue;
    const text = inlineText(token.children);
    if (text !== '') return text;
  }
  return '';
}

function shortened(text: string): string {
  const chars = [...text];
  return chars.length <= UNTITLED_LENGTH ? text : `${chars.slice(0, UNTITLED_LENGTH).join('')}……`;
}
