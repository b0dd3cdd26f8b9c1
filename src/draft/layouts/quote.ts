// quote: a leader's words, attributed (…强调，…), shown large in the speaker's own words with who and when.

import type { DateMark } from '../../article/model.ts';
import { splitClauses, visibleLength } from '../clauses.ts';
import { plain } from '../emphasis.ts';
import { marksOf } from './marks.ts';
import type { LayoutRule } from './rule.ts';

/** What a quote slide holds at its large size: about three lines. */
const MAX_QUOTE_LENGTH = 72;
/** Shorter speech is a phrase, not worth a slide of its own. */
const MIN_QUOTE_LENGTH = 16;
/** The omission mark used when the quote continues beyond what the slide shows. */
const OMISSION = '……';

export const quoteLayout: LayoutRule = (chunk) => {
  for (const { mark, sentence } of marksOf(chunk.sentences, 'quotation')) {
    const words = fitQuote(mark.quote);
    if (words === undefined) continue;
    const when = (sentence.marks ?? []).find((other): other is DateMark => other.kind === 'date' && other.end <= mark.start);
    const cite = when ? `${mark.speaker}，${when.text}` : mark.speaker;
    return { layout: 'quote', blocks: [{ kind: 'quote', runs: plain(words), cite }] };
  }
  return undefined;
};

/** The quote's leading clauses as far as they fit, marked as shortened when they stop early. */
export function fitQuote(quote: string): string | undefined {
  // Matched only from the start of a run (the lookbehind): a long run not at the end is then scanned once.
  const trimmed = quote.replace(/(?<![。！？；，、\s])[。！？；，、\s]+$/u, '');
  if (visibleLength(trimmed) < MIN_QUOTE_LENGTH) return undefined;
  if (visibleLength(trimmed) <= MAX_QUOTE_LENGTH) return trimmed;
  let shown = '';
  for (const clause of splitClauses(trimmed)) {
    const next = shown === '' ? clause : `${shown}，${clause}`;
    if (visibleLength(next) + OMISSION.length > MAX_QUOTE_LENGTH) break;
    shown = next;
  }
  return visibleLength(shown) >= MIN_QUOTE_LENGTH ? shown + OMISSION : undefined;
}
