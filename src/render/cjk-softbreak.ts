// A soft line break between two CJK characters renders as nothing: Chinese has no spaces between words,
// so the usual "\n" (which a browser shows as a space) would put a stray gap in the middle of a sentence.
// This follows CSS Text's segment break rule for East Asian text. Breaks next to Latin text are kept.

import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/**
 * Characters written without spaces between them: Han, kana, bopomofo, CJK and full-width punctuation,
 * plus the quotes, dashes and ellipsis Chinese text uses. Hangul is not here: Korean separates words.
 */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u2E80-\u2FDF\u3000-\u303F\u30FC\uFE10-\uFE1F\uFE30-\uFE4F\uFF01-\uFF60\uFFE0-\uFFE6\u2014\u2018-\u201F\u2026]/u;

export function cjkSoftbreak(md: MarkdownIt): void {
  md.core.ruler.push('cjk_softbreak', (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type === 'inline' && token.children !== null) joinCjkBreaks(token.children);
    }
  });
}

function joinCjkBreaks(children: Token[]): void {
  children.forEach((child, index) => {
    if (child.type !== 'softbreak') return;
    const before = neighbourChar(children, index, -1);
    const after = neighbourChar(children, index, 1);
    if (before !== undefined && after !== undefined && CJK.test(before) && CJK.test(after)) {
      // An empty text token renders as nothing and keeps every index stable for later rules.
      child.type = 'text';
      child.content = '';
    }
  });
}

/** The character next to a break, looking through emphasis and link markup (`**重点**\n内容`). */
function neighbourChar(children: Token[], from: number, step: 1 | -1): string | undefined {
  for (let index = from + step; index >= 0 && index < children.length; index += step) {
    const token = children[index];
    if (token === undefined) return undefined;
    if (token.type === 'text' || token.type === 'code_inline') {
      if (token.content === '') continue;
      const chars = Array.from(token.content);
      return step === 1 ? chars[0] : chars[chars.length - 1];
    }
    if (token.nesting === 0) return undefined;
  }
  return undefined;
}
