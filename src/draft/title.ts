// The slide title says the paragraph's point in the article's own words.
// How editors condense this prose by hand (see DESIGN.md): a short opening sentence is the title;
// a lead-in before "——" is the title; otherwise the first clause that carries the point.
// A title is always a whole clause or sentence: never cut in the middle of a word.

import { isBalanced, splitClauses, stripTrailingPunctuation, visibleLength } from './clauses.ts';
import { MAX_TITLE_LENGTH, MIN_TITLE_LENGTH } from './limits.ts';

/** Clauses that only set the scene (time, place in a sequence) and never make a point of their own. */
const SCENE_SETTING = [
  /^\d{4}年(\d{1,2}月)?(\d{1,2}日)?$/u,
  /(以来|以后|之后|期间|时期|当时|之际|前夕|的时候|时)$/u,
  /^(同时|此外|另外|其中|目前|近年来|多年来|如今|当前|今天|因此|所以|但是|然而|而且|总之|比如|例如|首先|其次|最后|一方面|另一方面)$/u,
];

const LEAD_IN = /^(.{2,30}?)——/u;

export function isSceneSetting(clause: string): boolean {
  return SCENE_SETTING.some((pattern) => pattern.test(clause));
}

function fitsAsTitle(text: string): boolean {
  const length = visibleLength(text);
  return length >= MIN_TITLE_LENGTH && length <= MAX_TITLE_LENGTH && isBalanced(text);
}

/**
 * The title of a slide made from a paragraph, or undefined when the paragraph offers none
 * (the caller then falls back to the section heading).
 */
export function topicTitle(sentences: readonly string[]): string | undefined {
  const first = sentences[0];
  if (first === undefined) return undefined;

  const leadIn = LEAD_IN.exec(first)?.[1];
  if (leadIn !== undefined && fitsAsTitle(stripTrailingPunctuation(leadIn))) {
    return stripTrailingPunctuation(leadIn);
  }

  // A short opening sentence followed by more text is a summary line: 富口袋也要富脑袋。
  const whole = stripTrailingPunctuation(first.trim());
  if (sentences.length > 1 && fitsAsTitle(whole)) return whole;

  for (const clause of splitClauses(first)) {
    if (isSceneSetting(clause)) continue;
    if (fitsAsTitle(clause)) return clause;
    break; // the first clause with content is the point; a later one would change the subject
  }
  return undefined;
}
