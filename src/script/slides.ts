// What the script, the handout and the PDF bookmarks need to know about each slide of a SourceDeck:
// the slides in the order they are shown (a slide, then the vertical slides below it: the PDF page order),
// their titles as plain text, and which of them open a section. Pure.

import type { SourceDeck, SourceSlide } from '../deck/model.ts';
import { createMarkdown } from '../render/markdown.ts';
import { slideHeadings } from './slide-heading.ts';

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

/** Every slide with its title; one markdown-it instance for the whole deck. */
export function shownSlides(deck: SourceDeck): ShownSlide[] {
  const md = createMarkdown();
  return shownOrder(deck).map((slide, index) => {
    const { heading, sectionTitle } = slideHeadings(slide, md);
    return { index, slide, title: heading, ...(sectionTitle !== undefined ? { sectionTitle } : {}) };
  });
}
