// The text (not HTML) of an inline token's children: what a PDF bookmark or a <title> shows.

import type { Token } from 'markdown-it';

export function inlineText(children: readonly Token[] | null): string {
  let text = '';
  for (const child of children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += inlineText(child.children);
  }
  return text.replace(/\s+/g, ' ').trim();
}
