// Picture slides: each picture of the article the command could place beside the deck gets a slide of its
// own, the image large and its caption under it. The paragraph the picture followed is spoken while it shows:
// content.ts drafts that paragraph onto the picture slide (its notes, after the caption) instead of a text
// slide, when the paragraph fits one slide. Pictures left over (a second picture after the same paragraph,
// one before any paragraph, a long paragraph) get a slide whose script is the caption, placed after the
// slide that speaks the paragraph before them.

import type { Figure } from '../article/model.ts';
import type { DraftSlide } from '../deck/model.ts';
import { plain } from './emphasis.ts';
import { speakingSeconds } from './timing.ts';

export function pictureSlide(figure: Figure, src: string, spoken: readonly string[] = [], from: readonly string[] = []): DraftSlide {
  const notes = [...(figure.caption === '' ? [] : [figure.caption]), ...spoken];
  return {
    layout: 'picture',
    blocks: [{ kind: 'image', src, alt: figure.caption }, ...(figure.caption === '' ? [] : [{ kind: 'paragraph' as const, runs: plain(figure.caption) }])],
    notes,
    timing: speakingSeconds(notes),
    from: [...from],
  };
}

/** A picture with the path it has beside the deck. */
export interface PlacedFigure {
  figure: Figure;
  src: string;
}

/** Paragraph id → the first placed picture that follows it: the paragraphs a picture slide speaks. */
export function picturesByParagraph(figures: readonly Figure[], sources: ReadonlyMap<string, string> | undefined): Map<string, PlacedFigure> {
  const byParagraph = new Map<string, PlacedFigure>();
  for (const figure of figures) {
    const src = sources?.get(figure.id);
    if (src === undefined || figure.after === undefined || byParagraph.has(figure.after)) continue;
    byParagraph.set(figure.after, { figure, src });
  }
  return byParagraph;
}

/**
 * `slides` with a picture slide for each figure that has a place (`sources`: figure id → path relative to the
 * deck), each after the last slide drawn from the paragraph before the picture; a picture before any body
 * paragraph goes before the first slide drawn from the article.
 */
export function withPictures(slides: readonly DraftSlide[], figures: readonly Figure[], sources: ReadonlyMap<string, string>): DraftSlide[] {
  const out = [...slides];
  // From the last figure back, so earlier insertions do not move the places of later ones.
  // A picture content.ts already drafted (its image on a slide) is not placed twice.
  const drawn = new Set(slides.flatMap((slide) => slide.blocks.flatMap((block) => (block.kind === 'image' ? [block.src] : []))));
  for (const figure of [...figures].reverse()) {
    const src = sources.get(figure.id);
    if (src === undefined || drawn.has(src)) continue;
    const at = placeOf(out, figure.after);
    out.splice(at, 0, pictureSlide(figure, src));
  }
  return out;
}

function placeOf(slides: readonly DraftSlide[], after: string | undefined): number {
  if (after !== undefined) {
    for (let index = slides.length - 1; index >= 0; index -= 1) {
      if (slides[index]?.from.includes(after) === true) return index + 1;
    }
  }
  const firstDrawn = slides.findIndex((slide) => slide.from.length > 0);
  return firstDrawn === -1 ? Math.min(1, slides.length) : firstDrawn;
}
