// @ts-check
// How the npm scripts start dangke: `node scripts/run.mjs <command> …` (see package.json).
// Plain JavaScript so that node starts it without tsx. It runs the compiled CLI that scripts/compile-cli.ts
// made at `npm install` when every source file it was made from is unchanged (same size and mtime);
// otherwise it compiles again first, so nobody who edits src/ ever runs stale code. When compiling fails
// (a syntax error in the sources), it runs build.ts through tsx, which reports the error as it always has.
// `npx tsx build.ts <command>` runs the sources directly and stays the documented entry.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where the compiled CLI lives; tests point it elsewhere. Kept in step with scripts/compile-cli.ts. */
const CACHE_DIR = process.env['DANGKE_CLI_CACHE_DIR'] || join(ROOT, 'node_modules', '.cache', 'dangke', 'cli');
const MANIFEST_VERSION = 2;

/**
 * The compiled entry when it is current, else undefined.
 * @param {string} cacheDir
 * @returns {string | undefined}
 */
export function freshEntry(cacheDir) {
  /** @type {{ version?: unknown, folder?: unknown, inputs?: unknown }} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(cacheDir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.version !== MANIFEST_VERSION || typeof manifest.folder !== 'string' || !Array.isArray(manifest.inputs)) return undefined;
  for (const input of manifest.inputs) {
    const [path, size, mtimeMs] = /** @type {[string, number, number]} */ (input);
    const info = statSync(path, { throwIfNoEntry: false });
    if (info === undefined || info.size !== size || info.mtimeMs !== mtimeMs) return undefined;
  }
  return join(cacheDir, manifest.folder, 'build.mjs');
}

async function start() {
  const current = freshEntry(CACHE_DIR);
  if (current !== undefined) {
    await import(pathToFileURL(current).href);
    return;
  }
  // Sources changed since the last compile (or there is none yet): tsx loads the compiler, which compiles
  // again; the next run starts fast.
  const { register } = await import('tsx/esm/api');
  register();
  /** @type {string | undefined} */
  let entry;
  try {
    const { compileCli } = await import('./compile-cli.ts');
    const manifest = await compileCli({ cacheDir: CACHE_DIR });
    entry = join(CACHE_DIR, manifest.folder, 'build.mjs');
  } catch {
    entry = undefined;
  }
  await import(entry === undefined ? pathToFileURL(join(ROOT, 'build.ts')).href : pathToFileURL(entry).href);
}

// Run only as the npm scripts' entry, not when a test imports freshEntry().
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await start();
