// Where each section of a deck starts: the index of its divider slide, which is its page in slides.pdf.
// Pure. The titles are the renderer's sectionTitles (what the deck shows); the positions come from the
// SourceDeck, where the same divider slides appear in the same order.

import type { SourceDeck } from '../deck/model.ts';
import { shownSlides } from '../script/slides.ts';

export interface SectionStart {
  title: string;
  /** 0-based slide index = 0-based page index in slides.pdf. */
  slideIndex: number;
}

export function sectionStarts(source: SourceDeck, sectionTitles?: readonly string[]): SectionStart[] {
  const dividers = shownSlides(source).filter((shown) => shown.sectionTitle !== undefined);
  return dividers.map((shown, order) => ({
    // Prefer the rendered deck's words when both agree on how many sections there are.
    title: sectionTitles !== undefined && sectionTitles.length === dividers.length ? (sectionTitles[order] ?? '') : (shown.sectionTitle ?? ''),
    slideIndex: shown.index,
  }));
}
