// The one markdown-it configuration used for slide bodies and notes.
// - html: true: the deck Markdown is the author's own file, and raw HTML they write must keep working
//   (escaping article text is the writer's job, done before the Markdown exists);
// - no linkify or typographer: Chinese text has no use for "smart" quotes, and a URL stays as written;
// - markdown-it-cjk-friendly: `**合格，**党员` bolds even next to full-width punctuation;
// - word breaks: a <wbr> between Chinese words in slide text (word-breaks.ts).
// A new instance per render keeps the stage free of module-level state.

import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Markdown } from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { cjkSoftbreak } from './cjk-softbreak.ts';
import { elementAttributes } from './element-attributes.ts';
import { wordBreaks } from './word-breaks.ts';

export function createMarkdown(): Markdown {
  return new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: false })
    .use(cjkFriendly)
    .use(cjkSoftbreak)
    .use(elementAttributes)
    .use(wordBreaks);
}
