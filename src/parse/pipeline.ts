// The parse rules, in the order they run. Each rule is one file under rules/, with one signature
// (state) => void; order matters only where a later rule relies on an earlier one's classification:
// blocks exist before anything classifies them, credits, the sign-off and separators are taken out before the title
// is looked for, and headings come last so that captions and credits can never be mistaken for headings.

import type { ParseRule } from './state.ts';
import { captions } from './rules/captions.ts';
import { credits } from './rules/credits.ts';
import { dateline } from './rules/dateline.ts';
import { frontMatter } from './rules/front-matter.ts';
import { headings } from './rules/headings.ts';
import { splitLines } from './rules/lines.ts';
import { markdownInline } from './rules/markdown-inline.ts';
import { groupParagraphs } from './rules/paragraphs.ts';
import { separators } from './rules/separators.ts';
import { signoff } from './rules/signoff.ts';
import { titleBlock } from './rules/title-block.ts';
import { wireTitle } from './rules/wire-title.ts';
import { generatedSections } from './rules/generated-sections.ts';

export interface NamedRule {
  name: string;
  rule: ParseRule;
}

export const PARSE_RULES: readonly NamedRule[] = [
  { name: 'lines', rule: splitLines },
  { name: 'front-matter', rule: frontMatter },
  { name: 'paragraphs', rule: groupParagraphs },
  { name: 'markdown-inline', rule: markdownInline },
  { name: 'separators', rule: separators },
  { name: 'signoff', rule: signoff },
  { name: 'credits', rule: credits },
  { name: 'wire-title', rule: wireTitle },
  { name: 'title-block', rule: titleBlock },
  { name: 'dateline', rule: dateline },
  { name: 'captions', rule: captions },
  { name: 'headings', rule: headings },
  { name: 'generated-sections', rule: generatedSections },
];
