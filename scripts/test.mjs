// @ts-check
// `npm test`: the type check and every test file, in two lanes so that both cores of a small machine work:
//   lane 1  `tsc --noEmit`, then the test files that need no browser, one file at a time
//   lane 2  the test files that start Chromium, one file at a time (two browsers at once would make each
//           slower, and the browser tests' waits would then come near their limits)
// A test file belongs to lane 2 when its text mentions the browser (see BROWSER_FILE). Each lane's output is
// printed whole when the lane ends, so the two never interleave; the exit code is 1 when anything failed.
//   node scripts/test.mjs [test files…]   (default: every test/**/*.test.ts)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What marks a test file as one that starts Chromium (directly, or through the build, check or present commands). */
export const BROWSER_FILE = /helpers\/browser|export\/browser|withBrowser|puppeteer|checkCommand|pdf: true|presentCommand|CHROME_PATH|run\.mjs/;

/**
 * Every *.test.ts under `dir`, sorted, relative to the project.
 * @param {string} dir
 * @returns {string[]}
 */
export function testFiles(dir) {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(path));
    else if (entry.name.endsWith('.test.ts')) found.push(relative(ROOT, path));
  }
  return found.sort();
}

/**
 * The files split into the two lanes.
 * @param {string[]} files
 * @param {(file: string) => string} read
 * @returns {{ plain: string[], browser: string[] }}
 */
export function splitLanes(files, read) {
  /** @type {string[]} */
  const plain = [];
  /** @type {string[]} */
  const browser = [];
  for (const file of files) (BROWSER_FILE.test(read(file)) ? browser : plain).push(file);
  return { plain, browser };
}

/**
 * Runs the commands one after another, stopping at the first failure; resolves with the exit code and the output.
 * @param {[string, string[]][]} commands
 * @returns {Promise<{ code: number, output: string, seconds: number }>}
 */
async function lane(commands) {
  const started = performance.now();
  let output = '';
  for (const [file, args] of commands) {
    const code = await new Promise((resolve) => {
      const child = spawn(file, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
      child.on('error', (error) => {
        output += `${error.message}\n`;
        resolve(1);
      });
      child.on('close', (status) => resolve(status ?? 1));
    });
    if (code !== 0) return { code, output, seconds: (performance.now() - started) / 1000 };
  }
  return { code: 0, output, seconds: (performance.now() - started) / 1000 };
}

/**
 * The pass and fail counts of a node --test run's closing summary ("ℹ pass 12", "ℹ fail 0"); 0 when absent.
 * @param {string} output
 * @returns {{ pass: number, fail: number }}
 */
export function summary(output) {
  const count = (/** @type {string} */ name) => Number(output.match(new RegExp(`^ℹ ${name} (\\d+)$`, 'mu'))?.[1] ?? 0);
  return { pass: count('pass'), fail: count('fail') };
}

async function main() {
  const given = process.argv.slice(2);
  const files = given.length > 0 ? given : testFiles(join(ROOT, 'test'));
  const { plain, browser } = splitLanes(files, (file) => readFileSync(join(ROOT, file), 'utf8'));
  /** @param {string[]} list @returns {[string, string[]]} */
  const nodeTest = (list) => [process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...list]];
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  process.stdout.write(`npm test: type check + ${plain.length} test files without a browser | ${browser.length} test files with Chromium (two lanes)\n`);
  const lanes = [
    { name: 'lane 1 (tsc, tests without a browser)', run: lane([[process.execPath, [tsc, '--noEmit', '-p', '.']], ...(plain.length > 0 ? [nodeTest(plain)] : [])]) },
    { name: 'lane 2 (tests with Chromium)', run: lane(browser.length > 0 ? [nodeTest(browser)] : []) },
  ];
  let failed = false;
  const done = lanes.map(async ({ name, run }) => {
    const { code, output, seconds } = await run;
    process.stdout.write(`\n── ${name}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s ──\n${output}`);
    if (code !== 0) failed = true;
  });
  await Promise.all(done);
  // One closing line for both lanes, in the plain form CI reads ("tests: N passed, N failed"): each lane's
  // own summary is followed by the other lane's output, so neither is the last word on the whole run.
  const counts = await Promise.all(lanes.map(async ({ run }) => summary((await run).output)));
  const passed = counts.reduce((sum, count) => sum + count.pass, 0);
  const failures = counts.reduce((sum, count) => sum + count.fail, 0) + (failed && counts.every((count) => count.fail === 0) ? 1 : 0);
  process.stdout.write(`\nnpm test: ${failed ? 'FAILED' : 'all passed'}\ntests: ${passed} passed, ${failures} failed\n`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
