// Real subsets of the bundled Noto fonts: files, names, licences, exact cmaps (no radical aliases), cache.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readCmap } from '../../src/fonts/cmap.ts';
import { maxCacheEntries, resolveCacheDir } from '../../src/fonts/cache.ts';
import { subsetDeckFonts } from '../../src/fonts/subset.ts';
import { decodeWoff2, toSfnt } from './woff2-decode.ts';

const CHARACTERS = ' 0123456789“”两学一做大人月日支党课民门，。';

async function temp(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `dangke-${prefix}-字 `));
}

async function cmapOf(path: string): Promise<Map<number, number>> {
  return readCmap(toSfnt(decodeWoff2(new Uint8Array(await readFile(path)))));
}

const codes = (text: string): number[] => [...text].map((char) => char.codePointAt(0) as number).sort((a, b) => a - b);

test('subsetDeckFonts: sans 400/700 and serif 700 as hashed WOFF2 files, with the OFL beside them', async () => {
  const outDir = join(await temp('fonts'), 'assets', 'fonts');
  const faces = await subsetDeckFonts(CHARACTERS, outDir, { cacheDir: await temp('cache') });
  assert.deepEqual(
    faces.map(({ family, weight, style }) => `${family} ${weight} ${style}`),
    ['Dangke Sans 400 normal', 'Dangke Sans 700 normal', 'Dangke Serif 700 normal'],
  );
  for (const face of faces) assert.match(face.file, /^(sans|serif)-\d{3}-[0-9a-f]{10}\.woff2$/);
  const files = (await readdir(outDir)).sort();
  assert.deepEqual(files, [...faces.map((face) => face.file), 'OFL-noto-sans-sc.txt', 'OFL-noto-serif-sc.txt'].sort());
  assert.match(await readFile(join(outDir, 'OFL-noto-sans-sc.txt'), 'utf8'), /SIL Open Font License, Version 1\.1/);
  for (const face of faces) {
    const data = await readFile(join(outDir, face.file));
    assert.equal(data.subarray(0, 4).toString('latin1'), 'wOF2');
    assert.ok(data.byteLength < 40_000, `${face.file}: ${data.byteLength} bytes for a few characters`);
  }
});

test('subsetDeckFonts: each cmap holds exactly the characters asked for, 一 only as U+4E00', async () => {
  const outDir = await temp('fonts');
  const faces = await subsetDeckFonts(CHARACTERS, outDir, { cacheDir: await temp('cache') });
  for (const face of faces) {
    const cmap = await cmapOf(join(outDir, face.file));
    assert.deepEqual([...cmap.keys()].sort((a, b) => a - b), codes(CHARACTERS), face.file);
    assert.ok(![...cmap.keys()].some((code) => code >= 0x2e80 && code <= 0x2fdf), `${face.file}: a radical in the cmap`);
  }
});

test('subsetDeckFonts: a radical beside its twin gives way; a radical alone is kept', async () => {
  const outDir = await temp('fonts');
  const cacheDir = await temp('cache');
  const [withTwin] = await subsetDeckFonts('一⼀民⺠党', outDir, { cacheDir });
  const twinCmap = await cmapOf(join(outDir, withTwin!.file));
  assert.deepEqual([...twinCmap.keys()].sort((a, b) => a - b), codes('一民党'));
  const [alone] = await subsetDeckFonts('⼀党', outDir, { cacheDir });
  assert.deepEqual([...(await cmapOf(join(outDir, alone!.file))).keys()].sort((a, b) => a - b), codes('⼀党'));
});

test('subsetDeckFonts: the second run with the same characters comes from the cache', async () => {
  const cacheDir = await temp('cache');
  const first = await subsetDeckFonts(CHARACTERS, await temp('fonts'), { cacheDir });
  const entries = (await readdir(cacheDir)).sort();
  assert.equal(entries.length, 3);
  const second = await subsetDeckFonts(CHARACTERS, await temp('fonts'), { cacheDir });
  assert.deepEqual(second, first, 'same files, same names');
  assert.deepEqual((await readdir(cacheDir)).sort(), entries, 'no new cache entries');
  // A hit is a file read, not a new subset: with marked entries, the marks are what gets written.
  for (const [index, entry] of entries.entries()) await writeFile(join(cacheDir, entry), `cached ${index}`);
  const markedDir = await temp('fonts');
  const marked = await subsetDeckFonts(CHARACTERS, markedDir, { cacheDir });
  const written = await Promise.all(marked.map((face) => readFile(join(markedDir, face.file), 'utf8')));
  assert.deepEqual(written.sort(), entries.map((_, index) => `cached ${index}`).sort(), 'the subsets come from the cache entries');
  assert.deepEqual((await readdir(cacheDir)).sort(), entries, 'still no new cache entries');
  // New characters: new entries, new file names.
  const third = await subsetDeckFonts(`${CHARACTERS}新`, await temp('fonts'), { cacheDir });
  assert.notDeepEqual(third.map((face) => face.file), first.map((face) => face.file));
  assert.equal((await readdir(cacheDir)).length, 6);
});

test('subsetDeckFonts: subsets of an earlier build are removed, other files in the folder are not', async () => {
  const outDir = await temp('fonts');
  const cacheDir = await temp('cache');
  const old = await subsetDeckFonts('党', outDir, { cacheDir });
  await writeFile(join(outDir, 'theme-own.woff2'), 'x');
  const current = await subsetDeckFonts('党课', outDir, { cacheDir });
  const files = await readdir(outDir);
  for (const face of old) assert.ok(!files.includes(face.file), `${face.file} left behind`);
  for (const face of current) assert.ok(files.includes(face.file));
  assert.ok(files.includes('theme-own.woff2'));
});

test('resolveCacheDir: an unwritable cache folder falls back to the temporary folder', async () => {
  const blocker = join(await temp('cache'), 'a-file');
  await writeFile(blocker, 'x');
  const dir = await resolveCacheDir(join(blocker, 'fonts'));
  assert.ok(dir.startsWith(tmpdir()), dir);
  assert.notEqual(dir, join(blocker, 'fonts'));
  assert.match(await resolveCacheDir(), /node_modules[\\/]\.cache[\\/]dangke[\\/]fonts$/);
});

test('maxCacheEntries: 60 subsets, unless DANGKE_FONT_CACHE_ENTRIES (set by npm test) asks for another positive whole number', () => {
  assert.equal(maxCacheEntries({}), 60);
  assert.equal(maxCacheEntries({ DANGKE_FONT_CACHE_ENTRIES: '900' }), 900);
  for (const value of ['', '0', '-5', '2.5', 'many']) assert.equal(maxCacheEntries({ DANGKE_FONT_CACHE_ENTRIES: value }), 60, value);
});
