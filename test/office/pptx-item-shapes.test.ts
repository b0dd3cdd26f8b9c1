// Items of layouts that draw no box round them are one object each: a stat's figure and label, a timeline
// entry's date and text, a quotation and its attribution share one p:sp (no fill), with each paragraph's own
// size, colour and weight; the item's own shapes (a stat's rule, a timeline dot, an agenda row's rule and
// numbered square) are grouped with it; the line under all timeline entries is in no item. Nothing runs past
// the slide or over other text, and a paragraph of several lines keeps the width the browser gave it.
// The slides are what the print view measured for the dangzheng theme at 16:9 (measure-slides.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from '@xmldom/xmldom';
import { placeItems } from '../../src/office/pptx/item-shapes.ts';
import { placeTextInShapes } from '../../src/office/pptx/shape-text.ts';
import type { Box, MeasuredDeck, MeasuredSlide, Shape, TextBlock } from '../../src/office/pptx/slide-model.ts';
import { EMU_PER_PX, writePptx } from '../../src/office/pptx/write-pptx.ts';
import { elements, packageProblems, readPptx, shapeWithText, textBoxes } from '../helpers/pptx.ts';

function block(words: string, box: Box, room: Box, sizePx: number, lineHeightPx: number, extra: Partial<TextBlock> = {}, align: 'left' | 'center' | 'right' = 'center', color = '2a211c', bold = false): TextBlock {
  return {
    box,
    room,
    role: 'body',
    paragraphs: [{ runs: [{ text: words, bold, italic: false, underline: false, color, sizePx, spacingPx: 0 }], align, lineHeightPx, level: 0, indentPx: 0, spaceBeforePx: 0 }],
    ...extra,
  };
}

const rect = (box: Box, color: string, extra: Partial<Shape> = {}): Shape => ({ box, kind: 'rect', fill: { color, alpha: 1 }, radiusPx: 0, rotation: 0, ...extra });
const title = (words: string): TextBlock => block(words, { x: 106, y: 22, w: 400, h: 66 }, { x: 72, y: 26, w: 1136, h: 60 }, 46, 59.8, { role: 'title' }, 'left', 'ffffff', true);

const STATS: [string, string, number][] = [
  ['832个', '贫困县', 151],
  ['22个', '省区市', 567],
  ['9899万', '农村贫困人口全部脱贫', 921],
];

function statsSlide(): MeasuredSlide {
  const shapes: Shape[] = [];
  const texts: TextBlock[] = [title('为抓党建促脱贫注入强大动力')];
  STATS.forEach(([figure, label, x], item) => {
    const cell = { x: 72 + item * 397, y: 309, w: 347, h: 157 };
    if (item > 0) shapes.push(rect({ x: cell.x - 26, y: 301, w: 2, h: 173 }, 'ead9bf', { element: 10 * item, item }));
    shapes.push(rect({ x, y: 402, w: figure.length * 38, h: 4 }, 'd9a93f', { element: 10 * item + 1, item }));
    texts.push(block(figure, { x, y: 297, w: figure.length * 38, h: 97 }, { x, y: 309, w: figure.length * 38, h: 75 }, 68, 74.8, { role: 'figure', item }, 'center', 'a4000f', true));
    const width = label.length * 30;
    texts.push(block(label, { x: cell.x + cell.w / 2 - width / 2, y: 423, w: width, h: 44 }, cell, 30, 42, { item }));
  });
  return { classes: ['stats'], background: -1, shapes, pictures: [], texts };
}

const ENTRIES: [string, string][] = [
  ['2016年2月', '中共中央办公厅印发方案'],
  ['2016年4月', '作出重要指示'],
];

function timelineSlide(): MeasuredSlide {
  // The line under all entries first (the list's own ornament), then each entry's dot.
  const shapes: Shape[] = [rect({ x: 72, y: 400, w: 1136, h: 6 }, 'd9a93f', { element: 0 })];
  const texts: TextBlock[] = [title('历程回顾')];
  ENTRIES.forEach(([date, words], item) => {
    const cell = { x: 72 + item * 389, y: 304, w: 357, h: 167 };
    const centre = cell.x + cell.w / 2;
    shapes.push({ box: { x: centre - 12, y: 391, w: 24, h: 24 }, kind: 'ellipse', fill: { color: 'f3c969', alpha: 1 }, line: { color: 'a4000f', widthPx: 4, alpha: 1 }, radiusPx: 12, rotation: 0, element: item + 1, item });
    texts.push(block(date, { x: centre - 106, y: 306, w: 213, h: 64 }, { x: centre - 106, y: 304, w: 213, h: 68 }, 44, 68, { role: 'figure', item }, 'center', 'a4000f', true));
    const width = words.length * 28;
    texts.push(block(words, { x: centre - width / 2, y: 430, w: width, h: 40 }, cell, 28, 40.6, { item }));
  });
  return { classes: ['timeline'], background: -1, shapes, pictures: [], texts };
}

const QUOTE = '部署“两学一做”学习教育，就是要推动党内教育从“关键少数”向广大党员拓展。';
const SOURCE = '—— 习近平总书记，2016年4月';

function quoteSlide(): MeasuredSlide {
  const room = { x: 120, y: 205, w: 720, h: 208 };
  return {
    classes: ['quote'],
    background: -1,
    shapes: [],
    pictures: [],
    texts: [
      // The opening mark's line box reaches 4 px into the quotation's lines; it is no part of the item.
      block('“', { x: 34, y: 98, w: 90, h: 258 }, { x: 34, y: 137, w: 90, h: 180 }, 180, 180, { role: 'quote' }, 'left', 'a4000f'),
      block(QUOTE, { x: 120, y: 209, w: 672, h: 199 }, room, 42, 69.3, { role: 'quote', item: 0 }, 'left', '2a211c', true),
      block(SOURCE, { x: 415, y: 449, w: 425, h: 44 }, { x: 120, y: 449, w: 720, h: 45 }, 30, 45, { item: 0 }, 'right', 'a4000f', true),
    ],
  };
}

const ROWS = ['把全面从严治党落实到每个支部', '学党章党规'];

function agendaSlide(): MeasuredSlide {
  const shapes: Shape[] = [];
  const texts: TextBlock[] = [title('目录')];
  ROWS.forEach((words, item) => {
    const y = 210 + item * 128;
    const first = shapes.length;
    shapes.push(rect({ x: 72, y: y + 90, w: 1000, h: 2 }, 'ead9bf', { element: 2 * item, item }));
    shapes.push(rect({ x: 76, y: y + 4, w: 76, h: 76 }, 'd9a93f', { element: 2 * item + 1, item, radiusPx: 6 }));
    shapes.push(rect({ x: 72, y, w: 76, h: 76 }, 'a4000f', { element: 2 * item + 1, item, radiusPx: 6, content: { x: 72, y, w: 76, h: 76 }, anchor: 'middle' }));
    texts.push(block('一二'[item]!, { x: 90, y: y + 9, w: 40, h: 57 }, { x: 72, y, w: 76, h: 76 }, 40, 54, { container: first + 2, item }, 'center', 'ffffff', true));
    texts.push(block(words, { x: 180, y: y + 10, w: words.length * 38, h: 55 }, { x: 72, y, w: 972, h: 76 }, 38, 51.3, { item }, 'left', '2a211c', true));
  });
  return { classes: ['agenda'], background: -1, shapes, pictures: [], texts };
}

const deck = (slides: MeasuredSlide[], width = 1280): MeasuredDeck => ({ width, height: 720, backgrounds: [], slides, colors: { ink: '2a211c', accent: 'a4000f', accent2: 'd9a93f', paper: 'fffaf0' } });

function written(slides: MeasuredSlide[], width = 1280) {
  const measured = deck(slides, width);
  const pkg = readPptx(writePptx({ deck: measured, notes: slides.map(() => []), properties: { title: '条目', keywords: [] }, colors: measured.colors, images: new Map() }).bytes);
  assert.deepEqual(packageProblems(pkg), []);
  return slides.map((_slide, index) => pkg.xml.get(`ppt/slides/slide${index + 1}.xml`)!);
}

const texts = (shape: Element): string[] => elements(shape, 'a:p').map((p) => elements(p, 'a:t').map((t) => t.textContent).join(''));
const parent = (node: Element): Element => node.parentNode as unknown as Element;

/** Text areas inside the slide and clear of each other (as the browser test checks the real deck). */
function assertApart(slide: ReturnType<typeof written>[number], width = 1280): void {
  const boxes = textBoxes(slide);
  for (const [i, a] of boxes.entries()) {
    assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.w <= width * EMU_PER_PX && a.y + a.h <= 720 * EMU_PER_PX, `「${a.text}」 outside the slide`);
    for (const b of boxes.slice(i + 1)) assert.ok(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `「${a.text}」 over 「${b.text}」`);
  }
}

test("a stat's figure and label are one shape without fill, each paragraph as measured, grouped with the stat's rules", () => {
  const [slide] = written([statsSlide()]);
  for (const [item, [figure, label]] of STATS.entries()) {
    const shape = shapeWithText(slide!, figure)!;
    assert.deepEqual(texts(shape), [figure, label], 'figure and label are the paragraphs of one p:sp');
    assert.equal(elements(shape, 'p:cNvSpPr')[0]!.getAttribute('txBox'), null);
    const properties = elements(shape, 'p:spPr')[0]!;
    assert.equal(elements(properties, 'a:solidFill').length, 0, 'no fill: the theme draws no box round a stat');
    const [big, small] = elements(shape, 'a:rPr');
    assert.deepEqual([big!.getAttribute('sz'), big!.getAttribute('b'), elements(big!, 'a:srgbClr')[0]!.getAttribute('val')], [String(68 * 75), '1', 'a4000f']);
    assert.deepEqual([small!.getAttribute('sz'), small!.getAttribute('b'), elements(small!, 'a:srgbClr')[0]!.getAttribute('val')], [String(30 * 75), '0', '2a211c']);
    // One line each in the browser: no wrapping in Office either.
    assert.equal(elements(shape, 'a:bodyPr')[0]!.getAttribute('wrap'), 'none');
    // The figure's rule (and the rule left of the 2nd and 3rd stat) move with it.
    const group = parent(shape);
    assert.equal(group.nodeName, 'p:grpSp');
    assert.equal(elements(group, 'p:sp').length, item === 0 ? 2 : 3);
  }
  assertApart(slide!);
});

test('the gap between figure and label is paragraph spacing; the text starts where the figure was set', () => {
  const { shapes } = placeItems(placeTextInShapes(statsSlide()), 1280, 720);
  const first = shapes.find((shape) => shape.text?.paragraphs.some((p) => p.paragraph.runs[0]!.text === '832个'))!;
  assert.equal(first.box.y, 297);
  assert.equal(first.text!.insets.top, 0);
  // The figure's line (74.8 px) ends at 297 + 74.8; the label starts at 423.
  assert.ok(Math.abs(first.text!.paragraphs[1]!.paragraph.spaceBeforePx - (423 - 297 - 74.8)) < 0.01);
  // Widened into the stat's cell (Office's wider fonts), never into the next stat's.
  assert.ok(first.box.x < 151 && first.box.x + first.box.w <= 72 + 347 + 0.01 + 0.15 * 5 * 38, JSON.stringify(first.box));
});

test("a timeline entry's date and text are one shape, grouped with its dot; the line under all entries is in no group", () => {
  const [slide] = written([timelineSlide()]);
  for (const [date, words] of ENTRIES) {
    const shape = shapeWithText(slide!, date)!;
    assert.deepEqual(texts(shape), [date, words]);
    const group = parent(shape);
    assert.equal(group.nodeName, 'p:grpSp');
    assert.equal(elements(group, 'a:prstGeom').filter((g) => g.getAttribute('prst') === 'ellipse').length, 1, 'its dot');
  }
  const line = elements(slide!, 'p:sp').find((sp) => elements(sp, 'a:off')[0]!.getAttribute('y') === String(400 * EMU_PER_PX))!;
  assert.equal(parent(line).nodeName, 'p:spTree');
  assertApart(slide!);
});

test('a quotation and its attribution are one shape; the big opening mark stays a text box clear of it; the quotation keeps its width', () => {
  const [slide] = written([quoteSlide()], 960);
  const shape = shapeWithText(slide!, QUOTE)!;
  assert.deepEqual(texts(shape), [QUOTE, SOURCE]);
  const body = elements(shape, 'a:bodyPr')[0]!;
  assert.equal(body.getAttribute('wrap'), 'square', 'the quotation wraps');
  const [quote, source] = elements(shape, 'a:pPr');
  assert.deepEqual([quote!.getAttribute('algn'), source!.getAttribute('algn')], ['l', 'r']);
  // Its lines may run less than a character wider than the browser's 672 px: Office breaks where the deck did.
  const off = Number(elements(shape, 'a:off')[0]!.getAttribute('x')) / EMU_PER_PX;
  const width = Number(elements(shape, 'a:ext')[0]!.getAttribute('cx')) / EMU_PER_PX;
  const lineWidth = width - (Number(quote!.getAttribute('marL')) + Number(quote!.getAttribute('marR'))) / EMU_PER_PX;
  assert.ok(lineWidth >= 672 - 1 && lineWidth < 672 + 42, String(lineWidth));
  assert.ok(Math.abs(off + Number(quote!.getAttribute('marL')) / EMU_PER_PX - 120) < 1, 'the quotation starts where the browser set it');
  const mark = elements(slide!, 'p:sp').find((sp) => texts(sp).join('') === '“')!;
  assert.equal(elements(mark, 'p:cNvSpPr')[0]!.getAttribute('txBox'), '1');
  // Cut back beside the quotation, not above it: the 180 px mark keeps the height of its line.
  assert.ok(Number(elements(mark, 'a:ext')[0]!.getAttribute('cy')) >= 180 * EMU_PER_PX, 'the mark keeps its height');
  assertApart(slide!, 960);
});

test("a quotation whose lines the browser ended with measured breaks keeps them and does not wrap: its lines are the deck's", () => {
  const slide = quoteSlide();
  const quote = slide.texts[1]!;
  const [first] = quote.paragraphs[0]!.runs;
  quote.paragraphs[0] = { ...quote.paragraphs[0]!, linesBroken: true, runs: [{ ...first!, text: QUOTE.slice(0, 16) }, { ...first!, text: QUOTE.slice(16, 32), breakBefore: true }, { ...first!, text: QUOTE.slice(32), breakBefore: true }] };
  const [part] = written([slide], 960);
  const shape = shapeWithText(part!, QUOTE.slice(0, 16))!;
  assert.equal(elements(shape, 'a:bodyPr')[0]!.getAttribute('wrap'), 'none');
  assert.equal(elements(elements(shape, 'a:p')[0]!, 'a:br').length, 2);
  assertApart(part!, 960);
});

test("an agenda row is one group: its rule, its numbered square with the numeral in it, and its title's shape", () => {
  const [slide] = written([agendaSlide()]);
  for (const [index, words] of ROWS.entries()) {
    const shape = shapeWithText(slide!, words)!;
    assert.equal(elements(shape, 'p:cNvSpPr')[0]!.getAttribute('txBox'), null);
    const group = parent(shape);
    assert.equal(group.nodeName, 'p:grpSp');
    const number = elements(group, 'p:sp').find((sp) => texts(sp).join('') === '一二'[index]);
    assert.ok(number, 'the numeral is in the same group');
    assert.equal(elements(elements(number!, 'p:spPr')[0]!, 'a:srgbClr')[0]!.getAttribute('val'), 'a4000f', 'in its red square');
    assert.equal(elements(group, 'p:sp').length, 4, 'rule, shadow, square, title');
  }
  assertApart(slide!);
});

test('an item stays as it was where one shape would change the picture: pieces side by side, a shape painted over its text', () => {
  const room = { x: 100, y: 100, w: 600, h: 200 };
  const left = block('左', { x: 120, y: 150, w: 100, h: 50 }, room, 36, 48, { item: 0 });
  const right = block('右', { x: 300, y: 150, w: 100, h: 50 }, room, 36, 48, { item: 0 });
  assert.equal(placeItems({ shapes: [], texts: [left, right] }, 1280, 720).texts.length, 2);
  // A shape of the item, then another painted over its words: the text goes on top of all, not in a group.
  const under = block('下', { x: 120, y: 250, w: 100, h: 50 }, room, 36, 48, { item: 0 });
  const own = rect({ x: 100, y: 100, w: 10, h: 10 }, 'd9a93f', { element: 0, item: 0 });
  const over = rect({ x: 110, y: 140, w: 60, h: 60 }, 'a4000f', { element: 1 });
  const placed = placeItems({ shapes: [own, over], texts: [left, under] }, 1280, 720);
  assert.equal(placed.texts.length, 0);
  assert.equal(placed.shapes.length, 3);
  assert.ok(placed.shapes[2]!.text, 'the text shape is painted last');
  assert.ok(placed.shapes.every((shape) => shape.group === undefined));
  // A lone block with nothing drawn for it stays a text box.
  assert.equal(placeItems({ shapes: [], texts: [left] }, 1280, 720).texts.length, 1);
});

test("the footer is one group on top of the slide: its rule, the number's pill with the slide-number field, the short title", () => {
  const pill = rect({ x: 60, y: 685, w: 57, h: 27 }, '7a000b', { element: 1, footer: true, radiusPx: 4, content: { x: 72, y: 690, w: 33, h: 17 }, anchor: 'top' });
  const slide: MeasuredSlide = {
    ...statsSlide(),
    shapes: [...statsSlide().shapes, rect({ x: 0, y: 675, w: 1280, h: 2 }, 'ead9bf', { element: 100, footer: true }), { ...pill, element: 101 }],
  };
  const number: TextBlock = {
    ...block('4 / 6', { x: 72, y: 686, w: 33, h: 25 }, { x: 72, y: 690, w: 33, h: 17 }, 17, 17, { footer: true, container: slide.shapes.length - 1 }, 'left', 'ffffff'),
  };
  number.paragraphs[0]!.runs[0]!.slideNumber = true;
  slide.texts.push(number, block('“两学一做”学习教育', { x: 141, y: 685, w: 171, h: 26 }, { x: 141, y: 689, w: 171, h: 18 }, 18, 18, { footer: true }, 'left'));
  const [part] = written([slide]);
  const tree = elements(part!, 'p:spTree')[0]!;
  const groups = elements(tree, 'p:grpSp').filter((group) => (elements(group, 'p:cNvPr')[0]!.getAttribute('name') ?? '').startsWith('页脚'));
  assert.equal(groups.length, 1);
  const footer = groups[0]!;
  assert.equal(parent(footer).nodeName, 'p:spTree');
  assert.equal(tree.lastChild, footer, 'painted last');
  assert.equal(elements(footer, 'a:fld')[0]!.getAttribute('type'), 'slidenum');
  assert.ok(texts(footer).includes('“两学一做”学习教育'));
  assert.equal(elements(footer, 'p:sp').length, 3, 'rule, pill, title');
  assertApart(part!);
});
