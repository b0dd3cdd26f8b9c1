// Reads the character map (cmap) of an SFNT font (TrueType/OpenType) without a font library: which
// code points the font maps, and to which glyph. Used to prove a subset maps 一 only to U+4E00 and never
// to the Kangxi radical ⼀ (U+2F00), which is what Chromium's PDF writer would otherwise pick for its
// ToUnicode table. Pure: bytes in, a map out. Reads formats 4 (BMP) and 12 (full Unicode), the two a
// Unicode font carries; anything else is ignored.

/** Code point → glyph id, from the best Unicode subtable (format 12 preferred over format 4). */
export function readCmap(font: Uint8Array): Map<number, number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const best = bestSubtable(view);
  if (best === undefined) return new Map();
  return best.format === 12 ? readFormat12(view, best.offset) : readFormat4(view, best.offset);
}

/**
 * Whether the font maps a code point, answered from the subtable's ranges: for a format 12 table (a CJK
 * font's 30,000 code points in a few thousand ranges) no map of every code point is built, which was most
 * of `check`'s own start-up. Same answers as `readCmap(font).has(codePoint)`.
 */
export function readCoverage(font: Uint8Array): (codePoint: number) => boolean {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const best = bestSubtable(view);
  if (best === undefined) return () => false;
  if (best.format === 4) {
    const map = readFormat4(view, best.offset);
    return (codePoint) => map.has(codePoint);
  }
  const groups = view.getUint32(best.offset + 12);
  const starts = new Uint32Array(groups);
  const ends = new Uint32Array(groups);
  for (let g = 0; g < groups; g++) {
    const group = best.offset + 16 + g * 12;
    starts[g] = view.getUint32(group);
    ends[g] = view.getUint32(group + 4);
  }
  // Groups are sorted by start code (the format requires it): binary search for the last start ≤ code.
  return (codePoint) => {
    let low = 0;
    let high = groups - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (starts[middle]! <= codePoint) low = middle + 1;
      else high = middle - 1;
    }
    return high >= 0 && codePoint <= ends[high]!;
  };
}

/** The best Unicode subtable: format 12 preferred over format 4; undefined when the font has neither. */
function bestSubtable(view: DataView): { format: number; offset: number } | undefined {
  const cmapOffset = tableOffset(view, 'cmap');
  if (cmapOffset === undefined) throw new Error('font has no cmap table');
  const count = view.getUint16(cmapOffset + 2);
  let best: { format: number; offset: number } | undefined;
  for (let i = 0; i < count; i++) {
    const record = cmapOffset + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const offset = cmapOffset + view.getUint32(record + 4);
    // Unicode platform (0), or Windows (3) with BMP (1) or full repertoire (10) encoding.
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(offset);
    if (format !== 4 && format !== 12) continue;
    if (best === undefined || (format === 12 && best.format === 4)) best = { format, offset };
  }
  return best;
}

function tableOffset(view: DataView, tag: string): number | undefined {
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    if (name === tag) return view.getUint32(record + 8);
  }
  return undefined;
}

function readFormat4(view: DataView, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (code + delta) & 0xffff;
      } else {
        const raw = view.getUint16(rangeOffsetAt + rangeOffset + (code - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(code, glyph);
    }
  }
  return map;
}

function readFormat12(view: DataView, offset: number): Map<number, number> {
  const map = new Map<number, number>();
  const groups = view.getUint32(offset + 12);
  for (let g = 0; g < groups; g++) {
    const group = offset + 16 + g * 12;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const first = view.getUint32(group + 8);
    for (let code = start; code <= end; code++) map.set(code, first + (code - start));
  }
  return map;
}
