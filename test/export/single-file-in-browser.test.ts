// The single-file deck where it has to work: opened from file:// in Chromium that has no Chinese font and
// no network. Every request is counted (nothing but the file itself and inline data may load), Chinese is
// drawn with the embedded fonts (real glyphs, not tofu), and S opens a speaker view that shows the notes.
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { HTTPRequest } from 'puppeteer-core';
import { withBrowser } from '../../src/export/browser.ts';
import { writeSingleFile } from '../../src/page/single-file.ts';
import { awkwardTempDir, browserPath, skipWithoutBrowser, testOutputDir } from '../helpers/browser.ts';
import {
  assertBundledChineseGlyphs,
  drawGlyphs,
  fiveSlideDeck,
  fontconfigWithoutChinese,
  latinFontDirs,
  openSpeakerView,
  waitForDeck,
} from '../helpers/browser-deck.ts';

const skipWithoutLatinFonts: false | string =
  skipWithoutBrowser ||
  (process.platform !== 'linux' ? 'fontconfig override is Linux-only' : latinFontDirs().length === 0 ? 'no Latin-only font folder to keep' : false);

test('the single file from file://, offline, with no Chinese system font', { skip: skipWithoutLatinFonts }, async (t) => {
  const dir = await awkwardTempDir();
  const { file } = await writeSingleFile(fiveSlideDeck(), join(dir, '两学 一做.html'));
  const shots = await testOutputDir('single-file');

  await withBrowser(
    async (browser) => {
      const page = await browser.newPage();
      // Every request, from the page and from the speaker view popup and its frames: the file itself may
      // load (several times: popup previews), inline data may; anything else counts as a failure.
      const requests: string[] = [];
      const record = (request: HTTPRequest): void => {
        requests.push(request.url());
        if (request.isInterceptResolutionHandled()) return;
        if (/^(file|data|about|blob):/.test(request.url())) void request.continue();
        else void request.abort('internetdisconnected');
      };
      await page.setRequestInterception(true);
      page.on('request', record);
      await page.emulateNetworkConditions({ offline: true, download: 0, upload: 0, latency: 0 });
      await page.setViewport({ width: 1331, height: 749 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await waitForDeck(page);

      await t.test('makes no request but for itself', () => {
        const foreign = requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'));
        assert.deepEqual(foreign, []);
        assert.ok(requests.every((url) => !url.startsWith('file:') || decodeURI(url).endsWith('两学 一做.html')), requests.join('\n'));
      });

      await t.test('draws Chinese with the embedded fonts', async () => {
        await assertBundledChineseGlyphs(page);
        const faces = await page.evaluate(() => {
          const list: string[] = [];
          document.fonts.forEach((face) => list.push(`${face.family.replace(/"/g, '')} ${face.weight} ${face.status}`));
          return list;
        });
        assert.ok(faces.includes('Dangke Sans 400 loaded') && faces.includes('Dangke Serif 700 loaded'), faces.join(', '));
        const title = await page.evaluate(() => {
          const h1 = document.querySelector('.reveal section.cover h1');
          return { font: h1 ? getComputedStyle(h1).fontFamily : '', check: document.fonts.check('bold 76px "Dangke Serif"', h1?.textContent ?? '') };
        });
        assert.match(title.font, /^"Dangke Serif"/);
        assert.equal(title.check, true);
        await page.screenshot({ path: join(shots, 'cover-no-cjk-fonts.png') as `${string}.png` });
      });

      await t.test('S opens the speaker view with the notes, in Chinese', async () => {
        await page.keyboard.press('PageDown');
        await page.keyboard.press('PageDown');
        const { popup, state } = await openSpeakerView(browser, page, '讲稿：学习教育融入日常');
        assert.equal(state.labels.notes, '讲稿');
        assert.equal(state.fontsBundled, true, `the popup draws the notes with the embedded fonts (${state.fontStates})`);
        const [jiang] = await drawGlyphs(popup, '"Dangke Sans"', ['讲']);
        assert.ok(jiang!.inked > 400, 'the notes font draws in the popup');
        await popup.setViewport({ width: 1100, height: 700 });
        // The previews need a moment to lay out their own copy of the deck.
        await popup.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await popup.screenshot({ path: join(shots, 'speaker-view.png') as `${string}.png` });
        await popup.close();
        const foreign = requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && url !== 'about:blank');
        assert.deepEqual(foreign, [], 'the speaker view made no request either');
      });
      await page.close();
    },
    { executablePath: browserPath, env: { FONTCONFIG_FILE: await fontconfigWithoutChinese() } },
  );
  // Keep a copy to open by hand.
  await copyFile(file, join(shots, 'deck.html'));
});
