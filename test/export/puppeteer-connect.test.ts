// The browser driver as the build and check load it (src/export/puppeteer-connect.ts): puppeteer-core's
// connect, without its launchers and the download and proxy code they pull in (2 MB that every build and
// check compiled for nothing). That it still connects, every browser test shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { packagesIn, REPORT_PACKAGES } from '../helpers/report-packages.ts';

test('loading the browser code resolves puppeteer-core\'s connect, not its launchers\' packages', async () => {
  const browserModule = fileURLToPath(new URL('../../src/export/browser.ts', import.meta.url));
  const { stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--import', REPORT_PACKAGES, '--input-type=module', '-e', `await import(${JSON.stringify(browserModule)});`],
    { cwd: fileURLToPath(new URL('../../', import.meta.url)), env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const resolved = packagesIn(stderr);
  assert.ok([...resolved].some((name) => name.startsWith('puppeteer-core/')), `the hook sees the driver (${[...resolved].join(', ')})`);
  // The package's own entry (its launchers come with it), and what those launchers load.
  assert.ok(!resolved.has('puppeteer-core'), `puppeteer-core's entry loaded (${[...resolved].join(', ')})`);
  for (const unwanted of ['@puppeteer/browsers', 'ws', 'proxy-agent', 'semver', 'chromium-bidi']) {
    assert.ok(![...resolved].some((name) => name === unwanted || name.startsWith(`${unwanted}/`)), `${unwanted} loaded (${[...resolved].join(', ')})`);
  }
});
