// A slide's CSS background in native PowerPoint (css-background.ts): colours and linear gradients as the
// slide's own fill, flat bands and frame rules as rectangles, a glow as translucent ellipses, a conic gradient's
// rays as wedges, all inside the slide; what has no native form is left to a picture. And how the writer puts
// them in the slide: the gradient in p:bg, the ornaments first in the shape tree, locked against selection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planBackgrounds } from '../../src/export/measure-slides.ts';
import { elementGradient, nativeBackground, type BackgroundDescription, type PseudoBox } from '../../src/office/pptx/css-background.ts';
import type { MeasuredDeck, MeasuredSlide, Shape } from '../../src/office/pptx/slide-model.ts';
import { writePptx } from '../../src/office/pptx/write-pptx.ts';
import { elements, packageProblems, readPptx } from '../helpers/pptx.ts';

const PAPER = 'rgb(255, 250, 240)';

function described(extra: Partial<BackgroundDescription> = {}): BackgroundDescription {
  return { width: 1280, height: 720, color: PAPER, image: 'none', borderless: true, pageColor: PAPER, backdropPlain: true, pseudos: [], ...extra };
}

const noBorder = { width: 0, style: 'none', color: 'rgb(0, 0, 0)' };

function pseudo(extra: Partial<PseudoBox>): PseudoBox {
  return { color: 'rgba(0, 0, 0, 0)', image: 'none', borders: [noBorder, noBorder, noBorder, noBorder], radius: 0, transformed: false, shadow: 'none', opacity: 1, ...extra };
}

/** The red slides of the dangzheng theme, as Chromium reports their computed background. */
const RED_SLIDE = described({
  color: 'rgba(0, 0, 0, 0)',
  image:
    'radial-gradient(at 50% 115%, rgba(243, 201, 105, 0.28) 0px, rgba(243, 201, 105, 0) 55%), ' +
    'repeating-conic-gradient(from 0deg at 50% 115%, rgba(255, 214, 120, 0.07) 0deg, rgba(255, 214, 120, 0.07) 5deg, rgba(255, 214, 120, 0) 5deg, rgba(255, 214, 120, 0) 10deg), ' +
    'linear-gradient(rgb(164, 0, 15) 0px, rgb(122, 0, 11) 100%)',
  pseudos: [pseudo({ box: { x: 36, y: 28, w: 1208, h: 664 }, borders: [{ width: 3, style: 'double', color: 'rgb(217, 169, 63)' }, noBorder, { width: 3, style: 'double', color: 'rgb(217, 169, 63)' }, noBorder] })],
});

const inside = (shape: Shape): boolean =>
  (shape.polygons ?? [[{ x: shape.box.x, y: shape.box.y }, { x: shape.box.x + shape.box.w, y: shape.box.y + shape.box.h }]]).flat().every((p) => p.x >= -0.01 && p.y >= -0.01 && p.x <= 1280.01 && p.y <= 720.01);

test('the red slides: a linear gradient fill, rays as wedges, a glow as ellipses, the double rules as pairs of rules', () => {
  const native = nativeBackground(RED_SLIDE);
  assert.ok(native);
  assert.ok('gradient' in native.fill);
  assert.deepEqual(native.fill.gradient, { kind: 'linear', angle: 180, stops: [{ at: 0, color: 'a4000f', alpha: 1 }, { at: 1, color: '7a000b', alpha: 1 }] });
  const [rays, ...rest] = native.ornaments;
  assert.equal(rays!.kind, 'custom');
  assert.equal(rays!.fill?.color, 'ffd678');
  assert.ok(Math.abs(rays!.fill!.alpha - 0.07) < 1e-9);
  // 36 rays of 5° round the centre below the slide; those that reach the slide are drawn, cut to it.
  assert.ok(rays!.polygons!.length >= 10 && rays!.polygons!.length <= 36, String(rays!.polygons!.length));
  const glow = rest.filter((shape) => shape.fill?.color === 'f3c969');
  assert.ok(glow.length >= 5, 'the glow is a stack of translucent ellipses');
  assert.ok(glow.every((shape) => shape.fill!.alpha < 0.28));
  // Stacked, the middle of a glow is as strong as the gradient's first stop (0.28), give or take a step (here
  // the middle is below the slide: the rings there are left out).
  const centred = nativeBackground(described({ image: 'radial-gradient(at 50% 50%, rgba(243, 201, 105, 0.28) 0px, rgba(243, 201, 105, 0) 55%)' }))!;
  const stacked = 1 - centred.ornaments.reduce((clear, shape) => clear * (1 - shape.fill!.alpha), 1);
  assert.ok(Math.abs(stacked - 0.28) < 0.03, String(stacked));
  const rules = rest.filter((shape) => shape.fill?.color === 'd9a93f');
  assert.deepEqual(rules.map((shape) => [shape.box.y, shape.box.h]), [[28, 1], [30, 1], [691, 1], [689, 1]]);
  assert.ok(native.ornaments.every(inside), 'nothing outside the slide');
});

test('a quote slide: flat bands of a hard-stop gradient are rectangles; "none" layers paint nothing', () => {
  const native = nativeBackground(described({ image: 'linear-gradient(rgb(164, 0, 15) 0px, rgb(164, 0, 15) 14px, rgb(217, 169, 63) 14px, rgb(217, 169, 63) 18px, rgba(0, 0, 0, 0) 18px), none' }));
  assert.ok(native);
  assert.deepEqual(native.fill, { color: 'fffaf0' });
  assert.deepEqual(native.ornaments.map((shape) => [shape.fill?.color, shape.box]), [
    ['a4000f', { x: 0, y: 0, w: 1280, h: 14 }],
    ['d9a93f', { x: 0, y: 14, w: 1280, h: 4 }],
  ]);
});

test('plain colours, the page under a transparent slide, boxes and rules from ::before', () => {
  assert.deepEqual(nativeBackground(described()), { fill: { color: 'fffaf0' }, ornaments: [] });
  assert.deepEqual(nativeBackground(described({ color: 'rgba(0, 0, 0, 0)', pageColor: 'rgb(1, 2, 3)' }))?.fill, { color: '010203' });
  const bar = pseudo({ box: { x: 0, y: 0, w: 12, h: 720 }, color: 'rgb(161, 42, 34)' });
  const frame = pseudo({ box: { x: 44, y: 36, w: 1192, h: 648 }, borders: [{ width: 6, style: 'solid', color: 'rgb(161, 42, 34)' }, { width: 1, style: 'solid', color: 'rgb(200, 190, 170)' }, { width: 1, style: 'solid', color: 'rgb(200, 190, 170)' }, { width: 1, style: 'solid', color: 'rgb(200, 190, 170)' }] });
  const native = nativeBackground(described({ pseudos: [bar, frame] }));
  assert.ok(native);
  assert.deepEqual(native.ornaments[0]!.box, { x: 0, y: 0, w: 12, h: 720 });
  assert.deepEqual(native.ornaments.slice(1).map((shape) => shape.box), [
    { x: 44, y: 36, w: 1192, h: 6 },
    { x: 1235, y: 36, w: 1, h: 648 },
    { x: 44, y: 683, w: 1192, h: 1 },
    { x: 44, y: 36, w: 1, h: 648 },
  ]);
});

test('what has no native form is left to a picture', () => {
  assert.equal(nativeBackground(described({ image: 'url("file:///x/texture.png")' })), undefined);
  assert.equal(nativeBackground(described({ image: 'radial-gradient(40px 20px at 50% 50%, rgb(255, 0, 0) 0px, rgba(255, 0, 0, 0) 100%)' })), undefined, 'explicit sizes');
  assert.equal(nativeBackground(described({ image: 'conic-gradient(rgb(255, 0, 0), rgb(0, 0, 255))' })), undefined, 'a conic blend');
  assert.equal(nativeBackground(described({ backdropPlain: false })), undefined, 'a reveal data-background');
  assert.equal(nativeBackground(described({ pseudos: [pseudo({ color: 'rgb(0, 0, 0)' })] })), undefined, 'a ::before that is not placed absolutely');
  assert.equal(nativeBackground(described({ pseudos: [pseudo({ box: { x: 0, y: 0, w: 10, h: 10 }, color: 'rgb(0, 0, 0)', transformed: true })] })), undefined);
  // A smooth diagonal gradient is a gradient fill; a translucent one lies over the colour as a shape.
  const diagonal = nativeBackground(described({ image: 'linear-gradient(45deg, rgb(255, 0, 0), rgb(0, 0, 255))' }));
  assert.ok(diagonal && 'gradient' in diagonal.fill && diagonal.fill.gradient.angle === 45);
  const veil = nativeBackground(described({ image: 'linear-gradient(90deg, rgba(92, 0, 8, 0.55) 0px, rgba(92, 0, 8, 0) 60%)' }));
  assert.ok(veil && 'color' in veil.fill && veil.ornaments[0]?.gradient?.stops[1]?.at === 0.6);
});

test('planning: one picture per distinct background without a native form, none for the rest', () => {
  const texture = described({ image: 'url("a.png")' });
  const plan = planBackgrounds([RED_SLIDE, texture, described(), texture, RED_SLIDE]);
  assert.deepEqual(plan.indexOf, [-1, 0, -1, 0, -1]);
  assert.deepEqual(plan.shots, [1]);
  assert.ok(plan.native[0] && plan.native[2] && !plan.native[1]);
});

test('written: the gradient is the slide background, ornaments come first in the shape tree and cannot be picked', () => {
  const native = nativeBackground(RED_SLIDE)!;
  const slide: MeasuredSlide = { classes: ['cover'], background: -1, shapes: [], pictures: [], texts: [], ornaments: native.ornaments, ...('gradient' in native.fill ? { backgroundGradient: native.fill.gradient } : {}) };
  const deck: MeasuredDeck = { width: 1280, height: 720, backgrounds: [], slides: [slide], colors: { ink: '2a211c', accent: 'a4000f', accent2: 'd9a93f', paper: 'fffaf0' } };
  const pkg = readPptx(writePptx({ deck, notes: [[]], properties: { title: '封面', keywords: [] }, colors: deck.colors, images: new Map() }).bytes);
  assert.deepEqual(packageProblems(pkg), []);
  assert.equal([...pkg.files.keys()].filter((name) => name.startsWith('ppt/media/')).length, 0, 'no picture');
  const xml = pkg.xml.get('ppt/slides/slide1.xml')!;
  const background = elements(xml, 'p:bg')[0]!;
  assert.equal(elements(background, 'a:gs').length, 2);
  assert.equal(elements(background, 'a:lin')[0]!.getAttribute('ang'), String(90 * 60000), 'CSS 180deg (down) is DrawingML 90°');
  const shapes = elements(xml, 'p:sp');
  assert.equal(shapes.length, native.ornaments.length);
  assert.ok(shapes.every((sp) => elements(sp, 'a:spLocks')[0]?.getAttribute('noSelect') === '1'));
  const rays = shapes[0]!;
  assert.ok(elements(rays, 'a:moveTo').length >= 10);
  assert.equal(elements(rays, 'a:alpha')[0]!.getAttribute('val'), '7000');
});

test("an element's gradient (the title band's veil over red) is one opaque linear gradient; more than that keeps the plain fill", () => {
  const band = elementGradient('linear-gradient(90deg, rgba(92, 0, 8, 0.55) 0px, rgba(92, 0, 8, 0) 60%), none', { x: 0, y: 0, w: 1280, h: 116 }, { color: 'a4000f', alpha: 1 });
  assert.deepEqual(band, { kind: 'linear', angle: 90, stops: [{ at: 0, color: '7c000b', alpha: 1 }, { at: 0.6, color: 'a4000f', alpha: 1 }] });
  const line = elementGradient('linear-gradient(90deg, rgb(217, 169, 63), rgb(164, 0, 15) 12%, rgb(164, 0, 15) 88%, rgb(217, 169, 63))', { x: 72, y: 360, w: 1136, h: 6 }, undefined);
  assert.deepEqual(line?.stops.map((stop) => [stop.at, stop.color]), [[0, 'd9a93f'], [0.12, 'a4000f'], [0.88, 'a4000f'], [1, 'd9a93f']]);
  assert.equal(elementGradient('linear-gradient(rgba(0, 0, 0, 0.5), rgba(0, 0, 0, 0))', { x: 0, y: 0, w: 10, h: 10 }, undefined), undefined, 'translucent with nothing under it');
  assert.equal(elementGradient('linear-gradient(red, blue), linear-gradient(green, white)', { x: 0, y: 0, w: 10, h: 10 }, undefined), undefined);
});
