// Rule "paragraphs": group lines into blocks, one block per paragraph-to-be.
//
// Articles copied from news sites put one paragraph per line, with or without blank lines (or lines holding
// only a space) between them. Hand-typed or e-mailed text may instead be hard-wrapped: one paragraph spread
// over several lines, paragraphs separated by blank lines. We decide once per document which of the two it is
// (a per-line decision would glue a heading to the paragraph under it), by voting over adjacent line pairs.

import type { Block, MarkdownLine, ParseRule, ParseState, SourceLine } from '../state.ts';
import { charLength, CLOSING_BRACKETS, isEllipsis, joinWrappedLines, SENTENCE_END_MARKS } from '../text.ts';

/** Shorter lines are headings or credits, whose missing end mark says nothing about wrapping. */
const MIN_WRAPPED_LINE_LENGTH = 20;
/** A document is hard-wrapped only when at least this many line pairs say so. */
const MIN_WRAP_VOTES = 2;

export const groupParagraphs: ParseRule = (state) => {
  const wrapped = isHardWrapped(state);
  state.blocks = wrapped ? wrappedBlocks(state) : lineBlocks(state);
  if (wrapped) {
    state.diagnostics.push({
      severity: 'info',
      message: '文中有硬换行（一段话被断成了几行）：两个空行之间的各行已接成一段。',
    });
  }
};

function lineBlocks(state: ParseState): Block[] {
  return state.lines.filter((line) => line.text !== '').map((line) => blockOf(state, [line]));
}

function wrappedBlocks(state: ParseState): Block[] {
  const blocks: Block[] = [];
  let pending: SourceLine[] = [];
  const flush = (): void => {
    if (pending.length > 0) blocks.push(blockOf(state, pending));
    pending = [];
  };
  for (const line of state.lines) {
    if (line.text === '') {
      flush();
      continue;
    }
    const standsAlone = markdownLineOf(state, line.text) !== undefined;
    // An indented line opens a new paragraph even without a blank line before it; so does a list item.
    if (standsAlone || line.indented || (state.markdown && MARKDOWN_LIST_ITEM.test(line.text))) flush();
    pending.push(line);
    if (standsAlone) flush();
  }
  flush();
  return blocks;
}

function blockOf(state: ParseState, lines: SourceLine[]): Block {
  const first = lines[0]!;
  const markdown = lines.length === 1 ? markdownLineOf(state, first.text) : undefined;
  if (markdown !== undefined) {
    return { kind: 'text', text: markdownInnerText(first.text, markdown), lines, markdown };
  }
  const texts = lines.map((line) => (state.markdown ? stripMarkdownLinePrefix(line.text) : line.text));
  return { kind: 'text', text: texts.reduce(joinWrappedLines, ''), lines };
}

function isHardWrapped(state: ParseState): boolean {
  let wrapVotes = 0;
  let lineVotes = 0;
  for (let index = 0; index + 1 < state.lines.length; index++) {
    const current = state.lines[index]!;
    const next = state.lines[index + 1]!;
    if (current.text === '' || next.text === '' || next.indented) continue;
    if (markdownLineOf(state, current.text) !== undefined || markdownLineOf(state, next.text) !== undefined) continue;
    if (endsParagraph(current.text)) lineVotes++;
    else if (charLength(current.text) >= MIN_WRAPPED_LINE_LENGTH) wrapVotes++;
  }
  return wrapVotes >= MIN_WRAP_VOTES && wrapVotes > lineVotes;
}

/**
 * Ends where a paragraph may end: 。！？； or an ellipsis (possibly followed by closing quotes), or a colon
 * that introduces what follows. A line ending in a comma or mid-word was cut by wrapping.
 */
function endsParagraph(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && CLOSING_BRACKETS.has(text[end]!)) end--;
  const char = text[end];
  return char !== undefined && (SENTENCE_END_MARKS.has(char) || isEllipsis(char) || char === '：' || char === ':');
}

const ATX_HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const BOLD_LINE = /^(\*\*|__)([^*_]+)\1$/;
const THEMATIC_BREAK = /^([-*_])(?:\s*\1){2,}$/;
const IMAGE_LINE = /^!\[([^\]]*)\]\(\s*(?:<([^>]*)>|([^\s)]*))(?:\s+["'][^)]*)?\s*\)$/;
const MARKDOWN_LIST_ITEM = /^(?:[-*+]|\d{1,2}[.)])\s+\S/;

/** Markdown block syntax that makes a line a block of its own; undefined for ordinary text. */
export function markdownLineOf(state: ParseState, text: string): MarkdownLine | undefined {
  if (!state.markdown) return undefined;
  const atx = ATX_HEADING.exec(text);
  if (atx !== null) return { kind: 'atx', depth: atx[1]!.length };
  if (THEMATIC_BREAK.test(text)) return { kind: 'rule' };
  if (BOLD_LINE.test(text)) return { kind: 'bold' };
  const image = IMAGE_LINE.exec(text);
  if (image !== null) return { kind: 'image', alt: image[1]!.trim(), src: (image[2] ?? image[3] ?? '').trim() };
  return undefined;
}

function markdownInnerText(text: string, markdown: MarkdownLine): string {
  switch (markdown.kind) {
    case 'atx':
      return ATX_HEADING.exec(text)![2]!.trim();
    case 'bold':
      return BOLD_LINE.exec(text)![2]!.trim();
    case 'image':
      return markdown.alt;
    case 'rule':
      return '';
  }
}

/** Block quote and bullet markers carry no words: "> 提要" is the pull-quote 提要. */
function stripMarkdownLinePrefix(text: string): string {
  return text.replace(/^(?:>\s?)+/, '').replace(/^[-*+]\s+/, '');
}
