// The handout's page geometry, in millimetres from the top-left of an A4 page: pure numbers shared by the
// handout HTML (which places notes, frames, header and footer with them) and by the PDF step (which draws
// each slide of slides.pdf into its frame). One table, so the picture and its frame can never drift apart.

export type HandoutPerPage = 1 | 2 | 3;
export const HANDOUT_PER_PAGE: readonly HandoutPerPage[] = [1, 2, 3];
export const DEFAULT_HANDOUT_PER_PAGE: HandoutPerPage = 2;

export const A4 = { width: 210, height: 297 } as const;
export const MM_TO_PT = 72 / 25.4;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HandoutSlot {
  /** Where the slide picture goes. */
  slide: Rect;
  /** The notes box. In the 2-up layout it also spans the slide, whose space the notes flow around. */
  notes: Rect;
  /** The 3-up layout's ruled lines for the listener's own notes. */
  lines?: Rect;
}

export interface HandoutLayout {
  perPage: HandoutPerPage;
  slots: HandoutSlot[];
  /** Notes font size in pt, and the smallest it may shrink to when a slide's notes are long. */
  notesFont: { size: number; min: number };
  /** With `flow`, the notes box starts at the slot's top-left and flows around the slide. */
  flow: boolean;
}

const MARGIN_X = 16;
const CONTENT_TOP = 24;
const CONTENT_BOTTOM = 280;
const CONTENT_WIDTH = A4.width - 2 * MARGIN_X;
const CONTENT_HEIGHT = CONTENT_BOTTOM - CONTENT_TOP;

/** Header band (deck title) and footer band (page numbers). */
export const HEADER = { x: MARGIN_X, y: 10, width: CONTENT_WIDTH, height: 9 } as const;
export const FOOTER = { x: MARGIN_X, y: 284, width: CONTENT_WIDTH, height: 6 } as const;

/** Slide height over width: 9/16 for 16:9, 3/4 for 4:3. */
function ratio(slideWidth: number, slideHeight: number): number {
  return slideHeight / slideWidth;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function rect(x: number, y: number, width: number, height: number): Rect {
  return { x: round(x), y: round(y), width: round(width), height: round(height) };
}

/** The layout for 1, 2 or 3 slides per page at a slide size (px; only the ratio matters). */
export function handoutLayout(perPage: HandoutPerPage, slideWidth: number, slideHeight: number): HandoutLayout {
  const r = ratio(slideWidth, slideHeight);
  if (perPage === 1) {
    // The slide across the page, the notes below it.
    const slideHeightMm = CONTENT_WIDTH * r;
    const notesTop = CONTENT_TOP + slideHeightMm + 8;
    return {
      perPage,
      flow: false,
      notesFont: { size: 11, min: 8 },
      slots: [{ slide: rect(MARGIN_X, CONTENT_TOP, CONTENT_WIDTH, slideHeightMm), notes: rect(MARGIN_X, notesTop, CONTENT_WIDTH, CONTENT_BOTTOM - notesTop) }],
    };
  }
  if (perPage === 2) {
    // Two bands; in each the slide sits top-left and the notes flow beside it and on below it.
    const gap = 10;
    const band = (CONTENT_HEIGHT - gap) / 2;
    const width = 98;
    return {
      perPage,
      flow: true,
      notesFont: { size: 10.5, min: 7.5 },
      slots: [0, 1].map((row) => {
        const top = CONTENT_TOP + row * (band + gap);
        return { slide: rect(MARGIN_X, top, width, width * r), notes: rect(MARGIN_X, top, CONTENT_WIDTH, band) };
      }),
    };
  }
  // Three bands: slide with its notes under it on the left, ruled lines for the listener on the right.
  const gap = 6;
  const band = (CONTENT_HEIGHT - 2 * gap) / 3;
  const column = 96;
  // The notes keep at least 30% of the band: a 4:3 slide is drawn narrower than a 16:9 one.
  const width = Math.min(column, (band * 0.7) / r);
  const linesLeft = MARGIN_X + column + 6;
  return {
    perPage,
    flow: false,
    notesFont: { size: 8.5, min: 6.5 },
    slots: [0, 1, 2].map((row) => {
      const top = CONTENT_TOP + row * (band + gap);
      const slideHeightMm = width * r;
      const notesTop = top + slideHeightMm + 3;
      return {
        slide: rect(MARGIN_X, top, width, slideHeightMm),
        notes: rect(MARGIN_X, notesTop, column, top + band - notesTop),
        lines: rect(linesLeft, top, MARGIN_X + CONTENT_WIDTH - linesLeft, band),
      };
    }),
  };
}

/** Handout pages for a number of slides. */
export function handoutPageCount(slides: number, perPage: HandoutPerPage): number {
  return Math.max(1, Math.ceil(slides / perPage));
}

/** A rectangle in PDF points, origin bottom-left, on a page `pageHeightPt` high. */
export function toPdfRect(box: Rect, pageHeightPt: number): { x: number; y: number; width: number; height: number } {
  return {
    x: box.x * MM_TO_PT,
    y: pageHeightPt - (box.y + box.height) * MM_TO_PT,
    width: box.width * MM_TO_PT,
    height: box.height * MM_TO_PT,
  };
}

/** `--handout` / front matter `handout:` → 1, 2 or 3; undefined for anything else. */
export function parseHandoutPerPage(value: unknown): HandoutPerPage | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[123]\s*$/.test(value) ? Number(value) : NaN;
  return number === 1 || number === 2 || number === 3 ? number : undefined;
}
