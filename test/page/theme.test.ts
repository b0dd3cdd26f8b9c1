import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { DEFAULT_THEMES_DIR, listThemes, loadTheme, themeAssetFiles } from '../../src/page/theme.ts';
import { themePreferences } from '../../src/page/theme-preferences.ts';

async function themesFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dangke-themes-'));
  await mkdir(join(dir, 'hong', 'fonts'), { recursive: true });
  await writeFile(join(dir, 'hong', 'theme.css'), ':root { --dangke-center: true; }');
  await writeFile(join(dir, 'hong', 'fonts', 'a.woff2'), 'x');
  await writeFile(join(dir, 'hong', '.DS_Store'), 'x');
  await mkdir(join(dir, 'lan'));
  await writeFile(join(dir, 'lan', 'theme.css'), '');
  await mkdir(join(dir, 'empty')); // no theme.css: not a theme
  return dir;
}

test('loadTheme: the shipped dangzheng theme', async () => {
  const theme = await loadTheme('dangzheng', DEFAULT_THEMES_DIR);
  assert.equal(theme.name, 'dangzheng');
  assert.match(theme.css, /--dk-red/);
  assert.equal(theme.dir, join(DEFAULT_THEMES_DIR, 'dangzheng'));
});

test('loadTheme: unknown theme → UserError listing the themes that exist', async () => {
  const dir = await themesFixture();
  await assert.rejects(loadTheme('lv', dir), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(error.message, /Unknown theme "lv"/);
    assert.match(error.hint ?? '', /hong, lan/);
    assert.doesNotMatch(error.hint ?? '', /empty/);
    return true;
  });
});

test('loadTheme: a name that walks out of themes/ is refused', async () => {
  const dir = await themesFixture();
  await assert.rejects(loadTheme('../hong', join(dir, 'lan')), UserError);
  await assert.rejects(loadTheme('hong/../lan', dir), UserError);
});

test('listThemes: sorted folders with a theme.css; a missing folder lists none', async () => {
  assert.deepEqual(await listThemes(await themesFixture()), ['hong', 'lan']);
  assert.deepEqual(await listThemes('/nonexistent/themes'), []);
});

test('themeAssetFiles: everything but theme.css and dot files', async () => {
  const theme = await loadTheme('hong', await themesFixture());
  assert.deepEqual(await themeAssetFiles(theme), ['fonts/a.woff2']);
});

test('themePreferences: read from custom properties, defaults otherwise', () => {
  assert.deepEqual(themePreferences(''), { center: false, transition: 'slide', display: 'block' });
  assert.deepEqual(themePreferences(':root{--dangke-center: true;--dangke-transition:fade;--dangke-display:flex}'), {
    center: true,
    transition: 'fade',
    display: 'flex',
  });
  assert.equal(themePreferences(':root{--dangke-transition: wobble}').transition, 'slide');
});
