// Text in its shape: a card's number and words are written into the card's own shape (one p:sp with the fill
// and the text body), so moving the card in PowerPoint carries its words; the card's odd border side (its red
// top) is grouped with it. Where that would change what the slide shows, the text stays a text box.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeTextInShapes, textArea } from '../../src/office/pptx/shape-text.ts';
import type { MeasuredDeck, MeasuredSlide, Shape, TextBlock } from '../../src/office/pptx/slide-model.ts';
import { EMU_PER_PX, writePptx } from '../../src/office/pptx/write-pptx.ts';
import { elements, packageProblems, readPptx, shapeWithText, textBoxes } from '../helpers/pptx.ts';

function text(words: string, box: TextBlock['box'], extra: Partial<TextBlock> = {}, align: 'left' | 'center' = 'center', sizePx = 36): TextBlock {
  return {
    box,
    room: box,
    role: 'body',
    paragraphs: [{ runs: [{ text: words, bold: true, italic: false, underline: false, color: '7a000b', sizePx, spacingPx: 0 }], align, lineHeightPx: sizePx * 1.35, level: 0, indentPx: 0, spaceBeforePx: 0 }],
    ...extra,
  };
}

/** One card as the browser measured it (the dangzheng theme): shadow, white box, red top, number, words. */
function card(x: number, words: string, element: number, first: number): { shapes: Shape[]; texts: TextBlock[] } {
  const box = { x, y: 278, w: 263, h: 220 };
  const content = { x: x + 16, y: 352, w: 231, h: 112 };
  return {
    shapes: [
      { box: { ...box, x: x + 1, y: 283 }, kind: 'rect', fill: { color: '000000', alpha: 0.08 }, radiusPx: 6, rotation: 0, element },
      { box, kind: 'rect', fill: { color: 'ffffff', alpha: 1 }, radiusPx: 6, rotation: 0, element, content, anchor: 'middle' },
      { box: { ...box, h: 10 }, kind: 'rect', fill: { color: 'a4000f', alpha: 1 }, radiusPx: 0, rotation: 0, element },
    ],
    texts: [
      text(`0${element + 1}`, { x: x + 116, y: 304, w: 30, h: 32 }, { container: first + 1, room: { x: x + 2, y: 306, w: 259, h: 30 } }, 'center', 22),
      text(words, { x: x + 77, y: 381, w: 108, h: 51 }, { container: first + 1, room: content }),
    ],
  };
}

function cardsSlide(): MeasuredSlide {
  const cards = ['全覆盖', '常态化', '重创新'].map((words, index) => card(72 + index * 291, words, index, index * 3));
  return {
    classes: ['cards'],
    background: -1,
    backgroundColor: 'fffaf0',
    shapes: cards.flatMap((c) => c.shapes),
    pictures: [],
    texts: [text('贯彻落实重要指示精神', { x: 106, y: 22, w: 798, h: 66 }, { role: 'title' }, 'left', 46), ...cards.flatMap((c) => c.texts)],
  };
}

const deck = (slides: MeasuredSlide[]): MeasuredDeck => ({ width: 1280, height: 720, backgrounds: [], slides, colors: { ink: '2a211c', accent: 'a4000f', accent2: 'd9a93f', paper: 'fffaf0' } });

function written(slides: MeasuredSlide[]) {
  const bytes = writePptx({ deck: deck(slides), notes: slides.map(() => []), properties: { title: '卡片', keywords: [] }, colors: deck(slides).colors, images: new Map() }).bytes;
  return readPptx(bytes);
}

test("a card's number and words are in the card's own shape, the one with its fill; the card's parts are one group", () => {
  const pkg = written([cardsSlide()]);
  assert.deepEqual(packageProblems(pkg), []);
  const slide = pkg.xml.get('ppt/slides/slide1.xml')!;
  for (const [index, words] of ['全覆盖', '常态化', '重创新'].entries()) {
    const shape = shapeWithText(slide, words);
    assert.ok(shape, words);
    const texts = elements(shape, 'a:t').map((t) => t.textContent);
    assert.deepEqual(texts, [`0${index + 1}`, words], 'number and words, in that order, in one shape');
    assert.equal(elements(shape, 'p:cNvSpPr')[0]!.getAttribute('txBox'), null, 'a shape, not a text box');
    const fill = elements(elements(shape, 'p:spPr')[0]!, 'a:srgbClr')[0]!;
    assert.equal(fill.getAttribute('val'), 'ffffff', 'the shape with the text is the one with the fill');
    // Its shadow and red top move with it.
    const group = shape.parentNode as typeof shape;
    assert.equal(group.nodeName, 'p:grpSp');
    assert.equal(elements(group, 'p:sp').length, 3);
    // Insets: the card's padding at the sides, the first line's distance from the top; the middle anchor.
    const body = elements(shape, 'a:bodyPr')[0]!;
    assert.equal(Number(body.getAttribute('lIns')), 16 * EMU_PER_PX);
    assert.equal(Number(body.getAttribute('rIns')), 16 * EMU_PER_PX);
    assert.equal(Number(body.getAttribute('tIns')), (304 - 278) * EMU_PER_PX);
    assert.equal(body.getAttribute('anchor'), 'ctr');
    assert.equal(body.getAttribute('wrap'), 'square');
    assert.equal(elements(body, 'a:noAutofit').length, 1);
  }
  // Only the title is left as a text box, and no text area runs over another.
  const boxes = textBoxes(slide);
  assert.equal(elements(slide, 'p:cNvSpPr').filter((c) => c.getAttribute('txBox') === '1').length, 1);
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) assert.ok(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `${a.text} × ${b.text}`);
});

test('the words sit where the browser set them: the gap between number and words is paragraph spacing', () => {
  const { shapes } = placeTextInShapes(cardsSlide());
  const placed = shapes[1]!.text!;
  assert.equal(placed.paragraphs.length, 2);
  // The number's line (22 px × 1.35) ends at 304 + 29.7; the words start at 381.
  assert.ok(Math.abs(placed.paragraphs[1]!.paragraph.spaceBeforePx - (381 - (304 + 22 * 1.35))) < 0.01);
  const area = textArea(shapes[1]!)!;
  assert.deepEqual([area.x, area.w], [88, 231]);
});

test('a one-line label in a shape with room for one line does not wrap, and its padding gives way', () => {
  const pill: Shape = { box: { x: 60, y: 685, w: 67, h: 27 }, kind: 'rect', fill: { color: '7a000b', alpha: 1 }, radiusPx: 4, rotation: 0, element: 0, content: { x: 72, y: 690, w: 43, h: 17 }, anchor: 'top' };
  const number = text('5 / 23', { x: 72, y: 686, w: 43, h: 25 }, { container: 0, footer: true, room: { x: 72, y: 690, w: 43, h: 17 } }, 'left', 17);
  const { shapes, texts } = placeTextInShapes({ shapes: [pill], texts: [number] });
  assert.equal(texts.length, 0);
  const placed = shapes[0]!.text!;
  assert.equal(placed.wrap, false);
  assert.equal(placed.footer, true);
  assert.ok(placed.insets.left < 12 && placed.insets.right < 12, JSON.stringify(placed.insets));
});

test('text stays a text box where a shape would change the picture: blocks side by side, text out of the box, a shape over it', () => {
  const box: Shape = { box: { x: 100, y: 100, w: 400, h: 200 }, kind: 'rect', fill: { color: 'ffffff', alpha: 1 }, radiusPx: 0, rotation: 0, element: 0, content: { x: 110, y: 110, w: 380, h: 180 } };
  const left = text('左', { x: 120, y: 150, w: 100, h: 50 }, { container: 0 });
  const right = text('右', { x: 300, y: 150, w: 100, h: 50 }, { container: 0 });
  assert.equal(placeTextInShapes({ shapes: [box], texts: [left, right] }).texts.length, 2);
  const out = text('出界', { x: 120, y: 280, w: 100, h: 50 }, { container: 0 });
  assert.equal(placeTextInShapes({ shapes: [box], texts: [out] }).texts.length, 1);
  const cover: Shape = { box: { x: 110, y: 140, w: 60, h: 60 }, kind: 'rect', fill: { color: 'a4000f', alpha: 1 }, radiusPx: 0, rotation: 0, element: 1 };
  assert.equal(placeTextInShapes({ shapes: [box, cover], texts: [left] }).texts.length, 1);
  // The same block alone, nothing over it: in the shape.
  assert.equal(placeTextInShapes({ shapes: [box], texts: [left] }).texts.length, 0);
});
