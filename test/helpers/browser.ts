// Browser tests run only where a browser exists; elsewhere they are skipped with a reason, never failed.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
export async function testOutputDir(name: string): Promise<string> {
  const dir = join(import.meta.dirname, '..', '..', 'test-output', name);
  await mkdir(dir, { recursive: true });
  return dir;
}
