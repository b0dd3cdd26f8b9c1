// One build at a time per output folder: two builds writing dist/<name>/ together could each delete what the
// other wrote (old font subsets, temporary files). The lock is a file created exclusively; a second build
// waits for it. A lock left by a process that no longer runs (killed, crashed) is taken over.

import { open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, UserError } from '../errors.ts';
import { describeFsError } from './atomic.ts';
import { ensureDir } from './ensure-dir.ts';

const LOCK_FILE = '.dangke-build.lock';
const POLL_MS = 100;
/** How long a build waits for another before giving up: longer than any build of a sane deck. */
const DEFAULT_WAIT_MS = 10 * 60_000;

export async function withFolderLock<T>(dir: string, work: () => Promise<T>, options: { waitMs?: number; onWait?: () => void } = {}): Promise<T> {
  const path = join(dir, LOCK_FILE);
  await ensureDir(dir).catch((error: unknown) => {
    throw new UserError(`无法创建输出目录 ${dir}：${describeFsError(error)}`, { exitCode: ExitCode.output, cause: error });
  });
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  let told = false;
  for (;;) {
    if (await tryCreate(path)) break;
    if (await isStale(path)) {
      await rm(path, { force: true });
      continue;
    }
    if (!told) {
      options.onWait?.();
      told = true;
    }
    if (Date.now() > deadline) {
      throw new UserError(`另一个构建一直占用着 ${dir}。`, {
        hint: `等它结束后再运行；若确认没有其他构建在运行，删除 ${path} 后重试。`,
        exitCode: ExitCode.output,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}

async function tryCreate(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UserError(`无法在 ${path} 建立构建锁：${describeFsError(error)}`, { exitCode: ExitCode.output, cause: error });
  }
}

/** A lock with no pid yet is being written by its owner; after this long without one, its owner died. */
const UNWRITTEN_LOCK_MS = 5_000;

/** A lock whose owner process is gone (or that never got its pid: its owner was killed while writing it). */
async function isStale(path: string): Promise<boolean> {
  const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) {
    const info = await stat(path).catch(() => undefined);
    return info === undefined || Date.now() - info.mtimeMs > UNWRITTEN_LOCK_MS;
  }
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
