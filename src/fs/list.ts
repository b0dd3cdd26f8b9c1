import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SLIDES_DIR, isDraftCandidate } from '../paths.ts';

/** Files in a folder whose names pass `keep`, sorted, as paths; a missing folder has none. */
export async function listFiles(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names.filter(keep).sort().map((name) => join(dir, name));
}

/** Every deck in slides/: Markdown files, without the candidate drafts written beside edited decks. */
export function listDeckFiles(root: string): Promise<string[]> {
  return listFiles(join(root, SLIDES_DIR), (name) => name.endsWith('.md') && !isDraftCandidate(name));
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
