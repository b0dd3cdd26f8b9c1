// scripts/test.mjs (npm test) runs tests without a browser beside those with one; a browser test put in
// the wrong lane would run beside another browser test, so the split is checked on the real test files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { splitLanes, testFiles } from '../../scripts/test.mjs';

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

test('summary reads the pass and fail counts of a node --test run, and zero when there is none', async () => {
  const { summary } = await import('../../scripts/test.mjs');
  assert.deepEqual(summary('✔ a (1ms)\nℹ tests 7\nℹ suites 1\nℹ pass 5\nℹ fail 2\nℹ cancelled 0\n'), { pass: 5, fail: 2 });
  assert.deepEqual(summary('error TS2304: Cannot find name'), { pass: 0, fail: 0 });
});
