// The PAGE edge: writes a deck as a folder that opens from file:// with no server and no network.
//   outDir/index.html, outDir/assets/{deck.js, reveal.css, fonts.css, fonts/*.woff2, theme.css, …theme files}
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RenderedDeck } from '../deck/model.ts';
import { ExitCode, UserError } from '../errors.ts';
import { charactersUsed } from '../fonts/characters.ts';
import { fontFaceCss } from '../fonts/font-face-css.ts';
import { bundledLicenseFiles, subsetDeckFonts } from '../fonts/subset.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { bundleRevealScript, revealCss } from './bundle.ts';
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

async function ensureDir(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    throw new UserError(`Could not create the folder ${path}.`, { exitCode: ExitCode.output, cause: error });
  }
}

/** Copies a theme's own files (fonts, images) next to theme.css so its relative url()s resolve. */
async function writeThemeAssets(theme: Theme, assetsDir: string): Promise<void> {
  for (const file of await themeAssetFiles(theme)) {
    if (RESERVED.has(file)) {
      throw new UserError(`Theme "${theme.name}" has a file named ${file}, which dangke writes itself.`, {
        hint: 'Rename or move that file inside the theme folder.',
      });
    }
    const target = join(assetsDir, file);
    await ensureDir(dirname(target));
    await writeFileAtomic(target, await readFile(join(theme.dir, file)));
  }
}

export async function writeDeckSite(
  deck: RenderedDeck,
  outDir: string,
  options: WriteDeckSiteOptions = {},
): Promise<{ indexHtml: string }> {
  const themeName = options.themeName ?? deck.frontMatter.theme ?? DEFAULT_THEME;
  const theme = await loadTheme(themeName, options.themesDir ?? DEFAULT_THEMES_DIR);
  const assetsDir = join(outDir, ASSETS_DIR);
  await ensureDir(assetsDir);
  // The font subsets (cached, else the slowest step) run while esbuild bundles the script.
  const [script, css, faces] = await Promise.all([
    bundleRevealScript(),
    revealCss(),
    subsetDeckFonts(charactersUsed(deck), join(assetsDir, FONTS_DIR)),
  ]);
  await writeThemeAssets(theme, assetsDir);
  const fontsCss = fontFaceCss(faces, { baseUrl: `${FONTS_DIR}/`, licenseFiles: bundledLicenseFiles() });
  await Promise.all([
    writeFileAtomic(join(assetsDir, SCRIPT_FILE), script),
    writeFileAtomic(join(assetsDir, REVEAL_CSS_FILE), css),
    writeFileAtomic(join(assetsDir, FONTS_CSS_FILE), fontsCss),
    writeFileAtomic(join(assetsDir, THEME_CSS_FILE), theme.css),
  ]);

  // index.html last: whoever sees it (a browser, the dev server's reload) finds its assets already there.
  const html = renderPageHtml(deck, theme, {
    scriptFile: `${ASSETS_DIR}/${SCRIPT_FILE}`,
    cssFiles: [`${ASSETS_DIR}/${REVEAL_CSS_FILE}`, `${ASSETS_DIR}/${FONTS_CSS_FILE}`, `${ASSETS_DIR}/${THEME_CSS_FILE}`],
  });
  const indexHtml = join(outDir, 'index.html');
  await writeFileAtomic(indexHtml, html);
  return { indexHtml };
}
