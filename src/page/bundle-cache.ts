// A disk cache for the deck's client script (reveal.js + our entry, bundled by esbuild), so that a build in a
// new process reads one file instead of loading esbuild, starting its service and bundling again (a third
// of a second of every `npm run build`). The entry records every file the bundle was made from with its
// size and mtime, and a key for the options it was made with; it is used only when all of them still
// match, so an edit to src/page/client/ or a reveal.js upgrade is picked up at once.
// An optimisation only: any failure to read or write it is ignored.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const FORMAT_VERSION = 1;

interface CacheEntry {
  version: number;
  key: string;
  /** Absolute path, size in bytes, mtime in ms. */
  inputs: [string, number, number][];
  text: string;
}

/** The cached text when the entry was made with `key` from files that are all unchanged; else undefined. */
export async function readFreshCache(file: string, key: string): Promise<string | undefined> {
  try {
    const entry = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheEntry>;
    if (entry.version !== FORMAT_VERSION || entry.key !== key || !Array.isArray(entry.inputs) || typeof entry.text !== 'string') return undefined;
    if (entry.inputs.length === 0) return undefined;
    const infos = await Promise.all(entry.inputs.map(([path]) => stat(path).catch(() => undefined)));
    const unchanged = entry.inputs.every(([, size, mtimeMs], index) => infos[index]?.size === size && infos[index]?.mtimeMs === mtimeMs);
    return unchanged ? entry.text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores `text` as made from `inputs` (stamps taken with inputStamps right after making it) with `key`.
 * As with make, an edit saved in the instant between esbuild reading a file and that stat goes unnoticed
 * until the file changes again.
 */
export async function writeCache(file: string, key: string, inputs: [string, number, number][], text: string): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    const entry: CacheEntry = { version: FORMAT_VERSION, key, inputs, text };
    await writeFile(temporary, JSON.stringify(entry));
    await rename(temporary, file);
  } catch {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}

/** Size and mtime of each file now, for writeCache; undefined when one cannot be read (then do not cache). */
export async function inputStamps(paths: readonly string[]): Promise<[string, number, number][] | undefined> {
  try {
    return await Promise.all(paths.map(async (path): Promise<[string, number, number]> => {
      const info = await stat(path);
      return [path, info.size, info.mtimeMs];
    }));
  } catch {
    return undefined;
  }
}
