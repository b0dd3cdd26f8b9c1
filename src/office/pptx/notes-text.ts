// Speaker notes (Markdown) as the plain paragraphs a notes page shows: one per paragraph or list item. Pure.
import type { Token } from 'markdown-it';
import { createMarkdown } from '../../render/markdown.ts';
import { inlineText } from '../../render/plain-text.ts';

export function notesParagraphs(notes: string, md = createMarkdown()): string[] {
  if (notes.trim() === '') return [];
  const tokens: Token[] = md.parse(notes, { diagnostics: [] });
  return tokens.filter((token) => token.type === 'inline').map((token) => inlineText(token.children)).filter((text) => text !== '');
}
