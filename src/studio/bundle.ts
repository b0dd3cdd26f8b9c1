// Bundles the studio's two browser scripts with esbuild, once per process: the editor page (CodeMirror 6
// and the studio's own code) and the preview page's script (the deck's own fit, so a slide is shrunk and
// its overflow measured exactly as in the build). Everything is served by the studio: no CDN, no network.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRIES = {
  app: fileURLToPath(new URL('./client/app.ts', import.meta.url)),
  preview: fileURLToPath(new URL('./client/preview.ts', import.meta.url)),
} as const;

export type StudioScript = keyof typeof ENTRIES;

const cache = new Map<StudioScript, Promise<string>>();

async function bundle(entry: StudioScript): Promise<string> {
  const result = await build({
    entryPoints: [ENTRIES[entry]],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'edge100', 'firefox100', 'safari15'],
    minify: true,
    write: false,
    legalComments: 'eof',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for the studio's ${entry} script`);
  return output.text;
}

export function studioScript(entry: StudioScript): Promise<string> {
  let promise = cache.get(entry);
  if (!promise) {
    promise = bundle(entry).catch((error: unknown) => {
      cache.delete(entry);
      throw error;
    });
    cache.set(entry, promise);
  }
  return promise;
}
