// The single-file deck as text: everything inline, nothing it would have to fetch, images and theme
// files as data: URLs. (test/export/single-file-in-browser.test.ts opens it in Chromium.)
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { inlineSlideImages, inlineThemeUrls, writeSingleFile } from '../../src/page/single-file.ts';
import { DEFAULT_THEMES_DIR } from '../../src/page/theme.ts';
import { awkwardTempDir } from '../helpers/browser.ts';
import { fiveSlideDeck } from '../helpers/browser-deck.ts';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('writeSingleFile: one file with the script, styles and fonts inline, nothing to fetch', async () => {
  const dir = await awkwardTempDir();
  const file = join(dir, '两学一做.html');
  const result = await writeSingleFile(fiveSlideDeck(), file);
  assert.equal(result.file, file);
  const html = await readFile(file, 'utf8');
  assert.equal(result.bytes, Buffer.byteLength(html));
  assert.ok(html.startsWith('<!doctype html>\n<html lang="zh-CN" class="theme-dangzheng aspect-16x9">'));
  assert.doesNotMatch(html, /<script src=|<link /, 'no external script or style sheet');
  assert.equal((html.match(/src: url\("data:font\/woff2;base64,/g) ?? []).length, 3, 'three embedded faces');
  assert.match(html, /<style data-dangke-fonts>/);
  assert.match(html, /reveal\.js - Speaker View/, 'the notes plugin is inline');
  assert.doesNotMatch(html.replace(/https?:\/\/github\.com\/markedjs\/marked|"https?:\/\/"/g, ''), /https?:\/\/[a-z]/i, 'no remote URL');
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '').join('\n');
  for (const url of styles.replace(/\/\*[\s\S]*?\*\//g, '').match(/url\(([^)]*)\)/g) ?? []) assert.match(url, /^url\(["']?(data:|#)/, url);
  assert.equal(html.match(/<\/script>/g)?.length, 2, 'the config and the inlined script, nothing closes early');
  assert.ok(result.bytes < 2_000_000, `${result.bytes} bytes`);
});

test('writeSingleFile: the theme from the front matter or options; an unknown one lists the themes', async () => {
  const dir = await awkwardTempDir();
  const deck = fiveSlideDeck();
  deck.frontMatter.theme = 'jianyue';
  await writeSingleFile(deck, join(dir, 'a.html'));
  assert.match(await readFile(join(dir, 'a.html'), 'utf8'), /class="theme-jianyue aspect-16x9"[\s\S]*--jy-red/);
  await assert.rejects(writeSingleFile(deck, join(dir, 'b.html'), { themeName: 'nope' }), (error: unknown) => {
    return error instanceof UserError && /dangzheng, jianyue/.test(error.hint ?? '');
  });
});

test('writeSingleFile: a theme\'s own images and the slides\' relative images become data: URLs', async () => {
  const themesDir = await mkdtemp(join(tmpdir(), 'dangke-themes-'));
  await mkdir(join(themesDir, 'tu', 'img'), { recursive: true });
  await writeFile(join(themesDir, 'tu', 'theme.css'), '.reveal{background:url("img/dang hui.png")} .x{background:url(#a)}');
  await writeFile(join(themesDir, 'tu', 'img', 'dang hui.png'), PNG);
  const deckDir = await awkwardTempDir();
  await writeFile(join(deckDir, '图.png'), PNG);
  const deck = fiveSlideDeck();
  deck.sectionsHtml += '\n<section class="points"><h2>图</h2><p><img src="%E5%9B%BE.png" alt="图"><img src="missing.png"></p></section>';
  const file = join(deckDir, 'out.html');
  await writeSingleFile(deck, file, { themeName: 'tu', themesDir, assetsBaseDir: deckDir });
  const html = await readFile(file, 'utf8');
  const pngUrl = `data:image/png;base64,${PNG.toString('base64')}`;
  assert.ok(html.includes(`.reveal{background:url("${pngUrl}")}`), 'theme image inlined');
  assert.ok(html.includes('url(#a)'), 'fragment urls untouched');
  assert.ok(html.includes(`<img src="${pngUrl}" alt="图">`), 'slide image inlined');
  assert.ok(html.includes('<img src="missing.png">'), 'a missing image keeps its path');
});

test('inlineThemeUrls / inlineSlideImages: data: and remote URLs are left alone', async () => {
  const files = [{ path: 'a.png', data: PNG }];
  assert.equal(inlineThemeUrls('x{a:url(data:image/png;base64,AA)}', files), 'x{a:url(data:image/png;base64,AA)}');
  assert.equal(inlineThemeUrls("x{a:url('./a.png')}", files), `x{a:url("data:image/png;base64,${PNG.toString('base64')}")}`);
  const html = '<img src="https://example.org/a.png"><img src="data:image/png;base64,AA">';
  assert.equal(await inlineSlideImages(html, DEFAULT_THEMES_DIR), html);
  assert.equal(await inlineSlideImages('<img src="a.png">', undefined), '<img src="a.png">');
});
