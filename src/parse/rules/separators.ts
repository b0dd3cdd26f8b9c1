// Rule "separators": a line holding only "……" (an elision on the source page), "* * *", "———" or a Markdown
// thematic break marks a cut in the text. It is not a paragraph and carries no words, so it is dropped.

import type { ParseRule } from '../state.ts';

const SEPARATOR_LINE = /^(?:[…⋯]+|[.。·•]{3,}|[—－]{2,}|(?:[-*_=~～＊·•]\s*){3,})$/;

export const separators: ParseRule = (state) => {
  for (const block of state.blocks) {
    if (block.kind !== 'text') continue;
    if (block.markdown?.kind === 'rule' || SEPARATOR_LINE.test(block.text)) block.kind = 'separator';
    // A Markdown image without alt text has nothing to say either.
    else if (block.markdown?.kind === 'image' && block.text === '') block.kind = 'separator';
  }
};
