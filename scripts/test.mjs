// @ts-check
// `npm test`: the type check and every test file, on every core of a small machine.
//   The test files run in groups, each group in one node process (scripts/test-together.mjs), because a node
//   process with tsx costs about a second to start and load the project, and there are a hundred files.
//   The groups and `tsc --noEmit` form one queue that two workers (or one per core) take jobs from, longest
//   first. Test files that start Chromium (see BROWSER_FILE) form their own groups, and only one of those runs
//   at a time while other work is left, so that each core has one heavy job; once only browser groups are
//   left, two run at once (DANGKE_TEST_BROWSERS=1 keeps them to one) rather than leave a core idle. How long each file took is kept for the next run
//   (node_modules/.cache/dangke/test-times.json) to balance the groups; without it a file's size stands in.
//   The font cache keeps more subsets than users' builds do (DANGKE_FONT_CACHE_ENTRIES), so that the decks the
//   tests build find their fonts cut by the run before.
// Each job's output is printed whole when it ends, so outputs never interleave; the exit code is 1 when
// anything failed.
//   node scripts/test.mjs [test files…]   (default: every test/**/*.test.ts)
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Browser jobs that may run together once nothing else is left: two, or DANGKE_TEST_BROWSERS. */
const BROWSERS_AT_ONCE = Math.max(1, Number(process.env.DANGKE_TEST_BROWSERS) || 2);
/** src/fonts/cache.ts's test seam, and the subsets to keep: three per deck, about 60 KB each. */
const FONT_CACHE_ENTRIES_ENV = 'DANGKE_FONT_CACHE_ENTRIES';
const TEST_FONT_CACHE_ENTRIES = 900;
const TIMES_FILE = join(ROOT, 'node_modules', '.cache', 'dangke', 'test-times.json');
/**
 * The times of a full run on the 2-core machine, committed (to refresh, copy TIMES_FILE here after a full
 * `npm test` on a quiet machine). A fresh clone has no TIMES_FILE: grouped by file size, its first run put
 * the slowest file (linear-time, 35 s) in a group with fourteen others, which ran 71 s.
 */
const SEED_TIMES_FILE = join(ROOT, 'scripts', 'test-times.json');
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
 * The files split into those that need no browser and those that start one.
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
 * The files dealt into `count` groups of about equal cost (longest first, each to the cheapest group so far).
 * Every file lands in exactly one group; empty groups are dropped.
 * @param {string[]} files
 * @param {number} count
 * @param {(file: string) => number} cost
 * @returns {{ files: string[], cost: number }[]}
 */
export function groupFiles(files, count, cost) {
  const groups = Array.from({ length: Math.max(1, count) }, () => ({ files: /** @type {string[]} */ ([]), cost: 0 }));
  const longestFirst = [...files].sort((a, b) => cost(b) - cost(a) || a.localeCompare(b));
  for (const file of longestFirst) {
    const cheapest = groups.reduce((best, group) => (group.cost < best.cost ? group : best));
    cheapest.files.push(file);
    cheapest.cost += cost(file);
  }
  return groups.filter((group) => group.files.length > 0).sort((a, b) => b.cost - a.cost);
}

/**
 * @typedef {{ name: string, browser: boolean, cost: number, command: [string, string[]] }} Job
 */

/**
 * Runs the jobs on `workers` workers. The browser jobs run one after another, so a free worker starts the
 * longest browser job whenever none runs (they are the longest chain); otherwise it takes the longest other
 * job. When only browser jobs are left, up to `browsersAtOnce` run together.
 * `run` resolves when its job ended; `onDone` gets each job's result as it ends.
 * @template T
 * @param {Job[]} jobs
 * @param {number} workers
 * @param {number} browsersAtOnce
 * @param {(job: Job) => Promise<T>} run
 * @param {(job: Job, result: T) => void} onDone
 * @returns {Promise<void>}
 */
export async function runQueue(jobs, workers, browsersAtOnce, run, onDone) {
  const waiting = [...jobs].sort((a, b) => b.cost - a.cost);
  let browsersRunning = 0;
  /** @type {Set<Promise<void>>} */
  const running = new Set();
  /** The next job a free worker should take, or undefined to wait for a running job to end. */
  const next = () => {
    const browserJob = waiting.findIndex((job) => job.browser);
    const otherJob = waiting.findIndex((job) => !job.browser);
    const index =
      browserJob >= 0 && browsersRunning === 0 ? browserJob : otherJob >= 0 ? otherJob : browsersRunning < browsersAtOnce ? browserJob : -1;
    return index >= 0 ? waiting.splice(index, 1)[0] : undefined;
  };
  for (;;) {
    while (running.size < workers && waiting.length > 0) {
      const job = next();
      if (job === undefined) break;
      if (job.browser) browsersRunning += 1;
      const started = run(job).then((result) => {
        if (job.browser) browsersRunning -= 1;
        running.delete(started);
        onDone(job, result);
      });
      running.add(started);
    }
    if (running.size === 0) return;
    await Promise.race(running);
  }
}

/**
 * Runs one command; resolves with its exit code, its output (stdout and stderr as they came) and its time.
 * @param {[string, string[]]} command
 * @returns {Promise<{ code: number, output: string, seconds: number }>}
 */
function runCommand([file, args]) {
  const started = performance.now();
  return new Promise((resolve) => {
    let output = '';
    // Not NODE_TEST_CONTEXT, should this run under `node --test`: the child would report to it instead.
    const { NODE_TEST_CONTEXT: _context, ...inherited } = process.env;
    // The tests build a few hundred decks, each with its own characters: a font cache that holds them all
    // (src/fonts/cache.ts keeps 60 subsets, 20 decks, for users) lets the next run read them instead of
    // cutting them again (about a second of CPU a deck).
    const env = { [FONT_CACHE_ENTRIES_ENV]: String(TEST_FONT_CACHE_ENTRIES), ...inherited };
    const child = spawn(file, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    const done = (/** @type {number} */ code) => resolve({ code, output, seconds: (performance.now() - started) / 1000 });
    child.on('error', (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.on('close', (status) => done(status ?? 1));
  });
}

/**
 * The pass and fail counts of a node:test run's closing summary ("ℹ pass 12", "ℹ fail 0"); 0 when absent.
 * @param {string} output
 * @returns {{ pass: number, fail: number }}
 */
export function summary(output) {
  const count = (/** @type {string} */ name) => Number(output.match(new RegExp(`^ℹ ${name} (\\d+)$`, 'mu'))?.[1] ?? 0);
  return { pass: count('pass'), fail: count('fail') };
}

/**
 * How long each test file took, from the spec reporter's line for the file's suite ("✔ test/a.test.ts (812.5ms)").
 * @param {string} output
 * @returns {Record<string, number>}
 */
export function fileTimes(output) {
  /** @type {Record<string, number>} */
  const times = {};
  for (const [, file, ms] of output.matchAll(/^[✔✖] (test\/\S+\.test\.ts) \((\d+(?:\.\d+)?)ms\)/gmu)) if (file !== undefined) times[file] = Number(ms);
  return times;
}

/**
 * @param {string} file
 * @returns {Record<string, number>}
 */
function readTimesFile(file) {
  try {
    const times = JSON.parse(readFileSync(file, 'utf8'));
    return times !== null && typeof times === 'object' ? times : {};
  } catch {
    return {};
  }
}

/**
 * This machine's last times, over the committed ones (which stand in for files this machine has not run yet).
 * @returns {Record<string, number>}
 */
function readTimes() {
  return { ...readTimesFile(SEED_TIMES_FILE), ...readTimesFile(TIMES_FILE) };
}

/** @param {Record<string, number>} times */
function writeTimes(times) {
  try {
    mkdirSync(dirname(TIMES_FILE), { recursive: true });
    writeFileSync(TIMES_FILE, `${JSON.stringify(times, null, 1)}\n`);
  } catch {
    // Only a hint for the next run's grouping.
  }
}

/**
 * The user+system CPU seconds of this process's children that have ended (Linux: /proc/self/stat, which
 * counts Chromium too once the test process that started it has ended); undefined elsewhere.
 * @returns {number | undefined}
 */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /su, '').split(' ');
    // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * One process's line of /proc/<pid>/stat: its parent, its own CPU seconds (user + system, not its children's)
 * and its start time (with the pid, a name no later process reuses); undefined once it is gone.
 * @param {number} pid
 * @returns {{ parent: number, cpu: number, start: string } | undefined}
 */
function processStat(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": ppid is field 4, utime 14, stime 15, starttime 22 (the name may hold spaces).
    const fields = line.slice(line.lastIndexOf(') ') + 2).split(' ');
    return { parent: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100, start: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/**
 * The CPU seconds of every process this one starts, and theirs, sampled from /proc every half second until
 * stop(). Chromium's renderers are not waited for by anyone the run waits for (they end up with the
 * system's init), so the children's times in /proc/self/stat leave them out: in a browser test they are
 * half the work or more. Each process counts with its own time as last seen, so one that lives less than
 * a sample, or its last half second, is missed (a short command, a browser's last moments). Undefined
 * where there is no /proc.
 * @returns {{ stop(): number | undefined }}
 */
export function sampleTreeCpu() {
  if (processStat(process.pid) === undefined) return { stop: () => undefined };
  /** Processes seen that descend from this one: `pid start` → CPU seconds as last seen. */
  const ours = new Map();
  /** pid → its key in `ours`, for those alive at the last sample. */
  const alive = new Map([[process.pid, `${process.pid} self`]]);
  /** Processes seen that are not ours: `pid start`. */
  const others = new Set();
  const sample = () => {
    const now = new Map();
    for (const name of readdirSync('/proc')) {
      const pid = Number(name);
      if (!Number.isInteger(pid) || pid === process.pid) continue;
      const stat = processStat(pid);
      if (stat === undefined) continue;
      const key = `${pid} ${stat.start}`;
      if (others.has(key)) continue;
      now.set(pid, { ...stat, key });
    }
    // Parents before children is not the order /proc lists them in: repeat until no process joins.
    for (let joined = true; joined; ) {
      joined = false;
      for (const [pid, stat] of now) {
        if (alive.get(pid) === stat.key) continue;
        if (alive.has(stat.parent)) {
          alive.set(pid, stat.key);
          joined = true;
        }
      }
    }
    for (const [pid, stat] of now) {
      if (alive.get(pid) === stat.key) ours.set(stat.key, stat.cpu);
      else if (stat.parent !== process.pid && !alive.has(stat.parent)) others.add(stat.key);
    }
    for (const pid of alive.keys()) if (pid !== process.pid && !now.has(pid)) alive.delete(pid);
  };
  const timer = setInterval(sample, 500);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      let total = 0;
      for (const cpu of ours.values()) total += cpu;
      return total;
    },
  };
}

async function main() {
  const given = process.argv.slice(2);
  const files = given.length > 0 ? given : testFiles(join(ROOT, 'test'));
  const { plain, browser } = splitLanes(files, (file) => readFileSync(join(ROOT, file), 'utf8'));
  const known = readTimes();
  const knownValues = Object.values(known).sort((a, b) => a - b);
  // Unknown files (new, or no earlier run): a file's size stands in, scaled to the recorded times when there are any.
  const typical = knownValues.length > 0 ? knownValues[Math.floor(knownValues.length / 2)] : undefined;
  const cost = (/** @type {string} */ file) => known[file] ?? typical ?? statSync(join(ROOT, file)).size;
  const workers = Math.max(2, availableParallelism());
  /** @param {string[]} list @returns {[string, string[]]} */
  const together = (list) => [process.execPath, ['--import', 'tsx', '--test-reporter=spec', join(ROOT, 'scripts', 'test-together.mjs'), ...list]];
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  // Incremental: what tsc learnt last run (node_modules/.cache, never committed) lets it check only what
  // changed since; a fresh clone checks everything once.
  const buildInfo = join(ROOT, 'node_modules', '.cache', 'dangke', 'tsc.tsbuildinfo');
  /** @type {Job[]} */
  const jobs = [
    { name: 'tsc --noEmit', browser: false, cost: Number.POSITIVE_INFINITY, command: [process.execPath, [tsc, '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', buildInfo]] },
  ];
  // Several groups of each kind, so that the workers can share out the work near the end.
  const groups = (/** @type {string[]} */ list, /** @type {boolean} */ isBrowser) =>
    groupFiles(list, Math.min(list.length, workers * 3), cost).map((group, index, all) => ({
      name: `${isBrowser ? 'tests with Chromium' : 'tests without a browser'} ${index + 1}/${all.length} (${group.files.length} files)`,
      browser: isBrowser,
      cost: group.cost,
      command: together(group.files),
    }));
  jobs.push(...groups(plain, false), ...groups(browser, true));
  process.stdout.write(
    `npm test: type check + ${plain.length} test files without a browser + ${browser.length} with Chromium, ${jobs.length} jobs on ${workers} workers\n`,
  );

  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  const treeCpu = sampleTreeCpu();
  let failed = false;
  let passed = 0;
  let failures = 0;
  const times = { ...known };
  await runQueue(jobs, workers, BROWSERS_AT_ONCE, (job) => runCommand(job.command), (job, { code, output, seconds }) => {
    process.stdout.write(`\n── ${job.name}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s ──\n${output}`);
    const counts = summary(output);
    passed += counts.pass;
    // A job that failed without a failing test (tsc, a crash) still counts as one failure.
    failures += counts.fail > 0 ? counts.fail : code === 0 ? 0 : 1;
    if (code !== 0) failed = true;
    Object.assign(times, fileTimes(output));
  });
  writeTimes(times);
  const cpuAfter = childrenCpuSeconds();
  const sampled = treeCpu.stop();
  const cpu =
    cpuBefore !== undefined && cpuAfter !== undefined
      ? `, ${(cpuAfter - cpuBefore).toFixed(0)} s of CPU${sampled === undefined ? '' : ` (${sampled.toFixed(0)} s counting every process the tests started, Chromium's renderers too)`}`
      : '';
  // One closing line in the plain form CI reads ("tests: N passed, N failed").
  process.stdout.write(`\nnpm test: ${failed ? 'FAILED' : 'all passed'} in ${((performance.now() - started) / 1000).toFixed(0)} s${cpu}\n`);
  process.stdout.write(`tests: ${passed} passed, ${failures} failed\n`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
