// Write a whole file or nothing: data goes to a temporary name in the same folder, then a rename
// (atomic on one file system) puts it in place. A crash or a full disk never leaves a half file behind
// for a browser or a watcher to pick up.
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ExitCode, UserError } from '../errors.ts';

function temporaryPath(path: string): string {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return join(dirname(path), `.${basename(path)}.${suffix}.tmp`);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(`Could not write ${path} (${code}).`, {
      hint: 'Check that the folder exists, is writable and the disk is not full.',
      exitCode: ExitCode.output,
      cause: error,
    });
  }
}
