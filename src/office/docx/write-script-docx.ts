// The I/O edge of script.docx: the bytes from scriptDocx written to dist/<name>/script.docx, atomically.
import { join } from 'node:path';
import type { SourceDeck } from '../../deck/model.ts';
import { writeFileAtomic } from '../../fs/atomic.ts';
import { SCRIPT_DOCX, scriptDocx } from './script-docx.ts';

export async function writeScriptDocx(source: SourceDeck, dir: string): Promise<string> {
  const path = join(dir, SCRIPT_DOCX);
  await writeFileAtomic(path, await scriptDocx(source));
  return path;
}
