// Overflow: does any slide's content reach beyond the slide's box or get clipped? Measured in Chromium
// at the deck's own size, because only a browser with the deck's fonts knows where Chinese text wraps.

import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { closeTab, openTab } from '../export/open-tab.ts';
import { guardNetwork } from '../export/network-guard.ts';
import { FIT_STATE_ATTRIBUTE } from '../page/client/fit.ts';
import { trace } from '../export/trace.ts';

export interface SlideOverflow {
  /** 0-based position of the slide in reading order (vertical slides included). */
  index: number;
  /** How far, in slide pixels, the furthest content reaches beyond the slide's box (0 when it fits). */
  overflowPx: number;
  /** Short descriptions of what sticks out, for people. */
  problems: string[];
}

/** Slack for sub-pixel rounding. */
const TOLERANCE_PX = 1;
const LOAD_TIMEOUT_MS = 30_000;

export async function measureOverflow(browser: Browser, indexHtml: string): Promise<SlideOverflow[]> {
  // In front: reveal starts on animation frames, which a background tab does not get.
  const page = await openTab(browser, { background: false });
  try {
    await guardNetwork(page);
    trace('check: tab open');
    await loadDeck(page, indexHtml);
    trace('check: deck loaded and fitted');
    return await measureOverflowOnPage(page);
  } finally {
    await closeTab(page);
  }
}

/**
 * Opens the deck (no transitions) and waits until it is ready to measure: reveal started, the fonts
 * loaded and the deck's own fit pass done (src/page/client/fit.ts scales slides down after reveal says it
 * is ready; measuring before that would report overflow the audience never sees).
 */
export async function loadDeck(page: Page, indexHtml: string): Promise<void> {
  const url = pathToFileURL(indexHtml);
  url.search = '?transition=none';
  await page.goto(url.href, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await page.waitForFunction(
    (fittedAttribute: string) => {
      const ready = (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true;
      return ready && document.documentElement.getAttribute(fittedAttribute) === 'done';
    },
    { timeout: LOAD_TIMEOUT_MS },
    FIT_STATE_ATTRIBUTE,
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Measures every slide of a deck loadDeck opened. */
export async function measureOverflowOnPage(page: Page): Promise<SlideOverflow[]> {
  return page.evaluate(measureAllSlides, TOLERANCE_PX);
}

/** Runs in the page: visits every slide and measures its content against the slide frame. */
function measureAllSlides(tolerance: number): SlideOverflow[] {
  interface RevealApi {
    getSlides(): HTMLElement[];
    getIndices(slide: HTMLElement): { h: number; v: number };
    slide(h: number, v?: number): void;
  }
  const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
  const results: SlideOverflow[] = [];
  for (const [index, slide] of reveal.getSlides().entries()) {
    const { h, v } = reveal.getIndices(slide);
    // reveal shows the slide (and the fit refits it) synchronously, and reading a box below lays it out:
    // no frame is awaited (two per slide were a second of a 28-slide check; measuring needs no paint).
    // (No named helper functions in here: tsx would wrap them in a __name() call that does not exist
    // inside the page.)
    reveal.slide(h, v);
    // The .slides container is exactly the deck's configured size (scaled to the window): the slide's frame.
    const container = document.querySelector<HTMLElement>('.reveal .slides')!;
    const box = container.getBoundingClientRect();
    const scale = box.width / (container.offsetWidth || 1);
    let overflow = 0;
    const problems: string[] = [];
    for (const element of slide.querySelectorAll<HTMLElement>('*')) {
      if (element.closest('aside.notes')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const beyond = Math.max(box.left - rect.left, rect.right - box.right, box.top - rect.top, rect.bottom - box.bottom) / scale;
      // Content hidden inside a box that clips it counts too, unless the theme clips on purpose (ellipsis).
      const style = getComputedStyle(element);
      const clipsOnPurpose = style.textOverflow === 'ellipsis';
      const clipped = !clipsOnPurpose && style.overflowY !== 'visible' ? element.scrollHeight - element.clientHeight : 0;
      const worst = Math.max(beyond, clipped);
      if (worst > tolerance) {
        overflow = Math.max(overflow, worst);
        const text = (element.textContent ?? '').trim().slice(0, 16);
        problems.push(`<${element.tagName.toLowerCase()}>「${text}」超出 ${Math.round(worst)}px`);
      }
    }
    results.push({ index, overflowPx: Math.round(overflow), problems: problems.slice(0, 3) });
  }
  return results;
}
