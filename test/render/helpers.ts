// Small builders for render tests: a SourceDeck from slides written inline.

import type { SourceDeck, SourceSlide } from '../../src/deck/model.ts';

export const FILE = 'slides/字/文 章.md';

export function slide(body: string, extra: Partial<SourceSlide> = {}): SourceSlide {
  return { body, notes: '', attributes: {}, line: 1, vertical: [], ...extra };
}

export function deck(...slides: SourceSlide[]): SourceDeck {
  return { file: FILE, frontMatter: { title: 'T' }, slides };
}
