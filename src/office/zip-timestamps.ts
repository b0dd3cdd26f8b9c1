// One deck, one file: the same deck gives the same .docx bytes, build after build (two builds at once into
// one folder must leave what one build leaves, and an unchanged output should not look changed). The zip
// writer stamps each entry with the time it was packed; this sets every stamp to 1980-01-01 00:00, the
// earliest date a zip can hold. Pure: returns a patched copy. The CRCs cover contents only, so they stay valid.

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** MS-DOS date of 1980-01-01: (year − 1980) << 9 | month << 5 | day. */
const DOS_DATE_1980 = (1 << 5) | 1;

export function withFixedTimestamps(zip: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new Error('zip without an end of central directory');
  const count = view.getUint16(end + 10, true);
  let cursor = view.getUint32(end + 16, true);
  for (let entry = 0; entry < count; entry += 1) {
    if (view.getUint32(cursor, true) !== CENTRAL_ENTRY) throw new Error(`zip central directory entry ${entry} is damaged`);
    view.setUint16(cursor + 12, 0, true);
    view.setUint16(cursor + 14, DOS_DATE_1980, true);
    const local = view.getUint32(cursor + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new Error(`zip local header of entry ${entry} is damaged`);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DOS_DATE_1980, true);
    cursor += 46 + view.getUint16(cursor + 28, true) + view.getUint16(cursor + 30, true) + view.getUint16(cursor + 32, true);
  }
  return bytes;
}
