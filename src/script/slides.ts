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

/**
 * Per deck, once: a build asks for the list three times (script.md, script.docx, the PDFs' bookmarks), and
 * each time parsed every slide's Markdown (300 slides: 90 ms a time). A deck is never changed once read.
 */
const known = new WeakMap<SourceDeck, readonly ShownSlide[]>();

/** Every slide with its title; one markdown-it instance for the whole deck. */
export function shownSlides(deck: SourceDeck): readonly ShownSlide[] {
  let slides = known.get(deck);
  if (slides === undefined) {
    const md = createMarkdown();
    slides = shownOrder(deck).map((slide, index) => {
      const { heading, sectionTitle } = slideHeadings(slide, md);
      return { index, slide, title: heading, ...(sectionTitle !== undefined ? { sectionTitle } : {}) };
    });
    known.set(deck, slides);
  }
  return slides;
}
