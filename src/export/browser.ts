// Starts a headless browser for the length of one piece of work and always closes it again.
// Started lazily (only when something needs it), never kept in a module-level singleton.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ExitCode, UserError } from '../errors.ts';
import { BROWSER_HINT, requireBrowser } from './find-browser.ts';

const LAUNCH_TIMEOUT_MS = 30_000;
const PROTOCOL_TIMEOUT_MS = 120_000;
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * --no-sandbox: Chromium refuses to run as root (containers, CI) without it; we only load our own files.
 * The rest keep a machine with no network quiet and fast: no update checks, sync, first-run UI or QUIC.
 * --disable-dev-shm-usage: Docker's 64 MB /dev/shm crashes Chromium on large pages.
 * --font-render-hinting=none: the same glyph metrics in screen layout and PDF.
 */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];

async function closeWithin(browser: Browser, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    const outcome = await Promise.race([browser.close().then(() => 'closed' as const), timeout]);
    if (outcome === 'timeout') browser.process()?.kill('SIGKILL');
  } catch {
    browser.process()?.kill('SIGKILL');
  } finally {
    clearTimeout(timer);
  }
}

export interface WithBrowserOptions {
  /** The browser to run; found with requireBrowser() when not given. */
  executablePath?: string;
  /**
   * Environment variables for the browser on top of this process's own, e.g. FONTCONFIG_FILE to run it
   * with no system fonts (the test that the deck's bundled fonts suffice).
   */
  env?: Record<string, string>;
}

export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>, options: WithBrowserOptions = {}): Promise<T> {
  const executablePath = options.executablePath ?? requireBrowser();
  // A fresh profile every time: no locks held by another Chromium, no state carried between runs.
  const userDataDir = await mkdtemp(join(tmpdir(), 'dangke-chrome-'));
  try {
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath,
        headless: true,
        pipe: true,
        args: BROWSER_ARGS,
        userDataDir,
        timeout: LAUNCH_TIMEOUT_MS,
        protocolTimeout: PROTOCOL_TIMEOUT_MS,
        ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new UserError(`Could not start the browser ${executablePath}: ${reason}`, {
        hint: BROWSER_HINT,
        exitCode: ExitCode.browser,
        cause: error,
      });
    }
    try {
      return await fn(browser);
    } finally {
      await closeWithin(browser, CLOSE_TIMEOUT_MS);
    }
  } finally {
    // Chromium may still be flushing its profile for a moment after exit; retry instead of failing.
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  }
}
