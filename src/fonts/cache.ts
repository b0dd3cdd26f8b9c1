// A disk cache for font subsets, so a rebuild with the same characters costs a file read instead of a
// subset and a compression. Entries are whole files named by a key that covers everything the bytes
// depend on (font file identity, characters, encoder version), so an entry is never stale, only unused.
// The cache is an optimisation: every failure to read or write it is ignored.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packageDir } from './faces.ts';

/** Keep this many entries (three faces per character set); the least recently used go first. */
const MAX_ENTRIES = 60;
/**
 * A test seam: `npm test` (scripts/test.mjs) keeps more entries, because its decks (a few hundred character
 * sets) would push each other out of 60 and every run would cut them all again.
 */
export const CACHE_ENTRIES_ENV = 'DANGKE_FONT_CACHE_ENTRIES';

/** How many entries to keep: DANGKE_FONT_CACHE_ENTRIES when it is a positive whole number, else 60. */
export function maxCacheEntries(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env[CACHE_ENTRIES_ENV]);
  return Number.isSafeInteger(value) && value > 0 ? value : MAX_ENTRIES;
}

/** node_modules/.cache/dangke/fonts beside the font packages (the find-cache-dir convention). */
export function defaultCacheDir(): string {
  const nodeModules = dirname(dirname(packageDir('@expo-google-fonts/noto-sans-sc')));
  return join(nodeModules, '.cache', 'dangke', 'fonts');
}

async function writable(dir: string): Promise<boolean> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The preferred folder when it can be written, else one under the system's temporary folder. */
export async function resolveCacheDir(preferred = defaultCacheDir()): Promise<string> {
  if (await writable(preferred)) return preferred;
  const fallback = join(tmpdir(), 'dangke-cache', 'fonts');
  await mkdir(fallback, { recursive: true }).catch(() => undefined);
  return fallback;
}

export function cacheKey(parts: Record<string, string | number>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

export async function readCached(dir: string, key: string): Promise<Uint8Array | undefined> {
  const path = join(dir, `${key}.woff2`);
  try {
    const data = await readFile(path);
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined); // mark as recently used
    return data;
  } catch {
    return undefined;
  }
}

export async function writeCached(dir: string, key: string, data: Uint8Array): Promise<void> {
  const path = join(dir, `${key}.woff2`);
  const temporary = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
    await prune(dir);
  } catch {
    await unlink(temporary).catch(() => undefined);
  }
}

async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.woff2'));
  const keep = maxCacheEntries();
  if (names.length <= keep) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, time: await stat(join(dir, name)).then((info) => info.mtimeMs, () => 0) })),
  );
  dated.sort((a, b) => a.time - b.time);
  await Promise.all(dated.slice(0, dated.length - keep).map(({ name }) => unlink(join(dir, name)).catch(() => undefined)));
}
