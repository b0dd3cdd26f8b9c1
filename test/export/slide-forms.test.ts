// Slides as form XObjects: the page's compressed content bytes are reused unchanged, resources shared by
// slides are copied once, the slides land where they were placed, and odd page shapes still embed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, StandardFonts, decodePDFRawStream, rgb } from 'pdf-lib';
import { drawSlideForms, slideForms } from '../../src/export/slide-forms.ts';

/** A saved and reloaded two-page "slides.pdf": pages as Chromium leaves them, one Flate content stream each. */
async function slidesPdf(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const label of ['one', 'two']) {
    const page = doc.addPage([960, 540]);
    page.drawRectangle({ x: 0, y: 0, width: 960, height: 540, color: rgb(0.7, 0.1, 0.1) });
    page.drawText(`slide ${label}`, { x: 100, y: 270, size: 40, font });
  }
  // pdf-lib writes a page as several content streams; Chromium writes one. Join them into one Flate stream.
  const loaded = await PDFDocument.load(await doc.save());
  for (const page of loaded.getPages()) {
    const parts = (page.node.get(PDFName.of('Contents')) as PDFArray).asArray().map((ref) => decoded(loaded.context.lookup(ref as PDFRef)));
    const joined = loaded.context.flateStream(new TextEncoder().encode(parts.join('\n')));
    page.node.set(PDFName.of('Contents'), loaded.context.register(joined));
  }
  return PDFDocument.load(await loaded.save());
}

function decoded(stream: unknown): string {
  assert.ok(stream instanceof PDFRawStream);
  return new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
}

test('slideForms reuses each page content stream as it is and copies shared resources once', async () => {
  const slides = await slidesPdf();
  const handout = await PDFDocument.create();
  handout.addPage([595, 842]);
  const forms = await slideForms(handout, slides.getPages());
  assert.equal(forms.length, 2);
  for (const [index, form] of forms.entries()) {
    const formStream = handout.context.lookup(form.ref);
    assert.ok(formStream instanceof PDFRawStream);
    const pageContents = slides.context.lookup(slides.getPage(index).node.get(PDFName.of('Contents')) as PDFRef);
    assert.ok(pageContents instanceof PDFRawStream);
    assert.deepEqual(formStream.contents, pageContents.contents, 'compressed bytes reused');
    assert.equal(formStream.dict.get(PDFName.of('Subtype'))?.toString(), '/Form');
    assert.equal(formStream.dict.get(PDFName.of('Filter'))?.toString(), '/FlateDecode');
    assert.equal(formStream.dict.get(PDFName.of('BBox'))?.toString(), '[ 0 0 960 540 ]');
    assert.deepEqual(form.box, { x: 0, y: 0, width: 960, height: 540 });
  }
  const fonts = handout.context
    .enumerateIndirectObjects()
    .filter(([, object]) => object.toString().includes('/Type /Font'));
  assert.equal(fonts.length, 1, 'the font both slides use is copied once');
});

test('drawSlideForms wraps the page content in q … Q and places each form in its rectangle', async () => {
  const slides = await slidesPdf();
  const handout = await PDFDocument.create();
  const page = handout.addPage([595, 842]);
  page.drawText('header', { x: 50, y: 800, size: 12 });
  const forms = await slideForms(handout, slides.getPages());
  drawSlideForms(page, [
    { form: forms[0]!, rect: { x: 50, y: 500, width: 240, height: 135 } },
    { form: forms[1]!, rect: { x: 50, y: 300, width: 240, height: 135 } },
  ]);
  const reloaded = await PDFDocument.load(await handout.save());
  const contents = reloaded.getPage(0).node.get(PDFName.of('Contents'));
  assert.ok(contents instanceof PDFArray);
  const streams = contents.asArray().map((ref) => reloaded.context.lookup(ref as PDFRef));
  assert.equal(decoded(streams[0]).trim(), 'q');
  const last = decoded(streams.at(-1)).trim().split('\n');
  assert.equal(last[0], 'Q', 'the page content is closed before the slides draw');
  // 240 / 960 = 0.25 in both directions, then the rectangle's corner.
  assert.deepEqual(
    last.filter((line) => line.endsWith(' cm')),
    ['0.25 0 0 0.25 50 500 cm', '0.25 0 0 0.25 50 300 cm'],
  );
  assert.equal(last.filter((line) => / Do$/.test(line)).length, 2);
  assert.equal(reloaded.getPageCount(), 1);
});

test('a page whose content is several streams is still embedded (through pdf-lib)', async () => {
  const slides = await slidesPdf();
  const page = slides.getPage(0);
  page.drawText('one more stream', { x: 10, y: 10, size: 10 });
  assert.ok(page.node.get(PDFName.of('Contents')) instanceof PDFArray);
  const handout = await PDFDocument.create();
  const target = handout.addPage([595, 842]);
  const forms = await slideForms(handout, [page]);
  drawSlideForms(target, [{ form: forms[0]!, rect: { x: 0, y: 0, width: 480, height: 270 } }]);
  const reloaded = await PDFDocument.load(await handout.save());
  const xObjects = reloaded.getPage(0).node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
  assert.ok(xObjects !== undefined);
  const form = reloaded.context.lookup(xObjects.values()[0] as PDFRef);
  // Both of the page's streams are in the form: the slide's rectangle and text, and the added text.
  assert.equal(decoded(form).match(/ Tj/g)?.length, 2);
  assert.match(decoded(form), /0\.7 0\.1 0\.1 rg/);
});
