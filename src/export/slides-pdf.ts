// The slides PDF: reveal.js's own print view (one page per slide, fragments shown, backgrounds printed),
// printed by Chromium with a tagged (accessible) structure. exportSlidesPdf is the plain export (Chromium's
// bookmarks from the headings); exportDeck (export-deck.ts) adds section bookmarks and metadata with pdf-lib.
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { writeFileAtomic } from '../fs/atomic.ts';
import { FIT_OVERFLOW_ATTRIBUTE, FIT_SCALE_ATTRIBUTE } from '../page/client/fit.ts';
import { slideSize } from '../page/slide-size.ts';
import { withGuardedPage } from './browser.ts';
import { countPdfPages } from './pdf-pages.ts';
import { preparePrintView, waitForPrintReady } from './print-ready.ts';

const PRINT_TIMEOUT_MS = 60_000;

export interface SlidesPdfMeta {
  /** Becomes the PDF's Title (Chromium takes it from document.title). */
  title: string;
  /** "16:9" (default) or "4:3": the page size. */
  aspect?: string;
}

export interface SlidesPdfResult {
  pages: number;
  /** Non-local URLs the deck tried to load (all blocked); empty for a healthy deck. */
  blockedRequests: string[];
}

/** The deck's URL in reveal's print view; pathToFileURL encodes spaces and Chinese in the path. */
export function printUrl(indexHtml: string): string {
  const url = pathToFileURL(indexHtml);
  url.search = '?print-pdf';
  return url.href;
}

export interface PrintedSlides {
  pdf: Uint8Array;
  /** Non-local URLs the deck tried to load (all blocked); empty for a healthy deck. */
  blockedRequests: string[];
  /** Per slide in reading order: the scale the deck's fit gave it and what still overflows at that scale. */
  fits: { scale: number; overflowPx: number }[];
}

/**
 * Prints the deck's print view to PDF bytes. `outline: true` asks Chromium for bookmarks from the headings;
 * exportDeck leaves it off and writes one bookmark per section itself (see pdf-finish.ts).
 */
export async function printSlides(
  browser: Browser,
  indexHtml: string,
  meta: SlidesPdfMeta,
  options: { outline: boolean } = { outline: true },
): Promise<PrintedSlides> {
  return withGuardedPage(browser, async (page, watch) => ({
    ...(await printSlidesOn(page, indexHtml, meta, options, watch.pageErrors)),
    blockedRequests: [...watch.blockedRequests],
  }));
}

/**
 * printSlides on a page the caller owns (see withGuardedPage): exportDeck prints the handout on the same
 * page afterwards. Loads the print view, waits for pdf-ready and the fonts, prints.
 */
export async function printSlidesOn(
  page: Page,
  indexHtml: string,
  meta: SlidesPdfMeta,
  options: { outline: boolean },
  pageErrors: readonly string[],
): Promise<Omit<PrintedSlides, 'blockedRequests'>> {
  const { width, height } = slideSize(meta.aspect);
  await preparePrintView(page);
  await page.setViewport({ width, height });
  await page.emulateMediaType('print');
  await page.goto(printUrl(indexHtml), { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
  await waitForPrintReady(page, PRINT_TIMEOUT_MS, pageErrors);
  await page.evaluate((title: string) => {
    document.title = title;
  }, meta.title);

  const pdf = await page.pdf({
    // reveal's print view also sets @page to this size (margin 0 in print, see client/entry.ts).
    width: `${width}px`,
    height: `${height}px`,
    printBackground: true,
    preferCSSPageSize: true,
    outline: options.outline,
    tagged: true,
    timeout: PRINT_TIMEOUT_MS,
  });
  // The print view fitted every slide at pdf-ready (src/page/client/fit.ts); its marks say how.
  const fits = await page.evaluate(
    (scaleAttribute: string, overflowAttribute: string) =>
      Array.from(document.querySelectorAll('.reveal .slides section'))
        .filter((section) => section.querySelector('section') === null)
        .map((section) => ({
          scale: Number(section.getAttribute(scaleAttribute) ?? '1') || 1,
          overflowPx: Number(section.getAttribute(overflowAttribute) ?? '0') || 0,
        })),
    FIT_SCALE_ATTRIBUTE,
    FIT_OVERFLOW_ATTRIBUTE,
  );
  return { pdf, fits };
}

export async function exportSlidesPdf(
  browser: Browser,
  indexHtml: string,
  pdfPath: string,
  meta: SlidesPdfMeta,
): Promise<SlidesPdfResult> {
  const { pdf, blockedRequests } = await printSlides(browser, indexHtml, meta);
  await writeFileAtomic(pdfPath, pdf);
  return { pages: countPdfPages(pdf), blockedRequests };
}
