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
  assert.deepEqual(await filesUnder(outDir), ['assets/deck.js', 'assets/reveal.css', 'assets/theme.css', 'index.html']);
  const html = await readFile(indexHtml, 'utf8');
  assert.match(html, /href="assets\/theme.css"/);
  assert.match(html, /<section class="cover">/);
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
  await writeDeckSite(fiveSlideDeck(), outDir);
  assert.equal(await readFile(join(outDir, 'index.html'), 'utf8'), before);
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
