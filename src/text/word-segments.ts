// Chinese words from ICU's dictionary (Intl.Segmenter, built into Node), asked for a piece of the text at
// a time. Node 20's segmenter copies the whole input string into every segment it returns (its `input`),
// so one long string costs time and memory in the square of its length: a 48,000-character heading took
// seconds, 96,000 minutes, and a parser rule on a long clause ran out of memory. Each piece here ends where
// the segmenter breaks anyway and where the word-break rules judge both sides alike with or without a cut:
// after a space or a phrase's closing punctuation, or before an opening one, never inside a run of Han
// characters, whose words the dictionary finds from the whole run. Only a run of WINDOW / 2 characters with
// no such place (no text a person writes) is cut hard, where its words may come out differently near the cut.

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Longest piece of text handed to the segmenter at once. */
const WINDOW = 512;

/**
 * Full-width punctuation that ends a phrase: a line may break after it, never before it. Closing quotes
 * are left out: a quoted term usually binds to the noun after it (“两学一做”学习教育).
 */
export const CLOSING_PUNCTUATION = /[，。、；：？！）》」』]/u;
/** Full-width punctuation that opens a phrase: a line may break before it, never after it. */
export const OPENING_PUNCTUATION = /[（《「『“‘]/u;

/** The segmenter's segments of `text`, each with its offset in `text`, a piece at a time. */
export function* segmentsInWindows(text: string): Generator<{ segment: string; index: number }> {
  let start = 0;
  while (start < text.length) {
    const end = windowEnd(text, start);
    for (const { segment, index } of segmenter.segment(text.slice(start, end))) yield { segment, index: start + index };
    start = end;
  }
}

/** Where the piece starting at `start` ends: the last phrase boundary in its second half, else WINDOW on. */
function windowEnd(text: string, start: number): number {
  const limit = start + WINDOW;
  if (limit >= text.length) return text.length;
  for (let cut = limit; cut > start + WINDOW / 2; cut -= 1) {
    const before = text[cut - 1] ?? '';
    const after = text[cut] ?? '';
    if (/\s/u.test(before) || CLOSING_PUNCTUATION.test(before) || OPENING_PUNCTUATION.test(after)) return cut;
  }
  // A surrogate pair stays whole.
  return /[\uDC00-\uDFFF]/.test(text[limit] ?? '') ? limit + 1 : limit;
}
