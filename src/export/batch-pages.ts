// A large deck prints a batch of slides at a time (slides-pdf.ts), each batch from a page of its own. So that
// a batch's page costs what its own slides cost, not what the whole deck costs (a 3,000-slide index.html
// is 3 MB; parsing it and building every slide's DOM was 2–3 s of the browser's time for every batch,
// growing with the deck), each batch gets a copy of index.html in which the slides outside it are empty
// `<section></section>` stand-ins. They are still there to be counted: the deck script numbers the footers
// over every slide ("401 / 3000"), and the batch's page hides every slide outside the batch before reveal
// starts (keepOnlySlides), counting the slides the same way the whole deck does.
//
// Pure: HTML in, HTML out. The split is checked against the renderer's own slide count, and when the page is
// not the shape our renderer writes (a comment or raw HTML holding section tags), nothing is trimmed: the
// caller prints from index.html itself, as for a small deck.

/** What index.html holds around and in its slides. */
export interface DeckPage {
  /** Everything up to and including reveal's `<div class="slides">`. */
  head: string;
  slides: TopSlide[];
  /** Everything after the last slide (reveal's closing divs, the footer, the scripts). */
  tail: string;
}

/** A top-level `<section>`: a slide, or a stack of vertical slides. */
export interface TopSlide {
  html: string;
  /** Slides in it without a section inside (the footers count these: leafSlides in client/fit.ts). */
  leaves: number;
  /** True when a section in it is hidden by its author (data-visibility): kept as written in every batch. */
  authorHidden: boolean;
}

const SLIDES_OPEN = '<div class="reveal"><div class="slides">';
/** Comments are skipped (they may hold section tags as text); section tags are counted; nothing else matters. */
const TOKEN = /<!--[\s\S]*?-->|<section\b[^>]*>|<\/section\s*>/g;
const HIDDEN = /\sdata-visibility\s*=\s*["']?hidden/i;

/**
 * index.html split into its slides, or undefined when it is not the page our renderer writes or its slides
 * do not add up to `expectedLeaves` (the renderer's slide count, vertical and hidden ones included).
 */
export function splitDeckPage(html: string, expectedLeaves: number): DeckPage | undefined {
  const open = html.indexOf(SLIDES_OPEN);
  if (open === -1) return undefined;
  const start = open + SLIDES_OPEN.length;
  const slides: TopSlide[] = [];
  let depth = 0;
  let slideStart = start;
  let end = start;
  let leaves = 0;
  let authorHidden = false;
  /** Whether the section opened last has had a section opened inside it (then it is no leaf). */
  const hasChild: boolean[] = [];
  TOKEN.lastIndex = start;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    const token = match[0];
    if (depth === 0 && html.slice(end, match.index).trim() !== '') break; // past the slides: the tail
    if (token.startsWith('<!--')) continue;
    if (token.startsWith('</')) {
      if (depth === 0) return undefined;
      if (hasChild.pop() === false) leaves += 1;
      depth -= 1;
      if (depth === 0) {
        end = TOKEN.lastIndex;
        slides.push({ html: html.slice(slideStart, end), leaves, authorHidden });
      }
      continue;
    }
    if (depth === 0) {
      slideStart = match.index;
      leaves = 0;
      authorHidden = false;
    } else {
      hasChild[hasChild.length - 1] = true;
    }
    if (HIDDEN.test(token)) authorHidden = true;
    hasChild.push(false);
    depth += 1;
  }
  if (depth !== 0 || slides.length === 0) return undefined;
  if (slides.reduce((sum, slide) => sum + slide.leaves, 0) !== expectedLeaves) return undefined;
  return { head: html.slice(0, start), slides, tail: html.slice(end) };
}

/** Slides the deck shows (and prints, a page each): every leaf except those its author hid. */
export function shownSlideCount(page: DeckPage): number | undefined {
  // A stack with a hidden slide in it: which of its leaves are shown is not worth working out here.
  if (page.slides.some((slide) => slide.authorHidden && slide.leaves > 1)) return undefined;
  return page.slides.reduce((sum, slide) => sum + (slide.authorHidden ? 0 : slide.leaves), 0);
}

/**
 * The page for the shown slides [first, last) (0-based, counting as keepOnlySlides does): every top-level
 * slide with none of them, and no slide hidden by its author, becomes as many empty sections as it has
 * leaves; the others are kept as written (keepOnlySlides hides what of them lies outside the batch).
 */
export function batchPageHtml(page: DeckPage, first: number, last: number): string {
  const parts: string[] = [page.head];
  let shown = 0;
  for (const slide of page.slides) {
    const from = shown;
    if (!slide.authorHidden) shown += slide.leaves;
    const inBatch = slide.authorHidden || (from < last && shown > first);
    parts.push(inBatch ? slide.html : '<section></section>'.repeat(slide.leaves));
  }
  parts.push(page.tail);
  return parts.join('');
}

export interface SlideBatch {
  /** First shown slide in the batch (0-based). */
  first: number;
  /** One past its last. */
  last: number;
}

/**
 * The batches a deck of `slides` shown slides prints in: one when it is small (a page of its own costs a
 * renderer's start and a load), else batches of at most `maxBatch`, and at least two, of near equal size,
 * so that two pages can print at once on two cores.
 */
export function planBatches(slides: number, maxBatch: number, splitFrom: number): SlideBatch[] {
  const count = slides < splitFrom ? 1 : Math.max(2, Math.ceil(slides / maxBatch));
  const batches: SlideBatch[] = [];
  for (let index = 0; index < count; index++) {
    const first = Math.round((index * slides) / count);
    const last = Math.round(((index + 1) * slides) / count);
    if (last > first || slides === 0) batches.push({ first, last });
  }
  return batches;
}
