// The editor's loop in a real Chromium: the dev server's page reloads by itself after a save and stays on
// the same slide; broken front matter shows an overlay naming file and line; fixing it brings the deck back.
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { devCommand, type DevSession } from '../../src/dev/command.ts';
import { memoryReporter } from '../../src/report.ts';
import { awkwardTempDir, sharedBrowser, skipWithoutBrowser } from '../helpers/browser.ts';

const WAIT_MS = 10_000;

function deck(slideFourTitle: string, frontMatter = 'title: 实时预览'): string {
  const slides = ['封面', '目录', '第三张', slideFourTitle, '第五张'].map(
    (title, index) => `<!-- .slide: class="${index === 0 ? 'cover' : 'points'}" -->\n\n## ${title}\n\n- 要点${index}\n\nNote:\n讲稿${index}。\n`,
  );
  return `---\n${frontMatter}\n---\n\n${slides.join('\n---\n\n')}`;
}

interface RevealWindow {
  Reveal?: { isReady(): boolean; getIndices(): { h: number; v: number } };
}

describe('dev server in the browser', { skip: skipWithoutBrowser }, () => {
  let root: string;
  let file: string;
  let session: DevSession;
  const reporter = memoryReporter();
  // One Chromium for both tests, each in a page of its own.
  const browser = sharedBrowser();

  before(async () => {
    root = await awkwardTempDir();
    file = join(root, 'slides', '实时 预览.md');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, deck('原来的标题'));
    session = await devCommand({ root }, reporter);
  });
  after(async () => {
    await browser.close();
    await session?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const waitForDeck = async (page: Page): Promise<void> => {
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal?.isReady() === true, { timeout: WAIT_MS });
  };
  const currentTitle = (page: Page): Promise<string> =>
    page.evaluate(() => document.querySelector('.reveal .slides section.present h2')?.textContent ?? '');

  it('reloads on save, shows the new text, stays on the slide; shows and clears the error overlay', async (t) => {
    const page = await (await browser.get()).newPage();
    try {
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      await page.goto(`${session.url}#/3`, { waitUntil: 'load' });
      await waitForDeck(page);
      assert.equal(await currentTitle(page), '原来的标题');
      // Let the reload channel connect before saving.
      const connected = Date.now();
      while (session.pages === 0) {
        assert.ok(Date.now() - connected < WAIT_MS, 'the page never connected to the reload channel');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      const saved = performance.now();
      await writeFile(file, deck('保存后的新标题'));
      await page.waitForFunction(
        () => document.querySelector('.reveal .slides section.present h2')?.textContent === '保存后的新标题',
        { timeout: WAIT_MS, polling: 20 },
      );
      const reloadMs = Math.round(performance.now() - saved);
      await waitForDeck(page);
      const indices = await page.evaluate(() => (window as unknown as RevealWindow).Reveal!.getIndices());
      assert.equal(indices.h, 3);
      assert.ok(page.url().endsWith('#/3'), page.url());
      t.diagnostic(`save -> new text on screen (debounce, rebuild, reload, reveal.js ready): ${reloadMs} ms`);

      // Broken front matter: the overlay names the file and the line; the terminal gets a line too.
      await writeFile(file, deck('保存后的新标题', 'title: [没有闭合'));
      await page.waitForSelector('#dangke-dev-overlay', { timeout: WAIT_MS });
      const overlay = await page.$eval('#dangke-dev-overlay', (element) => element.textContent ?? '');
      assert.match(overlay, /slides\/实时 预览\.md:2/);
      assert.match(overlay, /第 2 行/);
      assert.ok(reporter.lines.some((line) => line.startsWith('slides/实时 预览.md:2: 错误：')), reporter.lines.join('\n'));

      // Fixed: the deck is back, on the same slide, without the overlay.
      await writeFile(file, deck('改好了'));
      await page.waitForFunction(
        () =>
          document.getElementById('dangke-dev-overlay') === null &&
          document.querySelector('.reveal .slides section.present h2')?.textContent === '改好了',
        { timeout: WAIT_MS, polling: 20 },
      );
      await waitForDeck(page);
      assert.equal((await page.evaluate(() => (window as unknown as RevealWindow).Reveal!.getIndices())).h, 3);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close().catch(() => undefined);
    }
  });

  it('a theme change rebuilds too, and a deck that never built shows the overlay first', async () => {
    const broken = join(root, 'slides', '坏的.md');
    await writeFile(broken, '---\ntitle: 坏\ntheme: 没有这个主题\n---\n\n## 一\n');
    const second = await devCommand({ root, deck: broken }, memoryReporter());
    try {
      const page = await (await browser.get()).newPage();
      try {
        await page.goto(second.url, { waitUntil: 'load' });
        await page.waitForSelector('#dangke-dev-overlay', { timeout: WAIT_MS });
        const overlay = await page.$eval('#dangke-dev-overlay', (element) => element.textContent ?? '');
        assert.match(overlay, /slides\/坏的\.md:3/);
        assert.match(overlay, /没有这个主题/);
        await writeFile(broken, '---\ntitle: 好了\n---\n\n## 修好了\n');
        await page.waitForFunction(() => document.querySelector('.reveal .slides section h2')?.textContent === '修好了', {
          timeout: WAIT_MS,
        });
      } finally {
        await page.close().catch(() => undefined);
      }
    } finally {
      await second.close();
    }
  });
});
