// Pictures of the slides, for WeChat groups and for looking over a deck at once (`build --images`):
//
//   images/001.png …     each slide 1920 px wide, screenshots of the print view's pages (what slides.pdf shows)
//   <name>-long.png       the slides stacked, 1080 px wide: one screenshot of a run of print-view pages;
//                         at most LONG_IMAGE_MAX_PX tall, so a long deck gets <name>-long-2.png, -3 …
//   overview.png          every slide as a numbered thumbnail: a page of <img> thumbnails, screenshotted
//
// All drawn by the browser that prints the PDFs, no image library. Memory stays flat for 300 slides: each
// slide picture is written as soon as it is taken; only the thumbnails (about 30 KB each) are kept.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { writeFileAtomic } from '../fs/atomic.ts';
import { SANS_FAMILY } from '../fonts/faces.ts';
import { escapeHtml } from '../page/html-escape.ts';

export const IMAGES_DIR = 'images';
export const OVERVIEW_PNG = 'overview.png';
/** Width of each slide picture. */
export const SLIDE_IMAGE_WIDTH = 1920;
/** Width of the long picture: what WeChat shows without scaling on a phone. */
export const LONG_IMAGE_WIDTH = 1080;
/**
 * Height cap of one long picture: 16384 px is the largest image many phones and Chromium's own rasteriser
 * handle whole; a longer one is split (26 slides of 16:9 or 20 of 4:3 a picture).
 */
export const LONG_IMAGE_MAX_PX = 16_384;
const OVERVIEW_TIMEOUT_MS = 120_000;
/** Width of a thumbnail on the contact sheet. */
const THUMBNAIL_WIDTH = 320;

export interface SlideImageOptions {
  /** The deck's name: dist/<name>/<name>-long.png. */
  name: string;
  /** The deck's title, shown above the contact sheet. */
  title: string;
  /** The slide's size in CSS px (the print view's page). */
  width: number;
  height: number;
}

export interface SlideImages {
  /** images/001.png …, one per slide in order. */
  slides: string[];
  /** <name>-long.png, then <name>-long-2.png … */
  long: string[];
  /** overview.png (set once the contact sheet is written). */
  overview?: string;
}

/** The slide pictures taken from the print view, and the thumbnails the contact sheet will be made of. */
export interface CapturedSlides extends SlideImages {
  thumbnails: Uint8Array[];
}

/** 001.png, 002.png …; four digits from slide 1000 on, so names still sort. */
export function slideImageName(index: number, count: number): string {
  return `${String(index + 1).padStart(Math.max(3, String(count).length), '0')}.png`;
}

/** <name>-long.png for the first part, <name>-long-2.png … for the rest. */
export function longImageName(name: string, part: number): string {
  return part === 0 ? `${name}-long.png` : `${name}-long-${part + 1}.png`;
}

/** Slides per long picture: as many as fit under the height cap at 1080 px wide. */
export function slidesPerLongImage(width: number, height: number): number {
  return Math.max(1, Math.floor(LONG_IMAGE_MAX_PX / ((height * LONG_IMAGE_WIDTH) / width)));
}

/** The runs of slides each long picture holds, of even length: 28 slides make 14 + 14, not 26 + 2. */
export function longImageParts(slideCount: number, width: number, height: number): { first: number; count: number }[] {
  if (slideCount === 0) return [];
  const parts = Math.ceil(slideCount / slidesPerLongImage(width, height));
  const perPart = Math.ceil(slideCount / parts);
  const runs: { first: number; count: number }[] = [];
  for (let first = 0; first < slideCount; first += perPart) runs.push({ first, count: Math.min(perPart, slideCount - first) });
  return runs;
}

/**
 * Takes the pictures from the deck's print view, loaded and fitted on `page` (after printSlidesOn).
 * The page must be in front: a background tab gets no frames, and a screenshot waits for one.
 */
export async function captureSlides(page: Page, dir: string, options: SlideImageOptions): Promise<CapturedSlides> {
  await page.bringToFront();
  const tops = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.reveal .slides .pdf-page')).map((element) => element.getBoundingClientRect().top + window.scrollY),
  );
  const { width, height } = options;
  const shot = (y: number, rows: number, scale: number): Promise<Uint8Array> =>
    page.screenshot({ type: 'png', clip: { x: 0, y, width, height: height * rows, scale }, captureBeyondViewport: true, optimizeForSpeed: true });

  const imagesDir = join(dir, IMAGES_DIR);
  const slides: string[] = [];
  const thumbnails: Uint8Array[] = [];
  for (const [index, top] of tops.entries()) {
    // Each print-view page is a pixel shorter than the slide (reveal's pdfPageHeightOffset); the slide's own
    // height keeps the picture 1920 × 1080, and its last row is the same background either way.
    const path = join(imagesDir, slideImageName(index, tops.length));
    await writeFileAtomic(path, await shot(top, 1, SLIDE_IMAGE_WIDTH / width));
    slides.push(path);
    thumbnails.push(await shot(top, 1, THUMBNAIL_WIDTH / width));
  }

  const long: string[] = [];
  for (const [part, { first, count }] of longImageParts(tops.length, width, height).entries()) {
    const path = join(dir, longImageName(options.name, part));
    await writeFileAtomic(path, await shot(tops[first]!, count, LONG_IMAGE_WIDTH / width));
    long.push(path);
  }
  await removeStale(dir, imagesDir, slides, long, options.name);
  return { slides, long, thumbnails };
}

/** Pictures a longer earlier build of this deck left behind (slide 29 of a deck that now has 28). */
async function removeStale(dir: string, imagesDir: string, slides: string[], long: string[], name: string): Promise<void> {
  const keep = new Set([...slides, ...long]);
  const slidePicture = /^\d{3,}\.png$/;
  const longPicture = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-long-\\d+\\.png$`);
  for (const [folder, pattern] of [[imagesDir, slidePicture], [dir, longPicture]] as const) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const file of names) {
      const path = join(folder, file);
      if (pattern.test(file) && !keep.has(path)) await rm(path, { force: true });
    }
  }
}

/** Columns of the contact sheet: near square, 4 to 10 thumbnails a row. */
export function overviewColumns(count: number): number {
  return Math.min(10, Math.max(4, Math.ceil(Math.sqrt(count))));
}

/** The contact sheet: the title, then every thumbnail with its number. Pure. */
export function overviewHtml(title: string, thumbnails: readonly Uint8Array[], aspect: { width: number; height: number }): string {
  const columns = overviewColumns(thumbnails.length);
  const thumbHeight = Math.round((THUMBNAIL_WIDTH * aspect.height) / aspect.width);
  const figures = thumbnails
    .map(
      (png, index) =>
        `<figure><img src="data:image/png;base64,${Buffer.from(png).toString('base64')}" width="${THUMBNAIL_WIDTH}" height="${thumbHeight}" alt=""><figcaption>${index + 1}</figcaption></figure>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="assets/fonts.css"><style>
html, body { margin: 0; background: #f1ede4; }
body { display: inline-block; padding: 32px; font-family: "${SANS_FAMILY}", "Noto Sans CJK SC", sans-serif; color: #3a2a1a; }
h1 { margin: 0 0 24px; font-size: 32px; font-weight: 700; }
main { display: grid; grid-template-columns: repeat(${columns}, ${THUMBNAIL_WIDTH}px); gap: 20px; }
figure { margin: 0; }
img { display: block; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
figcaption { margin-top: 6px; font-size: 18px; line-height: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
</style></head><body><h1>${escapeHtml(title)}（共 ${thumbnails.length} 张）</h1><main>${figures}</main></body></html>`;
}

/**
 * Writes overview.png on `page` (its content is replaced; the print view and the handout are done with).
 * setContent keeps the page's URL (dist/<name>/index.html), so the deck's own fonts (assets/fonts.css) load.
 */
export async function writeOverview(page: Page, dir: string, captured: CapturedSlides, options: SlideImageOptions): Promise<string> {
  await page.emulateMediaType('screen');
  await page.setViewport({ width: 800, height: 600 });
  // A sheet of 300 thumbnails is some 10 MB of HTML: more than puppeteer's default 30 s on a busy machine.
  await page.setContent(overviewHtml(options.title, captured.thumbnails, options), { waitUntil: 'load', timeout: OVERVIEW_TIMEOUT_MS });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const size = await page.evaluate(() => ({ width: Math.ceil(document.body.getBoundingClientRect().width), height: Math.ceil(document.body.getBoundingClientRect().height) }));
  const path = join(dir, OVERVIEW_PNG);
  await writeFileAtomic(path, await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...size }, captureBeyondViewport: true, optimizeForSpeed: true }));
  return path;
}
