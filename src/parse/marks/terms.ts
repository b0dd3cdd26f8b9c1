// Mark rule "terms": short quoted terms, “关键少数”, “两学一做”, “八八战略”: the slogans and coined phrases
// a lecture explains. A quotation mark pair holds a term when its content is short and has no clause
// punctuation; longer quoted text is speech (see quotations.ts) and is not a term.

import type { TermMark } from '../../article/model.ts';
import type { MarkRule } from './rule.ts';

const MIN_TERM_LENGTH = 2;
const MAX_TERM_LENGTH = 16;
/** Double quotes and corner brackets; single quotes nest inside them (“‘两学’天天读”) and stay part of the term. */
const QUOTED = /[“「『]([^“”「」『』\n]*)[”」』]/gu;
const CLAUSE_PUNCTUATION = /[，。！？；：、,;:!?]/u;

export const terms: MarkRule = (text) => {
  const out: TermMark[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const term = match[1]!.trim();
    if (!isTerm(term)) continue;
    out.push({ kind: 'term', text: match[0], start: match.index, end: match.index + match[0].length, term });
  }
  return out;
};

export function isTerm(content: string): boolean {
  const length = [...content].length;
  return length >= MIN_TERM_LENGTH && length <= MAX_TERM_LENGTH && !CLAUSE_PUNCTUATION.test(content);
}
