// <name>.pptx: the measured print view (measure-slides.ts) turned into PowerPoint by src/office/pptx/, with
// each slide's notes and the deck's document properties. The I/O edge: reads the pictures, writes the file
// atomically (a failure leaves no half-written .pptx), reports pictures it had to draw as placeholders.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { imageReferences } from '../check/image-references.ts';
import type { SourceDeck } from '../deck/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { notesParagraphs } from '../office/pptx/notes-text.ts';
import type { MeasuredDeck } from '../office/pptx/slide-model.ts';
import { writePptx } from '../office/pptx/write-pptx.ts';
import { createMarkdown } from '../render/markdown.ts';
import { shownOrder } from '../script/slides.ts';
import type { PdfInfo } from './pdf-finish.ts';

async function readPictures(deck: MeasuredDeck): Promise<Map<string, Uint8Array>> {
  const images = new Map<string, Uint8Array>();
  const urls = new Set(deck.slides.flatMap((slide) => slide.pictures.map((picture) => picture.url)).filter((url): url is string => url?.startsWith('file:') === true));
  await Promise.all(
    [...urls].map(async (url) => {
      const bytes = await readFile(fileURLToPath(url)).catch(() => undefined);
      if (bytes) images.set(url, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }),
  );
  return images;
}

export interface DeckPptxInput {
  measured: MeasuredDeck;
  source: SourceDeck;
  info: PdfInfo;
  /** The deck file's lines, to name the line of a missing picture; without them the slide's line is named. */
  sourceLines?: readonly string[];
}

export async function writeDeckPptx(path: string, { measured, source, info, sourceLines }: DeckPptxInput): Promise<Diagnostic[]> {
  const md = createMarkdown();
  const slides = shownOrder(source);
  const output = writePptx({
    deck: measured,
    notes: slides.map((slide) => notesParagraphs(slide.notes, md)),
    properties: { title: info.title, keywords: info.keywords, ...(info.subject ? { subject: info.subject } : {}), ...(info.author ? { author: info.author } : {}) },
    colors: measured.colors,
    images: await readPictures(measured),
  });
  await writeFileAtomic(path, output.bytes);
  const references = sourceLines ? imageReferences(source, sourceLines) : [];
  return output.placeholders.map(({ slide, src, reason }): Diagnostic => {
    const reference = references.find((ref) => ref.slide === slide + 1 && (ref.src === src || ref.src.endsWith(src) || src.endsWith(ref.src)));
    const why = reason === 'missing' ? '找不到图片' : '图片格式 PowerPoint 不支持（可用 PNG、JPEG 或 GIF）';
    return {
      severity: 'warning',
      file: source.file,
      line: reference?.line ?? slides[slide]?.line ?? 1,
      message: `第 ${slide + 1} 张幻灯片${why}「${src}」，PPTX 中以占位框代替。`,
    };
  });
}
