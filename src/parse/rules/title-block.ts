// Rule "title-block": the title, its column tag and its subtitle, from the top of the article.
//
// - The title is the first block when it reads like a title: short, not running prose. In Markdown it is
//   the one top-level "# …" heading (often "# [title](url)" in web clips; the link is stripped earlier).
// - A title broken over two lines, the first ending in "——", is joined back: the part after the dash is
//   the dek of one headline, and STRUCTURE.json keeps "主题——副题" whole as the title. We follow that:
//   the title keeps its "——" part, and subtitle stays "" for such headlines.
// - A full-width bracket tag after the title, "（辉煌历程）" or "【辉煌历程】", is the newspaper column.
// - The subtitle is an explicit subtitle line under the title that starts with a dash ("——记…").

import type { Block, ParseRule, ParseState } from '../state.ts';
import { firstLineNumber, textBlocks } from '../state.ts';
import { charLength, hasSentenceMarkOutsideBrackets, lastChar, TRAILING_DASHES } from '../text.ts';
import { numberingFamilyOf } from '../numbering.ts';

const MAX_TITLE_LENGTH = 80;
/** Each of the two lines of a split headline is short. */
const MAX_TITLE_PART_LENGTH = 50;
const MAX_SUBTITLE_LENGTH = 60;
/** A column tag: 2–10 Chinese characters in full-width brackets at the end of the title. */
const COLUMN_TAG = /^(.+?)\s*[（【]([\p{Script=Han}·]{2,10})[）】]$/u;
const SUBTITLE_LINE = /^(?:[—－]{1,2}|-{2})\s*(\S.*)$/;
/** Titles may end with ！ or ？; every other prose mark means this is a sentence, not a title. */
const TITLE_FORBIDDEN_ENDINGS: ReadonlySet<string> = new Set(['。', '；', '：', '，', '、', ';', ':', ',']);

export const titleBlock: ParseRule = (state) => {
  const candidates = textBlocks(state);
  const first = candidates[0];
  if (state.title !== '') {
    // Front matter named the title; a first block repeating it is the same title, not a paragraph.
    if (first !== undefined && first.text === state.title) first.kind = 'title';
    return;
  }
  if (first === undefined) return;

  if (first.markdown?.kind === 'atx') {
    if (isMarkdownTitle(state, first)) takeTitle(state, first, candidates.slice(1));
    else warnNoTitle(state, first);
    return;
  }
  if (!readsLikeTitle(first.text) || numberingFamilyOf(first.text) !== undefined) {
    warnNoTitle(state, first);
    return;
  }
  takeTitle(state, first, candidates.slice(1));
};

function takeTitle(state: ParseState, first: Block, rest: Block[]): void {
  first.kind = 'title';
  let title = first.text;
  let next = 0;
  const second = rest[0];
  if (
    TRAILING_DASHES.test(title) &&
    second !== undefined &&
    second.markdown === undefined &&
    charLength(title) <= MAX_TITLE_PART_LENGTH &&
    charLength(second.text) <= MAX_TITLE_PART_LENGTH &&
    readsLikeTitle(second.text)
  ) {
    second.kind = 'title';
    title += second.text;
    next = 1;
  } else if (TRAILING_DASHES.test(title) && charLength(title) > 2) {
    // The headline's second half never came; a dangling dash is not part of the title.
    title = title.replace(TRAILING_DASHES, '').trim();
  }

  const column = COLUMN_TAG.exec(title);
  if (column !== null) {
    title = column[1]!;
    state.column = column[2]!;
  }
  state.title = title;

  const subtitleBlock = rest[next];
  const subtitle = subtitleBlock === undefined ? null : SUBTITLE_LINE.exec(subtitleBlock.text);
  if (subtitleBlock !== undefined && subtitle !== null && charLength(subtitleBlock.text) <= MAX_SUBTITLE_LENGTH) {
    subtitleBlock.kind = 'title';
    state.subtitle = subtitle[1]!;
  }
}

/** The only "#" heading of its depth, and the shallowest one: a Markdown document's title. */
function isMarkdownTitle(state: ParseState, first: Block): boolean {
  if (first.markdown?.kind !== 'atx') return false;
  const depths = state.blocks.flatMap((block) => (block.markdown?.kind === 'atx' ? [block.markdown.depth] : []));
  const depth = first.markdown.depth;
  return depth === Math.min(...depths) && depths.filter((other) => other === depth).length === 1;
}

export function readsLikeTitle(text: string): boolean {
  if (text === '' || charLength(text) > MAX_TITLE_LENGTH) return false;
  const last = lastChar(text)!;
  if (TITLE_FORBIDDEN_ENDINGS.has(last)) return false;
  // 。 in the middle means two sentences; a final ！/？ is a rhetorical headline and allowed.
  const body = /[！？!?]$/.test(text) ? text.slice(0, -1) : text;
  return !hasSentenceMarkOutsideBrackets(body);
}

function warnNoTitle(state: ParseState, first: Block): void {
  state.diagnostics.push({
    severity: 'warning',
    message: 'No title found: the first line reads like body text, so the article has no title.',
    line: firstLineNumber(first),
  });
}
