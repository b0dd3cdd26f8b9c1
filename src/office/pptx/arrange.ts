// From what the browser measured to the boxes PowerPoint gets. Pure.
// - The items of a bullet list that sit one under another become one text box with one paragraph per item
//   (editing a list in PowerPoint is editing one box); side-by-side items (two columns) stay apart.
// - Each box gets some slack: Office's fonts (微软雅黑 for 思源黑体/Noto) are a little wider in Latin text and
//   taller in their line boxes. A box grows to the right (or both ways when centred) and down, but only into
//   room its container had, never past the slide and never over another text box.
import type { Box, MeasuredSlide, TextBlock } from './slide-model.ts';

/** How much wider and taller a text box may grow than its measured lines. */
const SLACK_WIDTH = 0.08;
const SLACK_HEIGHT = 0.25;
/** Items of one list count as one column when their left edges are this close (slide px). */
const SAME_COLUMN_PX = 2;

export function overlaps(a: Box, b: Box): boolean {
  const gap = 0.01;
  return a.x < b.x + b.w - gap && b.x < a.x + a.w - gap && a.y < b.y + b.h - gap && b.y < a.y + a.h - gap;
}

export function insideSlide(box: Box, width: number, height: number): boolean {
  return box.x >= -0.01 && box.y >= -0.01 && box.x + box.w <= width + 0.01 && box.y + box.h <= height + 0.01;
}

function union(a: Box, b: Box): Box {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/** Consecutive items of one bullet list in one column become one text box. */
export function mergeLists(texts: readonly TextBlock[]): TextBlock[] {
  const merged: TextBlock[] = [];
  for (const block of texts) {
    const last = merged[merged.length - 1];
    if (last && block.listKey !== undefined && last.listKey === block.listKey && Math.abs(last.box.x - block.box.x) <= SAME_COLUMN_PX && block.box.y >= last.box.y + last.box.h - 1) {
      const gap = Math.max(0, block.box.y - (last.box.y + last.box.h));
      const box = union(last.box, block.box);
      const shift = (paragraph: TextBlock['paragraphs'][number], from: Box) => ({ ...paragraph, indentPx: paragraph.indentPx + (from.x - box.x) });
      merged[merged.length - 1] = {
        ...last,
        box,
        room: union(last.room, block.room),
        paragraphs: [
          ...last.paragraphs.map((p) => shift(p, last.box)),
          ...block.paragraphs.map((p, i) => ({ ...shift(p, block.box), spaceBeforePx: i === 0 ? gap : p.spaceBeforePx })),
        ],
      };
    } else {
      merged.push({ ...block, paragraphs: [...block.paragraphs] });
    }
  }
  return merged;
}

function clampToSlide(box: Box, width: number, height: number): Box {
  const x = Math.max(0, box.x);
  const y = Math.max(0, box.y);
  return { x, y, w: Math.max(1, Math.min(box.x + box.w, width) - x), h: Math.max(1, Math.min(box.y + box.h, height) - y) };
}

function characters(block: TextBlock): number {
  return block.paragraphs.reduce((sum, paragraph) => sum + paragraph.runs.reduce((n, run) => n + run.text.length, 0), 0);
}

/**
 * Line boxes can overlap where the ink does not: the quote slide's 180 px opening mark has a line box that
 * reaches into the quotation beside it. Of two overlapping boxes, the one with less text gives way, cut
 * back along the side where the overlap is smallest.
 */
export function separate(blocks: readonly TextBlock[]): TextBlock[] {
  const result = blocks.map((block) => ({ ...block }));
  for (let i = 0; i < result.length; i++) {
    for (let j = i + 1; j < result.length; j++) {
      const a = result[i]!;
      const b = result[j]!;
      if (!overlaps(a.box, b.box)) continue;
      const [small, big] = characters(a) <= characters(b) ? [a, b] : [b, a];
      small.box = cutBack(small.box, big.box);
    }
  }
  return result;
}

/** The largest part of `s` beside `g` (left, right, above or below it); `s` itself when there is none. */
export function cutBack(s: Box, g: Box): Box {
  const cuts: Box[] = [
    { ...s, w: g.x - s.x }, // keep the part left of g
    { x: g.x + g.w, y: s.y, w: s.x + s.w - (g.x + g.w), h: s.h }, // right of it
    { ...s, h: g.y - s.y }, // above it
    { x: s.x, y: g.y + g.h, w: s.w, h: s.y + s.h - (g.y + g.h) }, // below it
  ].filter((cut) => cut.w > 0 && cut.h > 0);
  return cuts.sort((x, y) => y.w * y.h - x.w * x.h)[0] ?? s;
}

/** The box grown by `fraction` of the slack it wants, within its room. */
function grown(block: TextBlock, fraction: number): Box {
  const { box, room } = block;
  const align = block.paragraphs[0]?.align ?? 'left';
  const extraW = box.w * SLACK_WIDTH * fraction;
  const extraH = box.h * SLACK_HEIGHT * fraction;
  const roomLeft = Math.max(0, box.x - room.x);
  const roomRight = Math.max(0, room.x + room.w - (box.x + box.w));
  let left = 0;
  let right = 0;
  if (align === 'center') {
    left = Math.min(extraW / 2, roomLeft);
    right = Math.min(extraW / 2, roomRight);
  } else if (align === 'right') {
    left = Math.min(extraW, roomLeft);
  } else {
    right = Math.min(extraW, roomRight);
  }
  return { x: box.x - left, y: box.y, w: box.w + left + right, h: box.h + extraH };
}

/**
 * Final text boxes for a slide: lists merged, cut back where they overlap each other or `obstacles` (the text
 * areas of shapes that hold text), slack added where it is free (not over another text box nor an obstacle).
 * A measured box that already runs past the slide (a slide the fit could not fit) is cut to the slide.
 */
export function arrangeTexts(slide: Pick<MeasuredSlide, 'texts'>, width: number, height: number, obstacles: readonly Box[] = []): TextBlock[] {
  const blocks = separate(mergeLists(slide.texts).map((block) => ({ ...block, box: clampToSlide(block.box, width, height) }))).map((block) => {
    // A line box reaching into the text of a shape (the quote's opening mark beside the quotation) gives way too.
    for (const obstacle of obstacles) if (overlaps(block.box, obstacle)) block = { ...block, box: cutBack(block.box, obstacle) };
    const only = block.paragraphs.length === 1 ? block.paragraphs[0] : undefined;
    const singleLine = only !== undefined && block.box.h < only.lineHeightPx * 1.5;
    return { ...block, ...(singleLine ? { singleLine } : {}) };
  });
  const final: Box[] = [];
  return blocks.map((block, index) => {
    // Also clear of the text inside shapes (shape-text.ts).
    const others = [...final, ...blocks.slice(index + 1).map((b) => b.box), ...obstacles];
    let box = block.box;
    for (const fraction of [1, 0.5, 0.25]) {
      const candidate = grown(block, fraction);
      if (insideSlide(candidate, width, height) && !others.some((other) => overlaps(candidate, other))) {
        box = candidate;
        break;
      }
    }
    final.push(box);
    return { ...block, box };
  });
}
