// readCoverage answers from the cmap's ranges what readCmap's full map answers, for every code point.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { readCmap, readCoverage } from '../../src/fonts/cmap.ts';
import { fontPath, SOURCE_FACES } from '../../src/fonts/faces.ts';

test('readCoverage agrees with readCmap on every code point of each bundled face', async () => {
  for (const face of SOURCE_FACES) {
    const font = new Uint8Array(await readFile(fontPath(face)));
    const map = readCmap(font);
    const has = readCoverage(font);
    assert.ok(map.size > 20_000, `${face.family}: a CJK font maps tens of thousands of code points`);
    const disagreements: number[] = [];
    for (let codePoint = 0; codePoint <= 0x3ffff; codePoint++) {
      if (has(codePoint) !== map.has(codePoint)) disagreements.push(codePoint);
    }
    assert.deepEqual(disagreements.slice(0, 10), [], `${face.family} ${face.weight}`);
  }
});
