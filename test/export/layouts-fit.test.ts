// Fit in Chromium: a slide with too much text is scaled down until it fits (and then measures no overflow
// at all), one that cannot fit even at the floor is scaled to the floor and still reported, with the same
// numbers from fitReport (the fit's marks, which the build reports) and measureOverflow (what `check` reports), on screen
// and in the print view the PDF is made from.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fitReport } from '../helpers/fit-report.ts';
import { measureOverflow } from '../../src/check/overflow.ts';
import { preparePrintView, waitForPrintReady } from '../../src/export/print-ready.ts';
import { FIT_FLOOR } from '../../src/page/client/fit.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { awkwardTempDir, browserPath, sharedBrowser, skipWithoutBrowser, testOutputDir } from '../helpers/browser.ts';
import { deckOf, LAYOUT_SLIDES, waitForDeck, type SampleSlide } from '../helpers/browser-deck.ts';

const LINE = '推动党内教育从“关键少数”向广大党员拓展，从集中性教育向经常性教育延伸，';

function bullets(count: number, text: string): string {
  return Array.from({ length: count }, (_, index) => `<li>第${index + 1}条：${text}</li>`).join('\n');
}

/** A little too much: fits somewhere between the floor and 1. */
const CROWDED: SampleSlide = { layout: 'points', html: `<h2>内容稍多的一页</h2>\n<ul>\n${bullets(7, LINE)}\n</ul>`, notes: '稍多。' };
/** Far too much: cannot fit even at the floor. */
const HOPELESS: SampleSlide = { layout: 'points', html: `<h2>内容太多的一页</h2>\n<ul>\n${bullets(16, LINE + LINE)}\n</ul>`, notes: '太多。' };

// One browser for both themes' runs: each opens its own pages in it.
const shared = sharedBrowser({ executablePath: browserPath });
after(() => shared.close());

for (const theme of ['dangzheng', 'jianyue']) {
  test(`fit in the ${theme} theme`, { skip: skipWithoutBrowser }, async (t) => {
    const slides = [LAYOUT_SLIDES[0]!, CROWDED, HOPELESS, LAYOUT_SLIDES[5]!];
    const outDir = await awkwardTempDir();
    const { indexHtml } = await writeDeckSite(deckOf(slides, { theme }), outDir);
    const shots = await testOutputDir(join('fit', theme));

    const browser = await shared.get();
    const report = await fitReport(browser, indexHtml);
    const overflow = await measureOverflow(browser, indexHtml);

    await t.test('fitReport: the crowded slide is scaled and fits, the hopeless one stays at the floor', () => {
      assert.equal(report.length, 4);
      assert.deepEqual(report[0], { index: 0, scale: 1, overflowPx: 0 });
      assert.ok(report[1]!.scale < 1 && report[1]!.scale >= FIT_FLOOR, JSON.stringify(report[1]));
      assert.equal(report[1]!.overflowPx, 0);
      assert.equal(report[2]!.scale, FIT_FLOOR);
      assert.ok(report[2]!.overflowPx > 0, JSON.stringify(report[2]));
      assert.deepEqual(report[3], { index: 3, scale: 1, overflowPx: 0 });
    });

    await t.test('measureOverflow agrees: 0 after fitting, the rest still reported', () => {
      assert.deepEqual(
        overflow.map((slide) => slide.overflowPx),
        report.map((slide) => slide.overflowPx),
      );
      assert.ok(overflow[2]!.problems.length > 0);
    });

    await t.test('screenshots of the scaled slides', async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1331, height: 749 });
      await page.goto(`${pathToFileURL(indexHtml).href}?transition=none#/1`, { waitUntil: 'load' });
      await waitForDeck(page);
      await page.screenshot({ path: join(shots, 'crowded.png') as `${string}.png` });
      await page.evaluate(() => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(2));
      await page.screenshot({ path: join(shots, 'hopeless.png') as `${string}.png` });
      await page.close();
    });

    await t.test('the print view (the PDF) gets the same scales', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await preparePrintView(page);
      await page.setViewport({ width: 1280, height: 720 });
      await page.emulateMediaType('print');
      const url = pathToFileURL(indexHtml);
      url.search = '?print-pdf';
      await page.goto(url.href, { waitUntil: 'load' });
      await waitForPrintReady(page, 30_000, errors);
      const scales = await page.evaluate(() =>
        Array.from(document.querySelectorAll('.reveal .slides section')).map((section) => Number(section.getAttribute('data-dangke-fit'))),
      );
      assert.deepEqual(scales, report.map((slide) => slide.scale));
      const crowdedFits = await page.evaluate(() => {
        const section = document.querySelectorAll<HTMLElement>('.reveal .slides section')[1]!;
        return section.scrollHeight <= section.clientHeight + 1;
      });
      assert.equal(crowdedFits, true);
      await page.close();
    });
  });
}
