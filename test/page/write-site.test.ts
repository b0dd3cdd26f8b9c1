import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir } from '../helpers/browser.ts';
import { fiveSlideDeck } from '../helpers/browser-deck.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

test('writeDeckSite: index.html and its assets, no temp files left', async () => {
  const outDir = await awkwardTempDir();
  const { indexHtml } = await writeDeckSite(fiveSlideDeck(), outDir);
  assert.equal(indexHtml, join(outDir, 'index.html'));
  const files = await filesUnder(outDir);
  const fonts = files.filter((file) => file.endsWith('.woff2'));
  assert.deepEqual(
    files.filter((file) => !file.endsWith('.woff2')),
    ['assets/base.css', 'assets/deck.js', 'assets/fonts.css', 'assets/fonts/OFL-noto-sans-sc.txt', 'assets/fonts/OFL-noto-serif-sc.txt', 'assets/reveal.css', 'assets/theme.css', 'index.html'],
  );
  assert.equal(fonts.length, 3);
  for (const file of fonts) assert.match(file, /^assets\/fonts\/(sans|serif)-\d{3}-[0-9a-f]{10}\.woff2$/);
  const html = await readFile(indexHtml, 'utf8');
  // fonts.css before the style sheets: the faces exist before their stacks name them; the base under the theme.
  assert.match(
    html,
    /href="assets\/reveal.css">\n<link rel="stylesheet" href="assets\/fonts.css" data-dangke-fonts>\n<link rel="stylesheet" href="assets\/base.css">\n<link rel="stylesheet" href="assets\/theme.css"/,
  );
  assert.match(html, /<section class="cover">/);
});

test('writeDeckSite: fonts.css names the written subsets, relative to itself, and nothing remote', async () => {
  const outDir = await awkwardTempDir();
  await writeDeckSite(fiveSlideDeck(), outDir);
  const css = await readFile(join(outDir, 'assets', 'fonts.css'), 'utf8');
  const urls = [...css.matchAll(/url\("([^"]+)"\)/g)].map((match) => match[1] ?? '');
  const written = (await filesUnder(join(outDir, 'assets'))).filter((file) => file.endsWith('.woff2'));
  assert.deepEqual(urls.sort(), written.sort());
  assert.match(css, /font-family: "Dangke Sans";/);
  assert.match(css, /font-family: "Dangke Serif";/);
  assert.match(css, /font-display: block;/);
  assert.doesNotMatch(css, /https?:|@import/);
});

test('writeDeckSite: the theme draws with the bundled faces first, system fonts after', async () => {
  const outDir = await awkwardTempDir();
  await writeDeckSite(fiveSlideDeck(), outDir);
  const css = await readFile(join(outDir, 'assets', 'theme.css'), 'utf8');
  assert.match(css, /--dk-serif: "Dangke Serif", "Noto Serif CJK SC"/);
  assert.match(css, /--dk-sans: "Dangke Sans", "Noto Sans CJK SC"/);
});

test('writeDeckSite: the theme CSS is the dangzheng theme and loads nothing remote', async () => {
  const outDir = await awkwardTempDir();
  await writeDeckSite(fiveSlideDeck(), outDir);
  const css = (await readFile(join(outDir, 'assets', 'theme.css'), 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
  assert.match(css, /--dk-red/);
  assert.doesNotMatch(css, /@import|https?:/);
  for (const url of css.match(/url\(([^)]*)\)/g) ?? []) assert.match(url, /^url\(["']?data:/);
});

test('writeDeckSite: writing twice replaces the files (same content)', async () => {
  const outDir = await awkwardTempDir();
  await writeDeckSite(fiveSlideDeck(), outDir);
  const before = await readFile(join(outDir, 'index.html'), 'utf8');
  const filesBefore = await filesUnder(outDir);
  await writeDeckSite(fiveSlideDeck(), outDir);
  assert.equal(await readFile(join(outDir, 'index.html'), 'utf8'), before);
  assert.deepEqual(await filesUnder(outDir), filesBefore, 'same font files (content-hashed names)');
});

test('writeDeckSite: an unknown theme from the front matter is a UserError and writes nothing', async () => {
  const outDir = await awkwardTempDir();
  const deck = fiveSlideDeck();
  deck.frontMatter.theme = 'no-such-theme';
  await assert.rejects(writeDeckSite(deck, outDir), (error: unknown) => error instanceof UserError && /dangzheng/.test(error.hint ?? ''));
  assert.deepEqual(await filesUnder(outDir), []);
});

test('writeDeckSite: options.themeName overrides the front matter', async () => {
  const outDir = await awkwardTempDir();
  const deck = fiveSlideDeck();
  deck.frontMatter.theme = 'no-such-theme';
  await writeDeckSite(deck, outDir, { themeName: 'dangzheng' });
  assert.match(await readFile(join(outDir, 'index.html'), 'utf8'), /theme-dangzheng/);
});
