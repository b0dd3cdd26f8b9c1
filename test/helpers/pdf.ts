// Reading PDFs in tests with pdfjs-dist (4.x runs on Node 20): page count, page sizes, text, metadata, fonts.

import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfSummary {
  pages: number;
  /** Page sizes in PDF points. */
  sizes: { width: number; height: number }[];
  /** Text of each page, items joined without separators (Chinese has none). */
  texts: string[];
  title: string | undefined;
  /** Names of the fonts the pages use, and whether each is embedded. */
  fonts: { name: string; embedded: boolean }[];
  outline: string[];
}

export async function readPdf(path: string): Promise<PdfSummary> {
  const data = new Uint8Array(await readFile(path));
  const document = await getDocument({ data, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const sizes: PdfSummary['sizes'] = [];
    const texts: string[] = [];
    const fonts = new Map<string, boolean>();
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      sizes.push({ width: x1 - x0, height: y1 - y0 });
      const content = await page.getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      await page.getOperatorList();
      for (const [name, font] of Object.entries(fontsOf(page))) fonts.set(name, font);
    }
    const metadata = await document.getMetadata();
    const info = metadata.info as { Title?: string };
    const outline = ((await document.getOutline()) ?? []).map((entry) => entry.title);
    return {
      pages: document.numPages,
      sizes,
      texts,
      title: info.Title,
      fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })),
      outline,
    };
  } finally {
    await document.destroy();
  }
}

/** Fonts loaded while rendering the page's operator list; pdfjs marks non-embedded ones as `missingFile`. */
function fontsOf(page: unknown): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  const objects = (page as { commonObjs?: { [Symbol.iterator]?: () => Iterator<[string, unknown]> } }).commonObjs;
  if (!objects || typeof objects[Symbol.iterator] !== 'function') return result;
  for (const [, value] of objects as Iterable<[string, unknown]>) {
    const font = value as { name?: string; loadedName?: string; missingFile?: boolean } | undefined;
    if (font && typeof font === 'object' && (font.name || font.loadedName)) {
      result[font.name ?? font.loadedName ?? '?'] = font.missingFile !== true;
    }
  }
  return result;
}

/** Compare text ignoring all white space (PDF text extraction inserts or drops spaces freely). */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}
