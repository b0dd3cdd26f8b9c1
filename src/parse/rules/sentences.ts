// Sentence splitting for Chinese prose.
//
// A sentence ends at 。！？； or an ellipsis (……), and the mark stays with it. Marks inside quotations and
// brackets (“…。…” 《…》 （…）) do not end the outer sentence, except that a quotation which itself ends
// the sentence keeps its closing mark: 他说：“要努力。”然后… splits after ”, not before it.
// Runs of marks stay together (？！, ……。). Unmatched quotes are ignored so a typo cannot swallow the rest.

import { CLOSING_BRACKETS, isEllipsis, matchBrackets, SENTENCE_END_MARKS } from '../text.ts';

function isEndMark(char: string | undefined): boolean {
  return char !== undefined && (SENTENCE_END_MARKS.has(char) || isEllipsis(char));
}

export function splitSentences(text: string): string[] {
  const { opens, closes } = matchBrackets(text);
  const sentences: string[] = [];
  let start = 0;
  let depth = 0;
  let index = 0;
  while (index < text.length) {
    if (opens.has(index)) {
      depth++;
      index++;
      continue;
    }
    if (closes.has(index)) {
      depth--;
      index++;
      continue;
    }
    if (!isEndMark(text[index])) {
      index++;
      continue;
    }
    // A run of end marks, then the closing quotes/brackets that follow it directly.
    let end = index;
    while (isEndMark(text[end])) end++;
    let depthAfter = depth;
    while (end < text.length && CLOSING_BRACKETS.has(text[end]!) && (closes.has(end) ? depthAfter > 0 : true)) {
      if (closes.has(end)) depthAfter--;
      end++;
    }
    if (depthAfter === 0) {
      pushTrimmed(sentences, text.slice(start, end));
      start = end;
      depth = 0;
      index = end;
    } else {
      // Still inside a quotation: the quoted sentence ends, the outer one goes on. Keep the depth bookkeeping
      // of the closers we walked over.
      for (let skipped = index; skipped < end; skipped++) if (closes.has(skipped)) depth--;
      index = end;
    }
  }
  pushTrimmed(sentences, text.slice(start));
  return sentences;
}

function pushTrimmed(sentences: string[], piece: string): void {
  const trimmed = piece.trim();
  if (trimmed !== '') sentences.push(trimmed);
}
