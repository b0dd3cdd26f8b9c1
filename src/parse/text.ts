// Character classes and small text tests shared by the rules. Chinese prose is punctuated with full-width
// marks; a few ASCII equivalents appear in web copies, so both are listed where it matters.

/** Marks that end a sentence. "…" runs (……) also end one; see isEllipsis. */
export const SENTENCE_END_MARKS: ReadonlySet<string> = new Set(['。', '！', '？', '；', '!', '?']);

/** Characters that may not end a heading or a title: a line ending in them is running prose. */
export const PROSE_END_MARKS: ReadonlySet<string> = new Set([
  '。', '！', '？', '；', '：', '，', '、', '…', '⋯', ';', ':', ',', '!', '?',
]);

/** Opening bracket/quote -> its closing partner. Straight ASCII quotes are ambiguous and left out. */
export const BRACKET_PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['《', '》'],
  ['〈', '〉'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
  ['〔', '〕'],
  ['[', ']'],
]);

export const CLOSING_BRACKETS: ReadonlySet<string> = new Set(BRACKET_PAIRS.values());

export function isEllipsis(char: string | undefined): boolean {
  return char === '…' || char === '⋯';
}

/**
 * Positions of brackets that have a partner. Unmatched ones (a quote opened and never closed, a stray
 * closing bracket) are ignored, so one typo cannot swallow the rest of a paragraph into a "quotation".
 */
export function matchBrackets(text: string): { opens: Set<number>; closes: Set<number> } {
  const opens = new Set<number>();
  const closes = new Set<number>();
  const stack: { char: string; index: number }[] = [];
  // Open brackets on the stack by the closer they wait for. A closer nothing waits for is skipped without
  // searching the stack: searching it every time was quadratic on a run like ](](](… (one "(" more each time).
  // Every other search ends at its match and pops what it passed, so each entry is passed once.
  const waiting = new Map<string, number>();
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    const closer = BRACKET_PAIRS.get(char);
    if (closer !== undefined) {
      stack.push({ char, index });
      waiting.set(closer, (waiting.get(closer) ?? 0) + 1);
      continue;
    }
    if (!CLOSING_BRACKETS.has(char) || (waiting.get(char) ?? 0) === 0) continue;
    for (let depth = stack.length - 1; depth >= 0; depth--) {
      const open = stack[depth]!;
      if (BRACKET_PAIRS.get(open.char) === char) {
        opens.add(open.index);
        closes.add(index);
        // anything opened inside and never closed stays unmatched
        for (const dropped of stack.splice(depth)) {
          const expected = BRACKET_PAIRS.get(dropped.char)!;
          waiting.set(expected, waiting.get(expected)! - 1);
        }
        break;
      }
    }
  }
  return { opens, closes };
}

/** A sentence mark (。！？；) outside every quotation or bracket: 。 inside “…” does not make a line prose. */
export function hasSentenceMarkOutsideBrackets(text: string): boolean {
  const { opens, closes } = matchBrackets(text);
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    if (opens.has(index)) depth++;
    else if (closes.has(index)) depth--;
    else if (depth === 0 && SENTENCE_END_MARKS.has(text[index]!)) return true;
  }
  return false;
}

export function hasAnySentenceMark(text: string): boolean {
  for (const char of text) if (SENTENCE_END_MARKS.has(char)) return true;
  return false;
}

export function lastChar(text: string): string | undefined {
  return text.length === 0 ? undefined : text[text.length - 1];
}

export function endsLikeProse(text: string): boolean {
  const last = lastChar(text);
  return last !== undefined && PROSE_END_MARKS.has(last);
}

/** A trailing run of em dashes: the "——" that leads into the text below (lead-in sub-headings, split titles). */
export const TRAILING_DASHES = /[—－]{1,2}$|-{2}$/;

/**
 * Length in characters (code points), not UTF-16 units, so rare CJK characters count once. Counted by
 * index, subtracting one per surrogate pair: iterating the string makes a string per character.
 */
export function charLength(text: string): number {
  let count = text.length;
  for (let index = 1; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    const previous = text.charCodeAt(index - 1);
    if (unit >= 0xdc00 && unit <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) count -= 1;
  }
  return count;
}

/** Join two physical lines of one wrapped paragraph: Chinese needs no space, ASCII words do. */
export function joinWrappedLines(left: string, right: string): string {
  if (left === '') return right;
  if (right === '') return left;
  const needsSpace = /[\x21-\x7e]$/.test(left) && /^[\x21-\x7e]/.test(right);
  return needsSpace ? `${left} ${right}` : left + right;
}
