// The dev build of a deck: the same page as `build` writes (gatherPageAssets, assetFiles and
// linkedPageOptions from src/page/write-site.ts) into a private folder, except for the fonts (see fonts.ts:
// the full fonts, served, instead of subsets). Files are only rewritten when their content changed, so a
// rebuild after an edit writes little more than index.html.
import { join } from 'node:path';
import type { RenderedDeck } from '../deck/model.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { renderPageHtml } from '../page/page.ts';
import { DEFAULT_THEMES_DIR } from '../page/theme.ts';
import { ASSETS_DIR, assetFiles, gatherPageAssets, linkedPageOptions } from '../page/write-site.ts';
import { devFontsCss, type DevFont } from './fonts.ts';

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
  const assetsDir = join(outDir, ASSETS_DIR);
  return {
    outDir,
    async write(deck) {
      changed = false;
      const assets = await gatherPageAssets(deck, { themesDir });
      await Promise.all(assetFiles(assets, devFontsCss(fonts)).map((file) => writeIfChanged(join(assetsDir, file.path), file.data)));
      const indexHtml = join(outDir, 'index.html');
      await writeIfChanged(indexHtml, renderPageHtml(deck, assets.theme, linkedPageOptions()));
      return { indexHtml, changed };
    },
  };
}
