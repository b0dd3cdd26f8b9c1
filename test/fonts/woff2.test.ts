import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import subsetFont from 'subset-font';
import { readCmap } from '../../src/fonts/cmap.ts';
import { fontPath, SOURCE_FACES } from '../../src/fonts/faces.ts';
import { sfntToWoff2, uintBase128 } from '../../src/fonts/woff2.ts';
import { decodeWoff2, toSfnt } from './woff2-decode.ts';

test('uintBase128: table', () => {
  const cases: Array<[number, number[]]> = [
    [0, [0]],
    [127, [0x7f]],
    [128, [0x81, 0x00]],
    [16_383, [0xff, 0x7f]],
    [185_108, [0x8b, 0xa6, 0x14]],
    [2 ** 32 - 1, [0x8f, 0xff, 0xff, 0xff, 0x7f]],
  ];
  for (const [value, bytes] of cases) assert.deepEqual(uintBase128(value), bytes, String(value));
});

test('sfntToWoff2: round trip keeps every table byte for byte, header sizes right', async () => {
  const face = SOURCE_FACES[0]!;
  const sfnt = new Uint8Array(await subsetFont(await readFile(fontPath(face)), '两学一做党课ABC123', { targetFormat: 'sfnt' }));
  const woff2 = await sfntToWoff2(sfnt);
  assert.equal(String.fromCharCode(...woff2.subarray(0, 4)), 'wOF2');
  assert.equal(woff2.byteLength % 4, 0);
  const decoded = decodeWoff2(woff2);
  assert.equal(decoded.length, woff2.byteLength);
  assert.equal(decoded.flavor, 0x00010000);

  const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const count = view.getUint16(4);
  assert.equal(decoded.tables.size, count);
  let expectedSize = 12 + 16 * count;
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...sfnt.subarray(record, record + 4));
    const table = sfnt.subarray(view.getUint32(record + 8), view.getUint32(record + 8) + view.getUint32(record + 12));
    assert.deepEqual(decoded.tables.get(tag), new Uint8Array(table), tag);
    expectedSize += (table.byteLength + 3) & ~3;
  }
  assert.equal(decoded.totalSfntSize, expectedSize);
  assert.deepEqual(readCmap(toSfnt(decoded)), readCmap(sfnt));
});

test('sfntToWoff2: a font collection is refused', async () => {
  await assert.rejects(sfntToWoff2(new TextEncoder().encode('ttcf\0\0\0\0\0\0\0\0')), /collection/);
});
