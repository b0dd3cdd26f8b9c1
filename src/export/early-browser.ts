// A command that will need Chromium (build with PDFs, check) starts it first thing, before it loads
// puppeteer-core or reads a deck: Chromium takes most of a second to start, and that second then runs on
// the other core while Node loads the driver and writes the pages, instead of after them. The process is
// handed to withBrowser (its `started` option), which connects to it and always ends it.
// Light on purpose: loaded by the command line before anything heavy (no puppeteer-core here).
import { existsSync } from 'node:fs';
import { spawnBrowser, type BrowserProcess } from './browser-process.ts';
import { findBrowser } from './find-browser.ts';

/**
 * Starts the browser the command would use, or returns undefined when there is none (the command then
 * says so in its own words, when it comes to need one). Never throws.
 */
export function startBrowserEarly(env: NodeJS.ProcessEnv = process.env): BrowserProcess | undefined {
  const executablePath = findBrowser(env, process.platform, existsSync);
  if (executablePath === undefined) return undefined;
  try {
    return spawnBrowser(executablePath);
  } catch {
    return undefined;
  }
}
