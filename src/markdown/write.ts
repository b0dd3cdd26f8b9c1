// Write: DraftDeck -> Markdown in our dialect (front matter, `---` between slides, `Note:` notes,
// `<!-- .slide: -->` attributes). This is the file people edit; it should read like one a person wrote.

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
  }
}

function writeRuns(runs: readonly Run[]): string {
  return runs.map((run) => (run.strong ? `**${escapeInline(run.text)}**` : escapeInline(run.text))).join('');
}
