// The slides PDF: reveal.js's own print view (one page per slide, fragments shown, backgrounds printed),
// printed by Chromium with a tagged (accessible) structure. exportSlidesPdf is the plain export (Chromium's
// bookmarks from the headings); exportDeck (export-deck.ts) adds section bookmarks and metadata with pdf-lib.
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import { writeFileAtomic } from '../fs/atomic.ts';
import { FIT_OVERFLOW_ATTRIBUTE, FIT_SCALE_ATTRIBUTE } from '../page/client/fit.ts';
import { slideSize } from '../page/slide-size.ts';
import { batchPageHtml, planBatches, shownSlideCount, splitDeckPage, type SlideBatch } from './batch-pages.ts';
import { withGuardedPage, type PageWatch } from './browser.ts';
import { loadPrinted, savePdf } from './pdf-finish.ts';
import { PrintedPdfJoiner } from './pdf-join.ts';
import { countPdfPages } from './pdf-pages.ts';
import { preparePrintView, waitForPrintReady } from './print-ready.ts';
import { printTimeoutMs } from './timeouts.ts';
import { trace } from './trace.ts';

export { printTimeoutMs };

/**
 * Most slides a page prints: a larger deck prints in batches (see printSlidesOn), each from a page of its
 * own, so no browser call grows with the deck. Chromium's print costs more per slide the more slides a
 * page holds (tagged, 100 slides ~4 ms each, 400 ~7.5 ms, 600 ~9 ms of CPU), while each page costs a
 * renderer's start and a load (~0.3 s): about 200 a page costs least.
 */
export const PRINT_BATCH_SLIDES = 200;
/** From this many slides a deck prints as two batches at least, one per core (see printSlidesOn). */
export const SPLIT_FROM_SLIDES = 120;
/** Batch pages at work at once: the machines this runs on have two cores or more, Node mostly waits. */
const PRINT_LANES = 2;

export interface SlidesPdfMeta {
  /** Becomes the PDF's Title (Chromium takes it from document.title). */
  title: string;
  /** "16:9" (default) or "4:3": the page size. */
  aspect?: string;
  /** Slides in the deck (the renderer's count, vertical and hidden ones included), when known: the batches and timeouts follow it. */
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

/** Per slide in reading order: the scale the deck's fit gave it and what still overflows at that scale. */
export type SlideFit = { scale: number; overflowPx: number };

export interface PrintedSlides {
  pdf: Uint8Array;
  /** Non-local URLs the deck tried to load (all blocked); empty for a healthy deck. */
  blockedRequests: string[];
  /** Per slide in reading order: the scale the deck's fit gave it and what still overflows at that scale. */
  fits: SlideFit[];
  /** How many pages printed it (one for a small deck). */
  batches: number;
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
  return withGuardedPage(browser, async (page, watch) => {
    const printed = await printInBatches(page, watch, indexHtml, meta, options, async () => undefined);
    return { pdf: await joinedBytes(printed.pdf), fits: printed.fits, batches: printed.batches.length, blockedRequests: printed.blockedRequests };
  });
}

/**
 * printSlides on a page the caller owns (see withGuardedPage), which prints the first batch (a small deck's
 * only one). Loads the print view, waits for pdf-ready and the fonts, prints.
 */
export async function printSlidesOn(
  page: Page,
  indexHtml: string,
  meta: SlidesPdfMeta,
  options: { outline: boolean; batchSlides?: number },
  pageErrors: readonly string[],
): Promise<Omit<PrintedSlides, 'blockedRequests'>> {
  const printed = await printInBatches(page, { pageErrors, blockedRequests: [] }, indexHtml, meta, options, async () => undefined);
  return { pdf: await joinedBytes(printed.pdf), fits: printed.fits, batches: printed.batches.length };
}

/** The slides PDF as printed: one print's bytes, or the batches joined (loaded in pdf-lib). */
export type SlidesPdf = { bytes: Uint8Array } | { doc: PDFDocument };

export async function joinedBytes(pdf: SlidesPdf): Promise<Uint8Array> {
  return 'bytes' in pdf ? pdf.bytes : savePdf(pdf.doc);
}

export async function joinedDoc(pdf: SlidesPdf): Promise<PDFDocument> {
  return 'doc' in pdf ? pdf.doc : loadPrinted(pdf.bytes);
}

export interface BatchesPrinted<T> {
  pdf: SlidesPdf;
  fits: SlideFit[];
  /** What `afterPrint` returned for each batch, in order. */
  results: T[];
  batches: SlideBatch[];
  blockedRequests: string[];
}

/**
 * The deck printed a batch of slides at a time (batch-pages.ts plans them), so that no browser call and no
 * page grows with the deck: each batch is the print view of a copy of index.html holding only that batch's
 * slides (the others empty stand-ins, so the footers keep their numbers in the whole deck), laid out,
 * fitted and printed like a small deck, tagged; `afterPrint` then has the page (to measure it for the
 * .pptx), and the page is closed. Two batches print at once, from two pages (two renderers, two cores).
 * The first batch prints on `page` (the caller's: a small deck's only batch prints from index.html there, as
 * it always did), the others on pages of their own. The batches are joined in order as they come, while
 * later ones print (pdf-join.ts).
 *
 * Tried before: hiding the pages outside a batch (display: none) in the one print view printed every batch
 * but the first untagged (Chromium 156 writes no structure tree on a page's second print once its content
 * changed; toggling accessibility or bringing the page to the front did not help), and printing a page
 * range of the whole view (`pageRanges`) paginated and tagged the whole deck for every batch: a range of
 * 400 of 3,000 slides outlasted the 120 s protocol timeout on a loaded machine. Batches that each loaded the
 * whole index.html (and hid the rest) spent 2–3 s of the browser's time per batch on a 3,000-slide deck
 * parsing slides they did not print.
 */
export async function printInBatches<T>(
  page: Page,
  watch: PageWatch,
  indexHtml: string,
  meta: SlidesPdfMeta,
  options: { outline: boolean; batchSlides?: number; onFirstPageDone?: () => void },
  afterPrint: (page: Page, batch: SlideBatch, index: number, whole: boolean) => Promise<T>,
): Promise<BatchesPrinted<T>> {
  const batchSlides = options.batchSlides ?? PRINT_BATCH_SLIDES;
  const splitFrom = options.batchSlides === undefined ? SPLIT_FROM_SLIDES : batchSlides + 1;
  // A deck too small to print in batches (counting its hidden slides too) need not be read.
  const pages = meta.slideCount !== undefined && planBatches(meta.slideCount, batchSlides, splitFrom).length > 1 ? splitDeckPage(await readFile(indexHtml, 'utf8'), meta.slideCount) : undefined;
  const shown = pages && shownSlideCount(pages);
  const batches = pages && shown !== undefined ? planBatches(shown, batchSlides, splitFrom) : [];
  const blocked = new Set<string>();
  if (batches.length <= 1) {
    // One print from index.html itself: a small deck, or a page not the shape batch-pages.ts can trim.
    const count = await loadPrintView(page, printUrl(indexHtml), meta, meta.slideCount ?? 0, watch.pageErrors);
    const bytes = await printLoaded(page, meta, options.outline, count);
    const fits = await readFits(page);
    trace('slides: printed');
    const result = await afterPrint(page, { first: 0, last: count }, 0, true);
    options.onFirstPageDone?.();
    return { pdf: { bytes }, fits, results: [result], batches: [{ first: 0, last: count }], blockedRequests: [...watch.blockedRequests] };
  }

  const dir = dirname(indexHtml);
  const stem = `.print-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fits: SlideFit[][] = [];
  const results: T[] = [];
  const joiner = new PrintedPdfJoiner();
  const printed = new Map<number, Uint8Array>();
  let joined = 0;
  let joining = Promise.resolve();
  /** Joins the batches printed so far that are next in order; one join at a time. */
  const joinReady = (): Promise<void> => {
    joining = joining.then(async () => {
      for (let bytes = printed.get(joined); bytes !== undefined; bytes = printed.get(joined)) {
        printed.delete(joined);
        await joiner.add(bytes);
        joined += 1;
        trace(`slides: ${batches[joined - 1]!.last} pages joined`);
      }
    });
    return joining;
  };
  const printBatch = async (batchPage: Page, batchWatch: PageWatch, index: number): Promise<void> => {
    const { first, last } = batches[index]!;
    const file = join(dir, `${stem}-${index + 1}.html`);
    const keep = await keepOnlySlides(batchPage, first, last);
    try {
      await writeFile(file, batchPageHtml(pages!, first, last));
      const count = await loadPrintView(batchPage, printUrl(file), meta, last - first, batchWatch.pageErrors);
      // A mismatch would shift every later page: fail loudly rather than write a wrong PDF.
      if (count !== last - first) throw new Error(`print batch ${first + 1}–${last} laid out ${count} pages, expected ${last - first}`);
      printed.set(index, await printLoaded(batchPage, meta, options.outline, count));
      trace(`slides: pages ${first + 1}–${last} printed`);
      void joinReady().catch(() => undefined);
      fits[index] = await readFits(batchPage);
      results[index] = await afterPrint(batchPage, batches[index]!, index, false);
      for (const url of batchWatch.blockedRequests) blocked.add(url);
    } finally {
      await batchPage.removeScriptToEvaluateOnNewDocument(keep.identifier).catch(() => undefined);
      await rm(file, { force: true });
    }
    // `page` is the caller's again once its batch is done (and measured), while the other batches print.
    if (index === 0) options.onFirstPageDone?.();
  };
  let next = 0;
  const lane = async (first: boolean): Promise<void> => {
    try {
      if (first) await printBatch(page, watch, next++);
      while (next < batches.length) {
        const index = next++;
        await withGuardedPage(page.browser(), (batchPage, batchWatch) => printBatch(batchPage, batchWatch, index));
      }
    } catch (error) {
      next = batches.length; // the other lane takes no new batch: the export has failed
      throw error;
    }
  };
  const lanes = Array.from({ length: Math.min(PRINT_LANES, batches.length) }, (_, index) => lane(index === 0));
  // Every lane ends (settled) before an error is passed on: no page is left printing behind it.
  const settled = await Promise.allSettled(lanes);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  await joinReady();
  if (joined !== batches.length) throw new Error(`joined ${joined} of ${batches.length} print batches`);
  return { pdf: { doc: joiner.document() }, fits: fits.flat(), results, batches, blockedRequests: [...blocked] };
}

/** The print view's fit marks (src/page/client/fit.ts), per slide on the page in reading order. */
function readFits(page: Page): Promise<SlideFit[]> {
  return page.evaluate(
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
}

/** Loads a print view into `page` and waits until it is laid out and fitted; returns its page count. */
export async function loadPrintView(page: Page, url: string, meta: SlidesPdfMeta, slides: number, pageErrors: readonly string[]): Promise<number> {
  const { width, height } = slideSize(meta.aspect);
  const loadTimeout = printTimeoutMs(slides);
  await preparePrintView(page);
  await page.setViewport({ width, height });
  await page.emulateMediaType('print');
  trace(`print view: loading (${slides} slides)`);
  await page.goto(url, { waitUntil: 'load', timeout: loadTimeout });
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
 * Before the page's scripts run: marks every slide outside [first, last) (0-based, in reading order, counting
 * the slides the deck shows) data-visibility="hidden", which reveal.js removes when it starts, before its
 * print layout. The deck script (client/entry.ts) numbers the footers first, counting every slide, so a
 * batch's pages keep their numbers in the whole deck ("401 / 3000"). Done when each <script> is parsed: a
 * parser-inserted script runs after the pending mutation records are delivered, and the deck script comes
 * after the slides.
 */
async function keepOnlySlides(page: Page, first: number, last: number): Promise<{ identifier: string }> {
  return page.evaluateOnNewDocument((from: number, to: number) => {
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
