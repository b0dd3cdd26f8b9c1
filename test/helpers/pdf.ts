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

/** A run of text on a PDF page, in CSS pixels from the page's top-left corner. */
export interface PdfTextItem {
  page: number;
  text: string;
  /** Where the run starts (its left edge) and its baseline. */
  x: number;
  baseline: number;
  /** The run's advance width and its font size (pdf.js's `height`). */
  width: number;
  size: number;
}

/**
 * Every non-blank text run of the PDF with its position, converted to CSS pixels of a page `pageWidthPx`
 * wide (Chromium prints 96 px to 72 pt, so a 1280 px slide is a 960 pt page).
 */
export async function readPdfTextItems(data: Uint8Array, pageWidthPx: number): Promise<{ pages: { width: number; height: number }[]; items: PdfTextItem[] }> {
  const document = await getDocument({ data: data.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: { width: number; height: number }[] = [];
    const items: PdfTextItem[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const scale = pageWidthPx / (x1 - x0);
      const height = (y1 - y0) * scale;
      pages.push({ width: pageWidthPx, height });
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , , , e, f] = item.transform as number[];
        items.push({
          page: number,
          text: item.str,
          x: (e! - x0) * scale,
          baseline: height - (f! - y0) * scale,
          width: item.width * scale,
          size: item.height * scale,
        });
      }
    }
    return { pages, items };
  } finally {
    await document.destroy();
  }
}
