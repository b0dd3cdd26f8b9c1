// Every layout of the sample deck in Chromium with the dangzheng theme: nothing sticks out of its slide,
// nothing is clipped, and a screenshot per layout lands in test-output/layouts/ for people to judge.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { withBrowser } from '../../src/export/browser.ts';
import { guardNetwork } from '../../src/export/network-guard.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir, browserPath, skipWithoutBrowser, testOutputDir } from '../helpers/browser.ts';
import { deckOf, LAYOUT_SLIDES } from '../helpers/browser-deck.ts';

interface Overflow {
  element: string;
  problem: string;
}

/** Runs in the page: elements of the current slide outside its box, or with content cut off. */
function findOverflow(): Overflow[] {
  const slide = document.querySelector<HTMLElement>('.reveal .slides section.present');
  if (!slide) return [{ element: 'section', problem: 'no current slide' }];
  const box = slide.getBoundingClientRect();
  const scale = box.width / slide.offsetWidth;
  const problems: Overflow[] = [];
  for (const element of slide.querySelectorAll<HTMLElement>('*')) {
    if (element.closest('aside.notes')) continue;
    const rect = element.getBoundingClientRect();
    const name = `${element.tagName.toLowerCase()}.${element.className || ''} "${(element.textContent ?? '').slice(0, 12)}"`;
    if (rect.width === 0 && rect.height === 0) continue;
    const slack = 1;
    if (rect.left < box.left - slack || rect.right > box.right + slack || rect.top < box.top - slack || rect.bottom > box.bottom + slack) {
      problems.push({ element: name, problem: 'outside the slide' });
    }
    if (element.scrollWidth > element.clientWidth + slack && getComputedStyle(element).overflowX !== 'visible') {
      problems.push({ element: name, problem: `clipped horizontally (${element.scrollWidth} > ${element.clientWidth})` });
    }
    // Text wider than its box (nowrap figures, long words) shows up as scrollWidth on the parent box.
    if (element.children.length === 0 && element.scrollWidth > element.clientWidth + slack && element.clientWidth > 0) {
      problems.push({ element: name, problem: `text wider than its box by ${(element.scrollWidth - element.clientWidth) * scale}px` });
    }
  }
  return problems;
}

test('every layout in the dangzheng theme', { skip: skipWithoutBrowser }, async (t) => {
  const outDir = await awkwardTempDir();
  const { indexHtml } = await writeDeckSite(deckOf(LAYOUT_SLIDES, { organization: '党支部' }), outDir);
  const shots = await testOutputDir('layouts');

  await withBrowser(
    async (browser) => {
      const page = await browser.newPage();
      const { blocked } = await guardNetwork(page);
      // 1331×749: reveal's 4 % margin around a 1280×720 slide, so the slide renders at scale 1.
      await page.setViewport({ width: 1331, height: 749 });
      // transition=none: reveal reads config from the query, and a slide is in place as soon as it is shown.
      await page.goto(`${pathToFileURL(indexHtml).href}?transition=none`, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
      await page.evaluate(async () => {
        await document.fonts.ready;
      });

      for (const [index, slide] of LAYOUT_SLIDES.entries()) {
        await t.test(`${slide.layout}: fits its slide`, async () => {
          await page.evaluate(async (i: number) => {
            (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(i);
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          }, index);
          const file = join(shots, `${String(index + 1).padStart(2, '0')}-${slide.layout}.png`);
          await page.screenshot({ path: file as `${string}.png` });
          assert.deepEqual(await page.evaluate(findOverflow), []);
        });
      }
      assert.deepEqual(blocked, []);
      t.diagnostic(`screenshots in ${shots}`);
    },
    { executablePath: browserPath },
  );
});
