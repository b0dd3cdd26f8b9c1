// The single-file deck: dist/<name>/<name>.html holds everything inline (script, styles, the font subsets
// and images as data: URLs), so it can be mailed or carried on a USB stick and opened by double-click on a
// machine with no network and no Chinese fonts. Made from the same assets as the folder deck.
import { readFile } from 'node:fs/promises';
import { isAbsolute, posix, resolve } from 'node:path';
import type { RenderedDeck } from '../deck/model.ts';
import { fontFaceCss } from '../fonts/font-face-css.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { mimeType } from './mime.ts';
import { renderPageHtml } from './page.ts';
import { gatherDeckAssets, type DeckAssets, type ThemeFile, type WriteDeckSiteOptions } from './write-site.ts';

export interface SingleFileOptions extends WriteDeckSiteOptions {
  /** Assets already gathered for this deck (writeDeckSite returns them): not loaded and subset again. */
  assets?: DeckAssets;
  /**
   * Folder that relative image paths in the slides are relative to (the Markdown deck's folder).
   * Without it, or when a file is missing, the image keeps its path (it then loads only beside the file).
   */
  assetsBaseDir?: string;
}

export function dataUrl(data: Uint8Array, mime: string): string {
  return `data:${mime};base64,${Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')}`;
}

/** A URL that needs no inlining: already data:, a fragment, or (never in our themes) absolute with a scheme. */
function isInlineOrExternal(url: string): boolean {
  return url === '' || url.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/** The theme's url()s pointing at its own files become data: URLs (the file sat next to theme.css). */
export function inlineThemeUrls(css: string, files: readonly ThemeFile[]): string {
  const byPath = new Map(files.map((file) => [file.path, file]));
  return css.replace(/url\(\s*(["']?)([^"')]*)\1\s*\)/g, (whole, _quote: string, raw: string) => {
    const url = raw.trim();
    if (isInlineOrExternal(url)) return whole;
    const path = posix.normalize(decodeURI(url.split(/[?#]/)[0] ?? '')).replace(/^\.\//, '');
    const file = byPath.get(path);
    return file ? `url("${dataUrl(file.data, mimeType(path))}")` : whole;
  });
}

/** Slide images with a relative path (src, data-background-image) become data: URLs when the file exists. */
export async function inlineSlideImages(html: string, baseDir: string | undefined): Promise<string> {
  if (baseDir === undefined) return html;
  const pattern = /(\s(?:src|data-background-image|data-background)=)(["'])([^"']+)\2/g;
  const found = new Map<string, string | undefined>();
  for (const match of html.matchAll(pattern)) {
    const url = match[3] ?? '';
    if (isInlineOrExternal(url) || isAbsolute(url) || found.has(url) || !/\.[a-z0-9]+$/i.test(url.split(/[?#]/)[0] ?? '')) continue;
    let path: string;
    try {
      path = resolve(baseDir, decodeURI(url.split(/[?#]/)[0] ?? ''));
    } catch {
      continue;
    }
    const data = await readFile(path).catch(() => undefined);
    found.set(url, data ? dataUrl(data, mimeType(path)) : undefined);
  }
  return html.replace(pattern, (whole, prefix: string, quote: string, url: string) => {
    const inlined = found.get(url);
    return inlined ? `${prefix}${quote}${inlined}${quote}` : whole;
  });
}

/** The single-file page as a string (pure apart from reading images and gathering the assets). */
export async function renderSingleFileHtml(deck: RenderedDeck, options: SingleFileOptions = {}): Promise<string> {
  const assets = options.assets ?? (await gatherDeckAssets(deck, options));
  const sectionsHtml = await inlineSlideImages(deck.sectionsHtml, options.assetsBaseDir);
  return renderPageHtml({ ...deck, sectionsHtml }, assets.theme, {
    scriptText: assets.script,
    styles: [
      { css: assets.revealCss },
      { css: fontFaceCss(assets.fonts, { embed: true }), fonts: true },
      { css: assets.baseCss },
      { css: inlineThemeUrls(assets.theme.css, assets.themeFiles) },
    ],
  });
}

/**
 * Writes the single-file deck to outFile (e.g. dist/<name>/<name>.html) and returns its size.
 * `themeName`/`themesDir` as for writeDeckSite; `assetsBaseDir` as above.
 */
export async function writeSingleFile(
  deck: RenderedDeck,
  outFile: string,
  options: SingleFileOptions = {},
): Promise<{ file: string; bytes: number }> {
  const html = await renderSingleFileHtml(deck, options);
  const data = Buffer.from(html, 'utf8');
  await writeFileAtomic(outFile, data);
  return { file: outFile, bytes: data.byteLength };
}
