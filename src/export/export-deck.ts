// Everything a deck exports, in one browser:
//
//   script.md      pure (SourceDeck → Markdown), written first
//   the slides     the deck's print view → slides PDF, a small deck in one page (this page); a large one in
//                  batches, two pages at a time, each page holding only its batch's slides (slides-pdf.ts,
//                  batch-pages.ts), joined as they come; each page measured for the .pptx once printed
//   the handout    the handout page written over this page (notes, frames) → handout PDF bytes
//   meanwhile      pdf-lib: slides + section bookmarks + metadata → slides.pdf, while the handout prints
//   with images    (build --images) the print view's pages screenshotted before it is measured (a batched
//                  deck's whole print view loaded once more for them), and the contact sheet made on the
//                  page once the handout is printed (slide-images.ts)
//   ── printDeck ends here: the browser's part is done; finish() needs none (a build closes it meanwhile)
//   pdf-lib        handout: each slides.pdf page drawn into its frame + bookmarks + metadata → handout.pdf
//   the .pptx      from the measured print view: while the handout prints (Node is idle then), or for a
//                  deck of more than 600 slides last, once the PDF documents are let go of (memory)
//
// The handout is made on the page that printed the first batch, not on a page of its own: a second page's
// renderer start and load took the other core from the print view, and it is that core Node uses for
// slides.pdf while the handout prints.
// Files go to a temporary name and are renamed into place (src/fs/atomic.ts): a failed export never leaves
// half a PDF. No fixed pauses anywhere: the print view's pdf-ready event and document.fonts.ready.
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import type { RenderedDeck, SourceDeck } from '../deck/model.ts';
import { filledIn } from '../deck/placeholders.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { charactersUsed } from '../fonts/characters.ts';
import { SANS_FAMILY } from '../fonts/faces.ts';
import { fontFaceCss } from '../fonts/font-face-css.ts';
import { subsetDeckFonts } from '../fonts/subset.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { slideSize } from '../page/slide-size.ts';
import { createMarkdown } from '../render/markdown.ts';
import { SCRIPT_MD, writeLectureScript } from '../script/write-script.ts';
import { shownOrder } from '../script/slides.ts';
import { withGuardedPage } from './browser.ts';
import { HANDOUT_CHARACTERS, HANDOUT_FAMILY_SANS, handoutHtml } from './handout-html.ts';
import { handoutLayout, type HandoutPerPage } from './handout-layout.ts';
import { composeHandout, fitHandout, printHandout } from './handout-pdf.ts';
import { pdfInfoFor, savePdf, setInfo, setOutline, type PdfInfo } from './pdf-finish.ts';
import { writeDeckPptx } from './deck-pptx.ts';
import type { MeasuredDeck } from '../office/pptx/slide-model.ts';
import { measureSlides } from './measure-slides.ts';
import { sectionStarts } from './sections.ts';
import { captureSlides, writeOverview, type SlideImages } from './slide-images.ts';
import { joinedDoc, loadPrintView, printInBatches, printUrl, type PrintedSlides } from './slides-pdf.ts';
import { mergeMeasured } from './measured-batches.ts';
import { trace } from './trace.ts';

export const SLIDES_PDF = 'slides.pdf';
/**
 * Decks up to this size write their .pptx while the handout prints; beyond it the .pptx beside the two loaded
 * PDF documents took a 3,000-slide build past 500 MB (300 slides: 243 MB either way, measured).
 */
const EARLY_PPTX_MAX_SLIDES = 600;
/** Notes rendered for the handout between two turns of the event loop. */
const NOTES_PER_TURN = 50;
export const HANDOUT_PDF = 'handout.pdf';
export { SCRIPT_MD, writeLectureScript };

/** dist/<name>/<name>.pptx: named after the folder, so a copy sent on by itself still says which deck it is. */
export function pptxPathFor(dir: string): string {
  return join(dir, `${basename(dir)}.pptx`);
}

/** What exportDeck is doing now, for a progress line. */
export type ExportStep = 'script.md' | 'slides.pdf' | 'handout.pdf' | 'images' | 'pptx';

export interface ExportDeckOptions {
  /** Slides per handout page. */
  handout: HandoutPerPage;
  /** The deck's page (dist/<name>/index.html); default `<dir>/index.html`. */
  indexHtml?: string;
  /** Called when a file is about to be made and when it is written (`done`). */
  onProgress?: (step: ExportStep, state: 'start' | 'done') => void;
  /** false when the caller has written script.md already (a build writes it with the page). */
  writeScript?: boolean;
  /** Also write <name>.pptx from the print view's measurements (default true). */
  pptx?: boolean;
  /** The deck file's lines, so a warning about a missing picture names its line. */
  sourceLines?: readonly string[];
  /** Also the slide pictures (images/001.png …, overview.png, <name>-long.png): `build --images`. */
  images?: boolean;
  /** The deck's name for <name>-long.png; default the folder's name. */
  name?: string;
  /** Most slides a page prints (default PRINT_BATCH_SLIDES): tests print a small deck in batches with it. */
  printBatchSlides?: number;
}

export interface ExportedDeck {
  slidesPdf: string;
  handoutPdf: string;
  scriptMd: string;
  /** Absent when not asked for. */
  pptx?: string;
  pages: { slides: number; handout: number };
  /** Slides per handout page, as asked for. */
  handoutPerPage: HandoutPerPage;
  /** Non-local URLs a page tried to load (all blocked); empty for a healthy deck. */
  blockedRequests: string[];
  /** Handout notes set smaller or cut to fit, as warnings naming the slide. */
  diagnostics: Diagnostic[];
  /** Per slide: the scale the deck's fit gave it in the PDF and what still overflows there. */
  fits: PrintedSlides['fits'];
  /** The slide pictures, when asked for. */
  images?: SlideImages;
}

async function writeScriptWithProgress(source: SourceDeck, dir: string, progress: (step: ExportStep, state: 'start' | 'done') => void): Promise<string> {
  progress('script.md', 'start');
  const path = await writeLectureScript(source, dir);
  progress('script.md', 'done');
  return path;
}

/** @font-face rules for the handout's own labels when the deck's font subset lacks some of their characters. */
async function handoutFontCss(deck: RenderedDeck, fontsDir: string, baseUrl: string): Promise<string> {
  const used = new Set(charactersUsed(deck));
  if ([...HANDOUT_CHARACTERS].every((char) => used.has(char))) return '';
  // Always the same characters: after the first build ever, a cache hit (see src/fonts/cache.ts).
  const faces = await subsetDeckFonts(HANDOUT_CHARACTERS, fontsDir);
  const sans = faces.filter((face) => face.family === SANS_FAMILY).map((face) => ({ ...face, family: HANDOUT_FAMILY_SANS }));
  return fontFaceCss(sans, { baseUrl });
}

/** slides.pdf from the print view's bytes: section bookmarks and metadata added; the document stays loaded for the handout. */
async function writeSlidesPdf(doc: PDFDocument, path: string, sections: readonly { title: string; slideIndex: number }[], info: PdfInfo): Promise<PDFDocument> {
  setOutline(doc, sections.map((section) => ({ title: section.title, pageIndex: section.slideIndex })));
  setInfo(doc, info);
  await writeFileAtomic(path, await savePdf(doc));
  return doc;
}

/** A deck whose pages Chromium has printed: what is left (writing the PDFs) needs no browser. */
export interface PrintedDeck {
  /** Composes and writes handout.pdf; the browser may be closed (or busy with the next deck) meanwhile. */
  finish(): Promise<ExportedDeck>;
}

/** Everything a deck exports, in one browser. */
export async function exportDeck(
  browser: Browser,
  deck: RenderedDeck,
  source: SourceDeck,
  dir: string,
  options: ExportDeckOptions,
): Promise<ExportedDeck> {
  return (await printDeck(browser, deck, source, dir, options)).finish();
}

/**
 * The browser's part of exportDeck: the deck's print view and the handout page printed, slides.pdf written.
 * A build closes the browser while finish() composes the handout.
 */
export async function printDeck(
  browser: Browser,
  deck: RenderedDeck,
  source: SourceDeck,
  dir: string,
  options: ExportDeckOptions,
): Promise<PrintedDeck> {
  const progress = options.onProgress ?? (() => undefined);
  trace('export: browser started');
  const indexHtml = options.indexHtml ?? join(dir, 'index.html');
  const slidesPdf = join(dir, SLIDES_PDF);
  const handoutPdf = join(dir, HANDOUT_PDF);
  const { frontMatter } = deck;
  const { width, height } = slideSize(frontMatter.aspect);
  const layout = handoutLayout(options.handout, width, height);
  const sections = sectionStarts(source, deck.sectionTitles);
  const producer = `dangke (${await browser.version()}; pdf-lib)`;
  const info: PdfInfo = pdfInfoFor(frontMatter, sections.map((section) => section.title), producer);

  // A build has written script.md with the page already (also without PDFs); alone, export writes it.
  const scriptMd = options.writeScript === false ? join(dir, SCRIPT_MD) : await writeScriptWithProgress(source, dir, progress);

  const pptxPath = pptxPathFor(dir);
  const startPptx = (measured: MeasuredDeck): Promise<Diagnostic[]> => {
    progress('pptx', 'start');
    const written = writeDeckPptx(pptxPath, { measured, source, info, ...(options.sourceLines ? { sourceLines: options.sourceLines } : {}) });
    written.catch(() => undefined); // awaited in finish(); a failure before that must not go unhandled
    return written;
  };

  // Font files only the handout needs go to a temporary folder beside index.html (see handoutFontCss).
  const workDir = join(dir, `.handout-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    progress('slides.pdf', 'start');
    // The handout page is made while the browser starts and loads the print view.
    const handoutHtmlReady = (async () => {
      await mkdir(workDir, { recursive: true });
      const md = createMarkdown();
      const slides: { number: number; notesHtml: string }[] = [];
      for (const [index, slide] of shownOrder(source).entries()) {
        // A turn of the event loop every so many notes: for 3,000 slides this is seconds of Node's time,
        // and the print pages starting meanwhile each wait on Node to answer.
        if (index > 0 && index % NOTES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
        slides.push({
          number: index + 1,
          notesHtml: slide.notes.trim() === '' ? '' : md.render(slide.notes, { file: source.file, slideLine: slide.line, part: 'notes', diagnostics: [] }),
        });
      }
      // The drafter's placeholders (主讲人, 党支部) are left out: a header names real people and units only.
      const headerNote = ['讲义', ...(['organization', 'speaker', 'date'] as const).map((key) => filledIn(frontMatter, key))].filter(Boolean).join(' · ');
      return handoutHtml({
        title: frontMatter.title,
        headerNote,
        layout,
        slides,
        cssFiles: ['assets/fonts.css'],
        extraCss: await handoutFontCss(deck, join(workDir, 'fonts'), `${basename(workDir)}/fonts/`),
      });
    })();
    handoutHtmlReady.catch(() => undefined);
    const { slidesResult, handoutResult, documents, blockedRequests, images, pptxWriting } = await withGuardedPage(browser, async (page, watch) => {
      const imageOptions = { name: options.name ?? basename(dir), title: frontMatter.title, width, height };
      const meta = { title: frontMatter.title, aspect: frontMatter.aspect, slideCount: deck.slideCount };
      // Each batch's page (a small deck's only one, this page) is measured for the .pptx once printed: the
      // same fitted print view, so the PowerPoint file's boxes and sizes are those of slides.pdf. (Measuring
      // changes the page; the page is closed, or given the handout, afterwards.)
      // This page prints the first batch (a small deck's only one), then makes the handout: at once, while
      // the other batches still print on pages of their own (the handout needs the notes, not the slides).
      let firstPageDone = (): void => undefined;
      const firstPageFree = new Promise<void>((resolve) => (firstPageDone = resolve));
      const batchOptions = { outline: false, onFirstPageDone: () => firstPageDone(), ...(options.printBatchSlides ? { batchSlides: options.printBatchSlides } : {}) };
      const printing = printInBatches(page, watch, indexHtml, meta, batchOptions, async (batchPage, _batch, _index, whole) => {
        // Pictures of a deck printed whole are taken from its print view before it is measured.
        if (whole && options.images === true) progress('images', 'start');
        const captured = whole && options.images === true ? await captureSlides(batchPage, dir, imageOptions) : undefined;
        const measured = options.pptx === false ? undefined : await measureSlides(batchPage, width, height);
        return { captured, measured };
      });
      printing.catch(() => undefined);
      const handoutFitted = (async () => {
        // A failed print ends the wait too (its error is the one passed on, below).
        await Promise.race([firstPageFree, printing.then(() => undefined)]);
        progress('handout.pdf', 'start');
        const fit = await fitHandout(page, await handoutHtmlReady, layout, watch.pageErrors, deck.slideCount);
        trace('handout fitted');
        return fit;
      })();
      const handoutPrinted = handoutFitted.then(() => printHandout(page, deck.slideCount));
      handoutFitted.catch(() => undefined);
      handoutPrinted.catch(() => undefined);
      const printed = await printing;
      trace('slides printed and measured for the pptx');
      const parts = printed.results.map((result) => result.measured).filter((part) => part !== undefined);
      const measured = parts.length > 0 ? mergeMeasured(parts) : undefined;
      // slides.pdf is finished and written while Chromium prints the handout, not before it is fitted:
      // pdf-lib holds Node's thread for a while, and each step of fitting the handout waits on Node to answer.
      const fit = await handoutFitted;
      const slidesDoc = await writeSlidesPdf(await joinedDoc(printed.pdf), slidesPdf, sections, info);
      progress('slides.pdf', 'done');
      trace('slides.pdf written');
      // Up to EARLY_PPTX_MAX_SLIDES the .pptx is made now, while Chromium prints the handout and Node would
      // only wait for it (300 slides: ~0.5 s of the build); a larger deck's after the handout is composed,
      // once the PDF documents are let go of (see finish()). `measured` is absent when no .pptx is asked for.
      const pptxWriting = measured && deck.slideCount <= EARLY_PPTX_MAX_SLIDES ? startPptx(measured) : undefined;
      const handoutDoc = await handoutPrinted;
      trace('handout printed and loaded');
      let captured = printed.results[0]?.captured;
      if (options.images === true && captured === undefined) {
        // A deck printed in batches: its pictures from the whole print view, loaded once more on this page.
        progress('images', 'start');
        await loadPrintView(page, printUrl(indexHtml), meta, deck.slideCount, watch.pageErrors);
        captured = await captureSlides(page, dir, imageOptions);
      }
      const images: SlideImages | undefined = captured && { slides: captured.slides, long: captured.long, overview: await writeOverview(page, dir, captured, imageOptions) };
      if (images) progress('images', 'done');
      return {
        handoutResult: fit,
        slidesResult: { fits: printed.fits, measured },
        pptxWriting,
        documents: { handout: handoutDoc, slides: slidesDoc },
        blockedRequests: [...new Set([...printed.blockedRequests, ...watch.blockedRequests])],
        images,
      };
    });

    const slidePages = documents.slides.getPageCount();
    // Let go of once the handout is composed: for 3,000 slides the two documents are ~170 MB.
    let loaded: typeof documents | undefined = documents;
    return {
      finish: async () => {
        // A large deck's handout first, then its PowerPoint file: both are Node's work on its one thread
        // (pdf-lib, and fflate's zipSync), so writing them at once saved no time, while their memory together
        // took a 3,000-slide build past 500 MB. The PDF documents are let go of before the .pptx is made. (A
        // deck up to EARLY_PPTX_MAX_SLIDES has its .pptx under way already, begun while the handout printed.)
        const { measured } = slidesResult;
        const pptx = measured ? pptxPath : undefined;
        const take = (): NonNullable<typeof loaded> => {
          const taken = loaded!;
          loaded = undefined;
          return taken;
        };
        const handoutPages = await composeHandout({
          ...take(),
          layout,
          slideCount: deck.slideCount,
          bookmarks: sections.map((section) => ({ title: section.title, pageIndex: Math.floor(section.slideIndex / layout.perPage) })),
          info: { ...info, title: `${frontMatter.title}（讲义）` },
        }).then(async (composed) => {
          await writeFileAtomic(handoutPdf, composed.pdf);
          return composed.pages;
        });
        trace('handout.pdf written');
        progress('handout.pdf', 'done');

        const pptxWritten = pptxWriting ?? (measured ? startPptx(measured) : Promise.resolve([]));
        const diagnostics: Diagnostic[] = [...(await pptxWritten)];
        trace('pptx written');
        if (pptx) progress('pptx', 'done');
        if (handoutResult.shrunk.length > 0) {
          diagnostics.push({
            severity: 'info',
            message: `handout.pdf：第 ${handoutResult.shrunk.join('、')} 张幻灯片的讲稿字号已缩小以放进讲义（每页 ${options.handout} 张）`,
            file: source.file,
          });
        }
        if (handoutResult.truncated.length > 0) {
          diagnostics.push({
            severity: 'warning',
            message: `handout.pdf：第 ${handoutResult.truncated.join('、')} 张幻灯片的讲稿太长，每页 ${options.handout} 张时放不下，已用“……”截断；完整讲稿见 script.md（可试试 --handout 1）`,
            file: source.file,
          });
        }
        return {
          slidesPdf,
          handoutPdf,
          scriptMd,
          ...(pptx ? { pptx } : {}),
          pages: { slides: slidePages, handout: handoutPages },
          handoutPerPage: options.handout,
          blockedRequests,
          diagnostics,
          fits: slidesResult.fits,
          ...(images ? { images } : {}),
        };
      },
    };
  } finally {
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
