// Compiles build.ts and src/ into plain JavaScript once, so that `npm run <command>` starts in node alone
// instead of paying for tsx's start and its transform of every file on every run (about 0.7 s).
// Run at `npm install` (postinstall) and again by scripts/run.mjs whenever a source file changed.
//
// Output, in node_modules/.cache/dangke/cli/ (git-ignored, rebuilt by every install):
//   <hash>/build.mjs + chunks   the entry and its lazily loaded commands (code splitting keeps each
//                               command's heavy packages out of the others' start)
//   manifest.json               which folder is current, and every source file it was made from with
//                               its size and mtime: scripts/run.mjs compares them before trusting it
// Packages stay external (loaded from node_modules as tsx would load them), but for the few in BUNDLED_PACKAGES:
// those are bundled with everything they import, because node's loader spends more time finding and reading
// their hundreds of small modules than running them (see bundledPackages()).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'dangke', 'cli');
/** Bumped when the manifest's shape or what is bundled changes, so an old manifest is never trusted. */
export const MANIFEST_VERSION = 2;
/** Compiled folders other than the current one are removed once this old (a running `dev` may still use one). */
const STALE_FOLDER_AGE_MS = 7 * 24 * 3600 * 1000;

export interface Manifest {
  version: number;
  /** The folder (inside the cache dir) holding build.mjs. */
  folder: string;
  /** Absolute path of every source file bundled, with the size and mtime it had when compiled. */
  inputs: [path: string, size: number, mtimeMs: number][];
}

/**
 * Source files keep their own location: `import.meta.url` in each is replaced by the URL of the .ts file
 * it came from, so paths computed from it (themes/, the client entry, fonts via createRequire) still
 * point into the project, not into the cache.
 */
function keepSourceUrls(): Plugin {
  return {
    name: 'keep-source-urls',
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
    },
  };
}

/**
 * Packages bundled into the compiled CLI with what they import: many small modules each, which node finds,
 * reads and compiles one by one (puppeteer-core ~300 ES modules with ws and debug; pdf-lib ~100 CommonJS
 * files; yaml ~30). A build or check loads them while Chromium starts on the same two cores, and a big deck's
 * build is Node-bound until its pages are written. A/B on a quiet machine, 7 interleaved runs of the npm
 * scripts each (2026-12-06): the example's build 3.67 → 3.37 s, a 300-slide build 6.97 → 6.75 s, check
 * 2.56 → 2.43 s; parse (which loads none of them) 0.46 s either way. Their files join the manifest's inputs,
 * so an `npm install` that changes them recompiles.
 */
export const BUNDLED_PACKAGES: ReadonlySet<string> = new Set(['puppeteer-core', 'pdf-lib', 'yaml']);
/** Optional native helpers that bundled packages require inside try/catch: left to fail at run time. */
const OPTIONAL_NATIVE = new Set(['bufferutil', 'utf-8-validate']);

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Bare imports from our sources stay external unless BUNDLED_PACKAGES names them; inside those, all is bundled. */
function bundledPackages(): Plugin {
  return {
    name: 'bundled-packages',
    setup(builder) {
      builder.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = packageName(args.path);
        if (OPTIONAL_NATIVE.has(name)) return { path: args.path, external: true };
        const fromPackage = /[\\/]node_modules[\\/]/.test(args.importer); // either separator: Windows paths too
        if (fromPackage || BUNDLED_PACKAGES.has(name)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/** Compiles the CLI into `cacheDir`; returns the new manifest. Throws when esbuild cannot compile the sources. */
export async function compileCli(options: { root?: string; cacheDir?: string } = {}): Promise<Manifest> {
  const root = options.root ?? PROJECT_ROOT;
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  await mkdir(cacheDir, { recursive: true });
  // A folder of its own per attempt: two installs (or two commands after an edit) may compile at once.
  const working = join(cacheDir, `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const result = await build({
      entryPoints: [join(root, 'build.ts')],
      outdir: working,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Bundled CommonJS (ws, debug inside puppeteer-core) calls require(); an ES module has none of its own.
      banner: { js: "import { createRequire as __dangkeRequire } from 'node:module'; const require = __dangkeRequire(import.meta.url);" },
      outExtension: { '.js': '.mjs' },
      entryNames: '[name]',
      chunkNames: 'chunk-[hash]',
      // Beside the chunks, not inside: node reads them only with --enable-source-maps (for a bug's stack).
      sourcemap: 'linked',
      metafile: true,
      logLevel: 'silent',
      plugins: [keepSourceUrls(), bundledPackages()],
    });
    const outputs = Object.keys(result.metafile.outputs).sort();
    const hash = createHash('sha256');
    for (const output of outputs) hash.update(output).update(await readFile(resolve(output)));
    const folder = hash.digest('hex').slice(0, 16);
    const target = join(cacheDir, folder);
    await rename(working, target).catch(async (error: NodeJS.ErrnoException) => {
      // The same sources compiled by someone else a moment ago: theirs is identical.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      await rm(working, { recursive: true, force: true });
    });
    const inputs: Manifest['inputs'] = [];
    for (const input of Object.keys(result.metafile.inputs).sort()) {
      const path = resolve(input);
      const info = await stat(path);
      inputs.push([path, info.size, info.mtimeMs]);
    }
    const manifest: Manifest = { version: MANIFEST_VERSION, folder, inputs };
    const manifestPath = join(cacheDir, 'manifest.json');
    const temporary = `${manifestPath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, JSON.stringify(manifest));
    await rename(temporary, manifestPath);
    await pruneOldFolders(cacheDir, folder);
    return manifest;
  } finally {
    await rm(working, { recursive: true, force: true });
  }
}

async function pruneOldFolders(cacheDir: string, current: string): Promise<void> {
  const now = Date.now();
  for (const entry of await readdir(cacheDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const path = join(cacheDir, entry.name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > STALE_FOLDER_AGE_MS) await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}
