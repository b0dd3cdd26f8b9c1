// The handout PDF in two steps. Chromium prints our handout page (header, notes, empty frames, footer:
// see handout-html.ts); then pdf-lib draws each page of slides.pdf into its frame as a vector form
// XObject (slide-forms.ts). The slides stay sharp at any zoom, their text stays searchable, the fonts of
// slides.pdf are embedded once for all pictures, and no slide is rasterised (a screenshot per slide would
// cost a round trip and an image each: seconds for 300 slides and megabytes of JPEG).
import type { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import { ExitCode, UserError } from '../errors.ts';
import { handoutPageCount, toPdfRect, type HandoutLayout } from './handout-layout.ts';
import { loadPrinted, savePdf, setInfo, setOutline, type Bookmark, type PdfInfo } from './pdf-finish.ts';
import { drawSlideForms, slideForms } from './slide-forms.ts';

import { joinPrintedDocs } from './pdf-join.ts';
import { printTimeoutMs } from './timeouts.ts';
import { trace } from './trace.ts';

/** What fitting the notes into their boxes did. */
export interface HandoutFit {
  /** Slides (1-based) whose notes were set smaller than usual to fit their box. */
  shrunk: number[];
  /** Slides whose notes did not fit even at the smallest size and were cut (the full text is in script.md). */
  truncated: number[];
}

/**
 * Writes the handout page (handout-html.ts) into `page`, waits for its fonts and fits each notes box (a
 * smaller size first, then cutting the end with "……" as a last resort); printHandout then prints it.
 * Fitting runs after document.fonts.ready, so the sizes are measured with the fonts that print.
 *
 * The page is the one that has just printed the deck's print view: the handout replaces that document
 * (page.setContent keeps its URL, so relative links resolve from dist/<name>/, and the font files are in
 * Chromium's cache). A page of its own cost a second renderer's start and load, which slowed the print
 * view on the other core about as much as it saved.
 */
export async function fitHandout(page: Page, html: string, layout: HandoutLayout, pageErrors: readonly string[], slideCount = 0): Promise<HandoutFit> {
  try {
    // Timeouts grow with the deck (printTimeoutMs): the handout of 3,000 slides takes far longer than 28.
    await page.setContent(html, { waitUntil: 'load', timeout: printTimeoutMs(slideCount) });
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
  } catch (error) {
    throw new UserError(`讲义页面（handout）没有加载成功：${error instanceof Error ? error.message : String(error)}`, {
      hint: pageErrors.join(' | ') || '请再运行一次构建；如果一直失败，请附上输出内容报告问题。',
      exitCode: ExitCode.browser,
      cause: error,
    });
  }
  return page.evaluate(
    (base: number, min: number) => {
      const shrunk: number[] = [];
      const truncated: number[] = [];
      const boxes = Array.from(document.querySelectorAll<HTMLElement>('.notes'));
      for (const box of boxes) {
        if (box.scrollHeight <= box.clientHeight + 1) continue;
        const slide = Number(box.dataset['slide']);
        box.style.fontSize = `${min}pt`;
        if (box.scrollHeight <= box.clientHeight + 1) {
          // Largest size in quarter points that fits: `low` fits, `high` does not.
          let low = min;
          let high = base;
          while (high - low > 0.25) {
            const middle = Math.round(((low + high) / 2) * 4) / 4;
            if (middle === low || middle === high) break;
            box.style.fontSize = `${middle}pt`;
            if (box.scrollHeight <= box.clientHeight + 1) low = middle;
            else high = middle;
          }
          box.style.fontSize = `${low}pt`;
          shrunk.push(slide);
          continue;
        }
        // Still too long at the smallest size: keep as many characters as fit, then "……".
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);
        const original = nodes.map((node) => node.data);
        const total = original.reduce((sum, text) => sum + text.length, 0);
        // Binary search for the most characters that fit; the last round applies the answer found.
        // (One loop rather than a helper: a named function inside page.evaluate breaks under tsx.)
        let low = 0;
        let high = total;
        let kept = 0;
        for (let searching = true; ; ) {
          const count = searching ? Math.floor((low + high) / 2) : kept;
          let left = count;
          nodes.forEach((node, index) => {
            const text = original[index] ?? '';
            if (left >= text.length) {
              node.data = text;
              left -= text.length;
            } else {
              node.data = left > 0 || index === 0 ? `${text.slice(0, left)}……` : '';
              left = -1;
            }
          });
          if (!searching) break;
          if (box.scrollHeight <= box.clientHeight + 1) {
            kept = count;
            low = count + 1;
          } else {
            high = count - 1;
          }
          searching = low <= high;
        }
        truncated.push(slide);
      }
      return { shrunk, truncated };
    },
    layout.notesFont.size,
    layout.notesFont.min,
  );
}

/** Handout sheets per page.pdf call: a longer handout prints in batches, so no browser call grows with the deck. */
export const HANDOUT_BATCH_SHEETS = 200;

/**
 * Prints the handout page fitHandout has prepared, loaded in pdf-lib for composeHandout. A handout of more than `batchSheets` sheets prints a
 * batch at a time: the sheets outside the batch are taken out of the layout (display: none) and the
 * batch's last sheet breaks no page after it; the batches are joined in order (pdf-join.ts). The sheets
 * are absolutely placed and a page each, so a batch's pages are the same as in one print. (One print of a
 * 1,500-sheet handout took 40 times as long as a 150-sheet one.)
 */
export async function printHandout(page: Page, slideCount = 0, batchSheets = HANDOUT_BATCH_SHEETS): Promise<PDFDocument> {
  const sheets = await page.evaluate(() => document.querySelectorAll('.sheet').length);
  const print = (count: number): Promise<Uint8Array> =>
    // Untagged: the slide pictures are drawn in afterwards (composeHandout), so a structure tree made here
    // could never describe them; leaving it out also made this print ~15 % faster and the PDF ~30 % smaller.
    page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, timeout: printTimeoutMs(count) });
  if (sheets <= batchSheets) return loadPrinted(await print(slideCount));
  const show = (from: number, to: number): Promise<void> =>
    page.evaluate((first: number, last: number) => {
      document.querySelectorAll<HTMLElement>('.sheet').forEach((sheet, index) => {
        sheet.style.display = index >= first && index < last ? '' : 'none';
        sheet.style.breakAfter = index === last - 1 ? 'auto' : '';
      });
    }, from, to);
  const parts: Uint8Array[] = [];
  const pages: number[] = [];
  for (let start = 0; start < sheets; start += batchSheets) {
    const end = Math.min(sheets, start + batchSheets);
    await show(start, end);
    parts.push(await print(end - start));
    pages.push(end - start);
    trace(`handout: sheets ${start + 1}–${end} printed`);
  }
  await show(0, sheets);
  // A page a sheet: Chromium may add an empty page after a batch's last sheet when rounding A4 to pixels.
  return joinPrintedDocs(parts, pages);
}

export interface ComposeHandoutInput {
  /** The handout page as Chromium printed it, loaded (loadPrinted); the slides are drawn into it. */
  handout: PDFDocument;
  /** slides.pdf, already loaded: its pages become form XObjects (content reused, fonts copied once for all). */
  slides: PDFDocument;
  layout: HandoutLayout;
  slideCount: number;
  bookmarks: readonly Bookmark[];
  info: PdfInfo;
}

/** Draws every slide into its frame, then the bookmarks and the document information. */
export async function composeHandout(input: ComposeHandoutInput): Promise<{ pdf: Uint8Array; pages: number }> {
  const { layout } = input;
  const doc = input.handout;
  const expected = handoutPageCount(input.slideCount, layout.perPage);
  // Chromium may add an empty page after the last sheet when rounding A4 to pixels; the sheets are one page each.
  while (doc.getPageCount() > expected) doc.removePage(doc.getPageCount() - 1);
  if (doc.getPageCount() < expected) {
    throw new Error(`handout printed ${doc.getPageCount()} pages, expected ${expected}`);
  }
  const count = Math.min(input.slideCount, input.slides.getPageCount());
  const forms = await slideForms(doc, input.slides.getPages().slice(0, count));
  doc.getPages().forEach((page, pageIndex) => {
    const onPage = forms.slice(pageIndex * layout.perPage, (pageIndex + 1) * layout.perPage);
    drawSlideForms(
      page,
      onPage.map((form, index) => ({ form, rect: toPdfRect(layout.slots[index]!.slide, page.getHeight()) })),
    );
  });
  setOutline(doc, input.bookmarks);
  setInfo(doc, input.info);
  return { pdf: await savePdf(doc), pages: doc.getPageCount() };
}
