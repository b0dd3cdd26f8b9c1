// Rule "lines": split the source into physical lines and normalise their whitespace.
// Articles copied from web pages indent paragraphs with U+3000 (full-width space), NBSP or spaces, and
// some carry zero-width characters; none of that is text, so every line is trimmed here, once.

import type { ParseRule, SourceLine } from '../state.ts';

// Zero-width space, word joiner and a stray BOM are never text. Zero-width joiners are, in two places:
// inside an emoji sequence (👨‍👩‍👧 is one picture, three without them) and ZWNJ between letters of scripts
// that use it (Persian, Indic); elsewhere (e.g. between Chinese characters) they are web-page debris.
const ZERO_WIDTH =
  /[\u200b\u2060\ufeff]|(?<!\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\ufe0f]?)\u200d|\u200d(?!\p{Extended_Pictographic})|(?<![\p{L}\p{M}](?<!\p{Script=Han}))\u200c|\u200c(?![\p{L}\p{M}](?<!\p{Script=Han}))/gu;
const PARAGRAPH_INDENT = /^(?:[\u3000\t\u00a0]| {2})/;

// Markdown syntax that a plain .txt web clip may carry; any one of them switches Markdown handling on.
const MARKDOWN_SIGNALS: readonly RegExp[] = [
  /^#{1,6}\s+\S/,
  /^\*\*[^*]+\*\*$/,
  /^__[^_]+__$/,
  /^!\[[^\]]*\]\([^)]*\)$/,
];

export const splitLines: ParseRule = (state) => {
  state.lines = state.source.split(/\r\n?|\n/).map(
    (raw, index): SourceLine => ({
      number: index + 1,
      text: normaliseSpace(raw),
      indented: PARAGRAPH_INDENT.test(raw.replace(ZERO_WIDTH, '')),
    }),
  );
  if (!state.markdown) {
    state.markdown = state.lines.some((line) => MARKDOWN_SIGNALS.some((signal) => signal.test(line.text)));
  }
};

export function normaliseSpace(text: string): string {
  return text.replace(ZERO_WIDTH, '').trim().replace(/\s+/g, ' ');
}
