// The dev build of a deck: the same page as `build` writes (renderPageHtml, the reveal.js bundle, the
// theme and its files) into a private folder, except for the fonts (see fonts.ts: the full fonts, served,
// instead of subsets). Files are only rewritten when their content changed, so a rebuild after an edit
// writes little more than index.html.
//
// Keep the asset names in step with src/page/write-site.ts: test/dev/site.test.ts compares the <link> and
// <script> lists of both pages.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedDeck } from '../deck/model.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { bundleRevealScript, revealCss } from '../page/bundle.ts';
import { renderPageHtml } from '../page/page.ts';
import { DEFAULT_THEME, DEFAULT_THEMES_DIR, loadTheme, themeAssetFiles } from '../page/theme.ts';
import { ASSETS_DIR } from '../page/write-site.ts';
import { devFontsCss, type DevFont } from './fonts.ts';

const SCRIPT_FILE = 'deck.js';
const REVEAL_CSS_FILE = 'reveal.css';
const FONTS_CSS_FILE = 'fonts.css';
const THEME_CSS_FILE = 'theme.css';
const OWN_FILES = new Set([SCRIPT_FILE, REVEAL_CSS_FILE, FONTS_CSS_FILE, THEME_CSS_FILE]);

export interface DevSite {
  readonly outDir: string;
  /** Writes the deck's page and assets; `changed` is false when every file already had that content. */
  write(deck: RenderedDeck): Promise<{ indexHtml: string; changed: boolean }>;
}

export function createDevSite(outDir: string, fonts: readonly DevFont[], themesDir: string = DEFAULT_THEMES_DIR): DevSite {
  const written = new Map<string, string | Uint8Array>();
  let changed = false;
  const writeIfChanged = async (path: string, data: string | Uint8Array): Promise<void> => {
    const before = written.get(path);
    const same =
      before !== undefined &&
      (typeof data === 'string' ? before === data : typeof before !== 'string' && Buffer.from(before).equals(Buffer.from(data)));
    if (same) return;
    changed = true;
    await writeFileAtomic(path, data);
    written.set(path, data);
  };
  const assets = join(outDir, ASSETS_DIR);
  return {
    outDir,
    async write(deck) {
      changed = false;
      const theme = await loadTheme(deck.frontMatter.theme ?? DEFAULT_THEME, themesDir);
      const [script, css, themeFiles] = await Promise.all([bundleRevealScript(), revealCss(), themeAssetFiles(theme)]);
      await Promise.all([
        writeIfChanged(join(assets, SCRIPT_FILE), script),
        writeIfChanged(join(assets, REVEAL_CSS_FILE), css),
        writeIfChanged(join(assets, FONTS_CSS_FILE), devFontsCss(fonts)),
        writeIfChanged(join(assets, THEME_CSS_FILE), theme.css),
        ...themeFiles
          .filter((file) => !OWN_FILES.has(file))
          .map(async (file) => writeIfChanged(join(assets, file), await readFile(join(theme.dir, file)))),
      ]);
      const html = renderPageHtml(deck, theme, {
        scriptFile: `${ASSETS_DIR}/${SCRIPT_FILE}`,
        styles: [
          { href: `${ASSETS_DIR}/${REVEAL_CSS_FILE}` },
          { href: `${ASSETS_DIR}/${FONTS_CSS_FILE}`, fonts: true },
          { href: `${ASSETS_DIR}/${THEME_CSS_FILE}` },
        ],
      });
      const indexHtml = join(outDir, 'index.html');
      await writeIfChanged(indexHtml, html);
      return { indexHtml, changed };
    },
  };
}
