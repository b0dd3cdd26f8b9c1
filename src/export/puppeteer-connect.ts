// puppeteer-core's connect, without the rest of its Node entry. That entry also loads the launchers and,
// through them, @puppeteer/browsers with its download and proxy code (semver, proxy-agent, ast-types…):
// 2 MB of JavaScript that every build and check read and compiled, for a launch we never ask for
// (browser-process.ts starts Chromium; we connect over its pipe). The pieces used here are the same
// modules the entry itself uses, so errors thrown inside puppeteer are instances of these classes.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, ConnectOptions } from 'puppeteer-core';
import { _connectToBrowser } from 'puppeteer-core/internal/common/BrowserConnector.js';
import { environment } from 'puppeteer-core/internal/environment.js';

export { ProtocolError, TimeoutError } from 'puppeteer-core/internal/common/Errors.js';

/**
 * What the Node entry sets up before anything runs: files are read and written through it (page.pdf's
 * `path`, addScriptTag's `path`). Left as it is when the entry has loaded too (its ScreenRecorder, for
 * page.screencast(), which we never call, is then there as well).
 */
function provideNodeEnvironment(): void {
  try {
    void environment.value.fs; // a getter that throws until someone provides it
  } catch {
    environment.value = {
      fs,
      path,
      get ScreenRecorder(): never {
        throw new Error('page.screencast() needs puppeteer-core\'s own entry');
      },
    };
  }
}

function connect(options: ConnectOptions): Promise<Browser> {
  provideNodeEnvironment();
  // The same objects at run time; the package declares its public types apart from its internal ones.
  return _connectToBrowser(options as unknown as Parameters<typeof _connectToBrowser>[0]) as unknown as Promise<Browser>;
}

/** The driver browser.ts connects with; an object, so that a test can wrap its connect (browser-faults.test.ts). */
export const driver: { connect: (options: ConnectOptions) => Promise<Browser> } = { connect };
