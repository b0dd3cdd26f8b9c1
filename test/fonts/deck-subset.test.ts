// What the deck's font subsets are cut to: every character a viewer can see, from the slides, the notes
// (the speaker view shows them), the front matter the footer prints, and the labels the deck script
// itself writes (speaker view, black screen). Checked on the fonts writeDeckSite really writes.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { readCmap } from '../../src/fonts/cmap.ts';
import { clientCharacters, LABELS } from '../../src/page/client/labels.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir } from '../helpers/browser.ts';
import { deckOf } from '../helpers/browser-deck.ts';
import { decodeWoff2, toSfnt } from './woff2-decode.ts';

test('the written subsets hold the slides, notes, footer and the deck script\'s labels', async () => {
  const outDir = await awkwardTempDir();
  const deck = deckOf(
    [{ layout: 'points', html: '<h2>鲜红党旗</h2>\n<ul><li>驻村工作队</li></ul>', notes: '讲稿里才有的字：饕餮' }],
    { title: '题目', shortTitle: '简称甲', organization: '机关乙支部' },
  );
  await writeDeckSite(deck, outDir);
  const fontsDir = join(outDir, 'assets', 'fonts');
  const files = (await readdir(fontsDir)).filter((name) => name.endsWith('.woff2'));
  assert.equal(files.length, 3);
  for (const file of files) {
    const cmap = readCmap(toSfnt(decodeWoff2(new Uint8Array(await readFile(join(fontsDir, file))))));
    const missing = [...`鲜红党旗驻村工作队饕餮简称甲机关乙支部${clientCharacters()}`].filter(
      (char) => !cmap.has(char.codePointAt(0) as number),
    );
    assert.deepEqual(missing, [], `${file} lacks ${missing.join('')}`);
  }
});

test('clientCharacters: every label, nothing else', () => {
  const characters = clientCharacters();
  for (const label of Object.values(LABELS)) assert.ok(characters.includes(label), label);
  assert.match(characters, /下一张/);
  assert.match(characters, /继续放映/);
});
