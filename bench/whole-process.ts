// Whole-process timings: the npm scripts as a user runs them, from process start to exit, in the project
// folder (`npm run parse -- articles/liangxue-yizuo.txt --json` …), beside two baselines measured in the
// same rounds: npm running `node -e 0` (what any npm script costs) and a bare puppeteer-core script that
// launches the same Chromium and prints one page (bench/baseline-print.mjs, run straight with node).
// Part of `npm run bench`; alone: `npx tsx bench/whole-process.ts`.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_ARGS } from '../src/export/browser.ts';
import { requireBrowser } from '../src/export/find-browser.ts';
import { sentencesOf, syntheticDeck } from './synthetic.ts';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const EXAMPLE_ARTICLE = 'articles/liangxue-yizuo.txt';
const EXAMPLE_DECK = 'slides/liangxue-yizuo.md';
/** The 300-slide deck of issue 14's second speed target (bench/synthetic.ts, from the example's sentences). */
const LARGE_SLIDES = 300;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface WholeProcessRow {
  label: string;
  runs: number[];
  median: number;
  target: string;
}

interface Step {
  label: string;
  target: string;
  /** The command for run number `run` (a fresh output file for draft). */
  command: (run: number) => { file: string; args: string[]; cwd: string };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Wall time from spawning the command to its exit; a failing command fails the bench (a timing of an error is no timing). */
function timeProcess(file: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const elapsed = performance.now() - started;
      if (code === 0) resolve(elapsed);
      else reject(new Error(`${file} ${args.join(' ')} exited with ${code}:\n${stderr}`));
    });
  });
}

/**
 * Measures every step `runs` times after one warm-up round (which also compiles the CLI if the sources
 * changed), interleaved round by round so a busy machine slows all alike.
 */
export async function measureWholeProcess(runs: number, log: (line: string) => void = () => undefined): Promise<WholeProcessRow[]> {
  const executablePath = requireBrowser();
  const work = await mkdtemp(join(tmpdir(), 'dangke-bench-process-'));
  try {
    // An npm project whose only script is `node -e 0`: npm's own cost, with the same npm.
    const noop = join(work, 'noop');
    await mkdir(noop);
    await writeFile(join(noop, 'package.json'), JSON.stringify({ name: 'noop', private: true, scripts: { noop: 'node -e 0' } }));
    const html = join(work, 'baseline.html');
    await writeFile(html, '<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head><body><h1>Baseline</h1><p>One page, printed to PDF.</p></body></html>');
    const large = join(work, `synthetic-${LARGE_SLIDES}.md`);
    await writeFile(large, syntheticDeck(LARGE_SLIDES, sentencesOf(await readFile(join(PROJECT, EXAMPLE_ARTICLE), 'utf8'))));
    const npmRun = (script: string, ...args: string[]) => ({ file: NPM, args: ['run', '--silent', script, '--', ...args], cwd: PROJECT });
    const steps: Step[] = [
      { label: '(n) npm run of `node -e 0`', target: '', command: () => ({ file: NPM, args: ['run', '--silent', 'noop'], cwd: noop }) },
      { label: `npm run parse -- ${EXAMPLE_ARTICLE} --json`, target: '≤ 0.6 s', command: () => npmRun('parse', EXAMPLE_ARTICLE, '--json') },
      { label: `npm run draft -- ${EXAMPLE_ARTICLE} -o <new file>`, target: '≤ 0.6 s', command: (run) => npmRun('draft', EXAMPLE_ARTICLE, '-o', join(work, `draft-${run}.md`)) },
      { label: `npm run build -- ${EXAMPLE_DECK} --no-pdf`, target: '≤ 1.0 s', command: () => npmRun('build', EXAMPLE_DECK, '--no-pdf', '--out', join(work, 'dist-html')) },
      { label: `npm run check -- ${EXAMPLE_DECK}`, target: '≤ 1.2 × p', command: () => npmRun('check', EXAMPLE_DECK) },
      { label: `npm run build -- ${EXAMPLE_DECK} (default formats: HTML, PDFs, .pptx, .docx)`, target: '≤ 1.2 × p (issue 14: ≤ 1.3 × p)', command: () => npmRun('build', EXAMPLE_DECK, '--out', join(work, 'dist-full')) },
      { label: `npm run build -- <${LARGE_SLIDES}-slide deck> (default formats)`, target: '≤ 3.5 × p', command: () => npmRun('build', large, '--out', join(work, 'dist-large')) },
      {
        label: '(p) node bench/baseline-print.mjs: launch, 1 page, PDF',
        target: '',
        command: () => ({
          file: process.execPath,
          args: [fileURLToPath(new URL('./baseline-print.mjs', import.meta.url)), executablePath, html, join(work, 'baseline.pdf'), JSON.stringify(BROWSER_ARGS)],
          cwd: PROJECT,
        }),
      },
    ];
    const times = steps.map((): number[] => []);
    for (let round = 0; round <= runs; round++) {
      const line: string[] = [];
      for (const [index, step] of steps.entries()) {
        const { file, args, cwd } = step.command(round);
        const elapsed = await timeProcess(file, args, cwd);
        if (round > 0) times[index]!.push(elapsed);
        line.push(`${(elapsed / 1000).toFixed(2)}`);
      }
      log(`whole-process ${round === 0 ? 'warm-up' : `round ${round}`}: ${line.join(' ')} s`);
    }
    return steps.map((step, index) => ({ label: step.label, runs: times[index]!, median: median(times[index]!), target: step.target }));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Markdown table rows: medians, and ratios to n (npm's own cost) and p (the bare print script). */
export function wholeProcessTable(rows: WholeProcessRow[]): string[] {
  const n = rows.find((row) => row.label.startsWith('(n)'))?.median ?? NaN;
  const p = rows.find((row) => row.label.startsWith('(p)'))?.median ?? NaN;
  const lines = ['| command (whole process) | runs | median | ÷ n | ÷ p | target |', '|---|---|---|---|---|---|'];
  for (const row of rows) {
    lines.push(`| ${row.label} | ${row.runs.length} | ${(row.median / 1000).toFixed(2)} s | ${(row.median / n).toFixed(2)} | ${(row.median / p).toFixed(2)} | ${row.target} |`);
  }
  return lines;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await measureWholeProcess(Number(process.env['RUNS'] ?? 5), (line) => process.stderr.write(line + '\n'));
  for (const line of wholeProcessTable(rows)) console.log(line);
  console.log(`all runs (s), in the table's order: ${rows.map((row) => `[${row.runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')}]`).join(', ')}`);
}
