// Reading a .zip (an Office file) in tests with node:zlib alone: the central directory lists every entry;
// each is stored or deflated. Enough for packages we write ourselves; not a general zip reader (no zip64).

import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Every file in the archive by its name, uncompressed. Throws on anything that is not a well-formed zip. */
export function readZip(bytes: Uint8Array): Map<string, Buffer> {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = data.readUInt16LE(end + 10);
  let cursor = data.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let entry = 0; entry < count; entry += 1) {
    if (data.readUInt32LE(cursor) !== CENTRAL_ENTRY) throw new Error(`zip: bad central directory entry ${entry}`);
    const method = data.readUInt16LE(cursor + 10);
    const compressedSize = data.readUInt32LE(cursor + 20);
    const size = data.readUInt32LE(cursor + 24);
    const nameLength = data.readUInt16LE(cursor + 28);
    const extraLength = data.readUInt16LE(cursor + 30);
    const commentLength = data.readUInt16LE(cursor + 32);
    const localOffset = data.readUInt32LE(cursor + 42);
    const name = data.toString('utf8', cursor + 46, cursor + 46 + nameLength);
    if (data.readUInt32LE(localOffset) !== LOCAL_HEADER) throw new Error(`zip: bad local header for ${name}`);
    const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const raw = data.subarray(start, start + compressedSize);
    const content = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : undefined;
    if (content === undefined) throw new Error(`zip: ${name} uses compression method ${method}`);
    if (content.length !== size) throw new Error(`zip: ${name} is ${content.length} bytes, the directory says ${size}`);
    files.set(name, content);
    cursor += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/**
 * Checks that an XML part is well formed (tags nest and close, one root) and returns its elements' names in
 * document order. A small checker, not a parser: enough to catch a part Word would refuse as corrupt.
 */
export function assertWellFormedXml(xml: string, part: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<\?[^?]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/g;
  for (const match of xml.matchAll(tag)) {
    const [whole, closing, name, , selfClosing] = match;
    if (whole === '<') throw new Error(`${part}: a stray "<" at ${match.index}`);
    if (whole.startsWith('&')) throw new Error(`${part}: an unescaped "&" at ${match.index}`);
    if (name === undefined) continue;
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) throw new Error(`${part}: </${name}> closes <${open ?? 'nothing'}> at ${match.index}`);
      continue;
    }
    if (stack.length === 0) roots += 1;
    names.push(name);
    if (selfClosing !== '/') stack.push(name);
  }
  if (stack.length > 0) throw new Error(`${part}: <${stack.at(-1)}> is never closed`);
  if (roots !== 1) throw new Error(`${part}: ${roots} root elements`);
  return names;
}
