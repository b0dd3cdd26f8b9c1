// Bundles reveal.js, its notes plugin and our client entry into one classic script.
// An IIFE, not an ES module: browsers refuse module scripts from file://, and the deck must open by double-click.
// The result is kept on disk (src/page/bundle-cache.ts) while its sources are unchanged, so esbuild is
// loaded only when they changed.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { defaultCacheDir } from '../fonts/cache.ts';
import { inputStamps, readFreshCache, writeCache } from './bundle-cache.ts';

const ENTRY = fileURLToPath(new URL('./client/entry.ts', import.meta.url));
// Old enough for every browser a meeting room runs, new enough that esbuild need not down-level much.
const BROWSER_TARGETS = ['chrome100', 'edge100', 'firefox100', 'safari15'];
const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: BROWSER_TARGETS,
  minify: true,
  // reveal.js is MIT: keep its licence notice, at the end so it costs nothing at parse time.
  legalComments: 'eof',
} as const satisfies BuildOptions;

let scriptPromise: Promise<string> | undefined;
let cssPromise: Promise<string> | undefined;

/** node_modules/.cache/dangke/page/client.json, beside the font subsets' cache. */
function defaultCacheFile(): string {
  return join(dirname(defaultCacheDir()), 'page', 'client.json');
}

/** The bundle, from the disk cache when its sources are unchanged; `cacheFile: null` bypasses the cache. */
export async function bundleClientScript(cacheFile: string | null = defaultCacheFile()): Promise<string> {
  // esbuild's own code is an input too: another esbuild version may bundle differently.
  const esbuildMain = createRequire(import.meta.url).resolve('esbuild');
  const key = JSON.stringify({ ...BUNDLE_OPTIONS, entry: ENTRY });
  if (cacheFile !== null) {
    const cached = await readFreshCache(cacheFile, key);
    if (cached !== undefined) return cached;
  }
  const { build } = await import('esbuild');
  const workingDir = dirname(ENTRY);
  const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [ENTRY], absWorkingDir: workingDir, write: false, metafile: true, logLevel: 'silent' });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the reveal.js bundle');
  if (cacheFile !== null) {
    const inputs = await inputStamps([esbuildMain, ...Object.keys(result.metafile.inputs).map((input) => resolve(workingDir, input))]);
    if (inputs !== undefined) await writeCache(cacheFile, key, inputs, output.text);
  }
  return output.text;
}

/** The deck's script (reveal.js + notes plugin + our entry), built once per process. */
export function bundleRevealScript(): Promise<string> {
  // Forget a failed build so the next call can retry instead of replaying the error forever.
  scriptPromise ??= bundleClientScript().catch((error: unknown) => {
    scriptPromise = undefined;
    throw error;
  });
  return scriptPromise;
}

async function readRevealCss(): Promise<string> {
  const require = createRequire(import.meta.url);
  const [reset, reveal] = await Promise.all([
    readFile(require.resolve('reveal.js/reset.css'), 'utf8'),
    readFile(require.resolve('reveal.js/reveal.css'), 'utf8'),
  ]);
  return `${reset}\n${reveal}`;
}

/** reveal.js's reset.css followed by reveal.css (never its themes: they import Google Fonts). */
export function revealCss(): Promise<string> {
  cssPromise ??= readRevealCss().catch((error: unknown) => {
    cssPromise = undefined;
    throw error;
  });
  return cssPromise;
}
