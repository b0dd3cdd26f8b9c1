// Bundles reveal.js, its notes plugin and our client entry into one classic script.
// An IIFE, not an ES module: browsers refuse module scripts from file://, and the deck must open by double-click.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./client/entry.ts', import.meta.url));
// Old enough for every browser a meeting room runs, new enough that esbuild need not down-level much.
const BROWSER_TARGETS = ['chrome100', 'edge100', 'firefox100', 'safari15'];

let scriptPromise: Promise<string> | undefined;
let cssPromise: Promise<string> | undefined;

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: BROWSER_TARGETS,
    minify: true,
    write: false,
    // reveal.js is MIT: keep its licence notice, at the end so it costs nothing at parse time.
    legalComments: 'eof',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the reveal.js bundle');
  return output.text;
}

/** The deck's script (reveal.js + notes plugin + our entry), built once per process. */
export function bundleRevealScript(): Promise<string> {
  // Forget a failed build so the next call can retry instead of replaying the error forever.
  scriptPromise ??= bundle().catch((error: unknown) => {
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
