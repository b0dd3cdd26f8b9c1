// The one data structure the parse rules talk through (markdown-it style): every rule receives the whole
// state and refines it in place. A fresh state is made per parseArticle call, so the stage stays pure.

import type { Diagnostic } from '../diagnostics.ts';

/** 'docx' text comes from read/docx.ts as Markdown-ish lines (# headings, **bold** lines). */
export type SourceFormat = 'txt' | 'md' | 'docx';

export interface SourceLine {
  /** 1-based line number in the input, for diagnostics and tests. */
  number: number;
  /** The line without leading/trailing whitespace; inner runs of whitespace collapsed to one space. */
  text: string;
  /** Starts with a paragraph indent (U+3000, two or more spaces, or a tab). */
  indented: boolean;
}

/**
 * What a block has been recognised as so far. Blocks start as 'text'; rules turn them into something else.
 * 'dropped' blocks (separators, the title's lines, Markdown rules) leave no trace in the body.
 */
export type BlockKind = 'text' | 'title' | 'credit' | 'caption' | 'separator' | 'heading' | 'paragraph';

export interface Block {
  kind: BlockKind;
  /** Current text of the block; rules may rewrite it (strip Markdown, cut a glued credit off). */
  text: string;
  lines: SourceLine[];
  /** Markdown syntax that made the block a block of its own, if any. */
  markdown?: MarkdownLine;
  /** For headings: which numbering family introduced it ("cn-dun" for 一、, "bold", "plain", …). */
  family?: string;
  /** For headings: 2 for a top-level section, 3 below it, … */
  level?: number;
  /** For headings made by the parser (generated-sections), not found in the text. */
  generated?: boolean;
}

export type MarkdownLine =
  | { kind: 'atx'; depth: number }
  | { kind: 'bold' }
  | { kind: 'rule' }
  | { kind: 'image'; alt: string; src: string };

export interface ParseState {
  readonly source: string;
  readonly format: SourceFormat;
  /** Markdown syntax is honoured: the file is .md, or a .txt that clearly holds Markdown (web clips do). */
  markdown: boolean;
  lines: SourceLine[];
  blocks: Block[];
  title: string;
  subtitle: string;
  column: string;
  credits: string[];
  /** A sign-off at the end (issuing body, date): see rules/signoff.ts. */
  signoff: string[];
  diagnostics: Diagnostic[];
}

/** One rule of the pipeline. Rules are small, named, and run in a fixed order (see pipeline.ts). */
export type ParseRule = (state: ParseState) => void;

export function createState(source: string, format: SourceFormat): ParseState {
  return {
    source,
    format,
    markdown: format === 'md' || format === 'docx',
    lines: [],
    blocks: [],
    title: '',
    subtitle: '',
    column: '',
    credits: [],
    signoff: [],
    diagnostics: [],
  };
}

/** Blocks still waiting to be classified, in document order. */
export function textBlocks(state: ParseState): Block[] {
  return state.blocks.filter((block) => block.kind === 'text');
}

export function firstLineNumber(block: Block): number | undefined {
  return block.lines[0]?.number;
}
