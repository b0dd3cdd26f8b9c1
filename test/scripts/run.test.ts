// scripts/run.mjs (how the npm scripts start) and scripts/compile-cli.ts (the compiled CLI it runs).
// The tests compile into a folder of their own (DANGKE_CLI_CACHE_DIR), never touching the project's compile.
// It is inside node_modules/.cache, as the real one is: the compiled code finds packages from where it lies.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { compileCli, PROJECT_ROOT, type Manifest } from '../../scripts/compile-cli.ts';
import { freshEntry } from '../../scripts/run.mjs';
import { skipWithoutBrowser } from '../helpers/browser.ts';
import { packagesIn, REPORT_PACKAGES } from '../helpers/report-packages.ts';

const RUN = fileURLToPath(new URL('../../scripts/run.mjs', import.meta.url));

const DECK = `---
title: "测试党课"
---

# 测试党课

Note:
同志们好。

---

## 第一部分

- 学习党章党规

Note:
今天学习党章党规。
`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], options: { cwd: string; cacheDir: string; nodeArgs?: string[]; timeoutMs?: number }): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...(options.nodeArgs ?? []), RUN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, DANGKE_CLI_CACHE_DIR: options.cacheDir, NODE_OPTIONS: '' },
      maxBuffer: 16 << 20,
      ...(options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {}),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | null; killed?: boolean; stdout?: string; stderr?: string };
    // Killed at the timeout: no exit code of its own.
    return { code: failed.killed === true ? -1 : (failed.code ?? -1), stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/**
 * Packages whose code the compiled files a run loaded hold: the compile bundles a few packages into its chunks
 * (scripts/compile-cli.ts, BUNDLED_PACKAGES), and esbuild heads each bundled module with its path.
 */
async function bundledPackagesIn(stderr: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const [, url] of stderr.matchAll(/^\[compiled\] (\S+)$/gm)) {
    const code = await readFile(new URL(url!), 'utf8');
    // The path is relative to where the compile ran (`// node_modules/x/…`, or `// ../../node_modules/x/…`).
    for (const [, name] of code.matchAll(/^\/\/ (?:\S*\/)?node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)) found.add(name!);
  }
  return found;
}

describe('the compiled CLI and its launcher', () => {
  let work: string;
  let cacheDir: string;
  let manifest: Manifest;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'dangke-run-'));
    await mkdir(join(PROJECT_ROOT, 'node_modules', '.cache', 'dangke'), { recursive: true });
    cacheDir = await mkdtemp(join(PROJECT_ROOT, 'node_modules', '.cache', 'dangke', 'test-cli-'));
    manifest = await compileCli({ cacheDir });
    await mkdir(join(work, 'slides'));
    await writeFile(join(work, 'slides', 'test.md'), DECK);
    await mkdir(join(work, 'articles'));
    await writeFile(join(work, 'articles', 'a.txt'), '学习党章党规\n\n　　今天我们学习党章党规，做合格党员。\n');
  });
  after(async () => {
    await rm(work, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('records every source file it compiled, build.ts and src/ included', () => {
    const paths = manifest.inputs.map(([path]) => path);
    assert.ok(paths.some((path) => path.endsWith('build.ts')));
    assert.ok(paths.some((path) => path.endsWith(join('src', 'cli.ts'))));
    assert.ok(paths.some((path) => path.endsWith(join('src', 'commands', 'build.ts'))), 'commands loaded lazily are compiled too');
    assert.equal(freshEntry(cacheDir), join(cacheDir, manifest.folder, 'build.mjs'));
  });

  it('is not trusted once a source changed (size or mtime), went away, or the manifest is missing or old', async () => {
    const manifestPath = join(cacheDir, 'manifest.json');
    const original = await readFile(manifestPath, 'utf8');
    const variants: [string, (m: Manifest) => Manifest][] = [
      ['mtime', (m) => ({ ...m, inputs: m.inputs.map(([p, s, t], i) => [p, s, i === 0 ? t - 1000 : t]) })],
      ['size', (m) => ({ ...m, inputs: m.inputs.map(([p, s, t], i) => [p, i === 1 ? s + 1 : s, t]) })],
      ['gone', (m) => ({ ...m, inputs: [...m.inputs, [join(work, 'no-such-file.ts'), 1, 1]] })],
      ['version', (m) => ({ ...m, version: m.version + 1 })],
    ];
    try {
      for (const [name, change] of variants) {
        await writeFile(manifestPath, JSON.stringify(change(JSON.parse(original) as Manifest)));
        assert.equal(freshEntry(cacheDir), undefined, name);
      }
      await rm(manifestPath);
      assert.equal(freshEntry(cacheDir), undefined, 'no manifest');
    } finally {
      await writeFile(manifestPath, original);
    }
    assert.ok(freshEntry(cacheDir), 'trusted again with the true manifest');
  });

  it('runs the compiled entry when it is current: a build whose themes and fonts resolve from the project', async () => {
    // A marker appended to the compiled entry (not one of its sources, so it stays current) shows it ran.
    const entry = freshEntry(cacheDir)!;
    const before = await readFile(entry, 'utf8');
    await appendFile(entry, '\nprocess.stderr.write("[compiled entry]\\n");\n');
    try {
      const result = await run(['build', 'slides/test.md', '--no-pdf'], { cwd: work, cacheDir });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /\[compiled entry\]/);
      assert.match(result.stderr, /完成：1 套幻灯片/);
      const html = await readFile(join(work, 'dist', 'test', 'index.html'), 'utf8');
      assert.match(html, /测试党课/);
      assert.ok(existsSync(join(work, 'dist', 'test', 'test.html')), 'single file written');
    } finally {
      await writeFile(entry, before);
    }
  });

  it('compiles again when a source changed, then runs the new compile', async () => {
    const manifestPath = join(cacheDir, 'manifest.json');
    const current = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
    await writeFile(manifestPath, JSON.stringify({ ...current, inputs: current.inputs.map(([p, s, t]) => [p, s, t - 1000]) }));
    assert.equal(freshEntry(cacheDir), undefined);
    const result = await run(['--help'], { cwd: work, cacheDir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /dangke：把一篇文章变成一堂党课/);
    assert.ok(freshEntry(cacheDir), 'the manifest is current again');
  });

  it('ends after an internal error even when Chromium was already started for the command', { skip: skipWithoutBrowser }, async () => {
    // build starts Chromium before it loads its own module; a module that fails to load must not leave the
    // browser running, which kept the process alive for good after the error was printed.
    // The folder the launcher runs now (an earlier test may have compiled again into a new one).
    const folder = dirname(freshEntry(cacheDir)!);
    const chunks = (await readdir(folder)).filter((name) => name.endsWith('.mjs'));
    let broken: { path: string; text: string } | undefined;
    for (const name of chunks) {
      const text = await readFile(join(folder, name), 'utf8');
      if (/async function buildCommand\(/.test(text)) broken = { path: join(folder, name), text };
    }
    assert.ok(broken, 'the chunk holding buildCommand');
    await writeFile(broken.path, `throw new Error("a chunk that does not load");\n${broken.text}`);
    try {
      const result = await run(['build', 'slides/test.md', '--out', join(work, 'broken-out')], { cwd: work, cacheDir, timeoutMs: 60_000 });
      assert.equal(result.code, 1, `exit code ${result.code}: ${result.stderr}`);
      assert.match(result.stderr, /内部错误/);
    } finally {
      await writeFile(broken.path, broken.text);
    }
  });

  it('passes the exit code and the Chinese error through', async () => {
    const result = await run(['parse', 'articles/missing.txt'], { cwd: work, cacheDir });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /错误：/);
    assert.doesNotMatch(result.stderr, /at .*\(.*:\d+:\d+\)/, 'no stack trace');
  });

  it('loads no package a command does not need: parse none; build without PDFs neither the browser driver nor the PDF or Word libraries', async () => {
    const parse = await run(['parse', 'articles/a.txt', '--json'], { cwd: work, cacheDir, nodeArgs: ['--import', REPORT_PACKAGES] });
    assert.equal(parse.code, 0, parse.stderr);
    assert.match(parse.stdout, /学习党章党规/);
    assert.deepEqual([...packagesIn(parse.stderr)], []);

    const build = await run(['build', 'slides/test.md', '--no-pdf'], { cwd: work, cacheDir, nodeArgs: ['--import', REPORT_PACKAGES] });
    assert.equal(build.code, 0, build.stderr);
    const loaded = packagesIn(build.stderr);
    assert.ok(loaded.has('markdown-it'), `the hook sees packages (${[...loaded].join(', ')})`);
    // The detector sees bundled code: the compile as a whole holds the driver and the PDF library.
    const folder = dirname(freshEntry(cacheDir)!);
    const everyChunk = (await readdir(folder)).filter((name) => name.endsWith('.mjs')).map((name) => `[compiled] ${pathToFileURL(join(folder, name)).href}`);
    const inCompile = await bundledPackagesIn(everyChunk.join('\n'));
    assert.ok(inCompile.has('puppeteer-core') && inCompile.has('pdf-lib'), [...inCompile].join(', '));
    const bundled = await bundledPackagesIn(build.stderr);
    for (const heavy of ['puppeteer-core', 'pdf-lib', 'mammoth']) {
      assert.ok(!loaded.has(heavy), `${heavy} loaded by build --no-pdf`);
      assert.ok(!bundled.has(heavy), `${heavy} loaded by build --no-pdf, bundled in a compiled chunk`);
    }
  });
});
