// Issue 8, disk full or read-only output: `build --out <dir>` answers with exit code 6 and a message naming
// the path, no stack, and leaves no temporary file. Tests run as root, where chmod 0o555 does not stop a
// write, so the faults are real ones: a path under a file (ENOTDIR), a read-only tmpfs (EROFS) and a 64 KB
// tmpfs that fills up (ENOSPC). Mounting needs root and a kernel that allows it; where it cannot mount,
// only those two cases are skipped, with the reason.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExitCode } from '../../src/errors.ts';
import { assertUserError, makeProject, runCli, type Project } from './helpers.ts';

const DECK = '---\ntitle: 磁盘测试\n---\n\n# 磁盘测试\n\n---\n\n## 第二张\n\n- 要点：坚持问题导向\n';

let project: Project;
let deckFile: string;
const mounted: string[] = [];

before(async () => {
  project = await makeProject();
  deckFile = join(project.root, 'slides', '磁盘 测试.md');
  await writeFile(deckFile, DECK);
});
after(async () => {
  for (const dir of mounted) {
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      // Best effort: a busy mount is lazily detached below.
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      } catch {
        // nothing more to do
      }
    }
  }
  await project?.dispose();
});

/** Mounts a tmpfs at `dir` with `options`; returns why it could not, or undefined on success. */
function mountTmpfs(dir: string, options: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
    mounted.push(dir);
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `cannot mount a tmpfs here (${stderr || (error as Error).message}); needs root and mount permission`;
  }
}

async function temporaryFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true })).map(String).filter((file) => file.endsWith('.tmp'));
  } catch {
    return [];
  }
}

describe('output that cannot be written: exit 6, naming the path', () => {
  it('--out below a file (ENOTDIR)', async () => {
    const file = join(project.root, '一个 文件');
    await writeFile(file, '不是文件夹');
    const out = join(project.root, '一个 文件', 'dist');
    const run = await runCli(project.root, ['build', deckFile, '--no-pdf', '--out', out]);
    assertUserError(run, ExitCode.output, new RegExp(`${project.root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/一个 文件/dist`));
  });

  it('--out on a read-only file system (EROFS)', async (t) => {
    const dir = join(project.root, '只读 盘');
    await mkdir(dir);
    const reason = mountTmpfs(dir, 'ro,size=64k');
    if (reason !== undefined) return t.skip(reason);
    const run = await runCli(project.root, ['build', deckFile, '--no-pdf', '--out', join(dir, 'dist')]);
    assertUserError(run, ExitCode.output, /只读 盘\/dist/);
  });

  it('--out on a full disk (ENOSPC on a 64 KB tmpfs): no temporary file left', async (t) => {
    const dir = join(project.root, '满 盘');
    await mkdir(dir);
    const reason = mountTmpfs(dir, 'size=64k');
    if (reason !== undefined) return t.skip(reason);
    const run = await runCli(project.root, ['build', deckFile, '--no-pdf', '--out', join(dir, 'dist')]);
    assertUserError(run, ExitCode.output, /满 盘\/dist/);
    assert.deepEqual(await temporaryFiles(dir), [], 'temporary files left on the full disk');
  });

  // Node 20's fs.mkdir(path, { recursive: true }) never returns for a path under /proc (it loops on ENOENT
  // while the parent exists), and both src/page/write-site.ts (ensureDir) and src/fs/atomic.ts create the
  // output folders that way. Needs: create folders one level at a time with plain mkdir (EEXIST ignored),
  // or check the parent first; then this becomes `build --out /proc/dangke` → exit 6.
  it('--out under /proc (a folder that cannot be created) → exit 6 instead of hanging forever', { timeout: 30_000 }, async () => {
    const out = `/proc/dangke-${process.pid}/dist`;
    const run = await runCli(project.root, ['build', deckFile, '--no-pdf', '--out', out]);
    assertUserError(run, ExitCode.output, /\/proc\/dangke-/u);
  });
});
