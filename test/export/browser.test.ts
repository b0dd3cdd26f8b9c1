import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { ExitCode, UserError } from '../../src/errors.ts';
import { browserProcessOf, withBrowser, withGuardedPage } from '../../src/export/browser.ts';
import { spawnBrowser } from '../../src/export/browser-process.ts';
import { browserPath, skipWithoutBrowser } from '../helpers/browser.ts';
import { liveProcesses } from '../helpers/processes.ts';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('withBrowser: a browser that cannot start → UserError naming it, exit code "browser"', async () => {
  await assert.rejects(
    withBrowser(async () => 'unreachable', { executablePath: '/nonexistent/浏览器 chrome' }),
    (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.exitCode, ExitCode.browser);
      assert.match(error.message, /\/nonexistent\/浏览器 chrome/);
      assert.match(error.hint ?? '', /CHROME_PATH/);
      return true;
    },
  );
});

test('withBrowser: returns the result and closes the browser and its profile', { skip: skipWithoutBrowser }, async () => {
  let pid = 0;
  let profile = '';
  const version = await withBrowser(
    async (browser) => {
      pid = browserProcessOf(browser)?.child.pid ?? 0;
      profile = browserProcessOf(browser)?.userDataDir ?? '';
      return browser.version();
    },
    { executablePath: browserPath },
  );
  assert.match(version, /Chrom/);
  assert.ok(pid > 0 && profile !== '');
  assert.equal(isRunning(pid), false, 'browser process ended');
  assert.equal(existsSync(profile), false, 'temporary profile removed');
});

test('withBrowser: closes the browser when the work fails, and passes the error on', { skip: skipWithoutBrowser }, async () => {
  let pid = 0;
  const failure = new Error('export went wrong');
  await assert.rejects(
    withBrowser(
      async (browser) => {
        pid = browserProcessOf(browser)?.child.pid ?? 0;
        await browser.newPage();
        throw failure;
      },
      { executablePath: browserPath },
    ),
    (error: unknown) => error === failure,
  );
  assert.ok(pid > 0);
  assert.equal(isRunning(pid), false);
});

/** Renderer processes in the browser's process group (it leads one of its own), or undefined without /proc. */
function renderersOf(pid: number): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  return liveProcesses().filter((info) => info.pgid === pid && info.cmdline.includes('--type=renderer')).length;
}

test('withBrowser: no address-bar pop-ups and no spare renderer are started', { skip: skipWithoutBrowser }, async () => {
  // Chromium 15x preloads the omnibox pop-ups (web apps in renderers of their own) even when headless,
  // and starts a spare renderer for a tab that may come; BROWSER_ARGS turns both off. One launch: the
  // command line is built afresh for each (browserCommandLine, a pure function tested in
  // browser-process.test.ts), so a second launch would see the same flags (under puppeteer.launch, which
  // edited the array it was given, it did not).
  const { urls, renderers } = await withBrowser(
    async (browser) => {
      const page = await browser.newPage();
      await page.goto('data:text/html,<p>x</p>');
      // The pop-ups and the spare appeared within a second of the launch when not turned off.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const pid = browserProcessOf(browser)?.child.pid ?? 0;
      return { urls: browser.targets().map((target) => target.url()), renderers: renderersOf(pid) };
    },
    { executablePath: browserPath },
  );
  assert.ok(urls.some((url) => url.startsWith('data:')), urls.join(', '));
  assert.deepEqual(urls.filter((url) => url.includes('omnibox')), []);
  // One renderer per tab: the first tab's (about:blank) and the data: page's.
  if (renderers !== undefined) assert.equal(renderers, 2);
});

test("withGuardedPage: the browser's own tab first, then pages in the background; network guarded, closed afterwards", { skip: skipWithoutBrowser }, async () => {
  await withBrowser(
    async (browser) => {
      const seen: { visibility: string; blocked: string[]; url: string }[] = [];
      const closed: (() => boolean)[] = [];
      for (let round = 0; round < 2; round++) {
        seen.push(
          await withGuardedPage(browser, async (page, watch) => {
            closed.push(() => page.isClosed());
            const url = page.url();
            await page.setContent('<p>x</p><img src="https://example.com/a.png">', { waitUntil: 'load' });
            return { url, visibility: await page.evaluate(() => document.visibilityState), blocked: [...watch.blockedRequests] };
          }),
        );
      }
      // The first is the tab the browser started with (its renderer already running) …
      assert.equal(seen[0]!.url, 'about:blank');
      // … the next opens hidden: headless Chromium then gives it no frames (no painting for nobody).
      assert.equal(seen[1]!.visibility, 'hidden');
      for (const page of seen) assert.deepEqual(page.blocked, ['https://example.com/a.png']);
      // The first tab is emptied rather than closed (kept in front, so the next stays in the background).
      assert.equal(closed[1]!(), true);
      // … and stays open: emptying it once dropped puppeteer's own listeners and Chromium closed it.
      assert.equal(closed[0]!(), false, 'the first tab is still open after the second page');
    },
    { executablePath: browserPath },
  );
});

test('withBrowser: a browser started early is used when it is the one asked for, and always ended', { skip: skipWithoutBrowser }, async () => {
  const used = spawnBrowser(browserPath!);
  const seen = await withBrowser(async (browser) => browserProcessOf(browser), { executablePath: browserPath, started: used });
  assert.equal(seen, used, 'connected to the early browser');
  await used.ended;
  assert.equal(used.exited(), true, 'ended after the work');

  // Asked for with another environment: a browser of its own; the early one is ended all the same.
  const unused = spawnBrowser(browserPath!);
  const other = await withBrowser(async (browser) => browserProcessOf(browser), { executablePath: browserPath, env: { DANGKE_TEST: '1' }, started: unused });
  assert.notEqual(other, unused);
  await unused.ended;
  assert.equal(unused.exited(), true);
  assert.equal(existsSync(unused.userDataDir), false, 'its profile removed');
});
