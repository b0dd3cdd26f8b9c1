// A minimal WOFF2 reader for tests: only what sfntToWoff2 writes (explicit tags, null transforms, no
// metadata). It rebuilds the SFNT so tests can read the subset's cmap and compare tables byte for byte.
import { brotliDecompressSync } from 'node:zlib';

function readBase128(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[at + i] as number;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
  }
  throw new Error('UIntBase128 longer than 5 bytes');
}

export interface Woff2Font {
  flavor: number;
  length: number;
  totalSfntSize: number;
  tables: Map<string, Uint8Array>;
}

export function decodeWoff2(woff2: Uint8Array): Woff2Font {
  const view = new DataView(woff2.buffer, woff2.byteOffset, woff2.byteLength);
  if (view.getUint32(0) !== 0x774f4632) throw new Error('not WOFF2');
  const count = view.getUint16(12);
  const entries: Array<{ tag: string; length: number }> = [];
  let at = 48;
  for (let i = 0; i < count; i++) {
    const flags = woff2[at++] as number;
    if ((flags & 0x3f) !== 0x3f) throw new Error('known-tag index not expected');
    const tag = String.fromCharCode(...woff2.subarray(at, at + 4));
    at += 4;
    const { value, next } = readBase128(woff2, at);
    at = next;
    const version = flags >> 6;
    const isNull = tag === 'glyf' || tag === 'loca' ? version === 3 : version === 0;
    if (!isNull) throw new Error(`${tag}: transformed, not expected`);
    entries.push({ tag, length: value });
  }
  const compressedLength = view.getUint32(20);
  const data = brotliDecompressSync(woff2.subarray(at, at + compressedLength));
  const tables = new Map<string, Uint8Array>();
  let offset = 0;
  for (const entry of entries) {
    tables.set(entry.tag, new Uint8Array(data.subarray(offset, offset + entry.length)));
    offset += entry.length;
  }
  if (offset !== data.byteLength) throw new Error('table lengths do not add up to the stream');
  return { flavor: view.getUint32(4), length: view.getUint32(8), totalSfntSize: view.getUint32(16), tables };
}

/** An SFNT from a decoded WOFF2 (tables sorted, 4-byte aligned); checksums are left zero. */
export function toSfnt(font: Woff2Font): Uint8Array {
  const tables = [...font.tables].sort(([a], [b]) => (a < b ? -1 : 1));
  const size = 12 + 16 * tables.length + tables.reduce((sum, [, data]) => sum + ((data.byteLength + 3) & ~3), 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, font.flavor);
  view.setUint16(4, tables.length);
  let offset = 12 + 16 * tables.length;
  tables.forEach(([tag, data], i) => {
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[record + c] = tag.charCodeAt(c);
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.byteLength);
    out.set(data, offset);
    offset += (data.byteLength + 3) & ~3;
  });
  return out;
}
