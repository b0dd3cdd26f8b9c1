// Files are written to a temporary name beside the target and then renamed, so a crash or a full disk
// never leaves half a file where a good one was expected.

import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { ExitCode, UserError } from '../errors.ts';
import { ensureDir } from './ensure-dir.ts';

/** A hidden name beside the target, unique also between two builds writing the same folder at once. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await ensureDir(dirname(path));
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new UserError(`无法写入 ${path}：${describeFsError(error)}`, {
      hint: '请检查磁盘空间和该目录的写入权限。',
      exitCode: ExitCode.output,
      cause: error,
    });
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return '没有写入权限';
    case 'ENOENT':
      return '文件或目录不存在';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
