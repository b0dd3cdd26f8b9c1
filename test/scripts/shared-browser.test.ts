// The browser test files of one npm test group share one Chromium (test/helpers/browser.ts, sharedBrowser;
// scripts/test-together.mjs keeps it open from file to file and closes it after the last). Checked on two
// small fixture files (test/fixtures/shared-browser/) run together as npm test runs a group: the second
// file gets the first one's browser, without the tab the first left open, and nothing of that browser
// outlives the group's process.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { skipWithoutBrowser } from '../helpers/browser.ts';
import { runTogether } from '../helpers/together.ts';
import { waitForNoLeftovers } from '../robustness/helpers.ts';

/** The fixtures' "REPORT <label> <pid> <tab titles as JSON>" lines, by label. */
function reports(stdout: string): Map<string, { pid: number; titles: string[] }> {
  return new Map(
    stdout
      .split('\n')
      .filter((line) => line.startsWith('REPORT '))
      .map((line) => {
        const [, label, pid, ...titles] = line.split(' ');
        return [label!, { pid: Number(pid), titles: JSON.parse(titles.join(' ')) as string[] }];
      }),
  );
}

test('the browser test files of a group share one browser, tidied between files and closed after the last', { skip: skipWithoutBrowser }, async () => {
  const run = runTogether(['first.ts', 'second.ts'].map((name) => join('test', 'fixtures', 'shared-browser', name)));
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const found = reports(run.stdout);
  const first = found.get('first');
  const second = found.get('second');
  assert.ok(first && second, run.stdout);
  assert.equal(second.pid, first.pid, 'the second file got the browser the first one started');
  assert.ok(first.titles.includes('left by the first file'), JSON.stringify(first.titles));
  assert.ok(!second.titles.includes('left by the first file'), `the first file's tab was closed: ${JSON.stringify(second.titles)}`);
  // The group's process has exited; its browser went with it (killed processes take a moment to go).
  assert.deepEqual(await waitForNoLeftovers([first.pid], []), [], 'no process of the shared browser is left');
});
