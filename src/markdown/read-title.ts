// When the front matter has no title, the deck is named after the first `#` heading of its first slide,
// else after the file. Said as an info diagnostic, so the author knows where the name came from.

import MarkdownIt from 'markdown-it';
import type { SourceSlide } from '../deck/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { inlineText } from '../render/plain-text.ts';

export function fallbackTitle(first: SourceSlide | undefined, file: string): { title: string; diagnostic: Diagnostic } {
  const heading = first === undefined ? undefined : firstH1(first.body);
  if (heading !== undefined) {
    return {
      title: heading,
      diagnostic: { severity: 'info', message: `开头设置（front matter）中没有 title，以第一个标题“${heading}”作为名称`, file },
    };
  }
  const name = fileStem(file);
  return {
    title: name,
    diagnostic: { severity: 'info', message: `开头设置（front matter）和第一张幻灯片中都没有标题，以文件名“${name}”作为名称`, file },
  };
}

function firstH1(body: string): string | undefined {
  // markdown-it tells a heading from a `#` inside a code block and gives the heading's plain text.
  const tokens = new MarkdownIt({ html: true }).parse(body, {});
  const index = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  if (index === -1) return undefined;
  const text = inlineText(tokens[index + 1]?.children ?? null);
  return text === '' ? undefined : text;
}

/** "slides/字/文 章.md" -> "文 章" (either kind of path separator). */
function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/\.[^.]*$/, '');
  return stem === '' ? base : stem;
}
