// Every character a deck's page can show, so the bundled font subset has a glyph for each of them.
// Pure: a rendered deck in, a sorted string of distinct characters out (the same deck, the same string,
// which keeps the font cache key and the font file names stable between builds).
import type { FrontMatter, RenderedDeck } from '../deck/model.ts';
import { htmlText } from './html-text.ts';

/** Front-matter fields the page shows (title and footer, the cover via the rendered sections). */
const SHOWN_FIELDS = ['title', 'subtitle', 'speaker', 'organization', 'date', 'column', 'shortTitle'] as const;

function asciiPrintable(): string {
  let text = '';
  for (let code = 0x20; code <= 0x7e; code++) text += String.fromCharCode(code);
  return text;
}

/**
 * Characters the page, the theme and the deck script produce themselves, whatever the text says:
 * ASCII (slide numbers "3 / 26", counters "01"), the cjk-decimal counter of the agenda (〇一…九),
 * the theme's generated content (· “) and the full-width punctuation any edit may add.
 */
export const FIXED_CHARACTERS =
  asciiPrintable() +
  '〇一二三四五六七八九十' +
  '·—–…“”‘’' +
  '，。、；：？！（）《》〈〉【】「」『』／～·％　';

function frontMatterText(frontMatter: FrontMatter): string {
  const parts: string[] = [];
  for (const field of SHOWN_FIELDS) {
    const value = frontMatter[field];
    if (typeof value === 'string') parts.push(value);
    else if (typeof value === 'number' && Number.isFinite(value)) parts.push(String(value));
  }
  return parts.join('\n');
}

/** Control characters and line breaks draw nothing; a font needs no glyph for them. */
function isDrawn(code: number): boolean {
  return code >= 0x20 && !(code >= 0x7f && code <= 0x9f) && code !== 0x2028 && code !== 0x2029;
}

/** Distinct characters of a text, sorted by code point (not by UTF-16 unit: astral ideographs stay whole). */
export function distinctCharacters(text: string): string {
  const codes = new Set<number>();
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (isDrawn(code)) codes.add(code);
  }
  return String.fromCodePoint(...[...codes].sort((a, b) => a - b));
}

/**
 * Every character the page can show: the sections' text (notes included: the speaker view shows them),
 * the front matter the page prints, the fixed set above and any `extra` a caller needs.
 */
export function charactersUsed(deck: RenderedDeck, extra = ''): string {
  return distinctCharacters([htmlText(deck.sectionsHtml), frontMatterText(deck.frontMatter), FIXED_CHARACTERS, extra].join('\n'));
}
