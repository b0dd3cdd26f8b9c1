// A small GB18030 encoder for tests, built by inverting Node's own decoder (Node ships no encoder).
// It covers ASCII and the two-byte range (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F), which is GBK:
// every Chinese character and full-width mark in ordinary articles. Four-byte sequences are not covered;
// encodeGb18030 says which characters it could not encode rather than guessing.

let table: Map<string, [number, number]> | undefined;

function twoByteTable(): Map<string, [number, number]> {
  if (table !== undefined) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      // Unassigned pairs decode to U+FFFD; the first pair for a character wins (the canonical one).
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

export function encodeGb18030(text: string): { bytes: Uint8Array; unencodable: string[] } {
  const map = twoByteTable();
  const out: number[] = [];
  const unencodable: string[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = map.get(char);
    if (pair === undefined) unencodable.push(char);
    else out.push(...pair);
  }
  return { bytes: new Uint8Array(out), unencodable };
}
