// Turns one slide chunk into a SourceSlide: splits off the speaker notes at the `Note:` line and lifts
// the `<!-- .slide: … -->` comment into `attributes`.
//
// `line` is the file line of the first line of `body`, so a later stage can add a markdown-it token's
// line (its `map`) to it and point at the exact line in the file. To keep that true, a `.slide` comment
// in the middle of a body is replaced by as many empty lines as it spanned.

import type { SourceSlide } from '../deck/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { parseAttributes } from './read-attributes.ts';
import { createFenceTracker } from './read-fences.ts';
import type { SlideChunk } from './read-slides.ts';

/** reveal.js reads its notes separator case-insensitively; up to 3 spaces keep it out of an indented code block. */
const NOTE_LINE = /^ {0,3}note:[ \t]?(.*)$/i;
const SLIDE_COMMENT = /<!--\s*\.slide:([\s\S]*?)-->/g;

export interface ReadSlide {
  /** undefined when the chunk holds nothing but whitespace. */
  slide: SourceSlide | undefined;
  diagnostics: Diagnostic[];
}

export function readSlide(chunk: SlideChunk, file: string): ReadSlide {
  if (chunk.lines.every(isBlank)) return { slide: undefined, diagnostics: [] };
  const { bodyLines, notesLines, fenced } = splitNotes(chunk.lines);
  const diagnostics: Diagnostic[] = [];
  const attributes: Record<string, string> = {};
  const body = bodyLines.join('\n').replace(SLIDE_COMMENT, (comment: string, inner: string, offset: number) => {
    const index = lineIndexAt(bodyLines, offset);
    if (fenced.has(index)) return comment;
    const parsed = parseAttributes(inner);
    Object.assign(attributes, parsed.attributes);
    if (parsed.rest !== '') {
      diagnostics.push({
        severity: 'warning',
        message: `看不懂 .slide 注释中的“${parsed.rest}”；属性请写成 key="value"`,
        file,
        line: chunk.firstLine + index,
      });
    }
    return '\n'.repeat(countNewlines(comment));
  });
  const trimmedBody = trimBlankLines(body.split('\n'));
  const notes = trimBlankLines(notesLines).text;
  const line =
    trimmedBody.text !== ''
      ? chunk.firstLine + trimmedBody.leading
      : chunk.firstLine + chunk.lines.findIndex((text) => !isBlank(text));
  return {
    slide: { body: trimmedBody.text, notes, attributes, line, vertical: [] },
    diagnostics,
  };
}

interface NotesSplit {
  bodyLines: string[];
  notesLines: string[];
  /** Indexes (into bodyLines) of lines inside fenced code blocks. */
  fenced: Set<number>;
}

function splitNotes(lines: string[]): NotesSplit {
  const fences = createFenceTracker();
  const fenced = new Set<number>();
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (fences.step(line)) {
      fenced.add(index);
      continue;
    }
    const match = NOTE_LINE.exec(line);
    if (match !== null) {
      return { bodyLines: lines.slice(0, index), notesLines: [match[1] ?? '', ...lines.slice(index + 1)], fenced };
    }
  }
  return { bodyLines: lines, notesLines: [], fenced };
}

function lineIndexAt(lines: string[], offset: number): number {
  let seen = 0;
  for (let index = 0; index < lines.length; index += 1) {
    seen += (lines[index] ?? '').length + 1;
    if (offset < seen) return index;
  }
  return lines.length - 1;
}

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count += 1;
  return count;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Drops blank lines at both ends; `leading` is how many were dropped at the start. */
function trimBlankLines(lines: string[]): { text: string; leading: number } {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start] ?? '')) start += 1;
  while (end > start && isBlank(lines[end - 1] ?? '')) end -= 1;
  return { text: lines.slice(start, end).join('\n'), leading: start };
}
