// The heading a slide goes by outside the deck (script.md, and any other output that lists slides: a Word
// script, a PowerPoint outline): its own headings when it has them, else words of its text that read whole.
// Pure: a slide's Markdown in, plain text out.

import type { MarkdownIt, Token } from 'markdown-it';
import type { SourceSlide } from '../deck/model.ts';
import { createMarkdown } from '../render/markdown.ts';
import { inlineText } from '../render/plain-text.ts';

/** The drafter's section divider class. */
const DIVIDER_CLASS = 'divider';
/** A heading made from a slide's text is kept to about this many characters. */
export const HEADING_LENGTH = 24;
/** Shorter than this, a phrase says too little on its own ("同志们"): the next phrase joins it. */
const MIN_PHRASE = 4;
/** Where a phrase may end: the Chinese clause and sentence marks (not 、, which splits a list). */
const PHRASE_END = new Set(['，', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?']);
/** Quote and bracket pairs a heading must not leave open. */
const PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  ['「', '」'],
  ['『', '』'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
]);
const CLOSERS: ReadonlySet<string> = new Set(PAIRS.values());
/** The dash (or dashes) a citation line starts with: "—— 习近平总书记，2016年4月". */
const CITE_DASH = /^\s*[—–-]{1,2}\s*/u;

export function isDivider(slide: SourceSlide): boolean {
  return (slide.attributes['class'] ?? '').split(/\s+/).includes(DIVIDER_CLASS);
}

export interface SlideHeadings {
  /** Plain-text heading for lists of slides ("" when the slide shows no text at all). */
  heading: string;
  /** For a divider slide with an h1: the section's title. */
  sectionTitle?: string;
}

/**
 * The slide's heading: a divider's headings joined ("第一部分　把……"); another slide's h1 or first heading;
 * a slide without one is named by its text (see untitledHeading). `md` lets a caller reuse one instance.
 */
export function slideHeading(slide: SourceSlide, md: MarkdownIt = createMarkdown()): string {
  return slideHeadings(slide, md).heading;
}

/** slideHeading, and the section title of a divider slide. */
export function slideHeadings(slide: SourceSlide, md: MarkdownIt = createMarkdown()): SlideHeadings {
  // A private env: problems in the Markdown are the renderer's to report, not ours to repeat.
  const tokens = md.parse(slide.body, { file: '', slideLine: slide.line, part: 'body', diagnostics: [] });
  const headings = headingTexts(tokens);
  const h1 = headings.find((heading) => heading.level === 1)?.text;
  if (isDivider(slide)) {
    return { heading: headings.map((heading) => heading.text).join('　'), ...(h1 !== undefined ? { sectionTitle: h1 } : {}) };
  }
  return { heading: h1 ?? headings[0]?.text ?? untitledHeading(tokens) };
}

/**
 * A slide without headings: a quotation is named by who said it and its first phrase
 * ("习近平总书记：部署“两学一做”学习教育"), anything else by its first phrase.
 */
function untitledHeading(tokens: Token[]): string {
  const quote = blockquoteText(tokens);
  if (quote !== undefined) {
    const who = citation(tokens);
    const phrase = firstPhrase(quote);
    return who ? `${who}：${phrase}` : phrase;
  }
  return firstPhrase(firstText(tokens));
}

/**
 * The text's first phrase that reads whole: it ends at a clause mark with every quotation mark and bracket
 * closed, is at least MIN_PHRASE characters, and at most `limit` (then it ends at the last such clause mark
 * within the limit, or, when there is none, is cut before any open quote and marked "……"). A text that fits
 * whole is kept whole, less its final full stop.
 */
export function firstPhrase(text: string, limit = HEADING_LENGTH): string {
  const chars = [...text.trim()];
  const whole = chars.join('').replace(/[。．.]$/u, '');
  if ([...whole].length <= limit && balanced([...whole])) return whole;
  const open: string[] = [];
  let lastEnd = -1;
  let lastBalanced = -1;
  for (let index = 0; index < chars.length && index < limit; index++) {
    const char = chars[index]!;
    if (PAIRS.has(char)) open.push(PAIRS.get(char)!);
    else if (CLOSERS.has(char) && open[open.length - 1] === char) open.pop();
    if (open.length > 0) continue;
    lastBalanced = index;
    if (PHRASE_END.has(char) && index >= MIN_PHRASE) {
      lastEnd = index;
      break;
    }
  }
  if (lastEnd >= 0) return chars.slice(0, lastEnd).join('');
  // No clause mark in reach: as much as reads whole, cut before any quotation left open.
  const cut = lastBalanced >= MIN_PHRASE - 1 ? lastBalanced + 1 : Math.min(limit, chars.length);
  return `${chars.slice(0, cut).join('').replace(/[，。；：、,;:]$/u, '')}……`;
}

function balanced(chars: readonly string[]): boolean {
  const open: string[] = [];
  for (const char of chars) {
    if (PAIRS.has(char)) open.push(PAIRS.get(char)!);
    else if (CLOSERS.has(char)) {
      if (open[open.length - 1] !== char) return false;
      open.pop();
    }
  }
  return open.length === 0;
}

function headingTexts(tokens: Token[]): { level: number; text: string }[] {
  const headings: { level: number; text: string }[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const text = inlineText(tokens[index + 1]?.children ?? null);
    if (text !== '') headings.push({ level: Number(token.tag.slice(1)), text });
  });
  return headings;
}

/** The text of the slide's first blockquote, its paragraphs joined; undefined when it has none. */
function blockquoteText(tokens: Token[]): string | undefined {
  const start = tokens.findIndex((token) => token.type === 'blockquote_open');
  if (start < 0) return undefined;
  const parts: string[] = [];
  for (let index = start + 1, depth = 1; index < tokens.length && depth > 0; index++) {
    const token = tokens[index]!;
    if (token.type === 'blockquote_open') depth++;
    else if (token.type === 'blockquote_close') depth--;
    else if (token.type === 'inline') parts.push(inlineText(token.children));
  }
  const text = parts.join('').trim();
  return text === '' ? undefined : text;
}

/** Who said the quotation: a top-level "—— 习近平总书记，2016年4月" line, without its dash and date. */
function citation(tokens: Token[]): string | undefined {
  let depth = 0;
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'blockquote_open') depth++;
    else if (token.type === 'blockquote_close') depth--;
    else if (depth === 0 && token.type === 'paragraph_open') {
      const line = inlineText(tokens[index + 1]?.children ?? null);
      if (!CITE_DASH.test(line)) continue;
      const who = line.replace(CITE_DASH, '').split(/[，,、]/u)[0]?.trim() ?? '';
      return who === '' ? undefined : who;
    }
  }
  return undefined;
}

function firstText(tokens: Token[]): string {
  for (const token of tokens) {
    if (token.type !== 'inline') continue;
    const text = inlineText(token.children);
    if (text !== '') return text;
  }
  return '';
}
