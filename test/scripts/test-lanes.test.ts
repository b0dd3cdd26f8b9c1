// scripts/test.mjs (npm test) runs the test files in groups, each group in one process
// (scripts/test-together.mjs), from one queue shared by the workers; browser tests run one group at a time.
// A browser test put among the plain ones could run beside another browser test, so the split is checked
// on the real test files; the queue, the grouping and running files together are checked on small cases.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fileTimes, groupFiles, runQueue, splitLanes, summary, testFiles } from '../../scripts/test.mjs';
import { runTogether } from '../helpers/together.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

test('npm test lanes: every test file exactly once; files that start Chromium in the browser lane', () => {
  const files = testFiles(join(ROOT, 'test'));
  assert.ok(files.includes(join('test', 'scripts', 'test-lanes.test.ts')), 'finds this file');
  const { plain, browser } = splitLanes(files, read);
  assert.deepEqual([...plain, ...browser].sort(), files);
  for (const file of files) {
    const text = read(file);
    // The browser helpers and the commands that print or measure in Chromium.
    if (/helpers\/browser\.ts|export\/browser\.ts|checkCommand\(|CHROME_PATH/.test(text)) assert.ok(browser.includes(file), `${file} starts Chromium`);
  }
  for (const file of ['test/commands/check.test.ts', 'test/export/slides-pdf.test.ts', 'test/e2e/build.test.ts']) assert.ok(browser.includes(file), file);
  for (const file of ['test/parse/rules.test.ts', 'test/render/render.test.ts', 'test/markdown/read.test.ts']) assert.ok(plain.includes(file), file);
});

test('summary reads the pass and fail counts of a node:test run, and zero when there is none', () => {
  assert.deepEqual(summary('✔ a (1ms)\nℹ tests 7\nℹ suites 1\nℹ pass 5\nℹ fail 2\nℹ cancelled 0\n'), { pass: 5, fail: 2 });
  assert.deepEqual(summary('error TS2304: Cannot find name'), { pass: 0, fail: 0 });
});

test('fileTimes reads how long each file took from the lines of its suite, not of the tests in it', () => {
  const output = [
    '▶ test/a/one.test.ts',
    '  ✔ test/b/inner.test.ts looks like a file but is a test (3ms)',
    '✔ test/a/one.test.ts (812.5ms)',
    '✖ test/b/two.test.ts (20ms)',
    'ℹ duration_ms 900',
  ].join('\n');
  assert.deepEqual(fileTimes(output), { 'test/a/one.test.ts': 812.5, 'test/b/two.test.ts': 20 });
});

test('groupFiles: every file in exactly one group, the groups about equally long, longest first', () => {
  const costs: Record<string, number> = { a: 50, b: 40, c: 30, d: 20, e: 10, f: 10, g: 5, h: 5, i: 1 };
  const groups = groupFiles(Object.keys(costs), 3, (file) => costs[file]!);
  assert.equal(groups.length, 3);
  assert.deepEqual(groups.flatMap((group) => group.files).sort(), Object.keys(costs));
  for (const group of groups) assert.equal(group.cost, group.files.reduce((sum, file) => sum + costs[file]!, 0));
  const spread = groups[0]!.cost - groups.at(-1)!.cost;
  assert.ok(spread <= 10, `spread ${spread}: ${JSON.stringify(groups)}`);
  assert.deepEqual(groups.map((group) => group.cost), [...groups.map((group) => group.cost)].sort((a, b) => b - a));
  assert.deepEqual(groupFiles(['x', 'y'], 5, () => 1).length, 2, 'no empty groups');
});

/** Runs fake jobs through runQueue, each taking `cost` ticks of a shared clock; returns what ran when. */
async function simulate(jobs: Array<{ name: string; browser: boolean; cost: number }>, workers: number, browsersAtOnce: number) {
  const log: Array<{ name: string; start: number; end: number; browser: boolean }> = [];
  let clock = 0;
  const pending: Array<{ at: number; resolve: () => void }> = [];
  const finished: string[] = [];
  const queued = runQueue(
    jobs.map((job) => ({ ...job, command: ['node', []] as [string, string[]] })),
    workers,
    browsersAtOnce,
    (job) =>
      new Promise<void>((resolve) => {
        log.push({ name: job.name, start: clock, end: clock + job.cost, browser: job.browser });
        pending.push({ at: clock + job.cost, resolve });
      }),
    (job) => finished.push(job.name),
  );
  // Advance the clock to the next job's end until the queue is done.
  let done = false;
  void queued.then(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    if (pending.length === 0) continue;
    pending.sort((a, b) => a.at - b.at);
    const next = pending.shift()!;
    clock = next.at;
    next.resolve();
  }
  return { log, finished, end: clock };
}

const overlapping = (log: Array<{ start: number; end: number; browser: boolean }>): number =>
  Math.max(0, ...log.filter((job) => job.browser).map((job) => log.filter((other) => other.browser && other.start <= job.start && job.start < other.end).length));

test('runQueue: every job runs once; one browser job at a time while other work is left, starting at once', async () => {
  const jobs = [
    { name: 'tsc', browser: false, cost: 25 },
    { name: 'p1', browser: false, cost: 30 },
    { name: 'p2', browser: false, cost: 20 },
    { name: 'b1', browser: true, cost: 40 },
    { name: 'b2', browser: true, cost: 30 },
    { name: 'b3', browser: true, cost: 10 },
  ];
  const { log, finished, end } = await simulate(jobs, 2, 1);
  assert.deepEqual([...finished].sort(), jobs.map((job) => job.name).sort());
  assert.equal(overlapping(log), 1, JSON.stringify(log));
  assert.equal(log.find((job) => job.name === 'b1')!.start, 0, 'the longest browser job starts first');
  assert.equal(end, 80, 'the browser chain sets the end, with no gap in it');
});

test('runQueue: once only browser jobs are left, up to browsersAtOnce run together', async () => {
  const jobs = [
    { name: 'p1', browser: false, cost: 5 },
    { name: 'b1', browser: true, cost: 40 },
    { name: 'b2', browser: true, cost: 30 },
    { name: 'b3', browser: true, cost: 30 },
  ];
  const one = await simulate(jobs, 2, 1);
  assert.equal(overlapping(one.log), 1);
  assert.equal(one.end, 100);
  const two = await simulate(jobs, 2, 2);
  assert.equal(overlapping(two.log), 2, JSON.stringify(two.log));
  assert.ok(two.end < one.end, `${two.end}`);
});

test('test-together: files run one after another in one process, each with its own hooks; a failure fails the run', () => {
  const files = ['first.ts', 'second.ts'].map((name) => join('test', 'fixtures', 'together', name));
  const passing = runTogether(files);
  assert.equal(passing.status, 0, passing.stdout + passing.stderr);
  assert.deepEqual(summary(passing.stdout), { pass: 3, fail: 0 });
  assert.deepEqual(Object.keys(fileTimes(passing.stdout)), [], 'fixture paths are not test files');
  assert.match(passing.stdout, /^▶ test\/fixtures\/together\/first\.ts\n  ✔ first: a test .*\n✔ test\/fixtures\/together\/first\.ts \(/mu, 'a suite per file, named by its path, holding its tests');
  const failing = runTogether(files, { TOGETHER_FAIL: '1' });
  assert.equal(failing.status, 1);
  assert.deepEqual(summary(failing.stdout), { pass: 2, fail: 1 });
  // The second file checks the first file's hooks ran around the first file's tests only.
  const reversed = runTogether([...files].reverse());
  assert.equal(reversed.status, 1);
  const missing = runTogether([join('test', 'fixtures', 'together', 'missing.ts')]);
  assert.equal(missing.status, 1, 'a file that cannot be loaded fails the run');
});
