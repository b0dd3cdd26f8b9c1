// The handout's geometry: every frame has the slide's aspect, stays on the A4 page inside the margins,
// and no two boxes of different slots overlap; page counts are ceil(slides / per page).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A4, FOOTER, HEADER, handoutLayout, handoutPageCount, MM_TO_PT, parseHandoutPerPage, toPdfRect, type Rect } from '../../src/export/handout-layout.ts';

const SIZES = [
  { aspect: '16:9', width: 1280, height: 720 },
  { aspect: '4:3', width: 960, height: 720 },
];

function inside(inner: Rect, outer: { x: number; y: number; width: number; height: number }): boolean {
  return inner.x >= outer.x - 0.01 && inner.y >= outer.y - 0.01 && inner.x + inner.width <= outer.x + outer.width + 0.01 && inner.y + inner.height <= outer.y + outer.height + 0.01;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const size of SIZES) {
  for (const perPage of [1, 2, 3] as const) {
    test(`handoutLayout ${perPage} per page, ${size.aspect}`, () => {
      const layout = handoutLayout(perPage, size.width, size.height);
      assert.equal(layout.slots.length, perPage);
      const body = { x: HEADER.x, y: HEADER.y + HEADER.height, width: HEADER.width, height: FOOTER.y - HEADER.y - HEADER.height };
      for (const slot of layout.slots) {
        assert.ok(Math.abs(slot.slide.height / slot.slide.width - size.height / size.width) < 0.002, JSON.stringify(slot.slide));
        for (const rect of [slot.slide, slot.notes, ...(slot.lines ? [slot.lines] : [])]) assert.ok(inside(rect, body), JSON.stringify(rect));
        assert.ok(slot.notes.height >= 15, `notes box too small: ${JSON.stringify(slot.notes)}`);
        if (!layout.flow) assert.ok(!overlaps(slot.slide, slot.notes));
        if (slot.lines) assert.ok(!overlaps(slot.lines, slot.notes) && !overlaps(slot.lines, slot.slide));
      }
      for (let i = 1; i < layout.slots.length; i++) {
        const previous = layout.slots[i - 1]!;
        const current = layout.slots[i]!;
        assert.ok(!overlaps(previous.notes, current.notes) && !overlaps(previous.slide, current.slide));
      }
      assert.equal(layout.slots.some((slot) => slot.lines !== undefined), perPage === 3, 'ruled lines only in the 3-up layout');
    });
  }
}

test('handoutPageCount: ceil(slides / per page)', () => {
  assert.deepEqual([1, 2, 3].map((per) => handoutPageCount(28, per as 1 | 2 | 3)), [28, 14, 10]);
  assert.equal(handoutPageCount(1, 3), 1);
  assert.equal(handoutPageCount(300, 3), 100);
});

test('toPdfRect: millimetres from the top-left to points from the bottom-left', () => {
  const pageHeight = A4.height * MM_TO_PT;
  const rect = toPdfRect({ x: 10, y: 20, width: 30, height: 40 }, pageHeight);
  assert.ok(Math.abs(rect.x - 10 * MM_TO_PT) < 1e-9);
  assert.ok(Math.abs(rect.y - (A4.height - 60) * MM_TO_PT) < 1e-9);
  assert.ok(Math.abs(rect.height - 40 * MM_TO_PT) < 1e-9);
});

test('parseHandoutPerPage: 1, 2, 3 as numbers or text; nothing else', () => {
  assert.deepEqual([1, 2, 3, '1', ' 3 ', '2'].map(parseHandoutPerPage), [1, 2, 3, 1, 3, 2]);
  for (const bad of [0, 4, '4', 'two', '', 2.5, null, undefined, '1.0']) assert.equal(parseHandoutPerPage(bad), undefined, String(bad));
});
