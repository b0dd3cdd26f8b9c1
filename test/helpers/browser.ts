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
 * One browser for several tests of a file, as a `before`/`after` pair would hold it: Chromium costs about a
 * second of CPU to start, and tests that only open pages in it need no browser of their own. Started by the
 * first `get()` through withBrowser, exactly as the commands start it, and kept open until `close()`.
 */
export function sharedBrowser(options: WithBrowserOptions = {}): { get(): Promise<Browser>; close(): Promise<void> } {
  let session: { browser: Promise<Browser>; release(): void; ended: Promise<void> } | undefined;
  return {
    get() {
      if (session === undefined) {
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
        session = { browser, release, ended };
      }
      return session.browser;
    },
    async close() {
      if (session === undefined) return;
      session.release();
      await session.ended;
      session = undefined;
    },
  };
}
