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
  let current = '';
  for (const char of sentence) {
    const expectedCloser = closers[closers.length - 1];
    if (expectedCloser !== undefined && char === expectedCloser) {
      closers.pop();
    } else if (OPENERS[char] !== undefined) {
      closers.push(OPENERS[char]);
    }
    if (closers.length === 0 && CLAUSE_BREAKS.has(char)) {
      pushClause(clauses, current);
      current = '';
    } else {
      current += char;
    }
  }
  pushClause(clauses, current);
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

/** Length as a reader counts it: one per character (code point), not per UTF-16 unit. */
export function visibleLength(text: string): number {
  return [...text].length;
}
