// After Chromium: what its PDF writer cannot do, done with pdf-lib. The document information (Title,
// Author, Subject, Keywords, Creator, Producer) as UTF-16 strings so Chinese survives every viewer, and
// bookmarks with one clean entry per section (Chromium's own outline lists every h1/h2 of every slide).
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, ParseSpeeds } from 'pdf-lib';
import type { FrontMatter } from '../deck/model.ts';
import { filledIn } from '../deck/placeholders.ts';

export const CREATOR = 'dangke';

export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords: string[];
  /** e.g. "dangke (HeadlessChrome/156…, pdf-lib)". */
  producer: string;
  language: string;
}

export interface Bookmark {
  title: string;
  /** 0-based page the bookmark opens. */
  pageIndex: number;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Keywords: 党课, the column, the front matter's own `keywords:` (text or list), the section titles. */
export function pdfInfoFor(frontMatter: FrontMatter, sectionTitles: readonly string[], producer: string): PdfInfo {
  const own = frontMatter['keywords'];
  const ownKeywords = Array.isArray(own) ? own.map(text) : typeof own === 'string' ? own.split(/[,，、;；]\s*/u).map(text) : [];
  const keywords = [...new Set(['党课', text(frontMatter.column), ...ownKeywords, ...sectionTitles.map(text)].filter((k): k is string => k !== undefined))];
  const author = filledIn(frontMatter, 'speaker');
  const subject = text(frontMatter.subtitle) ?? text(frontMatter.column);
  return {
    title: frontMatter.title,
    ...(author ? { author } : {}),
    ...(subject ? { subject } : {}),
    keywords,
    producer,
    language: 'zh-CN',
  };
}

export function setInfo(doc: PDFDocument, info: PdfInfo, now: Date = new Date()): void {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.author) doc.setAuthor(info.author);
  if (info.subject) doc.setSubject(info.subject);
  // pdf-lib joins keywords with spaces; section titles may hold spaces, so join them ourselves.
  if (info.keywords.length > 0) doc.setKeywords([info.keywords.join('；')]);
  doc.setCreator(CREATOR);
  doc.setProducer(info.producer);
  doc.setModificationDate(now);
  doc.setLanguage(info.language);
}

/** Removes the outline the document has (every item object too) and writes one entry per bookmark. */
export function setOutline(doc: PDFDocument, bookmarks: readonly Bookmark[]): void {
  const { context, catalog } = doc;
  removeOutline(doc);
  const pages = doc.getPages();
  const usable = bookmarks.filter((bookmark) => bookmark.title !== '' && pages[bookmark.pageIndex] !== undefined);
  if (usable.length === 0) return;
  const rootRef = context.nextRef();
  const refs = usable.map(() => context.nextRef());
  usable.forEach((bookmark, index) => {
    const page = pages[bookmark.pageIndex]!;
    const item = context.obj({
      Title: PDFHexString.fromText(bookmark.title),
      Parent: rootRef,
      // Open the page at its top-left, keeping the reader's zoom.
      Dest: [page.ref, 'XYZ', null, null, null],
    });
    if (index > 0) item.set(PDFName.of('Prev'), refs[index - 1]!);
    if (index < refs.length - 1) item.set(PDFName.of('Next'), refs[index + 1]!);
    context.assign(refs[index]!, item);
  });
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: refs.length }));
  catalog.set(PDFName.of('Outlines'), rootRef);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function removeOutline(doc: PDFDocument): void {
  const { context, catalog } = doc;
  const root = catalog.get(PDFName.of('Outlines'));
  catalog.delete(PDFName.of('Outlines'));
  const seen = new Set<PDFRef>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const ref = stack.pop();
    if (!(ref instanceof PDFRef) || seen.has(ref)) continue;
    seen.add(ref);
    const dict = context.lookup(ref);
    if (dict instanceof PDFDict) stack.push(dict.get(PDFName.of('First')), dict.get(PDFName.of('Next')));
    context.delete(ref);
  }
}

/**
 * A PDF Chromium printed, parsed in one go: pdf-lib by default yields to the event loop every 50–100
 * objects (a timer each time), which for 300 slides was ~0.5 s of waiting across load, save and compose.
 */
export function loadPrinted(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** Serialises in one go too (see loadPrinted), and without object streams, which only cost time to build. */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
