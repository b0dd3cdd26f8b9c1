// @ts-check
// Runs several test files in one node process, each as a suite named by its path, so that the ~0.7 s of
// process start, tsx set-up and module loading a file costs under `node --test` is paid once for the group
// (Node 20 has no --test-isolation=none). A file's top-level tests and hooks (before/after) belong to its
// suite, exactly as they belong to the file when it runs alone; the suites run one after another.
//   node --import tsx --test-reporter=spec scripts/test-together.mjs <test files…>
import { after, describe } from 'node:test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Test files that ask for the shared browser (test/helpers/browser.ts, sharedBrowser) share one for the whole
// group: it stays open from file to file (each file's tabs closed when it is done) and is closed here, after
// the last. Symbols, not an import: the helper is TypeScript, and a group without browser tests never loads it.
const KEEP_SHARED_BROWSER = Symbol.for('dangke.test.keepSharedBrowser');
const CLOSE_SHARED_BROWSER = Symbol.for('dangke.test.closeSharedBrowser');
/** @type {Record<symbol, unknown>} */ (globalThis)[KEEP_SHARED_BROWSER] = true;
after(async () => {
  const close = /** @type {Record<symbol, unknown>} */ (globalThis)[CLOSE_SHARED_BROWSER];
  if (typeof close === 'function') await close();
});

// The import must start inside the suite's callback, or the file's tests would not belong to its suite
// (awaiting anything first loses that). Node builds every suite at once, so the files' top-level code runs
// at start-up in no set order; their tests and hooks run one file after another.
for (const file of process.argv.slice(2)) {
  describe(file, async () => {
    await import(pathToFileURL(resolve(file)).href);
  });
}
