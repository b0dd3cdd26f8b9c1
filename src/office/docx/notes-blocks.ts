// A slide's notes (Markdown) as the paragraphs and runs a Word document is made of. Pure.
// The notes are what the lecturer says, so nothing is dropped: lists keep their markers as text, quotes and
// headings become paragraphs of their own, raw HTML keeps its text, line breaks stay breaks.

import type { Token } from 'markdown-it';
import { createMarkdown } from '../../render/markdown.ts';

export interface NoteRun {
  text: string;
  bold?: boolean;
  /** *emphasis*: set in 楷体 (Chinese has no italics). */
  emphasis?: boolean;
  /** A line break before this run's text (a Markdown hard break). */
  breakBefore?: boolean;
}

export interface NoteBlock {
  /** paragraph: body text; heading: a head inside the notes (set bold); quote: an indented quotation. */
  kind: 'paragraph' | 'heading' | 'quote';
  runs: NoteRun[];
  /** "1." or "•" for a list item, "" otherwise. */
  marker: string;
  /** List nesting, 0 outside lists. */
  depth: number;
}

interface ListState {
  ordered: boolean;
  next: number;
}

/** The notes Markdown as blocks in reading order; no blocks for empty notes. */
export function noteBlocks(notes: string, file = ''): NoteBlock[] {
  if (notes.trim() === '') return [];
  const tokens = createMarkdown().parse(notes, { file, part: 'notes', diagnostics: [] });
  const blocks: NoteBlock[] = [];
  const lists: ListState[] = [];
  let quoteDepth = 0;
  let headingOpen = false;
  let pendingMarker = '';

  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
        lists.push({ ordered: false, next: 1 });
        break;
      case 'ordered_list_open':
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? '1') || 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        pendingMarker = list === undefined ? '' : list.ordered ? `${list.next++}.` : '•';
        break;
      }
      case 'blockquote_open':
        quoteDepth += 1;
        break;
      case 'blockquote_close':
        quoteDepth -= 1;
        break;
      case 'heading_open':
        headingOpen = true;
        break;
      case 'heading_close':
        headingOpen = false;
        break;
      case 'inline':
      case 'html_block':
      case 'code_block':
      case 'fence': {
        const runs = token.type === 'inline' ? inlineRuns(token.children ?? []) : blockRuns(token);
        if (runs.length === 0) break;
        blocks.push({
          kind: headingOpen ? 'heading' : quoteDepth > 0 ? 'quote' : 'paragraph',
          runs,
          marker: pendingMarker,
          depth: lists.length,
        });
        pendingMarker = '';
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

/** Code and raw HTML blocks: their text, one run per line (tags dropped: the notes' words are what count). */
function blockRuns(token: Token): NoteRun[] {
  const text = token.type === 'html_block' ? withoutTags(token.content) : token.content;
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, index) => (index === 0 ? { text: line } : { text: line, breakBefore: true }));
}

function withoutTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function inlineRuns(children: readonly Token[]): NoteRun[] {
  const runs: NoteRun[] = [];
  let bold = 0;
  let emphasis = 0;
  let breakBefore = false;
  const push = (text: string): void => {
    if (text === '') return;
    runs.push({
      text,
      ...(bold > 0 ? { bold: true } : {}),
      ...(emphasis > 0 ? { emphasis: true } : {}),
      ...(breakBefore ? { breakBefore: true } : {}),
    });
    breakBefore = false;
  };
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        push(child.content);
        break;
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold -= 1;
        break;
      case 'em_open':
        emphasis += 1;
        break;
      case 'em_close':
        emphasis -= 1;
        break;
      // A soft break between CJK characters is already an empty text (render/cjk-softbreak.ts); elsewhere a space.
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        breakBefore = runs.length > 0;
        break;
      case 'image':
        push(child.content);
        break;
      case 'html_inline':
        break;
      default:
        break;
    }
  }
  return mergeRuns(runs);
}

/** Neighbouring runs set alike become one: fewer, longer runs in the document. */
function mergeRuns(runs: NoteRun[]): NoteRun[] {
  const merged: NoteRun[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last !== undefined && !run.breakBefore && last.bold === run.bold && last.emphasis === run.emphasis) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

/** The blocks' text, one block a line: what a reader of the document sees, for tests and checks. */
export function blocksText(blocks: readonly NoteBlock[]): string {
  return blocks.map((block) => (block.marker === '' ? '' : `${block.marker} `) + block.runs.map((run) => (run.breakBefore ? '\n' : '') + run.text).join('')).join('\n');
}
