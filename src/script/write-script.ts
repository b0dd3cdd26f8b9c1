// Writes script.md. Apart from the PDF exports (src/export/export-deck.ts re-exports it), so that a build
// without PDFs loads neither the browser driver nor the PDF library to write it.
import { join } from 'node:path';
import type { SourceDeck } from '../deck/model.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { lectureScript } from './script-md.ts';

export const SCRIPT_MD = 'script.md';

/** script.md on its own (also for builds without PDFs). */
export async function writeLectureScript(source: SourceDeck, dir: string): Promise<string> {
  const path = join(dir, SCRIPT_MD);
  await writeFileAtomic(path, lectureScript(source));
  return path;
}
