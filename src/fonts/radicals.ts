// Kangxi Radicals (U+2F00–U+2FDF) and CJK Radicals Supplement (U+2E80–U+2EFF) share their glyphs with
// common ideographs in Noto CJK: ⼀ and 一, ⼤ and 大, ⺠ and 民. Chromium's PDF writer names each glyph by
// the lowest code point the font maps to it, and the radicals sort first, so a font that maps both makes
// the PDF's text read ⼀⼤⺠ and breaks search and copy. A subset holds only the deck's characters, so this
// happens only when a deck contains a radical and its twin; then the radical gives way. Pure.

export function isRadical(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x2eff) || (code >= 0x2f00 && code <= 0x2fdf);
}

/** Radicals in a cmap whose glyph some other (non-radical) code point maps to as well. */
export function radicalsSharingGlyphs(cmap: ReadonlyMap<number, number>): number[] {
  const glyphsOfOthers = new Set<number>();
  for (const [code, glyph] of cmap) if (!isRadical(code)) glyphsOfOthers.add(glyph);
  return [...cmap].filter(([code, glyph]) => isRadical(code) && glyphsOfOthers.has(glyph)).map(([code]) => code);
}

export function containsRadical(characters: string): boolean {
  for (const char of characters) if (isRadical(char.codePointAt(0) as number)) return true;
  return false;
}

export function withoutCodePoints(characters: string, codes: readonly number[]): string {
  const drop = new Set(codes);
  return [...characters].filter((char) => !drop.has(char.codePointAt(0) as number)).join('');
}
