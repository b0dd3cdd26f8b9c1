// The .pptx measurements of a deck printed in batches (slides-pdf.ts): each batch's page is measured on
// its own (measure-slides.ts), and the parts are put back together in order. Pure.
import { createHash } from 'node:crypto';
import type { MeasuredDeck } from '../office/pptx/slide-model.ts';

/**
 * The batches' measurements as one deck: the slides in order; the background pictures of all batches, each
 * distinct picture once (a batch photographs the backgrounds it shows, so batches repeat each other's),
 * the slides' picture indexes renumbered to match. Size and colours are the deck's, the same in every batch.
 */
export function mergeMeasured(parts: readonly MeasuredDeck[]): MeasuredDeck {
  if (parts.length === 0) throw new Error('no measurements to merge');
  if (parts.length === 1) return parts[0]!;
  const backgrounds: Uint8Array[] = [];
  const indexOf = new Map<string, number>();
  const slides: MeasuredDeck['slides'] = [];
  for (const part of parts) {
    const renumbered = part.backgrounds.map((bytes) => {
      const key = createHash('sha256').update(bytes).digest('hex');
      let index = indexOf.get(key);
      if (index === undefined) {
        index = backgrounds.length;
        backgrounds.push(bytes);
        indexOf.set(key, index);
      }
      return index;
    });
    for (const slide of part.slides) slides.push(slide.background >= 0 ? { ...slide, background: renumbered[slide.background] ?? -1 } : slide);
  }
  return { ...parts[0]!, backgrounds, slides };
}
