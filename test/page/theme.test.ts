import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { baseCss, DEFAULT_THEMES_DIR, listThemes, loadTheme, themeAssetFiles } from '../../src/page/theme.ts';
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
  await mkdir(join(dir, '_base'));
  await writeFile(join(dir, '_base', 'theme.css'), ''); // "_" folders are not themes
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

test('listThemes: the shipped themes', async () => {
  const themes = await listThemes(DEFAULT_THEMES_DIR);
  assert.ok(themes.includes('dangzheng') && themes.includes('jianyue'), themes.join(', '));
});

test('loadTheme: an unknown name lists the shipped themes in its hint', async () => {
  await assert.rejects(loadTheme('hongse', DEFAULT_THEMES_DIR), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(error.hint ?? '', /dangzheng, jianyue/);
    return true;
  });
});

/** Layout and variant classes a theme must style (what the drafter emits), and the page's own parts. */
const STYLED_CLASSES = [
  'cover', 'agenda', 'divider', 'points', 'cards', 'stats', 'quote', 'timeline', 'closing', 'end',
  'two-columns', 'dangke-footer', 'dangke-footer-number', 'dangke-footer-title',
];

for (const name of ['dangzheng', 'jianyue']) {
  test(`theme ${name}: styles every layout and variant, draws with the bundled fonts, loads nothing`, async () => {
    const theme = await loadTheme(name, DEFAULT_THEMES_DIR);
    // The theme as drawn: the shared base under the theme's own rules.
    const css = `${await baseCss()}\n${theme.css}`.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const cls of STYLED_CLASSES) assert.match(css, new RegExp(`\\.${cls}\\b`), `${name} styles .${cls}`);
    assert.match(css, /html\.aspect-4x3/, `${name} adapts to 4:3`);
    assert.match(css, /"Dangke Serif", "Noto Serif CJK SC"/);
    assert.match(css, /"Dangke Sans", "Noto Sans CJK SC"/);
    assert.match(css, /line-break: strict/);
    assert.match(css, /text-spacing-trim: trim-start/);
    assert.match(css, /text-wrap: balance/);
    assert.doesNotMatch(css, /text-align:\s*justify/);
    assert.doesNotMatch(css, /@import|https?:/);
    assert.deepEqual(themePreferences(theme.css), { center: false, transition: 'fade', display: 'flex' });
  });
}
