// Article text is data, never markup: everything the drafter copies from an article into the slide
// Markdown goes through here, so an article can inject neither HTML nor Markdown syntax
// (nor our dialect's own `---`, `--` and `Note:` lines).

/** ASCII characters that start Markdown or HTML syntax anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>&~|!]/gu;
/** What makes a line a block (heading, list, quote, rule, table, setext underline, code indent). */
const BLOCK_START = /^(\s*)(#|>|-|\+|=|\d+[.)]|:)/u;
const NOTE_MARKER = /^(\s*)(Note):/iu;

/** Escapes article text for use inside one Markdown line (a heading, a list item, a paragraph). */
export function escapeInline(text: string): string {
  return text.replace(/[\r\n]+/gu, ' ').replace(INLINE_SPECIAL, (char) => '\\' + char);
}

/** Escapes a whole line of article text, including what would make it a block or a slide separator. */
export function escapeLine(text: string): string {
  return escapeBlockStart(escapeInline(text));
}

/** Escapes what would make an (already inline-escaped) line a block, a slide separator or the notes marker. */
export function escapeBlockStart(line: string): string {
  return line
    .replace(/^[ \t]+/u, '')
    .replace(NOTE_MARKER, (_match, indent: string, word: string) => `${indent}${word}\\:`)
    .replace(BLOCK_START, (_match, indent: string, marker: string) => `${indent}${escapeMarker(marker)}`);
}

function escapeMarker(marker: string): string {
  // "1." -> "1\.", "-" -> "\-": the backslash goes before the punctuation that makes it a marker.
  return marker.replace(/[#>\-+=.):]/u, (char) => '\\' + char);
}
