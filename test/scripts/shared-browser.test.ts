// The browser test files of one npm test group share one Chromium (test/helpers/browser.ts, sharedBrowser;
// scripts/test-together.mjs keeps it open from file to file and closes it after the last). Checked on two
// small test files run together as npm test runs a group: the second file gets the first one's browser,
// without the tab the first left open, and nothing of that browser outlives the group's process.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { skipWithoutBrowser } from '../helpers/browser.ts';
import { waitForNoLeftovers } from '../robustness/helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const helper = (path: string): string => pathToFileURL(join(ROOT, path)).href;

/** Prints the pid of the shared browser's process and the titles of its tabs, as "<label> <pid> <titles>". */
const REPORT = `
import { browserProcessOf } from '${helper('src/export/browser.ts')}';
export async function report(label, browser) {
  const titles = await Promise.all((await browser.pages()).map((page) => page.title()));
  console.log(['REPORT', label, browserProcessOf(browser).child.pid, JSON.stringify(titles)].join(' '));
}
`;

/** Opens a tab it never closes, as some browser tests do. */
const FIRST = `
import { after, test } from 'node:test';
import { sharedBrowser } from '${helper('test/helpers/browser.ts')}';
import { report } from './report.mjs';
const shared = sharedBrowser();
after(() => shared.close());
test('first file', async () => {
  const page = await (await shared.get()).newPage();
  await page.goto('data:text/html,<title>left by the first file</title>');
  await report('first', await shared.get());
});
`;

const SECOND = `
import { test } from 'node:test';
import { withSharedBrowser } from '${helper('test/helpers/browser.ts')}';
import { report } from './report.mjs';
test('second file', () => withSharedBrowser((browser) => report('second', browser)));
`;

function withoutTestContext(): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _context, ...inherited } = process.env;
  return inherited;
}

test('the browser test files of a group share one browser, tidied between files and closed after the last', { skip: skipWithoutBrowser }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dangke-shared-browser-'));
  try {
    await writeFile(join(dir, 'report.mjs'), REPORT);
    await writeFile(join(dir, 'first.test.ts'), FIRST);
    await writeFile(join(dir, 'second.test.ts'), SECOND);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--test-reporter=spec', join(ROOT, 'scripts', 'test-together.mjs'), join(dir, 'first.test.ts'), join(dir, 'second.test.ts')],
      // Without NODE_TEST_CONTEXT, which a file run under `node --test` has: with it the child would answer in
      // the runner's binary protocol instead of printing its lines.
      { cwd: ROOT, timeout: 120_000, env: withoutTestContext() },
    );
    const reports = new Map(
      stdout
        .split('\n')
        .filter((line) => line.startsWith('REPORT '))
        .map((line) => {
          const [, label, pid, ...titles] = line.split(' ');
          return [label!, { pid: Number(pid), titles: JSON.parse(titles.join(' ')) as string[] }];
        }),
    );
    const first = reports.get('first');
    const second = reports.get('second');
    assert.ok(first && second, stdout);
    assert.equal(second.pid, first.pid, 'the second file got the browser the first one started');
    assert.ok(first.titles.includes('left by the first file'), JSON.stringify(first.titles));
    assert.ok(!second.titles.includes('left by the first file'), `the first file's tab was closed: ${JSON.stringify(second.titles)}`);
    // The group's process has exited; its browser went with it (killed processes take a moment to go).
    assert.deepEqual(await waitForNoLeftovers([first.pid], []), [], 'no process of the shared browser is left');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
