// Splits the deck body into slide chunks at separator lines, the way reveal.js's Markdown plugin does:
// a line `---` starts a new horizontal slide, a line `--` a vertical one below it. Unlike reveal.js,
// separators inside fenced code blocks are ignored, so a code sample may contain `---`.

import type { Diagnostic } from '../diagnostics.ts';
import { createFenceTracker } from './read-fences.ts';

/** Trailing spaces are invisible in an editor, so `--- ` still counts as a separator. */
const HORIZONTAL = /^---[ \t]*$/;
const VERTICAL = /^--[ \t]*$/;

export interface SlideChunk {
  kind: 'horizontal' | 'vertical';
  lines: string[];
  /** 1-based line in the file of lines[0]. */
  firstLine: number;
}

export interface SplitSlides {
  chunks: SlideChunk[];
  diagnostics: Diagnostic[];
}

/** `firstLine` is the 1-based file line of lines[0]. */
export function splitSlides(lines: string[], firstLine: number, file: string): SplitSlides {
  const chunks: SlideChunk[] = [];
  const fences = createFenceTracker();
  let current: SlideChunk = { kind: 'horizontal', lines: [], firstLine };
  lines.forEach((line, index) => {
    const inFence = fences.step(line);
    const kind = inFence ? undefined : separatorKind(line);
    if (kind === undefined) {
      current.lines.push(line);
      return;
    }
    chunks.push(current);
    current = { kind, lines: [], firstLine: firstLine + index + 1 };
  });
  chunks.push(current);
  const diagnostics: Diagnostic[] = [];
  if (fences.openAt !== undefined) {
    diagnostics.push({
      severity: 'warning',
      message: '代码块没有结束：它后面的幻灯片分隔线都会被当成代码',
      file,
      line: firstLine + fences.openAt,
    });
  }
  return { chunks, diagnostics };
}

function separatorKind(line: string): SlideChunk['kind'] | undefined {
  if (HORIZONTAL.test(line)) return 'horizontal';
  if (VERTICAL.test(line)) return 'vertical';
  return undefined;
}
