// Rule "markdown-inline": in Markdown input, inline markup is formatting, not words. Links keep their text,
// images their alt text, emphasis and code their content, and backslash escapes their character, so the
// later rules (and the slides) see the words the reader saw.

import type { ParseRule } from '../state.ts';

export const markdownInline: ParseRule = (state) => {
  if (!state.markdown) return;
  for (const block of state.blocks) block.text = stripInlineMarkdown(block.text);
};

export function stripInlineMarkdown(text: string): string {
  // Link text and address stop at the next opener too ([^\][] and [^()]): with [^\]] alone every "[" of a
  // run of them scanned to the end of the text (quadratic on [[[… and [字]([字](…). An address may hold one
  // pair of parentheses (…(3)); the group's two branches start with different characters, so it never
  // backtracks more than to the next "(".
  return text
    .replace(/!\[([^\][]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/\[([^\][]+)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?![*\w])/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .trim();
}
