// Where the slides are in the editor's text, computed the way the reader splits a deck (the same
// splitSlides, the same fence rules), so the studio knows without a round trip which slide the cursor is
// on, where each slide starts and which line holds its `<!-- .slide: … -->` comment. Pure; runs in the
// browser and in tests.
import { splitSlides } from '../../markdown/read-slides.ts';

export interface OutlineSlide {
  /** 1-based first and last line of the slide's chunk (the separator before it excluded). */
  from: number;
  to: number;
  /** 1-based line of the first non-blank line: where a click on the slide puts the cursor. */
  first: number;
  /** 1-based line of the slide's `<!-- .slide: … -->` comment, when it has one before its content. */
  attributesLine?: number;
}

export interface Outline {
  /** Last line of the front matter (0 when there is none). */
  frontMatterEnd: number;
  slides: OutlineSlide[];
}

const SLIDE_COMMENT = /^\s*<!--\s*\.slide:/;

function frontMatterEnd(lines: readonly string[]): number {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return 0;
  for (let index = 1; index < lines.length; index += 1) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[index]!)) return index + 1;
  }
  return 0;
}

let last: { text: string; map: Outline } | undefined;

/** The outline of `text`; the last one is remembered, as the editor and the preview ask for the same text. */
export function outline(text: string): Outline {
  if (last?.text !== text) last = { text, map: computeOutline(text) };
  return last.map;
}

function computeOutline(text: string): Outline {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const end = frontMatterEnd(lines);
  const { chunks } = splitSlides(lines.slice(end), end + 1, '');
  const slides: OutlineSlide[] = [];
  for (const chunk of chunks) {
    const firstIndex = chunk.lines.findIndex((line) => line.trim() !== '');
    // The reader drops blank chunks: they are no slide.
    if (firstIndex === -1) continue;
    const slide: OutlineSlide = { from: chunk.firstLine, to: chunk.firstLine + chunk.lines.length - 1, first: chunk.firstLine + firstIndex };
    for (let index = firstIndex; index < chunk.lines.length; index += 1) {
      const line = chunk.lines[index]!;
      if (line.trim() === '') continue;
      if (SLIDE_COMMENT.test(line)) slide.attributesLine = chunk.firstLine + index;
      break;
    }
    slides.push(slide);
  }
  return { frontMatterEnd: end, slides };
}

/** The front matter and slide `index` alone, as a deck of one slide (for the fast preview). */
export function slideAlone(text: string, map: Outline, index: number): string | undefined {
  const slide = map.slides[index];
  if (!slide) return undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return [...lines.slice(0, map.frontMatterEnd), ...lines.slice(slide.from - 1, slide.to)].join('\n');
}

/** Index of the slide holding `line` (1-based); the front matter counts as the first slide. */
export function slideAt(map: Outline, line: number): number {
  let found = 0;
  map.slides.forEach((slide, index) => {
    if (slide.from <= line) found = index;
  });
  return found;
}

/**
 * The `<!-- .slide: … -->` line with its class set to `layout` (other attributes kept), or a new comment
 * when `line` is undefined. `layout` "" removes the class.
 */
export function withLayout(line: string | undefined, layout: string): string {
  if (line === undefined) return layout === '' ? '' : `<!-- .slide: class="${layout}" -->`;
  const match = /^(\s*<!--\s*\.slide:)(.*?)(-->.*)$/.exec(line);
  if (!match) return line;
  let attributes = match[2]!;
  const classPattern = /\s*class=(?:"[^"]*"|'[^']*'|[^\s"'>]+)/;
  const existing = classPattern.exec(attributes)?.[0];
  const variants = existing
    ? existing.replace(/^\s*class=["']?|["']?$/g, '').split(/\s+/).filter((name) => VARIANTS.has(name))
    : [];
  const value = [layout, ...variants].filter((name) => name !== '').join(' ');
  const replacement = value === '' ? '' : ` class="${value}"`;
  attributes = existing ? attributes.replace(classPattern, replacement) : `${replacement}${attributes}`;
  return `${match[1]}${attributes.replace(/\s+$/, '')} ${match[3]}`;
}

/** Classes that vary a layout rather than name one: kept when the layout changes. */
const VARIANTS = new Set(['two-columns', 'questions']);

/** The layout a slide's class names (its first class that is not a variant), or "". */
export function layoutOf(classes: string): string {
  return classes.split(/\s+/).find((name) => name !== '' && !VARIANTS.has(name)) ?? '';
}
