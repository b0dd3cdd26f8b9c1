// Browser tests run only where a browser exists; elsewhere they are skipped with a reason, never failed.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { withBrowser, type WithBrowserOptions } from '../../src/export/browser.ts';
import { findBrowser } from '../../src/export/find-browser.ts';

export const browserPath: string | undefined = findBrowser(process.env, process.platform, existsSync);

/** `skip` option for node:test: false when a browser exists, else the reason shown in the report. */
// In CI the browser is part of the install (postinstall gets Debian's chromium), so a missing one must fail
// the run loudly rather than skip the tests that matter most.
export const skipWithoutBrowser: false | string =
  browserPath === undefined && process.env.CI === undefined ? 'no Chrome, Chromium or Edge found (install chromium or set CHROME_PATH)' : false;

/** A temporary folder whose path has Chinese characters and a space, as real users' paths do. */
export async function awkwardTempDir(): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'dangke-测试-'));
  const dir = join(base, '字', '文 章');
  await mkdir(dir, { recursive: true });
  return dir;
}

/** test-output/<name>: screenshots and PDFs kept for people to look at (gitignored). */
/**
 * Whether browser tests also save screenshots for people to look at (test-output/…): DANGKE_SCREENSHOTS=1.
 * Off by default: taking and encoding them cost about 12 s of CPU in every `npm test`, and no assertion reads them.
 */
export const SAVE_SCREENSHOTS = process.env.DANGKE_SCREENSHOTS === '1';

export async function testOutputDir(name: string): Promise<string> {
  const dir = join(import.meta.dirname, '..', '..', 'test-output', name);
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Set (to true, on globalThis) by scripts/test-together.mjs, which runs several test files in one process:
 * the browser those files share then stays open from one file to the next, and the runner closes it after
 * the last file, through the function it finds under CLOSE_SHARED_BROWSER.
 */
const KEEP_SHARED_BROWSER = Symbol.for('dangke.test.keepSharedBrowser');
const CLOSE_SHARED_BROWSER = Symbol.for('dangke.test.closeSharedBrowser');

interface BrowserSession {
  browser: Promise<Browser>;
  /** Lets withBrowser end: the browser is closed and its profile removed. */
  release(): void;
  /** Settles once the browser is gone. */
  ended: Promise<void>;
}

/** A browser started through withBrowser, exactly as the commands start one, held open until released. */
function startSession(options: WithBrowserOptions): BrowserSession {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let started: (browser: Browser) => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const browser = new Promise<Browser>((resolve, reject) => {
    started = resolve;
    failed = reject;
  });
  const ended = withBrowser(async (opened) => {
    started(opened);
    await held;
  }, options).catch(failed);
  return { browser, release, ended };
}

async function endSession(session: BrowserSession): Promise<void> {
  session.release();
  await session.ended;
}

/** The default browser, shared by every file of a test process that asks for it; and how many hold it now. */
let processSession: BrowserSession | undefined;
let holders = 0;

async function endProcessSession(): Promise<void> {
  const session = processSession;
  processSession = undefined;
  if (session) await endSession(session);
}
(globalThis as Record<symbol, unknown>)[CLOSE_SHARED_BROWSER] = endProcessSession;

/** The process's browser, started anew when there is none or the last one died (a test that crashed it). */
async function processBrowser(): Promise<Browser> {
  if (processSession) {
    const alive = await processSession.browser.then((browser) => browser.connected, () => false);
    if (!alive) await endProcessSession();
  }
  processSession ??= startSession({});
  return processSession.browser;
}

/**
 * What a file leaves in the shared browser when it is done with it goes, so the next file starts as a fresh
 * browser would: every tab it opened is closed (with its timers and listeners), the first one emptied
 * (closing the last tab could end the browser).
 */
async function tidy(session: BrowserSession): Promise<void> {
  const browser = await session.browser.catch(() => undefined);
  if (!browser?.connected) return;
  const [first, ...rest] = await browser.pages();
  await Promise.all(rest.map((page) => page.close().catch(() => undefined)));
  if (first && first.url() !== 'about:blank') await first.goto('about:blank').catch(() => undefined);
}

/**
 * One browser for tests that only open pages in it, as a `before`/`after` pair would hold it: Chromium
 * costs about a second of wall time and two of CPU to start and stop, and the browser test files alone
 * once started it some twenty times per `npm test`. `get()` starts it (through withBrowser, exactly as the
 * commands start it) or joins the one already running; `close()` lets go of it.
 *
 * Without options, the browser is the test process's: shared with every other file of the process that
 * asks for it (scripts/test-together.mjs runs several files in one process and closes it after the last;
 * a file run alone closes it when it lets go). Each file gets it tidied: the tabs the files before it
 * opened are closed. With options (another executable, environment variables for the browser), the
 * browser is the handle's own and closes with it.
 */
export function sharedBrowser(options: WithBrowserOptions = {}): { get(): Promise<Browser>; close(): Promise<void> } {
  const ownBrowser = Object.entries(options).some(([key, value]) => !(key === 'executablePath' && (value === undefined || value === browserPath)));
  if (ownBrowser) {
    let session: BrowserSession | undefined;
    return {
      get() {
        session ??= startSession(options);
        return session.browser;
      },
      async close() {
        const ending = session;
        session = undefined;
        if (ending) await endSession(ending);
      },
    };
  }
  let holding = false;
  return {
    get() {
      if (!holding) {
        holding = true;
        holders += 1;
      }
      return processBrowser();
    },
    async close() {
      if (!holding) return;
      holding = false;
      holders -= 1;
      if (holders > 0 || processSession === undefined) return;
      if ((globalThis as Record<symbol, unknown>)[KEEP_SHARED_BROWSER] === true) await tidy(processSession);
      else await endProcessSession();
    },
  };
}

/** `fn` with the test process's shared browser (see sharedBrowser), let go of afterwards. */
export async function withSharedBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const shared = sharedBrowser();
  try {
    return await fn(await shared.get());
  } finally {
    await shared.close();
  }
}
