// Every layout and variant in both shipped themes, at 16:9 and 4:3, in Chromium: nothing sticks out of its
// slide, nothing is clipped, the sample slides need no shrinking. With DANGKE_SCREENSHOTS=1, a screenshot per
// slide (plus one contact sheet per theme and aspect) lands in test-output/layouts/<theme>-<aspect>/ for people
// to judge.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { guardNetwork } from '../../src/export/network-guard.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir, browserPath, SAVE_SCREENSHOTS, sharedBrowser, skipWithoutBrowser, testOutputDir } from '../helpers/browser.ts';
import { deckOf, LAYOUT_SLIDES, VARIANT_SLIDES, waitForDeck } from '../helpers/browser-deck.ts';

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
    // A footer title cut with an ellipsis is cut on purpose (its line box is taller than its one-line box).
    const style = getComputedStyle(element);
    if (element.scrollHeight > element.clientHeight + slack && style.overflowY !== 'visible' && style.textOverflow !== 'ellipsis') {
      problems.push({ element: name, problem: `clipped vertically (${element.scrollHeight} > ${element.clientHeight})` });
    }
    // Text wider than its box (nowrap figures, long words) shows up as scrollWidth on the parent box.
    if (element.children.length === 0 && element.scrollWidth > element.clientWidth + slack && element.clientWidth > 0) {
      problems.push({ element: name, problem: `text wider than its box by ${(element.scrollWidth - element.clientWidth) * scale}px` });
    }
  }
  return problems;
}

const THEMES = ['dangzheng', 'jianyue'] as const;
const ASPECTS = [
  { aspect: '16:9', slug: '16x9', width: 1280, height: 720 },
  { aspect: '4:3', slug: '4x3', width: 960, height: 720 },
] as const;
const SLIDES = [...LAYOUT_SLIDES, ...VARIANT_SLIDES];

/** A page of all screenshots side by side: one image to look at per theme and aspect. */
async function contactSheet(browser: Browser, dir: string, files: string[]): Promise<void> {
  const html =
    '<!doctype html><body style="margin:0;padding:8px;background:#555;display:grid;grid-template-columns:repeat(4,1fr);gap:8px">' +
    files.map((file) => `<img style="width:100%;display:block" src="${encodeURIComponent(file)}">`).join('') +
    '</body>';
  const sheet = join(dir, 'sheet.html');
  await writeFile(sheet, html);
  const page = await browser.newPage();
  await page.setViewport({ width: 2000, height: 400 });
  await page.goto(pathToFileURL(sheet).href, { waitUntil: 'load' });
  await page.screenshot({ path: join(dir, 'contact-sheet.png') as `${string}.png`, fullPage: true });
  await page.close();
}

// One browser for the four runs: each opens its own page in it.
const shared = sharedBrowser({ executablePath: browserPath });
after(() => shared.close());

for (const theme of THEMES) {
  for (const { aspect, slug, width, height } of ASPECTS) {
    test(`every layout in the ${theme} theme at ${aspect}`, { skip: skipWithoutBrowser }, async (t) => {
      const outDir = await awkwardTempDir();
      const { indexHtml } = await writeDeckSite(deckOf(SLIDES, { organization: '党支部', theme, aspect }), outDir);
      const shots = await testOutputDir(join('layouts', `${theme}-${slug}`));

      const browser = await shared.get();
      const page = await browser.newPage();
      const { blocked } = await guardNetwork(page);
      // reveal's 4 % margin around the slide, so the slide renders at scale 1.
      await page.setViewport({ width: Math.ceil(width * 1.04), height: Math.ceil(height * 1.04) });
      // transition=none: reveal reads config from the query, and a slide is in place as soon as it is shown.
      await page.goto(`${pathToFileURL(indexHtml).href}?transition=none`, { waitUntil: 'load' });
      await waitForDeck(page);
      const files: string[] = [];

      for (const [index, slide] of SLIDES.entries()) {
        await t.test(`${slide.layout}: fits its slide`, async () => {
          await page.evaluate(async (i: number) => {
            (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(i);
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          }, index);
          const file = `${String(index + 1).padStart(2, '0')}-${slide.layout.replace(/\s+/g, '-')}.png`;
          files.push(file);
          if (SAVE_SCREENSHOTS) await page.screenshot({ path: join(shots, file) as `${string}.png` });
          assert.deepEqual(await page.evaluate(findOverflow), []);
          const fit = await page.evaluate(() => document.querySelector('.reveal .slides section.present')?.getAttribute('data-dangke-fit'));
          assert.equal(fit, '1', 'the sample slides fit without shrinking');
        });
      }
      assert.deepEqual(blocked, []);
      await page.close();
      if (SAVE_SCREENSHOTS) {
        await contactSheet(browser, shots, files);
        t.diagnostic(`screenshots in ${shots}`);
      }
    });
  }
}
