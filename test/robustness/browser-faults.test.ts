// Issue 8, faults in the browser: none, one that never answers, one that crashes mid-export. Each ends in a
// bounded time with a clear message and exit code 5, no stack trace, no Chromium (or stand-in) process left
// behind, and no partial file in dist/. Processes are counted by process group (dangke starts the browser
// as a group leader, so its renderers and zygotes share the group even after the leader dies) and by the
// unique --user-data-dir of each launch.

import assert from 'node:assert/strict';
import { chmod, readdir, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { ExitCode } from '../../src/errors.ts';
import { browserProcessOf, LAUNCH_TIMEOUT_ENV, withBrowser } from '../../src/export/browser.ts';
import { driver } from '../../src/export/puppeteer-connect.ts';
import { exportSlidesPdf } from '../../src/export/slides-pdf.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { renderDeck } from '../../src/render/index.ts';
import { browserPath, skipWithoutBrowser } from '../helpers/browser.ts';
import { assertUserError, makeProject, runCli, waitForNoLeftovers, type Project } from './helpers.ts';

const DECK = '---\ntitle: 故障测试\n---\n\n# 故障测试\n\n---\n\n## 第二张\n\n- 要点\n\nNote:\n讲稿。\n';
/** Short enough to keep the test fast, long enough for a real Chromium on a loaded machine never to hit it. */
const HANG_TIMEOUT_MS = 1_500;

let project: Project;
let deckFile: string;

before(async () => {
  project = await makeProject();
  deckFile = join(project.root, 'slides', '故障 测试.md');
  await writeFile(deckFile, DECK);
});
after(async () => {
  await project?.dispose();
});

/** Every file under a folder, relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true })).map(String);
  } catch {
    return [];
  }
}

describe('no browser', () => {
  it('CHROME_PATH names a missing file → exit 5, names the path and how to install one, no stack', async () => {
    const missing = join(project.root, '没有 浏览器', 'chrome');
    const run = await runCli(project.root, ['build', deckFile, '--out', join(project.root, 'dist-none')], { CHROME_PATH: missing });
    assertUserError(run, ExitCode.browser, new RegExp(missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(run.stderr, /apt-get install chromium/);
    assert.match(run.stderr, /CHROME_PATH=/);
    const files = await filesUnder(join(project.root, 'dist-none'));
    assert.ok(!files.some((file) => file.endsWith('.pdf') || file.endsWith('.tmp')), files.join(', '));
  });

  it('leaves no timer running: the command line returns to the prompt at once, not after the protocol timeout', async () => {
    // A failed start once left puppeteer's call waiting on a pipe that never closed, with its 120 s timer:
    // the error was printed, then the process sat for two minutes.
    const timersBefore = runningTimers();
    const run = await runCli(project.root, ['build', deckFile, '--out', join(project.root, 'dist-none')], { CHROME_PATH: join(project.root, '没有', 'chrome') });
    assert.equal(run.code, ExitCode.browser, run.stderr);
    assert.ok(runningTimers() <= timersBefore, `timers before ${timersBefore}, after ${runningTimers()}: ${process.getActiveResourcesInfo().join(', ')}`);
  });
});

/** Timers keeping this process alive (setTimeout / setInterval not yet fired or cleared, unref'd ones too). */
function runningTimers(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}

describe('a browser that dies as it starts', () => {
  it('CHROME_PATH names a program that exits at once → exit 5 naming it, after one more try', async () => {
    const script = join(project.root, '坏 浏览器.sh');
    await writeFile(script, '#!/bin/sh\necho "崩溃了" >&2\nexit 3\n');
    await chmod(script, 0o755);
    const timersBefore = runningTimers();
    const run = await runCli(project.root, ['build', deckFile, '--out', join(project.root, 'dist-dies')], { CHROME_PATH: script });
    assertUserError(run, ExitCode.browser, /无法启动浏览器 .*坏 浏览器\.sh/);
    assert.ok(run.ms < 20_000, `took ${Math.round(run.ms)} ms`);
    assert.ok(runningTimers() <= timersBefore, `timers before ${timersBefore}, after ${runningTimers()}: ${process.getActiveResourcesInfo().join(', ')}`);
  });
});

describe('a browser that never answers', () => {
  it('is killed after the launch timeout, tried once more, then exit 5; nothing of it is left running', async () => {
    const pids = join(project.root, 'hang pids.txt');
    const script = join(project.root, '卡住 的浏览器.sh');
    // Records its own pid (= its process group, as dangke starts it as a group leader) and sleeps.
    await writeFile(script, `#!/bin/sh\necho $$ >> "${pids}"\nsleep 600\n`);
    await chmod(script, 0o755);
    const run = await runCli(project.root, ['build', deckFile, '--out', join(project.root, 'dist-hang')], {
      CHROME_PATH: script,
      [LAUNCH_TIMEOUT_ENV]: String(HANG_TIMEOUT_MS),
    });
    assertUserError(run, ExitCode.browser, /1\.5 秒内没有响应/);
    assert.match(run.stderr, /试了 2 次/);
    assert.match(run.stderr, new RegExp(LAUNCH_TIMEOUT_ENV), 'the hint says how to allow more time');
    // Two bounded waits and the kills; far below the 30 s default or puppeteer's minutes-long protocol timeout.
    assert.ok(run.ms < 20_000, `took ${Math.round(run.ms)} ms`);
    const groups = (await readFile(pids, 'utf8')).trim().split('\n').map(Number);
    assert.equal(groups.length, 2, 'started twice');
    const left = await waitForNoLeftovers(groups, [script]);
    assert.deepEqual(left, [], 'processes left behind');
    const files = await filesUnder(join(project.root, 'dist-hang'));
    assert.ok(!files.some((file) => file.endsWith('.pdf') || file.endsWith('.tmp')), files.join(', '));
  });
});

/** Launches seen while a test runs: the browser's pid (its process group) and its profile folder. */
/** A browser started while a test runs: read once it is connected (its pid leads its process group). */
interface SeenLaunch {
  browser: Browser;
}

const pidOf = (launch: SeenLaunch): number => browserProcessOf(launch.browser)?.child.pid ?? 0;
const profileOf = (launch: SeenLaunch): string => browserProcessOf(launch.browser)?.userDataDir ?? '';

/**
 * Wraps the driver's connect (what src/export/browser.ts connects with, to the Chromium it started) so
 * that every page's pdf() kills the browser's whole process group while the PDF is being printed, for
 * the first `crashes` calls.
 */
function crashDuringPdf(crashes: number): { seen: SeenLaunch[]; restore: () => void } {
  const target = driver;
  const original = driver.connect;
  const seen: SeenLaunch[] = [];
  let left = crashes;
  target.connect = (async (options) => {
    const browser: Browser = await original(options);
    seen.push({ browser });
    const rigged = new WeakSet<Page>();
    const rig = (page: Page): Page => {
      if (rigged.has(page)) return page;
      rigged.add(page);
      const pdf = page.pdf.bind(page);
      page.pdf = (async (...pdfArgs: Parameters<Page['pdf']>) => {
        if (left <= 0) return pdf(...pdfArgs);
        left -= 1;
        const printing = pdf(...pdfArgs);
        const pid = browserProcessOf(browser)?.child.pid ?? 0;
        // Mid-export: the print has been asked for; now the browser dies.
        setTimeout(() => {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }, 5);
        return printing;
      }) as Page['pdf'];
      return page;
    };
    // Pages come from newPage and, for the browser's first tab, from pages() (see open-tab.ts).
    const newPage = browser.newPage.bind(browser);
    browser.newPage = (async (...args: Parameters<Browser['newPage']>) => rig(await newPage(...args))) as Browser['newPage'];
    const pages = browser.pages.bind(browser);
    browser.pages = (async (...args: Parameters<Browser['pages']>) => (await pages(...args)).map(rig)) as Browser['pages'];
    return browser;
  }) as typeof driver.connect;
  return { seen, restore: () => void (target.connect = original) };
}

describe('a browser that crashes mid-export', { skip: skipWithoutBrowser }, () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('build → exit 5 with a clear message, no Chromium left, no partial or temporary file in dist/', async () => {
    const crash = crashDuringPdf(Number.POSITIVE_INFINITY);
    restore = crash.restore;
    const out = join(project.root, 'dist-crash');
    const run = await runCli(project.root, ['build', deckFile, '--out', out], { CHROME_PATH: browserPath });
    crash.restore();
    assertUserError(run, ExitCode.browser, /导出时浏览器 .* 意外退出了/);
    assert.ok(crash.seen.length >= 1);
    const left = await waitForNoLeftovers(
      crash.seen.map(pidOf),
      crash.seen.map(profileOf),
    );
    assert.deepEqual(left, [], 'Chromium processes left behind');
    const files = await filesUnder(out);
    assert.ok(files.includes(join('故障 测试', 'index.html')), 'the page was written before the export');
    assert.deepEqual(files.filter((file) => file.endsWith('.pdf') || file.endsWith('.tmp')), [], 'no PDF and no temporary file');
  });

  it('with retryOnCrash, one crash is survived: the work is redone in a new browser and the PDF is whole', async () => {
    const source = readDeckMarkdown(DECK, 'slides/故障 测试.md');
    const deck = renderDeck(source.value).value;
    const dir = join(project.root, 'dist-retry');
    const { indexHtml } = await writeDeckSite(deck, dir);
    const crash = crashDuringPdf(1);
    restore = crash.restore;
    const pdfPath = join(dir, 'slides.pdf');
    const result = await withBrowser((browser) => exportSlidesPdf(browser, indexHtml, pdfPath, { title: '故障测试' }), {
      executablePath: browserPath,
      retryOnCrash: true,
    });
    crash.restore();
    assert.equal(crash.seen.length, 2, 'a second browser was started');
    assert.equal(result.pages, 2);
    const bytes = await readFile(pdfPath);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(bytes.subarray(-1024).toString('latin1'), /%%EOF\s*$/, 'the PDF is complete');
    const left = await waitForNoLeftovers(crash.seen.map(pidOf), crash.seen.map(profileOf));
    assert.deepEqual(left, []);
    assert.deepEqual((await filesUnder(dir)).filter((file) => file.endsWith('.tmp')), []);
  });

  it('without retryOnCrash (the default), the crash is reported once as a UserError with exit code 5', async () => {
    const crash = crashDuringPdf(1);
    restore = crash.restore;
    const dir = join(project.root, 'dist-retry');
    await assert.rejects(
      withBrowser((browser) => exportSlidesPdf(browser, join(dir, 'index.html'), join(dir, 'other.pdf'), { title: 'x' }), {
        executablePath: browserPath,
      }),
      (error: unknown) => {
        assert.equal((error as { exitCode?: number }).exitCode, ExitCode.browser);
        assert.match((error as Error).message, /意外退出了/);
        return true;
      },
    );
    crash.restore();
    assert.equal(crash.seen.length, 1);
    assert.deepEqual(await waitForNoLeftovers(crash.seen.map(pidOf), crash.seen.map(profileOf)), []);
  });
});
