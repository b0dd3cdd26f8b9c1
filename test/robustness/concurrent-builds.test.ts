// Issue 8, "two builds at once into the same dist/ leave complete, correct files". The fix, if one is needed,
// belongs to src/commands/build.ts and src/page/write-site.ts (another engineer's this round); these tests
// pin down what holds today. Builds run concurrently in this process through the real CLI function, with
// --no-pdf (no browser): the files at stake are index.html and its assets.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExitCode } from '../../src/errors.ts';
import { assertWellFormedHtml, makeProject, runCli, type Project } from './helpers.ts';

const DECK_A = '---\ntitle: 并发甲\n---\n\n# 并发构建甲\n\n---\n\n## 第二张\n\n- 坚持问题导向\n\nNote:\n讲稿甲。\n';
const DECK_B = '---\ntitle: 并发乙\n---\n\n# 并发构建乙\n\n---\n\n## 另一张\n\n- 融入日常、抓在经常\n- 学在经常、做在日常\n\nNote:\n讲稿乙。\n';

let project: Project;
before(async () => {
  project = await makeProject();
});
after(async () => {
  await project?.dispose();
});

/** Every file a page refers to (src, href, and url() in its style sheets) exists. */
async function assertComplete(dir: string): Promise<void> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  assertWellFormedHtml(html, dir);
  const refs = [...html.matchAll(/\s(?:src|href)="([^"#?:]+)"/g)].map((match) => match[1]!);
  assert.ok(refs.length > 0);
  for (const ref of refs) {
    const file = join(dir, decodeURI(ref));
    assert.ok(existsSync(file), `missing ${ref}`);
    if (file.endsWith('.css')) {
      const css = await readFile(file, 'utf8');
      for (const [, url] of css.matchAll(/url\(["']?([^"')]+)["']?\)/g)) {
        if (/^(?:data:|#)/.test(url!)) continue;
        assert.ok(existsSync(join(dirname(file), decodeURI(url!))), `missing ${url} (from ${ref})`);
      }
    }
  }
  const temporary = (await readdir(dir, { recursive: true })).map(String).filter((name) => name.endsWith('.tmp'));
  assert.deepEqual(temporary, [], 'temporary files left');
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(dir, { recursive: true })).map(String).sort()) {
    const path = join(dir, name);
    try {
      files.set(name, (await readFile(path)).toString('base64'));
    } catch {
      // a folder
    }
  }
  return files;
}

describe('two builds at once into the same dist/', () => {
  it('of the same deck: both succeed and leave the same complete files as one build alone', async () => {
    const deck = join(project.root, 'slides', '并发 甲.md');
    await writeFile(deck, DECK_A);
    const alone = join(project.root, 'dist-alone');
    assert.equal((await runCli(project.root, ['build', deck, '--no-pdf', '--quiet', '--out', alone])).code, ExitCode.ok);
    const shared = join(project.root, 'dist');
    const runs = await Promise.all([1, 2, 3].map(() => runCli(project.root, ['build', deck, '--no-pdf', '--quiet', '--out', shared])));
    for (const run of runs) assert.equal(run.code, ExitCode.ok, run.stderr);
    await assertComplete(join(shared, '并发 甲'));
    assert.deepEqual(await snapshot(join(shared, '并发 甲')), await snapshot(join(alone, '并发 甲')));
  });

  // Builds into one output folder take turns (src/fs/lock.ts), so the last one leaves its whole version.
  it('of two versions of a deck (edited between two runs): the result is one whole version, not a mix', async () => {
    const deck = join(project.root, 'slides', '并发 乙.md');
    const references = new Map<string, Map<string, string>>();
    for (const [label, text] of [['A', DECK_A], ['B', DECK_B]] as const) {
      await writeFile(deck, text);
      const out = join(project.root, `dist-${label}`);
      assert.equal((await runCli(project.root, ['build', deck, '--no-pdf', '--quiet', '--out', out])).code, ExitCode.ok);
      references.set(label, await snapshot(join(out, '并发 乙')));
    }
    const shared = join(project.root, 'dist-mixed');
    await rm(shared, { recursive: true, force: true });
    // Two decks with the same name in two folders stand for "the file as it was" and "as it is now".
    const other = join(project.root, 'other', '并发 乙.md');
    await import('node:fs/promises').then(({ mkdir }) => mkdir(dirname(other), { recursive: true }));
    await writeFile(deck, DECK_A);
    await writeFile(other, DECK_B);
    const runs = await Promise.all([
      runCli(project.root, ['build', deck, '--no-pdf', '--quiet', '--out', shared]),
      runCli(project.root, ['build', other, '--no-pdf', '--quiet', '--out', shared]),
    ]);
    for (const run of runs) assert.equal(run.code, ExitCode.ok, run.stderr);
    const dir = join(shared, '并发 乙');
    await assertComplete(dir);
    const result = await snapshot(dir);
    const index = result.get('index.html');
    const whole = [...references.values()].find((reference) => reference.get('index.html') === index);
    assert.ok(whole !== undefined, 'index.html is one of the two versions');
    // Every file of that version is there as that version wrote it (the other version's extra font files
    // may remain beside them, unused).
    for (const [name, content] of whole) assert.equal(result.get(name), content, `${name} is from the other version`);
  });
});
