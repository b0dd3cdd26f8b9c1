// Slide sizes per aspect ratio. reveal.js scales this virtual canvas to the screen, and the print view
// uses it as the PDF page size, so both the deck and the PDF are laid out on the same canvas.

export interface SlideSize {
  width: number;
  height: number;
}

export const DEFAULT_ASPECT = '16:9';

const SIZES: Record<string, SlideSize> = {
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 960, height: 720 },
};

/** The size for a known aspect ("16:9", "4:3", spaces allowed), undefined for anything else. */
export function parseAspect(aspect: string | undefined): SlideSize | undefined {
  if (aspect === undefined) return SIZES[DEFAULT_ASPECT];
  return SIZES[aspect.replace(/\s+/g, '').replace('：', ':')];
}

/** The size for an aspect, falling back to 16:9 (the reader of the Markdown reports bad values). */
export function slideSize(aspect: string | undefined): SlideSize {
  return parseAspect(aspect) ?? (SIZES[DEFAULT_ASPECT] as SlideSize);
}
