// The PAGE edge: writes a deck as a folder that opens from file:// with no server and no network.
//   outDir/index.html, outDir/assets/{deck.js, reveal.css, fonts.css, fonts/*.woff2, theme.css, …theme files}
// The single-file deck (single-file.ts) is made from the same gathered assets (gatherDeckAssets).
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RenderedDeck } from '../deck/model.ts';
import { ExitCode, UserError } from '../errors.ts';
import { charactersUsed } from '../fonts/characters.ts';
import { fontFaceCss } from '../fonts/font-face-css.ts';
import { bundledLicenseFiles, subsetDeckFontData, writeDeckFonts, type DeckFontData } from '../fonts/subset.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { bundleRevealScript, revealCss } from './bundle.ts';
import { clientCharacters } from './client/labels.ts';
import { renderPageHtml } from './page.ts';
import { DEFAULT_THEME, DEFAULT_THEMES_DIR, loadTheme, themeAssetFiles, type Theme } from './theme.ts';

export const ASSETS_DIR = 'assets';
const SCRIPT_FILE = 'deck.js';
const REVEAL_CSS_FILE = 'reveal.css';
const THEME_CSS_FILE = 'theme.css';
/** @font-face rules for the bundled subsets in fonts/ (see src/fonts): linked before the theme. */
const FONTS_CSS_FILE = 'fonts.css';
const FONTS_DIR = 'fonts';
const RESERVED = new Set([SCRIPT_FILE, REVEAL_CSS_FILE, THEME_CSS_FILE, FONTS_CSS_FILE]);

export interface WriteDeckSiteOptions {
  /** Overrides the front matter's `theme:`; the default is "dangzheng". */
  themeName?: string;
  themesDir?: string;
}

/** A file of the theme besides theme.css (fonts, images), by its path relative to the theme folder. */
export interface ThemeFile {
  path: string;
  data: Uint8Array;
}

/** Everything a deck's page is made of, in memory: both the folder deck and the single file use it. */
export interface DeckAssets {
  theme: Theme;
  /** The bundled classic script (reveal.js, notes plugin, our client). */
  script: string;
  /** reveal.js's reset.css and reveal.css. */
  revealCss: string;
  /** The bundled font subsets with their bytes. */
  fonts: DeckFontData[];
  themeFiles: ThemeFile[];
}

async function ensureDir(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw new UserError(`Could not create the folder ${path}.`, { exitCode: ExitCode.output, cause: error });
  }
}

async function readThemeFiles(theme: Theme): Promise<ThemeFile[]> {
  const files: ThemeFile[] = [];
  for (const path of await themeAssetFiles(theme)) {
    if (RESERVED.has(path)) {
      throw new UserError(`Theme "${theme.name}" has a file named ${path}, which dangke writes itself.`, {
        hint: 'Rename or move that file inside the theme folder.',
      });
    }
    files.push({ path, data: await readFile(join(theme.dir, path)) });
  }
  return files;
}

/**
 * Loads the theme (a UserError listing the themes there are when it is unknown), bundles the script and
 * subsets the fonts to the deck's characters. Nothing is written.
 */
export async function gatherDeckAssets(deck: RenderedDeck, options: WriteDeckSiteOptions = {}): Promise<DeckAssets> {
  const themeName = options.themeName ?? deck.frontMatter.theme ?? DEFAULT_THEME;
  const theme = await loadTheme(themeName, options.themesDir ?? DEFAULT_THEMES_DIR);
  // The font subsets (cached, else the slowest step) run while esbuild bundles the script.
  const [script, css, fonts, themeFiles] = await Promise.all([
    bundleRevealScript(),
    revealCss(),
    // The deck's text, and the labels the deck script shows (speaker view): both need glyphs.
    subsetDeckFontData(charactersUsed(deck, clientCharacters())),
    readThemeFiles(theme),
  ]);
  return { theme, script, revealCss: css, fonts, themeFiles };
}

/** Copies a theme's own files (fonts, images) next to theme.css so its relative url()s resolve. */
async function writeThemeFiles(files: readonly ThemeFile[], assetsDir: string): Promise<void> {
  for (const file of files) {
    const target = join(assetsDir, file.path);
    await ensureDir(dirname(target));
    await writeFileAtomic(target, file.data);
  }
}

export async function writeDeckSite(
  deck: RenderedDeck,
  outDir: string,
  options: WriteDeckSiteOptions = {},
): Promise<{ indexHtml: string }> {
  const assets = await gatherDeckAssets(deck, options);
  const assetsDir = join(outDir, ASSETS_DIR);
  await ensureDir(assetsDir);
  const faces = await writeDeckFonts(assets.fonts, join(assetsDir, FONTS_DIR));
  await writeThemeFiles(assets.themeFiles, assetsDir);
  const fontsCss = fontFaceCss(faces, { baseUrl: `${FONTS_DIR}/`, licenseFiles: bundledLicenseFiles() });
  await Promise.all([
    writeFileAtomic(join(assetsDir, SCRIPT_FILE), assets.script),
    writeFileAtomic(join(assetsDir, REVEAL_CSS_FILE), assets.revealCss),
    writeFileAtomic(join(assetsDir, FONTS_CSS_FILE), fontsCss),
    writeFileAtomic(join(assetsDir, THEME_CSS_FILE), assets.theme.css),
  ]);

  // index.html last: whoever sees it (a browser, the dev server's reload) finds its assets already there.
  const html = renderPageHtml(deck, assets.theme, {
    scriptFile: `${ASSETS_DIR}/${SCRIPT_FILE}`,
    styles: [
      { href: `${ASSETS_DIR}/${REVEAL_CSS_FILE}` },
      { href: `${ASSETS_DIR}/${FONTS_CSS_FILE}`, fonts: true },
      { href: `${ASSETS_DIR}/${THEME_CSS_FILE}` },
    ],
  });
  const indexHtml = join(outDir, 'index.html');
  await writeFileAtomic(indexHtml, html);
  return { indexHtml };
}
