// `present`: which deck, whether it is built first, and the exact command line that would open it.
// The opener and the build are injected: no window opens and no browser runs here.
import assert from 'node:assert/strict';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { BuildOptions, BuiltDeck } from '../../src/commands/build.ts';
import { FULLSCREEN_ARGS, openCommandFor, presentCommand, type OpenCommand } from '../../src/commands/present.ts';
import { UserError } from '../../src/errors.ts';
import { memoryReporter } from '../../src/report.ts';
import { awkwardTempDir } from '../helpers/browser.ts';

interface Harness {
  root: string;
  opened: OpenCommand[];
  builds: BuildOptions[];
  run(deck?: string, env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): Promise<string[]>;
}

async function project(): Promise<Harness> {
  const root = await awkwardTempDir();
  await mkdir(join(root, 'slides'), { recursive: true });
  const opened: OpenCommand[] = [];
  const builds: BuildOptions[] = [];
  return {
    root,
    opened,
    builds,
    async run(deck, env = { CHROME_PATH: '/opt/chrome/chrome' }, platform = 'linux') {
      const reporter = memoryReporter();
      await presentCommand({ root, ...(deck === undefined ? {} : { deck }) }, reporter, {
        env,
        platform,
        exists: () => false,
        open: async (command) => {
          opened.push(command);
        },
        build: async (options): Promise<BuiltDeck[]> => {
          builds.push(options);
          const name = options.decks[0]!.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
          const dir = join(root, 'dist', name);
          await mkdir(dir, { recursive: true });
          await writeFile(join(dir, 'index.html'), '<!doctype html>');
          // Only the fields present uses; the rest of BuiltDeck belongs to the build.
          return [{ name, dir, indexHtml: join(dir, 'index.html'), slideCount: 1 } as BuiltDeck];
        },
      });
      return reporter.lines;
    },
  };
}

async function deck(root: string, name: string, secondsAgo: number): Promise<string> {
  const file = join(root, 'slides', `${name}.md`);
  await writeFile(file, '---\ntitle: 题\n---\n');
  const time = new Date(Date.now() - secondsAgo * 1000);
  await utimes(file, time, time);
  return file;
}

test('present: builds a deck that was never built (no PDF), then opens it fullscreen at #/', async () => {
  const h = await project();
  const file = await deck(h.root, '两学 一做', 60);
  const lines = await h.run();
  assert.deepEqual(h.builds, [{ root: h.root, decks: [file], pdf: false }]);
  const index = join(h.root, 'dist', '两学 一做', 'index.html');
  assert.deepEqual(h.opened, [{ command: '/opt/chrome/chrome', args: [...FULLSCREEN_ARGS, `${pathToFileURL(index).href}#/`] }]);
  assert.match(h.opened[0]!.args.at(-1)!, /^file:\/\/.*%E4%B8%A4%E5%AD%A6%20%E4%B8%80%E5%81%9A\/index\.html#\/$/);
  assert.ok(lines.some((line) => /按 S 打开演讲者视图/.test(line)), lines.join('\n'));
});

test('present: an up-to-date build opens as it is; a deck edited since is rebuilt', async () => {
  const h = await project();
  const file = await deck(h.root, 'a', 120);
  await mkdir(join(h.root, 'dist', 'a'), { recursive: true });
  await writeFile(join(h.root, 'dist', 'a', 'index.html'), 'x');
  await h.run('a');
  assert.equal(h.builds.length, 0, 'built after the last edit: no build');
  const now = new Date();
  await utimes(file, now, now);
  const old = new Date(Date.now() - 3600_000);
  await utimes(join(h.root, 'dist', 'a', 'index.html'), old, old);
  await h.run('slides/a.md');
  assert.equal(h.builds.length, 1, 'edited after the build: rebuilt');
  assert.equal(h.opened.length, 2);
});

test('present: with several decks and none named, the one edited last', async () => {
  const h = await project();
  await deck(h.root, 'old', 600);
  await deck(h.root, 'new', 5);
  const lines = await h.run();
  assert.match(h.opened[0]!.args.at(-1)!, /\/dist\/new\/index\.html#\/$/);
  assert.ok(lines.some((line) => /2 套幻灯片/.test(line)));
});

test('present: a built deck whose Markdown is gone still opens; nothing at all is a UserError', async () => {
  const h = await project();
  await mkdir(join(h.root, 'dist', 'only-built'), { recursive: true });
  await writeFile(join(h.root, 'dist', 'only-built', 'index.html'), 'x');
  await h.run('only-built');
  assert.equal(h.builds.length, 0);
  assert.equal(h.opened.length, 1);
  await assert.rejects(h.run('nothing-here'), UserError);
  const empty = await project();
  await assert.rejects(empty.run(), (error: unknown) => error instanceof UserError && /slides\//.test(error.message));
});

test('openCommandFor: Chromium-family browsers fullscreen, else the system opener', () => {
  const url = 'file:///tmp/a/index.html#/';
  const none = (): boolean => false;
  assert.deepEqual(openCommandFor(url, {}, 'linux', (path) => path === '/usr/bin/chromium'), {
    command: '/usr/bin/chromium',
    args: ['--start-fullscreen', '--new-window', url],
  });
  assert.deepEqual(openCommandFor(url, {}, 'linux', none), { command: 'xdg-open', args: [url] });
  assert.deepEqual(openCommandFor(url, {}, 'darwin', none), { command: 'open', args: [url] });
  assert.deepEqual(openCommandFor(url, {}, 'win32', none), { command: 'cmd', args: ['/c', 'start', '""', url] });
  assert.equal(openCommandFor(url, { CHROME_PATH: 'C:\\Chrome\\chrome.exe' }, 'win32', none).command, 'C:\\Chrome\\chrome.exe');
});
