// READ: the deck Markdown (slides/<name>.md, edited by people) -> SourceDeck.
// Pure: text in, value and diagnostics out. Front matter problems the author must fix throw UserError.

import type { FrontMatter, SourceDeck, SourceSlide } from '../deck/model.ts';
import type { Diagnostic, Result } from '../diagnostics.ts';
import { ExitCode, UserError } from '../errors.ts';
import { parseFrontMatter, splitFrontMatter } from './front-matter.ts';
import { readSlide } from './read-slide.ts';
import { splitSlides } from './read-slides.ts';
import { fallbackTitle } from './read-title.ts';

/**
 * A deck larger than this is refused: 10 MB of Markdown is thousands of slides of text, far past any lecture,
 * and the export's time and memory grow with it (3,000 slides with notes, as the benchmark makes them, are
 * about 2.5 MB). Twice the article limit: a deck drafted from an article of 5 MB keeps all its text in the notes.
 */
export const MAX_DECK_BYTES = 10 * 1024 * 1024;

export function readDeckMarkdown(text: string, file: string): Result<SourceDeck> {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_DECK_BYTES) {
    throw new UserError(`幻灯片文件“${file}”太大（${(size / 1024 / 1024).toFixed(1)} MB），超过了 ${MAX_DECK_BYTES / 1024 / 1024} MB 的上限。`, {
      hint: '一堂党课用不了这么多幻灯片：请把它分成几个文件，每个文件一堂课。',
      exitCode: ExitCode.input,
    });
  }
  // Line breaks as markdown-it sees them (CRLF, CR, LF); a BOM is not part of the first line.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const diagnostics: Diagnostic[] = [];

  const split = splitFrontMatter(lines, file);
  diagnostics.push(...split.diagnostics);
  let values: Record<string, unknown> = {};
  if (split.yaml !== undefined) {
    const parsed = parseFrontMatter(split.yaml, split.yamlLine, file);
    values = parsed.values;
    diagnostics.push(...parsed.diagnostics);
  }

  const slides = collectSlides(lines.slice(split.bodyStart), split.bodyStart + 1, file, diagnostics);

  let title = values['title'];
  if (typeof title !== 'string' || title.trim() === '') {
    const fallback = fallbackTitle(slides[0], file);
    title = fallback.title;
    diagnostics.push(fallback.diagnostic);
  }
  const frontMatter: FrontMatter = { ...values, title: title as string };
  return { value: { file, frontMatter, slides }, diagnostics };
}

/**
 * Groups chunks into horizontal slides with their vertical children. Whitespace-only chunks are dropped;
 * when a dropped chunk was a horizontal slide, the vertical slides after it start a new stack rather than
 * joining the slide before the author's `---`.
 */
function collectSlides(lines: string[], firstLine: number, file: string, diagnostics: Diagnostic[]): SourceSlide[] {
  const split = splitSlides(lines, firstLine, file);
  diagnostics.push(...split.diagnostics);
  const slides: SourceSlide[] = [];
  let stack: SourceSlide | undefined;
  for (const chunk of split.chunks) {
    const read = readSlide(chunk, file);
    diagnostics.push(...read.diagnostics);
    if (read.slide === undefined) {
      if (chunk.kind === 'horizontal') stack = undefined;
      continue;
    }
    if (chunk.kind === 'vertical' && stack !== undefined) {
      stack.vertical.push(read.slide);
    } else {
      slides.push(read.slide);
      stack = read.slide;
    }
  }
  return slides;
}
