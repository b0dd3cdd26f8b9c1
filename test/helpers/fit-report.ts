// For the fit tests: which slides the deck scaled down to fit (src/page/client/fit.ts does it in the page,
// on screen and in the print view) and which still overflow at the floor scale, read from the marks the
// fit leaves on each slide (the build reads the same marks from the print view, src/export/slides-pdf.ts)
// with the overflow measured as `check` measures it (src/check/overflow.ts).
import type { Browser } from 'puppeteer-core';
import { guardNetwork } from '../../src/export/network-guard.ts';
import { loadDeck, measureOverflowOnPage } from '../../src/check/overflow.ts';

export interface SlideFit {
  /** 0-based position of the slide in reading order (vertical slides included), as measureOverflow. */
  index: number;
  /** Scale the slide's content was given: 1 when it fits as written, down to the floor (0.7). */
  scale: number;
  /** Slide pixels still beyond the slide (or clipped) at that scale: 0 when it fits. */
  overflowPx: number;
}

/** Every slide of the deck at indexHtml with its scale and remaining overflow. */
export async function fitReport(browser: Browser, indexHtml: string): Promise<SlideFit[]> {
  const page = await browser.newPage();
  try {
    await guardNetwork(page);
    await loadDeck(page, indexHtml);
    const scales = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section'))
        .filter((section) => section.querySelector('section') === null)
        .map((section) => Number(section.getAttribute('data-dangke-fit') ?? '1')),
    );
    const overflow = await measureOverflowOnPage(page);
    return overflow.map((slide) => ({
      index: slide.index,
      scale: Number.isFinite(scales[slide.index]) ? (scales[slide.index] as number) : 1,
      overflowPx: slide.overflowPx,
    }));
  } finally {
    await page.close().catch(() => undefined);
  }
}
