// A minimal ZIP writer for tests (APPNOTE.TXT §4.3): stored or deflated parts, with the sizes the central
// directory declares chosen by the test, so a test can build a file that lies about them. No CRC checks are
// made by the reader under test, so the CRC is written as 0.

import { deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Compressed bytes for method 8 (see deflated), the bytes themselves for method 0. */
  data: Uint8Array;
  method: 0 | 8;
  /** What the central directory says the part inflates to. */
  declaredSize: number;
}

export function deflated(name: string, content: Uint8Array | string, declaredSize?: number): ZipPart {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, data: deflateRawSync(bytes), method: 8, declaredSize: declaredSize ?? bytes.byteLength };
}

export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.data.byteLength, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, Buffer.from(part.data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.data.byteLength, 20);
    central.writeUInt32LE(part.declaredSize, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.byteLength + part.data.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
