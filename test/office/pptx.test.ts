// The PowerPoint writer without a browser: a measured deck in, a package out that Office opens without a
// repair (every part typed, every relationship resolving, a notes page per slide), text as text with its
// East Asian typeface, bullets as paragraph bullets, lists merged into one box, and no text box past the
// slide or over another.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrangeTexts, insideSlide, mergeLists, overlaps } from '../../src/office/pptx/arrange.ts';
import { notesParagraphs } from '../../src/office/pptx/notes-text.ts';
import type { MeasuredDeck, MeasuredSlide, TextBlock, TextParagraph } from '../../src/office/pptx/slide-model.ts';
import { EMU_PER_PX, imageType, writePptx } from '../../src/office/pptx/write-pptx.ts';
import { elements, packageProblems, paragraphTexts, readPptx, relationships, slideParts, textBoxes } from '../helpers/pptx.ts';

const PNG_1PX = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

function paragraph(text: string, extra: Partial<TextParagraph> = {}): TextParagraph {
  return {
    runs: [{ text, bold: false, italic: false, underline: false, color: '2a211c', sizePx: 40, spacingPx: 0 }],
    align: 'left',
    lineHeightPx: 60,
    level: 0,
    indentPx: 0,
    spaceBeforePx: 0,
    ...extra,
  };
}

function block(text: string, box: TextBlock['box'], extra: Partial<TextBlock> = {}, paragraphExtra: Partial<TextParagraph> = {}): TextBlock {
  return { box, room: { x: box.x, y: box.y, w: 1136, h: box.h }, role: 'body', paragraphs: [paragraph(text, paragraphExtra)], ...extra };
}

const BULLET = { char: '◆', color: 'a4000f', sizePx: 20 };

function pointsSlide(): MeasuredSlide {
  return {
    classes: ['points'],
    background: 0,
    shapes: [{ box: { x: 0, y: 0, w: 1280, h: 116 }, kind: 'rect', fill: { color: 'a4000f', alpha: 1 }, radiusPx: 0, rotation: 0 }],
    pictures: [{ box: { x: 900, y: 200, w: 300, h: 200 }, src: 'images/没有这张图.png', alt: '' }],
    texts: [
      { ...block('学党章党规', { x: 106, y: 22, w: 300, h: 66 }, { role: 'title' }), room: { x: 106, y: 22, w: 1100, h: 66 } },
      block('第一条要点 & <不是标签>', { x: 72, y: 190, w: 568, h: 58 }, { listKey: 'list0' }, { bullet: BULLET, indentPx: 48 }),
      block('第二条要点', { x: 72, y: 282, w: 700, h: 118 }, { listKey: 'list0' }, { bullet: BULLET, indentPx: 48 }),
      {
        ...block('', { x: 72, y: 686, w: 43, h: 25 }, { footer: true }),
        paragraphs: [{ ...paragraph(''), runs: [{ text: '3 / 28', bold: false, italic: false, underline: false, color: 'ffffff', sizePx: 17, spacingPx: 0, slideNumber: true }] }],
      },
    ],
  };
}

function twoColumnSlide(): MeasuredSlide {
  return {
    classes: ['agenda', 'two-columns'],
    background: 0,
    shapes: [],
    pictures: [{ box: { x: 700, y: 400, w: 100, h: 100 }, src: 'images/ok.png', alt: '图', url: 'file:///x/images/ok.png' }],
    texts: [
      block('左一', { x: 72, y: 200, w: 400, h: 58 }, { listKey: 'list0', room: { x: 72, y: 200, w: 500, h: 58 } }, { bullet: BULLET, indentPx: 40 }),
      block('右一', { x: 660, y: 200, w: 400, h: 58 }, { listKey: 'list0', room: { x: 660, y: 200, w: 500, h: 58 } }, { bullet: BULLET, indentPx: 40 }),
      block('左二', { x: 72, y: 300, w: 400, h: 58 }, { listKey: 'list0', room: { x: 72, y: 300, w: 500, h: 58 } }, { bullet: BULLET, indentPx: 40 }),
      block('一段引文', { x: 100, y: 450, w: 1100, h: 250 }, { role: 'quote' }),
    ],
  };
}

const DECK: MeasuredDeck = {
  width: 1280,
  height: 720,
  backgrounds: [PNG_1PX],
  slides: [pointsSlide(), twoColumnSlide()],
  colors: { ink: '2a211c', accent: 'a4000f', accent2: 'd9a93f', paper: 'fffaf0' },
};

function write(deck: MeasuredDeck = DECK) {
  return writePptx({
    deck,
    notes: [['同志们，今天我们学习党章党规。', '第二段讲稿 & 结尾。'], []],
    properties: { title: '“两学一做”学习教育', subject: '副标题', author: '张三', keywords: ['党课', '辉煌历程'] },
    colors: deck.colors,
    images: new Map([['file:///x/images/ok.png', PNG_1PX]]),
  });
}

test('the package is sound: every part typed and reached, every relationship resolves, a notes page per slide', () => {
  const pkg = readPptx(write().bytes);
  assert.deepEqual(packageProblems(pkg), []);
  assert.deepEqual(slideParts(pkg), ['ppt/slides/slide1.xml', 'ppt/slides/slide2.xml']);
  const size = elements(pkg.xml.get('ppt/presentation.xml')!, 'p:sldSz')[0]!;
  assert.equal(Number(size.getAttribute('cx')), 1280 * EMU_PER_PX);
  assert.equal(Number(size.getAttribute('cx')), 12192000);
  assert.equal(Number(size.getAttribute('cy')), 6858000);
  // The background picture is stored once and shared by both slides.
  assert.equal([...pkg.files.keys()].filter((name) => name.startsWith('ppt/media/')).length, 1);
});

test('the checker itself finds a broken package', () => {
  const pkg = readPptx(write().bytes);
  pkg.files.delete('ppt/notesSlides/notesSlide2.xml');
  pkg.files.delete('ppt/media/image1.png');
  const problems = packageProblems(pkg).join('\n');
  assert.match(problems, /notesSlide2\.xml/);
  assert.match(problems, /image1\.png/);
});

test('notes, document properties, escaped text, slide number field', () => {
  const pkg = readPptx(write().bytes);
  const notes = paragraphTexts(pkg.xml.get('ppt/notesSlides/notesSlide1.xml')!);
  assert.deepEqual(notes, ['同志们，今天我们学习党章党规。', '第二段讲稿 & 结尾。']);
  const core = pkg.xml.get('docProps/core.xml')!;
  assert.equal(elements(core, 'dc:title')[0]?.textContent, '“两学一做”学习教育');
  assert.equal(elements(core, 'dc:creator')[0]?.textContent, '张三');
  assert.equal(elements(core, 'dc:subject')[0]?.textContent, '副标题');
  assert.equal(elements(core, 'cp:keywords')[0]?.textContent, '党课; 辉煌历程');
  const slide = pkg.xml.get('ppt/slides/slide1.xml')!;
  assert.ok(paragraphTexts(slide).includes('第一条要点 & <不是标签>'));
  const field = elements(slide, 'a:fld')[0]!;
  assert.equal(field.getAttribute('type'), 'slidenum');
  assert.equal(field.textContent, '3');
});

test('text carries East Asian and Latin typefaces per role; bullets are paragraph bullets', () => {
  const pkg = readPptx(write().bytes);
  const slide = pkg.xml.get('ppt/slides/slide1.xml')!;
  const faces = elements(slide, 'a:ea').map((ea) => ea.getAttribute('typeface'));
  assert.ok(faces.includes('微软雅黑'));
  assert.ok(elements(slide, 'a:latin').every((latin) => (latin.getAttribute('typeface') ?? '') !== ''));
  const quote = pkg.xml.get('ppt/slides/slide2.xml')!;
  assert.ok(elements(quote, 'a:ea').some((ea) => ea.getAttribute('typeface') === '楷体'));
  const bullets = elements(slide, 'a:buChar').map((b) => b.getAttribute('char'));
  assert.deepEqual(bullets, ['◆', '◆']);
});

test('a list in one column is one text box; two columns stay two', () => {
  const merged = mergeLists(pointsSlide().texts);
  assert.equal(merged.length, 3);
  assert.deepEqual(merged[1]!.paragraphs.map((p) => p.runs[0]!.text), ['第一条要点 & <不是标签>', '第二条要点']);
  assert.equal(merged[1]!.paragraphs[1]!.spaceBeforePx, 282 - (190 + 58));
  const columns = mergeLists(twoColumnSlide().texts);
  assert.deepEqual(columns.map((b) => b.paragraphs.map((p) => p.runs[0]!.text).join('|')), ['左一', '右一', '左二', '一段引文']);
});

test('no text box runs past the slide or over another, also after slack is added', () => {
  for (const slide of DECK.slides) {
    const boxes = arrangeTexts(slide, 1280, 720);
    for (const [i, a] of boxes.entries()) {
      assert.ok(insideSlide(a.box, 1280, 720), JSON.stringify(a.box));
      for (const b of boxes.slice(i + 1)) assert.ok(!overlaps(a.box, b.box), `${JSON.stringify(a.box)} × ${JSON.stringify(b.box)}`);
    }
  }
  // In the written slides too (EMU).
  const pkg = readPptx(write().bytes);
  for (const part of slideParts(pkg)) {
    const boxes = textBoxes(pkg.xml.get(part)!);
    for (const [i, a] of boxes.entries()) {
      assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.w <= 12192000 && a.y + a.h <= 6858000, `${part} ${a.text}`);
      for (const b of boxes.slice(i + 1)) assert.ok(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `${part}: ${a.text} × ${b.text}`);
    }
  }
  // A box measured past the slide's edge (a slide the fit could not fit) is cut to it.
  const over = arrangeTexts({ ...pointsSlide(), texts: [block('太长', { x: 72, y: 600, w: 1300, h: 200 })] }, 1280, 720);
  assert.ok(insideSlide(over[0]!.box, 1280, 720));
});

test('a missing picture becomes a visible placeholder and is reported; a present one is a picture', () => {
  const output = write();
  assert.deepEqual(output.placeholders, [{ slide: 0, src: 'images/没有这张图.png', reason: 'missing' }]);
  const pkg = readPptx(output.bytes);
  const first = pkg.xml.get('ppt/slides/slide1.xml')!;
  assert.equal(elements(first, 'p:pic').length, 0);
  assert.ok(paragraphTexts(first).some((text) => text.includes('图片缺失：images/没有这张图.png')));
  const second = pkg.xml.get('ppt/slides/slide2.xml')!;
  assert.equal(elements(second, 'p:pic').length, 1);
  const embed = elements(second, 'a:blip').map((blip) => blip.getAttribute('r:embed'));
  const rels = relationships(pkg, 'ppt/slides/slide2.xml');
  assert.ok(embed.every((id) => rels.get(id ?? '')?.target.startsWith('ppt/media/')));
});

test('4:3 decks get a 4:3 slide', () => {
  const pkg = readPptx(write({ ...DECK, width: 960, height: 720 }).bytes);
  const size = elements(pkg.xml.get('ppt/presentation.xml')!, 'p:sldSz')[0]!;
  assert.equal(size.getAttribute('cx'), '9144000');
  assert.equal(size.getAttribute('cy'), '6858000');
});

test('image types by their bytes; notes Markdown as plain paragraphs', () => {
  assert.equal(imageType(PNG_1PX)?.ext, 'png');
  assert.equal(imageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))?.ext, 'jpeg');
  assert.equal(imageType(new TextEncoder().encode('<svg')), undefined);
  assert.deepEqual(notesParagraphs('第一段**重点**。\n\n- 一条\n- 两条\n'), ['第一段重点。', '一条', '两条']);
  assert.deepEqual(notesParagraphs('  '), []);
});

test('overlapping line boxes (a big quote mark beside its quotation): the one with less text gives way', () => {
  const mark = block('“', { x: 34, y: 98, w: 90, h: 258 }, { role: 'quote' });
  const quotation = block('部署“两学一做”学习教育，就是要推动党内教育拓展。', { x: 120, y: 209, w: 1029, h: 199 }, { role: 'quote' });
  const [a, b] = arrangeTexts({ ...pointsSlide(), texts: [mark, quotation] }, 1280, 720);
  assert.ok(!overlaps(a!.box, b!.box), `${JSON.stringify(a!.box)} × ${JSON.stringify(b!.box)}`);
  assert.equal(b!.box.x, 120, 'the quotation keeps its place');
  assert.ok(a!.box.w >= 80, 'the mark keeps most of its box');
});
