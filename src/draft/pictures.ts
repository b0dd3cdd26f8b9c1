// Picture slides: each picture of the article the command could place beside the deck gets a slide of its
// own, the image large and its caption under it, right after the slide that speaks the paragraph it
// followed. The caption is also the slide's script, so the lecturer has a line to say while it shows.

import type { Figure } from '../article/model.ts';
import type { DraftSlide } from '../deck/model.ts';
import { plain } from './emphasis.ts';
import { speakingSeconds } from './timing.ts';

export function pictureSlide(figure: Figure, src: string): DraftSlide {
  const notes = figure.caption === '' ? [] : [figure.caption];
  return {
    layout: 'picture',
    blocks: [{ kind: 'image', src, alt: figure.caption }, ...(figure.caption === '' ? [] : [{ kind: 'paragraph' as const, runs: plain(figure.caption) }])],
    notes,
    timing: speakingSeconds(notes),
    from: [],
  };
}

/**
 * `slides` with a picture slide for each figure that has a place (`sources`: figure id → path relative to the
 * deck), each after the last slide drawn from the paragraph before the picture; a picture before any body
 * paragraph goes before the first slide drawn from the article.
 */
export function withPictures(slides: readonly DraftSlide[], figures: readonly Figure[], sources: ReadonlyMap<string, string>): DraftSlide[] {
  const out = [...slides];
  // From the last figure back, so earlier insertions do not move the places of later ones.
  for (const figure of [...figures].reverse()) {
    const src = sources.get(figure.id);
    if (src === undefined) continue;
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
