// Text that sits in a box (a card, an agenda number, the footer's number pill, a title band) goes into that
// box's shape, so the shape and its words are one object in PowerPoint: moving or resizing the card carries its
// text. Pure.
//
// The browser measured each text block separately and told which box it sits in (TextBlock.container). Here
// the blocks of one box become the paragraphs of its text body, one under another, placed as the browser
// placed them: the left and right insets are the box's padding (its content box), the top inset the distance to
// the first line, the space between blocks paragraph spacing. A box whose text cannot be written that way
// stays as it was (shape, then separate text boxes): blocks side by side, text reaching out of the box, or
// another shape painted over the text (in the browser the text is painted over it; in a shape it would not be).
import type { Box, MeasuredSlide, Shape, TextBlock, TextParagraph, TextRole } from './slide-model.ts';

export interface ShapeParagraph {
  paragraph: TextParagraph;
  role: TextRole;
}

export interface ShapeText {
  paragraphs: ShapeParagraph[];
  /** Slide px from the shape's edges to its text. */
  insets: { left: number; top: number; right: number; bottom: number };
  anchor: 'top' | 'middle' | 'bottom';
  /**
   * False for a one-line label in a shape with no room for a second line (the footer's "5 / 23" pill, the
   * agenda's number): a wider Office font would wrap it out of the shape; unwrapped it stays on its line.
   */
  wrap: boolean;
  /** The footer's pill: named as part of the footer. */
  footer: boolean;
}

export interface PlacedShape extends Shape {
  text?: ShapeText;
  /** Consecutive shapes with the same number are one group (p:grpSp): an item's shapes and its text (item-shapes.ts). */
  group?: number;
}

export interface ShapesWithText {
  shapes: PlacedShape[];
  /** The text blocks left as text boxes. */
  texts: TextBlock[];
}

/** Tolerance for "inside" and "one under another", slide px (sub-pixel layout, rounding of borders). */
const SLACK_PX = 1.5;
/** Room a one-line label gets beyond its measured width, for Office's wider fonts (see arrange.ts). */
const SINGLE_LINE_SLACK = 0.15;

function within(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - SLACK_PX && inner.y >= outer.y - SLACK_PX && inner.x + inner.w <= outer.x + outer.w + SLACK_PX && inner.y + inner.h <= outer.y + outer.h + SLACK_PX;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
}

/** Lines the browser set the block in: its box is (lines − 1) line heights plus one line's glyphs. */
function lineCount(block: TextBlock): number {
  const lineHeight = block.paragraphs[0]?.lineHeightPx ?? block.box.h;
  return Math.max(1, Math.round(block.box.h / Math.max(1, lineHeight)));
}

/** Where the text box of a shape is: the shape minus its insets. */
export function textArea(shape: PlacedShape): Box | undefined {
  if (!shape.text) return undefined;
  const { left, top, right, bottom } = shape.text.insets;
  return { x: shape.box.x + left, y: shape.box.y + top, w: Math.max(1, shape.box.w - left - right), h: Math.max(1, shape.box.h - top - bottom) };
}

/**
 * The paragraph of one block, moved sideways within the shape's content box the way the browser set it:
 * left-aligned text indented to where its lines start, right-aligned text to where they end, centred text
 * about its own centre.
 */
function placedParagraph(given: TextParagraph, box: Box, room: Box, area: Box): TextParagraph {
  const fromLeft = Math.max(0, box.x - area.x);
  // Text in an element narrower than the shape (the card's number, placed absolutely in a corner) is placed
  // by where that element is; its own alignment only placed it within the element.
  const paragraph: TextParagraph = room.w < area.w - 4 && given.align !== 'left' ? { ...given, align: 'left' } : given;
  const fromRight = Math.max(0, area.x + area.w - (box.x + box.w));
  if (paragraph.align === 'right') return fromRight > 1 ? { ...paragraph, rightPx: fromRight } : paragraph;
  if (paragraph.align === 'center') {
    // A centred line off the area's centre: indent one side by twice the offset.
    const offset = box.x + box.w / 2 - (area.x + area.w / 2);
    if (Math.abs(offset) <= 1) return paragraph;
    return offset > 0 ? { ...paragraph, leftPx: 2 * offset } : { ...paragraph, rightPx: -2 * offset };
  }
  return fromLeft > 0.5 ? { ...paragraph, leftPx: fromLeft } : paragraph;
}

/**
 * The text body of `shape` holding `blocks` (each one paragraph, one under another, inside the shape), or
 * undefined when they cannot be written that way; `later` are the shapes painted after it.
 */
export function shapeText(shape: Shape, blocks: readonly TextBlock[], later: readonly Shape[]): ShapeText | undefined {
  const content = shape.content;
  if (!content || shape.rotation !== 0) return undefined;
  const sorted = [...blocks].sort((a, b) => a.box.y - b.box.y);
  for (const block of sorted) {
    if (block.paragraphs.length !== 1 || !within(block.box, shape.box)) return undefined;
    // Painted over the text in the browser (text paints last), but under it here: keep the text box.
    if (later.some((other) => overlaps(other.box, block.box))) return undefined;
  }
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.box.y < sorted[i - 1]!.box.y + sorted[i - 1]!.box.h - SLACK_PX) return undefined;
  // The text's left and right bounds: the content box, widened to take in a line that reaches past it (an
  // absolutely placed ornament such as the card's number).
  let left = Math.min(content.x, ...sorted.map((b) => b.box.x));
  let right = Math.max(content.x + content.w, ...sorted.map((b) => b.box.x + b.box.w));
  // A label set on one line (the footer's "5 / 23" in its pill) must stay on one line with Office's wider
  // fonts: the padding gives way, as far as the shape's edges, until the widest line has room to spare.
  if (sorted.every((block) => lineCount(block) === 1)) {
    const wanted = Math.max(...sorted.map((b) => b.box.w)) * (1 + SINGLE_LINE_SLACK);
    const grow = Math.max(0, (wanted - (right - left)) / 2);
    left = Math.max(shape.box.x, left - grow);
    right = Math.min(shape.box.x + shape.box.w, right + grow);
  }
  const area: Box = { x: left, y: content.y, w: right - left, h: content.h };
  const paragraphs: ShapeParagraph[] = [];
  let bottom = sorted[0]!.box.y;
  for (const block of sorted) {
    const paragraph = block.paragraphs[0]!;
    const spaceBeforePx = paragraphs.length === 0 ? 0 : Math.max(0, block.box.y - bottom);
    paragraphs.push({ paragraph: { ...placedParagraph(paragraph, block.box, block.room, area), spaceBeforePx }, role: block.role });
    bottom = block.box.y + lineCount(block) * paragraph.lineHeightPx;
  }
  return {
    paragraphs,
    insets: {
      left: Math.max(0, left - shape.box.x),
      top: Math.max(0, sorted[0]!.box.y - shape.box.y),
      right: Math.max(0, shape.box.x + shape.box.w - right),
      bottom: Math.max(0, shape.box.y + shape.box.h - bottom),
    },
    anchor: shape.anchor ?? 'top',
    wrap: !(sorted.every((block) => lineCount(block) === 1) && shape.box.h < 2 * Math.max(...sorted.map((b) => b.paragraphs[0]!.lineHeightPx))),
    footer: sorted.some((block) => block.footer === true),
  };
}

/** The text blocks that `key` gives a number, grouped by it in document order (blocks without one are left out). */
export function blocksBy(texts: readonly TextBlock[], key: (block: TextBlock) => number | undefined): Map<number, TextBlock[]> {
  const groups = new Map<number, TextBlock[]>();
  for (const block of texts) {
    const value = key(block);
    if (value === undefined) continue;
    const list = groups.get(value) ?? [];
    list.push(block);
    groups.set(value, list);
  }
  return groups;
}

export function placeTextInShapes(slide: Pick<MeasuredSlide, 'shapes' | 'texts'>): ShapesWithText {
  const byShape = blocksBy(slide.texts, (block) => block.container);
  const placed = new Set<TextBlock>();
  const shapes: PlacedShape[] = slide.shapes.map((shape, index) => {
    const blocks = byShape.get(index);
    if (!blocks) return shape;
    // Shapes of the same element (its odd border sides) lie in its border, not over its text.
    const later = slide.shapes.slice(index + 1).filter((other) => shape.element === undefined || other.element !== shape.element);
    const text = shapeText(shape, blocks, later);
    if (!text) return shape;
    for (const block of blocks) placed.add(block);
    return { ...shape, text };
  });
  return { shapes, texts: slide.texts.filter((block) => !placed.has(block)) };
}
