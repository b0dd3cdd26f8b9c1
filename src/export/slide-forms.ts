// Pages of slides.pdf as form XObjects in another PDF (the handout), and drawing them into frames.
//
// pdf-lib's embedPages decodes each page's content stream and compresses it again, with a fresh zlib state
// per page: for a 300-slide deck that was most of the half second the handout took in Node (measured with
// node --cpu-prof). A page Chromium prints has one Flate-compressed content stream, and those bytes are a
// valid form XObject body as they are; so the form reuses them, and only the page's resources (fonts,
// images) are copied, each object once for all slides. Any other page shape goes through embedPage.
import {
  PDFContentStream,
  PDFDict,
  PDFName,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFDocument,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';

export interface SlideForm {
  ref: PDFRef;
  /** The slide page's own box: the form draws it at (x, y) with this width and height. */
  box: { x: number; y: number; width: number; height: number };
}

/** Stream entries that say how the content bytes are encoded; they go with the bytes. */
const ENCODING_KEYS = ['Filter', 'DecodeParms'].map((key) => PDFName.of(key));

/** Each page as a form XObject registered in `target`. */
export async function slideForms(target: PDFDocument, pages: readonly PDFPage[]): Promise<SlideForm[]> {
  if (pages.length === 0) return [];
  const source = pages[0]!.doc.context;
  const copier = PDFObjectCopier.for(source, target.context);
  const forms: SlideForm[] = [];
  for (const page of pages) {
    const box = page.getMediaBox();
    const contents = page.node.get(PDFName.of('Contents'));
    const stream = contents instanceof PDFRef ? source.lookup(contents) : undefined;
    const resources = page.node.get(PDFName.of('Resources'));
    if (!(stream instanceof PDFRawStream) || resources === undefined) {
      const [embedded] = await target.embedPages([page]);
      forms.push({ ref: embedded!.ref, box: { x: 0, y: 0, width: embedded!.width, height: embedded!.height } });
      continue;
    }
    const dict = target.context.obj({
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [box.x, box.y, box.x + box.width, box.y + box.height],
    });
    dict.set(PDFName.of('Resources'), copier.copy(resources));
    for (const key of ENCODING_KEYS) {
      const value = stream.dict.get(key);
      if (value !== undefined) dict.set(key, copier.copy(value));
    }
    forms.push({ ref: target.context.register(PDFRawStream.of(dict, stream.contents)), box });
  }
  return forms;
}

export interface Placement {
  form: SlideForm;
  /** Where the slide goes on the page, in PDF points from the bottom left. */
  rect: { x: number; y: number; width: number; height: number };
}

/**
 * Draws forms onto a page, after what is on it. The page's own content is wrapped in q … Q first so
 * whatever graphics state it leaves cannot move or tint the slides. The few operators stay uncompressed:
 * a zlib stream per page would cost more than it saves.
 */
export function drawSlideForms(page: PDFPage, placements: readonly Placement[]): void {
  const { context } = page.doc;
  const operators: PDFOperator[] = [popGraphicsState()];
  for (const { form, rect } of placements) {
    const name = page.node.newXObject('Slide', form.ref);
    const scaleX = rect.width / form.box.width;
    const scaleY = rect.height / form.box.height;
    operators.push(
      pushGraphicsState(),
      concatTransformationMatrix(scaleX, 0, 0, scaleY, rect.x - form.box.x * scaleX, rect.y - form.box.y * scaleY),
      drawObject(name),
      popGraphicsState(),
    );
  }
  const plain = (ops: PDFOperator[]): PDFRef => context.register(PDFContentStream.of(context.obj({}) as PDFDict, ops, false));
  const before = plain([pushGraphicsState()]);
  const after = plain(operators);
  const existing = page.node.normalizedEntries().Contents;
  if (existing === undefined) {
    page.node.set(PDFName.of('Contents'), context.obj([before, after]));
    return;
  }
  existing.insert(0, before);
  existing.push(after);
}
