// Rule "headings": find section headings and give each a level (2 = top-level section, 3 below it, …).
//
// What makes a line a heading in this kind of article:
// - Markdown syntax: "## …" or a line that is all bold, "**坚持党的领导 服务工作大局**".
// - A numbering family: 一、 / （一） / 1. / （1） / ① / 第一部分 (第一章, 第一节 …), followed by a short phrase
//   that is not a sentence. Families nest in the order they first appear: the first family seen is level 2,
//   the next new one level 3, and so on, which is how Chinese documents use them (一、 above （一） above 1.).
// - A lead-in sub-heading ending in "——" ("文艺创作精品迭出——"): one level below the heading it follows.
// - Otherwise a short line (≤ 30 characters) with no sentence punctuation, followed by more text. Short
//   aphorisms that end in 。 ("人无精神则不立，国无精神则不强。") are body text, not headings.
// Two or more candidates of one family with nothing between them are a list, not headings.

import type { Block, ParseRule, ParseState } from '../state.ts';
import {
  charLength,
  endsLikeProse,
  hasAnySentenceMark,
  hasSentenceMarkOutsideBrackets,
  TRAILING_DASHES,
} from '../text.ts';
import { numberingFamilyOf } from '../numbering.ts';

const MAX_PLAIN_HEADING_LENGTH = 30;
const MAX_NUMBERED_HEADING_LENGTH = 50;
const MAX_LEAD_IN_LENGTH = 40;
const MIN_HEADING_LENGTH = 2;

interface Candidate {
  block: Block;
  family: string;
  text: string;
}

const LEAD_IN = 'lead-in';
const PLAIN = 'plain';

export const headings: ParseRule = (state) => {
  const content = state.blocks.filter((block) => block.kind === 'text');
  const hasMarkdownHeadings = content.some(
    (block) => block.markdown?.kind === 'atx' || block.markdown?.kind === 'bold',
  );
  const candidates = new Map<Block, Candidate>();
  for (const block of content) {
    const candidate = headingCandidate(block);
    if (candidate !== undefined) candidates.set(block, candidate);
  }
  // Plain short lines are the weakest signal: only in documents without Markdown headings, only when what
  // follows is prose or a marked heading (a signature line followed by a date is not a heading), and not in
  // a run of short lines (verse, a list without numbers).
  if (!hasMarkdownHeadings) {
    const isShortLine = (block: Block | undefined): boolean =>
      block !== undefined && !candidates.has(block) && block.lines.length === 1 && isPlainHeading(block.text);
    content.forEach((block, index) => {
      const next = content[index + 1];
      if (!isShortLine(block) || next === undefined || isShortLine(content[index - 1])) return;
      if (candidates.has(next) || readsAsProse(next.text)) {
        candidates.set(block, { block, family: PLAIN, text: block.text });
      }
    });
  }
  demoteLists(content, candidates);
  assignLevels(state, content, candidates);
};

/** A heading marked as such: Markdown syntax, a numbering family, or a "——" lead-in. */
function headingCandidate(block: Block): Candidate | undefined {
  const text = block.text;
  if (block.lines.length !== 1 || charLength(text) < MIN_HEADING_LENGTH) return undefined;
  if (block.markdown?.kind === 'atx') return { block, family: `md-${block.markdown.depth}`, text };
  if (block.markdown?.kind === 'bold') {
    if (hasSentenceMarkOutsideBrackets(text)) return undefined; // a bold sentence is emphasis, not a heading
    return { block, family: numberingFamilyOf(text) ?? 'bold', text };
  }
  if (block.markdown !== undefined) return undefined;

  if (TRAILING_DASHES.test(text)) {
    const phrase = text.replace(TRAILING_DASHES, '').trim();
    const ok =
      charLength(phrase) >= MIN_HEADING_LENGTH &&
      charLength(phrase) <= MAX_LEAD_IN_LENGTH &&
      !endsLikeProse(phrase) &&
      !hasSentenceMarkOutsideBrackets(phrase);
    // The dash is typography leading into the text below, not part of the heading's words.
    return ok ? { block, family: LEAD_IN, text: phrase } : undefined;
  }

  const family = numberingFamilyOf(text);
  if (family === undefined) return undefined;
  const ok =
    charLength(text) <= MAX_NUMBERED_HEADING_LENGTH && !endsLikeProse(text) && !hasSentenceMarkOutsideBrackets(text);
  return ok ? { block, family, text } : undefined;
}

function isPlainHeading(text: string): boolean {
  return (
    charLength(text) >= MIN_HEADING_LENGTH &&
    charLength(text) <= MAX_PLAIN_HEADING_LENGTH &&
    !endsLikeProse(text) &&
    !hasAnySentenceMark(text) &&
    !DATE_ONLY.test(text)
  );
}

/** Running text: it has a sentence mark, ends like prose, or is too long for a heading. */
function readsAsProse(text: string): boolean {
  return (
    hasAnySentenceMark(text) || endsLikeProse(text) || charLength(text) > MAX_NUMBERED_HEADING_LENGTH
  );
}

/** A date on its own line: the sign-off of a speech or letter. */
const DATE_ONLY = /^\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?$/;

/** Same-family candidates next to each other with no text between them are list items: make them text. */
function demoteLists(content: Block[], candidates: Map<Block, Candidate>): void {
  const demote = new Set<Block>();
  for (let index = 0; index + 1 < content.length; index++) {
    const current = candidates.get(content[index]!);
    const next = candidates.get(content[index + 1]!);
    if (current === undefined || next === undefined || current.family !== next.family) continue;
    if (current.family.startsWith('md-') || current.family === 'bold') continue; // explicit Markdown headings stay
    demote.add(current.block);
    demote.add(next.block);
  }
  for (const block of demote) candidates.delete(block);
}

function assignLevels(state: ParseState, content: Block[], candidates: Map<Block, Candidate>): void {
  const familyOrder: string[] = [];
  let enclosingLevel = 1; // the level of the last heading that was not a lead-in; 1 is the title
  for (const block of content) {
    const candidate = candidates.get(block);
    if (candidate === undefined) continue;
    let level: number;
    if (candidate.family === LEAD_IN) {
      level = enclosingLevel + 1;
    } else {
      if (!familyOrder.includes(candidate.family)) familyOrder.push(candidate.family);
      level = 2 + familyOrder.indexOf(candidate.family);
      enclosingLevel = level;
    }
    block.kind = 'heading';
    block.text = candidate.text;
    block.family = candidate.family;
    block.level = level;
  }
  if (candidates.size === 0 && content.length > 0) {
    state.diagnostics.push({ severity: 'info', message: '没有找到小标题：全文按一个部分处理。' });
  }
}
