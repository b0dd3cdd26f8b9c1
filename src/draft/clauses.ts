// Splitting Chinese sentences into clauses, the unit the drafter condenses into titles and bullets.
// Splits only outside quotes and brackets, so a quoted term or a document title is never cut in two.

const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '「': '」', '『': '』', '(': ')', '【': '】' };
const CLAUSE_BREAKS = new Set(['，', '；', '：', '。', '！', '？', ',', ';']);
/** Punctuation and whitespace a clause never ends on. Stripped by a loop: `/[…]+$/` rescans a long run of
 *  them once per start position (quadratic on a paragraph of 、、、…). */
const TRAILING_PUNCTUATION = /[，、；：。！？…,;:!?\s]/u;

/** Clauses of a sentence, trimmed of their separating punctuation. Empty clauses are dropped. */
export function splitClauses(sentence: string): string[] {
  const clauses: string[] = [];
  const closers: string[] = [];
  // Each clause is sliced from the sentence, not built a character at a time: on a long paragraph that
  // made a string of as many pieces as characters, and the garbage collector's work grew faster than it.
  let start = 0;
  let at = 0;
  for (const char of sentence) {
    const expectedCloser = closers[closers.length - 1];
    if (expectedCloser !== undefined && char === expectedCloser) {
      closers.pop();
    } else if (OPENERS[char] !== undefined) {
      closers.push(OPENERS[char]);
    }
    if (closers.length === 0 && CLAUSE_BREAKS.has(char)) {
      pushClause(clauses, sentence.slice(start, at));
      start = at + char.length;
    }
    at += char.length;
  }
  pushClause(clauses, sentence.slice(start));
  return clauses;
}

function pushClause(clauses: string[], text: string): void {
  const trimmed = stripTrailingPunctuation(text.trim());
  if (trimmed.length > 0) clauses.push(trimmed);
}

export function stripTrailingPunctuation(text: string): string {
  let end = text.length;
  // Every character in the set is one UTF-16 unit, so stepping back one unit at a time is safe.
  while (end > 0 && TRAILING_PUNCTUATION.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** Every opener closed and no stray closer: a clause that passes can stand alone on a slide. */
export function isBalanced(text: string): boolean {
  const closers: string[] = [];
  const allClosers = new Set(Object.values(OPENERS));
  for (const char of text) {
    const expected = closers[closers.length - 1];
    if (expected !== undefined && char === expected) closers.pop();
    else if (OPENERS[char] !== undefined) closers.push(OPENERS[char]);
    else if (allClosers.has(char)) return false;
  }
  return closers.length === 0;
}

/**
 * Length as a reader counts it: one per character (code point), not per UTF-16 unit. Counted by index:
 * `[...text]` made an array of one string per character, and on a long paragraph the garbage collector's
 * work for those grew faster than the text.
 */
export function visibleLength(text: string): number {
  let length = text.length;
  for (let index = 1; index < text.length; index += 1) {
    if (isLowSurrogate(text.charCodeAt(index)) && isHighSurrogate(text.charCodeAt(index - 1))) length -= 1;
  }
  return length;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
