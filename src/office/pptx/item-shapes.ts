// The items of layouts that draw no box round them — a stat (figure and label), a timeline entry (date and
// text), an agenda row (number and title), a quotation and its attribution — become one object each in
// PowerPoint, so that moving one stat does not leave its label behind. Pure.
//
// The browser marked the pieces of each item (TextBlock.item, Shape.item; measure-slides.ts). Here:
// - the item's text blocks become ONE shape without fill (one p:sp), its paragraphs one under another and
//   placed as the browser placed them (shape-text.ts does the placing: insets, paragraph spacing, indents);
// - that shape's box is the union of the blocks' boxes, widened into the room the item had (its container's
//   content box, a little past it for a one-line paragraph) and a little downwards, as far as that is free:
//   Office's fonts are a little wider than the deck's. It never runs past the slide nor over other text. The
//   print view ends an item's lines in explicit breaks where the browser ended them (measure-slides.ts), so
//   the shape does not wrap at all and keeps the deck's lines (Office would break Chinese text between any
//   two characters, the deck breaks it between words); without those breaks a paragraph of several lines
//   keeps the width the browser gave its lines;
// - the shapes drawn for the item (a stat's rule, a timeline entry's dot, an agenda row's rule and numbered
//   square with its numeral) are grouped with it (p:grpSp), so the item moves as a whole. The timeline's line
//   runs under every entry, so it belongs to none and stays a shape of its own.
// An item whose pieces cannot be written that way (blocks side by side, a shape painted over its text) stays
// as it was: separate text boxes.
import { cutBack } from './arrange.ts';
import { blocksBy, shapeText, textArea, type PlacedShape, type ShapesWithText } from './shape-text.ts';
import type { Box, TextBlock, TextParagraph } from './slide-model.ts';

/** How much taller than its lines an item's text may grow (as arrange.ts allows a text box). */
const SLACK_HEIGHT = 0.25;
/** How much wider a paragraph of several lines may run than the browser's lines (as arrange.ts allows a text box). */
const SLACK_WIDTH = 0.08;
/** How far past its room, each side, the item's text may reach, of its widest one-line paragraph's width. */
const SINGLE_LINE_SLACK = 0.15;
/** Tolerance for "one under another", slide px. */
const SLACK_PX = 1.5;

function union(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
}

function overlaps(a: Box, b: Box): boolean {
  const gap = 0.01;
  return a.x < b.x + b.w - gap && b.x < a.x + a.w - gap && a.y < b.y + b.h - gap && b.y < a.y + a.h - gap;
}

/** The blocks can be the paragraphs of one shape: one paragraph each, one under another. */
function stacked(blocks: readonly TextBlock[]): boolean {
  if (blocks.some((block) => block.paragraphs.length !== 1)) return false;
  for (let i = 1; i < blocks.length; i++) if (blocks[i]!.box.y < blocks[i - 1]!.box.y + blocks[i - 1]!.box.h - SLACK_PX) return false;
  return true;
}

function oneLine(block: TextBlock): boolean {
  return block.box.h < block.paragraphs[0]!.lineHeightPx * 1.5;
}

/**
 * The item's text area: the union of its blocks, each side pushed out as far as it is free — sideways to the
 * edges of the item's room (and a little past them when a paragraph set on one line must stay on one line in
 * Office's wider fonts), down by a quarter of its height — within the slide and clear of `obstacles`.
 */
function grownBox(blocks: readonly TextBlock[], obstacles: readonly Box[], width: number, height: number): Box {
  const lines = union(blocks.map((block) => block.box));
  const room = union([lines, ...blocks.map((block) => block.room)]);
  const past = SINGLE_LINE_SLACK * Math.max(0, ...blocks.filter(oneLine).map((block) => block.box.w));
  const reach = { ...room, x: room.x - past, w: room.w + 2 * past };
  // What the item's own lines already overlap (the line box of the quote's big opening mark) gives way to them
  // (arrange.ts cuts it back the same way), and only what is left of it bounds the item.
  const hard = obstacles.map((box) => (overlaps(box, lines) ? cutBack(box, lines) : box)).filter((box) => !overlaps(box, lines));
  let box = lines;
  const free = (candidate: Box): boolean => candidate.x >= 0 && candidate.y >= 0 && candidate.x + candidate.w <= width && candidate.y + candidate.h <= height && !hard.some((other) => overlaps(candidate, other));
  const sides: ((b: Box, f: number) => Box)[] = [
    (b, f) => ({ ...b, x: b.x - f * Math.max(0, b.x - reach.x), w: b.w + f * Math.max(0, b.x - reach.x) }),
    (b, f) => ({ ...b, w: b.w + f * Math.max(0, reach.x + reach.w - (b.x + b.w)) }),
    (b, f) => ({ ...b, h: b.h + f * lines.h * SLACK_HEIGHT }),
  ];
  for (const side of sides) {
    for (const fraction of [1, 0.5, 0.25]) {
      const candidate = side(box, fraction);
      if (free(candidate)) {
        box = candidate;
        break;
      }
    }
  }
  return box;
}

/**
 * A paragraph of several lines keeps the width the browser gave its lines, and a little slack into its room,
 * so that it breaks where the deck broke it, not across the whole item. Less than a character of slack: the
 * deck breaks Chinese lines between words (the renderer's <wbr>), Office between any two characters, so one
 * more character's room would pull the next word's first character up onto the line.
 */
function keepWidth(paragraph: TextParagraph, block: TextBlock, area: Box): TextParagraph {
  if (oneLine(block)) return paragraph;
  const { box, room } = block;
  const extra = Math.min(box.w * SLACK_WIDTH, 0.9 * (paragraph.runs[0]?.sizePx ?? 0));
  const roomLeft = Math.max(0, box.x - room.x);
  const roomRight = Math.max(0, room.x + room.w - (box.x + box.w));
  const [left, right] =
    paragraph.align === 'center' ? [Math.min(extra / 2, roomLeft), Math.min(extra / 2, roomRight)]
    : paragraph.align === 'right' ? [Math.min(extra, roomLeft), 0]
    : [0, Math.min(extra, roomRight)];
  return { ...paragraph, leftPx: Math.max(0, box.x - left - area.x), rightPx: Math.max(0, area.x + area.w - (box.x + box.w + right)) };
}

/**
 * The item shapes of a slide, after placeTextInShapes: the blocks of each item become one shape, inserted
 * after the item's own shapes and grouped with them.
 */
export function placeItems(slide: ShapesWithText, width: number, height: number): ShapesWithText {
  const byItem = blocksBy(slide.texts, (block) => block.item);
  const items = [...byItem.entries()]
    .map(([item, blocks]) => ({ item, blocks: [...blocks].sort((a, b) => a.box.y - b.box.y) }))
    // A lone block with nothing drawn for it is one text box already.
    .filter(({ item, blocks }) => (blocks.length > 1 || slide.shapes.some((shape) => shape.item === item)) && stacked(blocks));
  if (items.length === 0) return slide;

  const merged = new Set(items.flatMap(({ blocks }) => blocks));
  const texts = slide.texts.filter((block) => !merged.has(block));
  const shapeAreas = slide.shapes.map(textArea).filter((area): area is Box => area !== undefined);
  const areas = new Map(items.map(({ item, blocks }) => [item, union(blocks.map((block) => block.box))]));
  let shapes: PlacedShape[] = [...slide.shapes];
  const unplaced: TextBlock[] = [];

  for (const { item, blocks } of items) {
    const obstacles = [...texts.map((block) => block.box), ...shapeAreas, ...[...areas.entries()].filter(([other]) => other !== item).map(([, area]) => area)];
    const box = grownBox(blocks, obstacles, width, height);
    const indices = shapes.flatMap((shape, index) => (shape.item === item ? [index] : []));
    const contiguous = indices.every((index, i) => i === 0 || index === indices[i - 1]! + 1);
    const after = indices.length > 0 ? indices[indices.length - 1]! + 1 : shapes.length;
    // The text goes right after the item's shapes, in one group with them, unless a shape painted later lies over
    // its lines (in the browser text paints over every shape): then it goes on top of all, ungrouped.
    const inGroup = indices.length > 0 && contiguous && !shapes.slice(after).some((other) => blocks.some((block) => overlaps(other.box, block.box)));
    const at = inGroup ? after : shapes.length;
    const host: PlacedShape = { box, kind: 'rect', radiusPx: 0, rotation: 0, content: box, anchor: 'top' };
    // Each paragraph placed within the whole item (shape-text.ts would place text from an element narrower than
    // its shape, like the card's number, by that element's left edge, so a wider font would run off to the right).
    const text = shapeText(host, blocks.map((block) => ({ ...block, room: box })), []);
    if (!text) {
      unplaced.push(...blocks);
      continue;
    }
    // An item whose paragraphs are one line each or end their lines in the breaks the browser measured keeps
    // those lines, however much wider Office's font is: no wrapping at all. Otherwise (a model without measured
    // breaks) each paragraph of several lines keeps its width.
    const wrap = !blocks.every((block) => oneLine(block) || block.paragraphs[0]!.linesBroken === true);
    const paragraphs = wrap ? text.paragraphs.map((entry, index) => ({ ...entry, paragraph: keepWidth(entry.paragraph, blocks[index]!, box) })) : text.paragraphs;
    const placed: PlacedShape = { ...host, text: { ...text, paragraphs, wrap }, item };
    areas.set(item, textArea(placed)!);
    shapes = [
      ...shapes.slice(0, at).map((shape) => (inGroup && shape.item === item ? { ...shape, group: item } : shape)),
      inGroup ? { ...placed, group: item } : placed,
      ...shapes.slice(at),
    ];
  }
  return { shapes, texts: [...texts, ...unplaced].sort((a, b) => slide.texts.indexOf(a) - slide.texts.indexOf(b)) };
}
