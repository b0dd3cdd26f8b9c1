// What the PDF shows is what the screen shows. Every layout, in both shipped themes and both aspects, is
// laid out once on screen and once in reveal's print view (loaded exactly as the slides.pdf export loads
// it); every visible element must sit in the same place relative to its slide, within 2 px. The PowerPoint
// export takes its boxes from the print view, so a rule the print view loses (reveal's print CSS forces
// `padding: 0 !important` on every slide) would move things there too.
// The same run reads the printed slides.pdf back and checks that no text starts on the theme's edge
// ornaments (the bars and frames a theme draws as its slides' absolutely positioned ::before/::after,
// measured in the print view) or outside the page.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { guardNetwork } from '../../src/export/network-guard.ts';
import { printSlidesOn } from '../../src/export/slides-pdf.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir, skipWithoutBrowser, testOutputDir, withSharedBrowser } from '../helpers/browser.ts';
import { deckOf, LAYOUT_SLIDES, VARIANT_SLIDES, waitForDeck, type SampleSlide } from '../helpers/browser-deck.ts';
import { readPdfTextItems, type PdfTextItem } from '../helpers/pdf.ts';

const THEMES = ['dangzheng', 'jianyue'] as const;
const ASPECTS = [
  { aspect: '16:9', slug: '16x9', width: 1280, height: 720 },
  { aspect: '4:3', slug: '4x3', width: 960, height: 720 },
] as const;
const TOLERANCE_PX = 2;

/** A 16:9 picture as a data URL (the deck's CSP allows data: images): the slide with a photo and a caption. */
const PICTURE =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">' +
      '<rect width="640" height="360" fill="#c8b48c"/><circle cx="320" cy="180" r="120" fill="#a4000f"/></svg>',
  ).toString('base64');

const IMAGE_SLIDES: SampleSlide[] = [
  {
    layout: 'points',
    html: `<h2>驻村第一书记在田间</h2>\n<p><img src="${PICTURE}" alt="驻村第一书记在田间"></p>\n<p>图为驻村工作队走访农户。</p>`,
    notes: '这张照片摄于2016年。',
  },
];

const SLIDES: SampleSlide[] = [...LAYOUT_SLIDES, ...VARIANT_SLIDES, ...IMAGE_SLIDES];

/** An element's box relative to its slide, in slide pixels. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Per slide: its visible elements' boxes, keyed by their path from the slide ("h2:0/span:1"). */
type SlideBoxes = Record<string, Box>;

/**
 * Runs in the page: the boxes of the visible elements of `section`. No helper functions inside (tsx would
 * wrap them in a __name() the page does not have).
 */
function measureSlide(section: HTMLElement): SlideBoxes {
  const slideBox = section.getBoundingClientRect();
  const scale = slideBox.width / section.offsetWidth;
  const boxes: SlideBoxes = {};
  for (const element of Array.from(section.querySelectorAll<HTMLElement>('*'))) {
    if (element.closest('aside.notes')) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
    const steps: string[] = [];
    for (let node: Element = element; node !== section && node.parentElement; node = node.parentElement) {
      steps.unshift(`${node.tagName.toLowerCase()}:${Array.from(node.parentElement.children).indexOf(node)}`);
    }
    boxes[steps.join('/')] = {
      x: (rect.left - slideBox.left) / scale,
      y: (rect.top - slideBox.top) / scale,
      width: rect.width / scale,
      height: rect.height / scale,
    };
  }
  return boxes;
}

/**
 * The slides' boxes in the screen view, ornaments included ("ornament:0" …): each slide is shown in turn
 * (reveal shows only the current one).
 */
async function screenBoxes(page: Page, count: number): Promise<SlideBoxes[]> {
  const result: SlideBoxes[] = [];
  for (let index = 0; index < count; index++) {
    await page.evaluate(async (i: number) => {
      (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(i);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }, index);
    const slide = await page.$('.reveal .slides section.present');
    assert.ok(slide, `slide ${index + 1} is shown`);
    result.push({ ...(await slide.evaluate(measureSlide)), ...ornamentBoxes(await slide.evaluate(measureOrnaments)) });
  }
  return result;
}

/** An area of the slide where the theme draws an ornament, in slide pixels. */
interface Ornament extends Box {
  what: string;
}

/**
 * Runs in the page: the edge ornaments of `section`, its absolutely positioned ::before and ::after. A
 * painted background makes the whole box an ornament; borders alone (a frame) make each border a strip.
 */
function measureOrnaments(section: HTMLElement): Ornament[] {
  const ornaments: Ornament[] = [];
  for (const pseudo of ['::before', '::after']) {
    const style = getComputedStyle(section, pseudo);
    if (style.content === 'none' || style.display === 'none' || style.position !== 'absolute') continue;
    const [top, right, bottom, left, x, y, contentWidth, contentHeight, padTop, padRight, padBottom, padLeft] = [
      style.borderTopWidth, style.borderRightWidth, style.borderBottomWidth, style.borderLeftWidth,
      style.left, style.top, style.width, style.height,
      style.paddingTop, style.paddingRight, style.paddingBottom, style.paddingLeft,
    ].map((value) => Number.parseFloat(value) || 0) as [number, number, number, number, number, number, number, number, number, number, number, number];
    const border = { top, right, bottom, left };
    // width and height of a positioned box resolve to its used content size.
    const width = contentWidth + padLeft + padRight + left + right;
    const height = contentHeight + padTop + padBottom + top + bottom;
    const painted = style.backgroundImage !== 'none' || !/rgba\(.*,\s*0\)|transparent/.test(style.backgroundColor);
    if (painted) {
      ornaments.push({ what: `${pseudo} background`, x, y, width, height });
      continue;
    }
    if (border.top > 0) ornaments.push({ what: `${pseudo} top border`, x, y, width, height: border.top });
    if (border.bottom > 0) ornaments.push({ what: `${pseudo} bottom border`, x, y: y + height - border.bottom, width, height: border.bottom });
    if (border.left > 0) ornaments.push({ what: `${pseudo} left border`, x, y, width: border.left, height });
    if (border.right > 0) ornaments.push({ what: `${pseudo} right border`, x: x + width - border.right, y, width: border.right, height });
  }
  return ornaments;
}

/** Ornaments as boxes to compare alongside the elements'. */
function ornamentBoxes(ornaments: readonly Ornament[]): SlideBoxes {
  return Object.fromEntries(ornaments.map(({ what, ...box }, index) => [`ornament:${index} ${what}`, box]));
}

/** The print view's leaf slides in reading order, as handles. */
async function printSlideHandles(page: Page): Promise<import('puppeteer-core').ElementHandle<HTMLElement>[]> {
  const all = await page.$$('.reveal .slides section');
  const leaves: import('puppeteer-core').ElementHandle<HTMLElement>[] = [];
  for (const handle of all) {
    if (await handle.evaluate((section) => section.querySelector('section') === null)) leaves.push(handle as import('puppeteer-core').ElementHandle<HTMLElement>);
  }
  return leaves;
}

/** Differences larger than the tolerance between the screen's and the print view's boxes of one slide. */
function boxDifferences(screen: SlideBoxes, print: SlideBoxes, tolerance: number): string[] {
  const problems: string[] = [];
  for (const path of new Set([...Object.keys(screen), ...Object.keys(print)])) {
    const a = screen[path];
    const b = print[path];
    if (!a || !b) {
      problems.push(`${path}: ${a ? 'only on screen' : 'only in print'}`);
      continue;
    }
    const worst = Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.width - b.width), Math.abs(a.height - b.height));
    if (worst > tolerance) {
      const show = (box: Box): string => `${box.x.toFixed(0)},${box.y.toFixed(0)} ${box.width.toFixed(0)}×${box.height.toFixed(0)}`;
      problems.push(`${path}: screen ${show(a)}, print ${show(b)}`);
    }
  }
  return problems;
}

/** Full-width opening punctuation at the start of a run. */
const OPENING_PUNCTUATION = /^[“‘「『（《〈【〔［｛]/u;

/** Text runs whose first character lies on an ornament of its page, or which leave the page. */
function misplacedText(items: readonly PdfTextItem[], pages: { width: number; height: number }[], ornaments: Ornament[][]): string[] {
  const problems: string[] = [];
  for (const item of items) {
    const page = pages[item.page - 1]!;
    // The first character's ink: CJK glyphs are about as wide as the font size, drawn above the baseline.
    // An opening bracket or quote mark is drawn in the right half of its em box (why text-spacing-trim can
    // cut the left half at a line start), so its ink, not its origin, is where the text starts.
    const inkStart = OPENING_PUNCTUATION.test(item.text) ? item.x + item.size / 2 : item.x;
    const first = { left: inkStart, right: item.x + Math.min(item.width, item.size), top: item.baseline - item.size * 0.88, bottom: item.baseline };
    const where = `page ${item.page} "${item.text.slice(0, 12)}" at ${item.x.toFixed(0)},${item.baseline.toFixed(0)}`;
    const slack = 1;
    if (inkStart < -slack || item.x + item.width > page.width + slack || first.top < -slack || item.baseline > page.height + slack) {
      problems.push(`${where}: outside the page`);
    }
    for (const ornament of ornaments[item.page - 1] ?? []) {
      const overlaps =
        first.left < ornament.x + ornament.width - slack &&
        first.right > ornament.x + slack &&
        first.top < ornament.y + ornament.height - slack &&
        first.bottom > ornament.y + slack;
      if (overlaps) problems.push(`${where}: starts on the ${ornament.what}`);
    }
  }
  return problems;
}

test('print view and screen lay out every slide alike; PDF text stays off the ornaments', { skip: skipWithoutBrowser }, async (t) => {
  await withSharedBrowser(
    async (browser) => {
      for (const theme of THEMES) {
        for (const { aspect, slug, width, height } of ASPECTS) {
          await t.test(`${theme} ${aspect}`, async () => {
            const { indexHtml } = await writeDeckSite(deckOf(SLIDES, { organization: '党支部', theme, aspect }), await awkwardTempDir());

            // One page: the screen view first, then the print view loaded over it as the export loads it.
            const page = await browser.newPage();
            const pageErrors: string[] = [];
            page.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
            const { blocked } = await guardNetwork(page);
            // reveal's 4 % margin around the slide, so the slide renders at scale 1; no transitions.
            await page.setViewport({ width: Math.ceil(width * 1.04), height: Math.ceil(height * 1.04) });
            await page.goto(`${pathToFileURL(indexHtml).href}?transition=none`, { waitUntil: 'load' });
            await waitForDeck(page);
            const screen = await screenBoxes(page, SLIDES.length);

            const { pdf } = await printSlidesOn(page, indexHtml, { title: theme, aspect }, { outline: false }, pageErrors);
            const print: SlideBoxes[] = [];
            const ornaments: Ornament[][] = [];
            for (const slide of await printSlideHandles(page)) {
              const slideOrnaments = await slide.evaluate(measureOrnaments);
              print.push({ ...(await slide.evaluate(measureSlide)), ...ornamentBoxes(slideOrnaments) });
              ornaments.push(slideOrnaments);
            }
            await page.close();
            assert.deepEqual(blocked, [], 'the deck makes no network request');
            assert.deepEqual(pageErrors, [], 'no script errors');
            await writeFile(join(await testOutputDir('print-parity'), `${theme}-${slug}.pdf`), pdf);

            assert.equal(print.length, SLIDES.length, 'the print view has every slide');
            const differences = SLIDES.flatMap((slide, index) =>
              boxDifferences(screen[index]!, print[index]!, TOLERANCE_PX).map((problem) => `slide ${index + 1} (${slide.layout}) ${problem}`),
            );
            assert.deepEqual(differences, [], 'elements sit where they sit on screen');

            const { pages, items } = await readPdfTextItems(pdf, width);
            assert.equal(pages.length, SLIDES.length, 'one PDF page per slide');
            assert.ok(Math.abs(pages[0]!.height - height) < 1, `pages are ${width}×${height} px`);
            assert.ok(items.length > SLIDES.length, 'the PDF has text to check');
            assert.ok(ornaments.some((list) => list.length > 0), 'the theme draws edge ornaments to check against');
            assert.deepEqual(misplacedText(items, pages, ornaments), [], 'no text on an ornament or off the page');
          });
        }
      }
    },
  );
});
