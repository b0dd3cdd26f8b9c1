// Line breaks between words, not inside them. Chinese is written without spaces, so a browser may break a
// line between any two characters: 振|兴, 牢|记使命. The theme sets `word-break: keep-all`, which takes
// those free breaks away, and this rule gives back the ones that fall between words: a <wbr> at each word
// boundary that Intl.Segmenter (ICU's Chinese dictionary, built into Node: no dependency) finds in the
// slide's text. A phrase longer than its line still breaks (`overflow-wrap: anywhere` in the theme).
// Only rendered HTML changes; the Markdown people edit never holds a mark. Notes are left alone: the
// speaker view and script show them as running text.

import type { MarkdownIt, Renderer, StateCore, Token } from 'markdown-it';
import { isRenderEnv } from './env.ts';
import { CLOSING_PUNCTUATION, OPENING_PUNCTUATION, segmentsInWindows } from '../text/word-segments.ts';

const HAN = /\p{Script=Han}/u;
/** Characters a word is made of; a boundary next to punctuation or a space is the browser's to decide. */
const WORD_CHAR = /[\p{L}\p{N}]/u;


/** Token types that print nothing and do not interrupt the text around them (`**重点**内容`). */
const TRANSPARENT = new Set(['strong_open', 'strong_close', 'em_open', 'em_close', 's_open', 's_close', 'link_open', 'link_close']);

interface WordBreakMeta {
  /** Offsets in the token's content (UTF-16) before which a <wbr> goes. */
  wordBreaks?: number[];
}

export function wordBreaks(md: MarkdownIt): void {
  md.core.ruler.push('word_breaks', (state: StateCore) => {
    if (isRenderEnv(state.env) && state.env.part !== 'body') return;
    for (const token of state.tokens) {
      if (token.type === 'inline' && token.children !== null) markInline(token.children);
    }
  });
  const renderText = md.renderer.rules.text;
  md.renderer.rules.text = (tokens: Token[], index: number, options, env, self: Renderer): string => {
    const token = tokens[index];
    const offsets = (token?.meta as WordBreakMeta | null | undefined)?.wordBreaks;
    if (token === undefined || offsets === undefined || offsets.length === 0) {
      return renderText === undefined ? md.utils.escapeHtml(token?.content ?? '') : renderText(tokens, index, options, env, self);
    }
    let html = '';
    let from = 0;
    for (const offset of offsets) {
      html += md.utils.escapeHtml(token.content.slice(from, offset)) + '<wbr>';
      from = offset;
    }
    return html + md.utils.escapeHtml(token.content.slice(from));
  };
}

/** Marks word boundaries in each run of text an inline token holds (runs end at code, HTML, images, breaks). */
function markInline(children: Token[]): void {
  let run: Token[] = [];
  for (const child of children) {
    if (child.type === 'text') run.push(child);
    else if (!TRANSPARENT.has(child.type)) {
      markRun(run);
      run = [];
    }
  }
  markRun(run);
}

function markRun(run: Token[]): void {
  const text = run.map((token) => token.content).join('');
  if (!HAN.test(text)) return;
  const boundaries = wordBoundaries(text);
  if (boundaries.length === 0) return;
  let start = 0;
  let next = 0;
  for (const token of run) {
    const end = start + token.content.length;
    const offsets: number[] = [];
    // A boundary at a token's start belongs to that token: `<strong><wbr>重点` (or `</strong><wbr>内容`).
    while (next < boundaries.length && (boundaries[next] ?? Infinity) < end) {
      offsets.push((boundaries[next] ?? 0) - start);
      next += 1;
    }
    if (offsets.length > 0) token.meta = { ...(token.meta as object | null), wordBreaks: offsets } satisfies WordBreakMeta;
    start = end;
  }
}

/**
 * Offsets where a line may break between two words of `text`: word boundaries with a letter or digit on
 * both sides and a Han character on at least one (Latin words already have their spaces). Two ICU
 * habits are corrected: a number keeps what follows it (50多名, 2016年), and a row of one-character
 * segments, which is how ICU splits words missing from its dictionary (两学一做, 从严治党), stays whole.
 */
export function wordBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  let previous: string | undefined;
  for (const { segment, index } of segmentsInWindows(text)) {
    const before = previous;
    previous = segment;
    if (before === undefined) continue;
    const last = Array.from(before).at(-1) ?? '';
    const first = String.fromCodePoint(segment.codePointAt(0) ?? 0);
    if (breaksAtPunctuation(last, first)) {
      boundaries.push(index);
      continue;
    }
    if (!WORD_CHAR.test(last) || !WORD_CHAR.test(first) || !(HAN.test(last) || HAN.test(first))) continue;
    if (/\p{N}/u.test(last)) continue;
    if (isSingleHan(before) && isSingleHan(segment)) continue;
    boundaries.push(index);
  }
  return boundaries;
}

/**
 * Phrase boundaries at Chinese punctuation. Under `word-break: keep-all` Chromium takes no break after a
 * full-width comma between Han characters (合格，党员 is one unbreakable run to it), so a long title had
 * only `overflow-wrap: anywhere` left, which may start a line with the comma. After closing and before
 * opening punctuation is where a phrase ends; the line-break rules forbid the other side anyway.
 */
function breaksAtPunctuation(last: string, first: string): boolean {
  const afterClosing = CLOSING_PUNCTUATION.test(last) && (HAN.test(first) || OPENING_PUNCTUATION.test(first));
  const beforeOpening = OPENING_PUNCTUATION.test(first) && HAN.test(last);
  return afterClosing || beforeOpening;
}

function isSingleHan(segment: string): boolean {
  return Array.from(segment).length === 1 && HAN.test(segment);
}
