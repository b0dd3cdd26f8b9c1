// Write: DraftDeck -> Markdown in our dialect (front matter, `---` between slides, `Note:` notes,
// `<!-- .slide: -->` attributes). This is the file people edit; it should read like one a person wrote.

import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import type { Block, DraftDeck, DraftSlide, FrontMatter, Run } from '../deck/model.ts';
import { escapeBlockStart, escapeInline, escapeLine } from './escape.ts';

/** Front-matter keys in the order people expect to read them; others follow in insertion order. */
const FRONT_MATTER_ORDER = ['title', 'subtitle', 'column', 'speaker', 'organization', 'date', 'theme', 'aspect', 'duration', 'source'];

export function writeDeckMarkdown(deck: DraftDeck): string {
  return `${writeFrontMatter(deck.frontMatter)}\n${deck.slides.map(writeSlide).join('\n---\n\n')}`;
}

function writeFrontMatter(frontMatter: FrontMatter): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_ORDER) if (frontMatter[key] !== undefined) ordered[key] = frontMatter[key];
  for (const [key, value] of Object.entries(frontMatter)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  // Quote every string so values like 16:9 or 2026-11-27 stay strings whoever reads the YAML.
  return `---\n${stringify(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })}---\n`;
}

function writeSlide(slide: DraftSlide): string {
  const attributes = [`class="${[slide.layout, ...(slide.classes ?? [])].join(' ')}"`];
  if (slide.timing !== undefined) attributes.push(`data-timing="${slide.timing}"`);
  const lines = [`<!-- .slide: ${attributes.join(' ')} -->`];
  // Paragraph ids let an editor trace a slide back to the article; ids are ours, not article text.
  if (slide.from.length > 0) lines.push(`<!-- from: ${slide.from.filter((id) => /^[\w.-]+$/u.test(id)).join(' ')} -->`);
  lines.push('');
  for (const block of slide.blocks) lines.push(writeBlock(block), '');
  if (slide.notes.length > 0) {
    lines.push('Note:');
    lines.push(slide.notes.map(escapeLine).join('\n\n'));
    lines.push('');
  }
  return lines.join('\n');
}

function writeBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${writeRuns(block.runs)}`;
    case 'paragraph':
      return escapeBlockStart(writeRuns(block.runs));
    case 'list':
      return block.items
        .map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${writeRuns(item)}`)
        .join('\n');
    case 'quote': {
      const quote = `> ${writeRuns(block.runs)}`;
      return block.cite ? `${quote}\n\n${escapeLine(`—— ${block.cite}`)}` : quote;
    }
    case 'image':
      return writeImage(block.src, block.alt);
  }
}

/**
 * `![alt](<src>)`: the angle brackets let a path hold spaces and Chinese; a path with <, > or a line break
 * is none the drafter writes (it names the files itself).
 */
function writeImage(src: string, alt: string): string {
  return `![${escapeInline(alt)}](<${src.replace(/[<>\r\n]/gu, '')}>)`;
}

/**
 * Runs as inline Markdown, every bold run written so that Markdown reads it as bold: runs side by side with
 * the same weight are joined (`**a****b**` would show its asterisks), empty runs dropped (`****`), and white
 * space at a bold run's edges moved outside it (`** a**` is not bold).
 */
export function writeRuns(runs: readonly Run[]): string {
  const merged: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const previous = merged[merged.length - 1];
    if (previous !== undefined && (previous.strong === true) === (run.strong === true)) previous.text += run.text;
    else merged.push({ ...run });
  }
  return merged
    .map((run, index) => {
      if (run.strong !== true) return escapeInline(run.text);
      const [, before = '', inner = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(run.text) ?? [];
      if (inner === '') return escapeInline(run.text);
      const outsideBefore = before !== '' ? before.slice(-1) : (merged[index - 1]?.text.slice(-1) ?? '');
      const outsideAfter = after !== '' ? after[0]! : (merged[index + 1]?.text[0] ?? '');
      const bold = escapeInline(inner);
      const strong = delimitable(outsideBefore, inner[0]!) && delimitable(outsideAfter, inner.slice(-1))
        ? `**${bold}**`
        : `<strong>${bold}</strong>`;
      return `${escapeInline(before)}${strong}${escapeInline(after)}`;
    })
    .join('');
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Whether `**` between `outside` (the character beyond it, '' at the line's edge) and `edge` (the bold
 * text's first or last character) is read as a delimiter. CommonMark does not open or close emphasis
 * between a letter and punctuation (a**“x”**, **“x”**b); markdown-it-cjk-friendly allows it when the
 * letter is Chinese (被誉为**“上海之巅”**). Where it cannot, the bold is written as <strong>, which the
 * deck's Markdown (html: true) reads the same.
 */
function delimitable(outside: string, edge: string): boolean {
  return !PUNCTUATION.test(edge) || outside === '' || /\s/u.test(outside) || PUNCTUATION.test(outside) || CJK.test(outside);
}

// The draft fingerprint: `fingerprint: "sha256:…"` in the front matter records a hash of the file the
// drafter wrote (everything but that line), so a later `draft` can tell an untouched deck, which it may
// regenerate, from one a person has edited, which it must never overwrite.

/** Front-matter key of the fingerprint (listed in front-matter-keys.ts so the reader does not warn). */
export const FINGERPRINT_KEY = 'fingerprint';
const FINGERPRINT_PREFIX = 'sha256:';
const FINGERPRINT_HEX_LENGTH = 16;
const FENCE = /^---[ \t]*$/;
const FINGERPRINT_LINE = /^fingerprint:[ \t]*["']?(sha256:[0-9a-f]+)["']?[ \t]*$/;

/** Lines of a deck as the reader sees them: no BOM, any line ending. */
function deckLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Index of the closing `---` of the front matter, or -1 when the file has none. */
function frontMatterEnd(lines: readonly string[]): number {
  if (!FENCE.test(lines[0] ?? '')) return -1;
  return lines.findIndex((line, index) => index > 0 && FENCE.test(line));
}

/** The fingerprint of a deck's text: a hash of every line except a fingerprint line in its front matter. */
export function deckFingerprint(text: string): string {
  const lines = deckLines(text);
  const end = frontMatterEnd(lines);
  const kept = lines.filter((line, index) => !(index > 0 && index < end && FINGERPRINT_LINE.test(line)));
  const hash = createHash('sha256').update(kept.join('\n')).digest('hex');
  return `${FINGERPRINT_PREFIX}${hash.slice(0, FINGERPRINT_HEX_LENGTH)}`;
}

/** The fingerprint recorded in a deck's front matter, undefined when there is none. */
export function recordedFingerprint(text: string): string | undefined {
  const lines = deckLines(text);
  const end = frontMatterEnd(lines);
  for (let index = 1; index < end; index += 1) {
    const match = FINGERPRINT_LINE.exec(lines[index] ?? '');
    if (match) return match[1];
  }
  return undefined;
}

/** True when the deck still is exactly what the drafter wrote (it has a fingerprint and it matches). */
export function isUntouchedDraft(text: string): boolean {
  const recorded = recordedFingerprint(text);
  return recorded !== undefined && recorded === deckFingerprint(text);
}

/**
 * Adds the fingerprint line as the last line of the front matter of Markdown from writeDeckMarkdown
 * (which has front matter: it always writes the title). Any fingerprint line already there is replaced.
 */
export function withFingerprint(markdown: string): string {
  const lines = deckLines(markdown);
  const end = frontMatterEnd(lines);
  if (end === -1) throw new Error('withFingerprint: the Markdown has no front matter');
  const kept = lines.filter((line, index) => !(index > 0 && index < end && FINGERPRINT_LINE.test(line)));
  const keptEnd = frontMatterEnd(kept);
  const fingerprint = deckFingerprint(kept.join('\n'));
  kept.splice(keptEnd, 0, `${FINGERPRINT_KEY}: "${fingerprint}"`);
  return kept.join('\n');
}
