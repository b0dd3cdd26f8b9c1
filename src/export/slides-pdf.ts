// The slides PDF: reveal.js's own print view (one page per slide, fragments shown, backgrounds printed),
// printed by Chromium with a tagged (accessible) structure. exportSlidesPdf is the plain export (Chromium's
// bookmarks from the headings); exportDeck (export-deck.ts) adds section bookmarks and metadata with pdf-lib.
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { writeFileAtomic } from '../fs/atomic.ts';
import { FIT_OVERFLOW_ATTRIBUTE, FIT_SCALE_ATTRIBUTE } from '../page/client/fit.ts';
import { slideSize } from '../page/slide-size.ts';
import { withGuardedPage } from './browser.ts';
import { joinPrintedPdfs } from './pdf-join.ts';
import { countPdfPages } from './pdf-pages.ts';
import { preparePrintView, waitForPrintReady } from './print-ready.ts';

/** Slides per page.pdf call: a larger deck prints in batches (see printBatches), so no call grows with it. */
export const PRINT_BATCH_SLIDES = 400;

/**
 * How long loading and laying out the print view may take: a minute, plus 50 ms a slide (3,000 slides lay
 * out in about 10 s on an idle machine; the margin is for a loaded one). Each batch's print gets the same
 * minute plus 50 ms for each of its slides.
 */
export function printTimeoutMs(slideCount: number): number {
  return 60_000 + 50 * Math.max(0, slideCount);
}

export interface SlidesPdfMeta {
  /** Becomes the PDF's Title (Chromium takes it from document.title). */
  title: string;
  /** "16:9" (default) or "4:3": the page size. */
  aspect?: string;
  /** Slides in the deck, when known: the timeouts grow with it. */
  slideCount?: number;
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
  options: { outline: boolean; batchSlides?: number } = { outline: true },
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
  options: { outline: boolean; batchSlides?: number },
  pageErrors: readonly string[],
): Promise<Omit<PrintedSlides, 'blockedRequests'>> {
  const { width, height } = slideSize(meta.aspect);
  const loadTimeout = printTimeoutMs(meta.slideCount ?? 0);
  await preparePrintView(page);
  await page.setViewport({ width, height });
  await page.emulateMediaType('print');
  await page.goto(printUrl(indexHtml), { waitUntil: 'load', timeout: loadTimeout });
  await waitForPrintReady(page, loadTimeout, pageErrors);
  const pageCount = await page.evaluate((title: string) => {
    document.title = title;
    return document.querySelectorAll('.pdf-page').length;
  }, meta.title);

  const batch = options.batchSlides ?? PRINT_BATCH_SLIDES;
  const print = (count: number): Promise<Uint8Array> =>
    page.pdf({
      // reveal's print view also sets @page to this size (margin 0 in print, see client/entry.ts).
      width: `${width}px`,
      height: `${height}px`,
      printBackground: true,
      preferCSSPageSize: true,
      outline: options.outline,
      tagged: true,
      timeout: printTimeoutMs(count),
    });
  const pdf = pageCount <= batch ? await print(pageCount) : await printBatches(page, pageCount, batch, print);
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

/**
 * A large deck printed a batch of pages at a time, so no browser call grows with the deck: one call for
 * 3,000 slides outlasted the protocol's timeout. The pages outside the batch are taken out of the layout
 * (display: none). Printing a page range instead kept every batch tagged but paginated the whole deck for
 * each batch (a batch of 3,000 slides' deck ran past 80 s on a loaded machine); with display: none Chromium
 * tags only the first batch (it seems to build the tags from the pages shown at the first print), so in a
 * deck of more than PRINT_BATCH_SLIDES slides the later pages are untagged. The batches are joined with the
 * tags there are (pdf-join.ts); bookmarks are added after joining.
 */
async function printBatches(page: Page, pageCount: number, batch: number, print: (count: number) => Promise<Uint8Array>): Promise<Uint8Array> {
  const show = (from: number, to: number): Promise<void> =>
    page.evaluate((first: number, last: number) => {
      document.querySelectorAll<HTMLElement>('.pdf-page').forEach((element, index) => {
        element.style.display = index >= first && index < last ? '' : 'none';
        // reveal breaks after every page but the deck's last; a batch's last needs the same, or each batch
        // would end with an empty page.
        element.style.breakAfter = index === last - 1 ? 'avoid' : '';
      });
    }, from, to);
  const parts: Uint8Array[] = [];
  for (let start = 0; start < pageCount; start += batch) {
    const end = Math.min(pageCount, start + batch);
    await show(start, end);
    parts.push(await print(end - start));
  }
  await show(0, pageCount);
  return joinPrintedPdfs(parts);
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
