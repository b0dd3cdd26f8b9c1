// The PAGE edge: writes a deck as a folder that opens from file:// with no server and no network.
//   outDir/index.html, outDir/assets/{deck.js, reveal.css, fonts.css, fonts/*.woff2, base.css, theme.css, …theme files}
// The single-file deck (single-file.ts) is made from the same gathered assets (gatherDeckAssets), the dev
// build (src/dev/site.ts) from the same files but its own fonts (gatherPageAssets, assetFiles).
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RenderedDeck } from '../deck/model.ts';
import { ExitCode, UserError } from '../errors.ts';
import { charactersUsed } from '../fonts/characters.ts';
import { fontFaceCss } from '../fonts/font-face-css.ts';
import { bundledLicenseFiles, subsetDeckFontData, writeDeckFonts, type DeckFontData } from '../fonts/subset.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { bundleRevealScript, revealCss } from './bundle.ts';
import { clientCharacters } from './client/labels.ts';
import { renderPageHtml, type PageOptions } from './page.ts';
import { baseCss, DEFAULT_THEME, DEFAULT_THEMES_DIR, loadTheme, themeAssetFiles, type Theme } from './theme.ts';

export const ASSETS_DIR = 'assets';
/** The files dangke writes into assets/ (a theme may not bring files of these names). */
export const DECK_FILES = {
  script: 'deck.js',
  revealCss: 'reveal.css',
  /** @font-face rules for the bundled fonts (see src/fonts): linked before the base and the theme. */
  fontsCss: 'fonts.css',
  /** themes/_base/base.css, under every theme. */
  baseCss: 'base.css',
  themeCss: 'theme.css',
} as const;
const FONTS_DIR = 'fonts';
const RESERVED: ReadonlySet<string> = new Set(Object.values(DECK_FILES));

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

/** A file of assets/, by its path relative to that folder. */
export interface AssetFile {
  path: string;
  data: string | Uint8Array;
}

/** A deck's page apart from its fonts, in memory: the dev build uses it with its own fonts. */
export interface PageAssets {
  theme: Theme;
  /** The bundled classic script (reveal.js, notes plugin, our client). */
  script: string;
  /** reveal.js's reset.css and reveal.css. */
  revealCss: string;
  /** The base style sheet under every theme (themes/_base/base.css). */
  baseCss: string;
  themeFiles: ThemeFile[];
}

/** Everything a deck's page is made of, in memory: both the folder deck and the single file use it. */
export interface DeckAssets extends PageAssets {
  /** The bundled font subsets with their bytes. */
  fonts: DeckFontData[];
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

/** Loads the deck's theme (`themeName`, else the front matter's, else the default): a UserError when unknown. */
export async function loadDeckTheme(deck: RenderedDeck, options: WriteDeckSiteOptions = {}): Promise<Theme> {
  return loadTheme(options.themeName ?? deck.frontMatter.theme ?? DEFAULT_THEME, options.themesDir ?? DEFAULT_THEMES_DIR);
}

/** Loads the theme and bundles the script: the page's assets except the fonts. Nothing is written. */
export async function gatherPageAssets(deck: RenderedDeck, options: WriteDeckSiteOptions = {}): Promise<PageAssets> {
  return pageAssetsOf(await loadDeckTheme(deck, options));
}

async function pageAssetsOf(theme: Theme): Promise<PageAssets> {
  const [script, css, base, themeFiles] = await Promise.all([bundleRevealScript(), revealCss(), baseCss(), readThemeFiles(theme)]);
  return { theme, script, revealCss: css, baseCss: base, themeFiles };
}

/**
 * Loads the theme (a UserError listing the themes there are when it is unknown), bundles the script and
 * subsets the fonts to the deck's characters. Nothing is written.
 */
export async function gatherDeckAssets(deck: RenderedDeck, options: WriteDeckSiteOptions = {}): Promise<DeckAssets> {
  const theme = await loadDeckTheme(deck, options);
  // The font subsets (cached, else the slowest step) run while esbuild bundles the script.
  const [page, fonts] = await Promise.all([
    pageAssetsOf(theme),
    // The deck's text, and the labels the deck script shows (speaker view): both need glyphs.
    subsetDeckFontData(charactersUsed(deck, clientCharacters())),
  ]);
  return { ...page, fonts };
}

/**
 * The files of assets/ other than the fonts, by path relative to it: the script, the style sheets
 * (fontsCss is the text of fonts.css) and the theme's own files beside theme.css so its relative url()s resolve.
 */
export function assetFiles(assets: PageAssets, fontsCss: string): AssetFile[] {
  return [
    { path: DECK_FILES.script, data: assets.script },
    { path: DECK_FILES.revealCss, data: assets.revealCss },
    { path: DECK_FILES.fontsCss, data: fontsCss },
    { path: DECK_FILES.baseCss, data: assets.baseCss },
    { path: DECK_FILES.themeCss, data: assets.theme.css },
    ...assets.themeFiles,
  ];
}

/** How index.html links the files of assetFiles: the script and the style sheets in cascade order. */
export function linkedPageOptions(): PageOptions {
  return {
    scriptFile: `${ASSETS_DIR}/${DECK_FILES.script}`,
    styles: [
      { href: `${ASSETS_DIR}/${DECK_FILES.revealCss}` },
      { href: `${ASSETS_DIR}/${DECK_FILES.fontsCss}`, fonts: true },
      { href: `${ASSETS_DIR}/${DECK_FILES.baseCss}` },
      { href: `${ASSETS_DIR}/${DECK_FILES.themeCss}` },
    ],
  };
}

/** Writes index.html and assets/; returns the gathered assets too, so a caller can reuse them (single file). */
export async function writeDeckSite(
  deck: RenderedDeck,
  outDir: string,
  options: WriteDeckSiteOptions = {},
): Promise<{ indexHtml: string; assets: DeckAssets }> {
  const assets = await gatherDeckAssets(deck, options);
  const assetsDir = join(outDir, ASSETS_DIR);
  await ensureDir(assetsDir);
  const faces = await writeDeckFonts(assets.fonts, join(assetsDir, FONTS_DIR));
  const fontsCss = fontFaceCss(faces, { baseUrl: `${FONTS_DIR}/`, licenseFiles: bundledLicenseFiles() });
  for (const file of assetFiles(assets, fontsCss)) {
    const target = join(assetsDir, file.path);
    await ensureDir(dirname(target));
    await writeFileAtomic(target, file.data);
  }

  // index.html last: whoever sees it (a browser, the dev server's reload) finds its assets already there.
  const html = renderPageHtml(deck, assets.theme, linkedPageOptions());
  const indexHtml = join(outDir, 'index.html');
  await writeFileAtomic(indexHtml, html);
  return { indexHtml, assets };
}
