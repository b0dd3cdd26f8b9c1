// What every lint rule sees: one deck as read from its Markdown, its slides in reading order with the
// number the deck shows, the file's lines, and the two facts that need the outside world (does an image
// file exist, does the bundled font draw a character), passed in as functions so the rules stay pure.

import type { SourceDeck, SourceSlide } from '../deck/model.ts';
import type { Diagnostic } from '../diagnostics.ts';

/** A diagnostic of `check`: which rule said it and, when it is about one slide, which (1-based). */
export interface CheckDiagnostic extends Diagnostic {
  rule: string;
  slide?: number;
}

export interface CheckedSlide {
  /** 1-based position in reading order (vertical slides included), as the deck's slide number shows it. */
  number: number;
  slide: SourceSlide;
}

/** What probing an image file found. */
export type ImageProbe = 'ok' | 'missing' | 'unreadable' | 'not-a-file';

export interface RuleContext {
  deck: SourceDeck;
  /** The Markdown file as shown in messages (deck.file). */
  file: string;
  /** Absolute folder of the deck file: relative image paths resolve against it. */
  deckDir: string;
  slides: readonly CheckedSlide[];
  /** The file's lines (BOM removed), lines[0] is line 1. */
  lines: readonly string[];
  /** Probes an absolute path; injected so the rule is testable without files. */
  probeImage(path: string): ImageProbe;
  /** True when every bundled face has a glyph for the code point. */
  fontHas(codePoint: number): boolean;
}

export interface Rule {
  /** Short stable name, shown in --json output: "missing-notes". */
  name: string;
  check(context: RuleContext): CheckDiagnostic[];
}

/** Slides in reading order: each horizontal slide, then the vertical ones below it. */
export function slidesInOrder(deck: SourceDeck): CheckedSlide[] {
  const flat: SourceSlide[] = deck.slides.flatMap((slide) => [slide, ...slide.vertical]);
  return flat.map((slide, index) => ({ number: index + 1, slide }));
}

/** The file's lines as the reader numbers them. */
export function fileLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
