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
    next++;
  }
  speechHeader(state, rest.slice(next, next + SPEECH_HEADER_LINES));
}

// A speech transcript's title block: "习近平：在…大会上的讲话" (or the bare speech title), then a date line
// "（2021年7月1日）" and a speaker line "习近平", in either order. The date and speaker say who spoke when:
// they go to the credits (the speaker once), and a "Speaker：" prefix comes off the title, because the title
// of the lecture is the speech's own title. Without a date line this is not a speech header, so a headline
// such as "奋斗者：致敬新时代" keeps its colon.
const SPEECH_HEADER_LINES = 2;
const DATE_LINE = /^[（(]?(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)[）)]?$/u;
const SPEAKER_LINE = /^[\p{Script=Han}·]{2,4}(?:\s[\p{Script=Han}·]{2,4}){0,3}$/u;
const SPEAKER_PREFIX = /^([\p{Script=Han}·]{2,4})\s*[：:]\s*(\S.*)$/u;

function speechHeader(state: ParseState, following: Block[]): void {
  const dateBlock = following.find((block) => block.markdown === undefined && DATE_LINE.test(block.text));
  if (dateBlock === undefined) return;
  const speakerBlock = following.find(
    (block) => block !== dateBlock && block.markdown === undefined && SPEAKER_LINE.test(block.text),
  );
  // The date must sit right under the title, or under the speaker line that sits there.
  if (following[0] !== dateBlock && following[0] !== speakerBlock) return;
  const prefix = SPEAKER_PREFIX.exec(state.title);
  const speakers: string[] = [];
  if (prefix !== null) {
    state.title = prefix[2]!;
    speakers.push(prefix[1]!);
  }
  if (speakerBlock !== undefined) {
    speakerBlock.kind = 'credit';
    if (!speakers.includes(speakerBlock.text)) speakers.push(speakerBlock.text);
  }
  dateBlock.kind = 'credit';
  // Keep document order: after credit lines above the title block (a byline), before those at the end.
  const at = state.blocks.indexOf(following[0]!);
  const creditsAbove = state.blocks.slice(0, at).filter((block) => block.kind === 'credit' && block !== speakerBlock);
  state.credits.splice(creditsAbove.length, 0, ...speakers, dateBlock.text);
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
    message: '没有找到标题：第一行像是正文，所以按没有标题处理。',
    line: firstLineNumber(first),
  });
}
