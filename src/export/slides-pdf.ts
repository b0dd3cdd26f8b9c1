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
import { printTimeoutMs } from './timeouts.ts';
import { trace } from './trace.ts';

export { printTimeoutMs };

/** Slides per page.pdf call: a larger deck prints in batches (see printBatches), so no call grows with it. */
export const PRINT_BATCH_SLIDES = 400;

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
 * printSlides on a page the caller owns (see withGuardedPage): exportDeck measures, photographs and prints
 * the handout on the same page afterwards. Loads the print view, waits for pdf-ready and the fonts, prints;
 * a deck of more than `batchSlides` slides is printed in batches from pages of their own (printBatches).
 */
export async function printSlidesOn(
  page: Page,
  indexHtml: string,
  meta: SlidesPdfMeta,
  options: { outline: boolean; batchSlides?: number },
  pageErrors: readonly string[],
): Promise<Omit<PrintedSlides, 'blockedRequests'>> {
  const pageCount = await loadPrintView(page, indexHtml, meta, meta.slideCount ?? 0, pageErrors);
  const batch = options.batchSlides ?? PRINT_BATCH_SLIDES;
  const pdf =
    pageCount <= batch
      ? await printLoaded(page, meta, options.outline, pageCount)
      : await printBatches(page.browser(), indexHtml, meta, options.outline, pageCount, batch);
  trace('slides: printed');
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

/** Loads the deck's print view into `page` and waits until it is laid out and fitted; returns its page count. */
async function loadPrintView(page: Page, indexHtml: string, meta: SlidesPdfMeta, slides: number, pageErrors: readonly string[]): Promise<number> {
  const { width, height } = slideSize(meta.aspect);
  const loadTimeout = printTimeoutMs(slides);
  await preparePrintView(page);
  await page.setViewport({ width, height });
  await page.emulateMediaType('print');
  trace(`print view: loading (${slides} slides)`);
  await page.goto(printUrl(indexHtml), { waitUntil: 'load', timeout: loadTimeout });
  await waitForPrintReady(page, loadTimeout, pageErrors);
  trace('print view: laid out and fitted');
  return page.evaluate((title: string) => {
    document.title = title;
    return document.querySelectorAll('.pdf-page').length;
  }, meta.title);
}

/** The print view loaded on `page`, printed whole: one PDF page per slide, tagged. */
function printLoaded(page: Page, meta: SlidesPdfMeta, outline: boolean, pageCount: number): Promise<Uint8Array> {
  const { width, height } = slideSize(meta.aspect);
  return page.pdf({
    // reveal's print view also sets @page to this size (margin 0 in print, see client/entry.ts).
    width: `${width}px`,
    height: `${height}px`,
    printBackground: true,
    preferCSSPageSize: true,
    outline,
    tagged: true,
    timeout: printTimeoutMs(pageCount),
  });
}

/**
 * A large deck printed a batch of slides at a time, so no browser call grows with the deck (one call for
 * 3,000 slides outlasted the protocol's timeout, and each call's cost grew with the whole deck). Each batch
 * is the print view loaded afresh in a page of its own, holding only that batch's slides (keepOnlySlides):
 * it is laid out, fitted and printed like a small deck, tagged, and the page is closed. The batches are
 * joined with their tags (pdf-join.ts). What each batch still pays for the whole deck: parsing all of
 * index.html before reveal drops the other slides (about a third of a batch's load for 3,000 slides); a page
 * served with only the batch's slides (and empty hidden ones for the footers' count) would save it. The
 * deck is the same in every batch, so the URLs a batch page blocked are those the whole view reports.
 *
 * Tried before: hiding the pages outside a batch (display: none) in the one print view printed every batch
 * but the first untagged (Chromium 156 writes no structure tree on a page's second print once its content
 * changed; toggling accessibility or bringing the page to the front did not help), and printing a page
 * range of the whole view (`pageRanges`) paginated and tagged the whole deck for every batch: a range of
 * 400 of 3,000 slides outlasted the 120 s protocol timeout on a loaded machine.
 */
async function printBatches(
  browser: Browser,
  indexHtml: string,
  meta: SlidesPdfMeta,
  outline: boolean,
  pageCount: number,
  batch: number,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (let start = 0; start < pageCount; start += batch) {
    const end = Math.min(pageCount, start + batch);
    parts.push(
      await withGuardedPage(browser, async (page, watch) => {
        await keepOnlySlides(page, start, end);
        const count = await loadPrintView(page, indexHtml, meta, end - start, watch.pageErrors);
        // A mismatch would shift every later page: fail loudly rather than write a wrong PDF.
        if (count !== end - start) throw new Error(`print batch ${start + 1}–${end} laid out ${count} pages, expected ${end - start}`);
        return printLoaded(page, meta, outline, count);
      }),
    );
    trace(`slides: pages ${start + 1}–${end} printed`);
  }
  return joinPrintedPdfs(parts);
}

/**
 * Before the page's scripts run: marks every slide outside [first, last) (0-based, in reading order, counting
 * the slides the deck shows) data-visibility="hidden", which reveal.js removes when it starts, before its
 * print layout. The deck script (client/entry.ts) numbers the footers first, counting every slide, so a
 * batch's pages keep their numbers in the whole deck ("401 / 3000"). Done when each <script> is parsed: a
 * parser-inserted script runs after the pending mutation records are delivered, and the deck script comes
 * after the slides.
 */
async function keepOnlySlides(page: Page, first: number, last: number): Promise<void> {
  await page.evaluateOnNewDocument((from: number, to: number) => {
    const MARK = 'data-dangke-batch-out';
    // One inline callback, no named helper: tsx wraps named functions in a helper the page does not have.
    new MutationObserver((records) => {
      if (!records.some((record) => Array.from(record.addedNodes).some((node) => node.nodeName === 'SCRIPT'))) return;
      // Marks from an earlier pass come off first: a slide that looked like a leaf may since have had
      // slides parsed into it (a vertical stack).
      document.querySelectorAll(`[${MARK}]`).forEach((section) => {
        section.removeAttribute(MARK);
        section.removeAttribute('data-visibility');
      });
      let index = 0;
      document.querySelectorAll<HTMLElement>('.reveal .slides section').forEach((section) => {
        if (section.querySelector('section') !== null) return;
        if (section.closest('section[data-visibility="hidden"]') !== null) return; // hidden by the author: no page
        if (index < from || index >= to) {
          section.setAttribute('data-visibility', 'hidden');
          section.setAttribute(MARK, '');
        }
        index += 1;
      });
    }).observe(document, { childList: true, subtree: true });
  }, first, last);
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
