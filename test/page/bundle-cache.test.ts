import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inputStamps, readFreshCache, writeCache } from '../../src/page/bundle-cache.ts';
import { bundleClientScript } from '../../src/page/bundle.ts';

describe('bundle cache', () => {
  let dir: string;
  let source: string;
  let cache: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dangke-bundle-cache-'));
    source = join(dir, 'entry.ts');
    cache = join(dir, 'cache', 'client.json');
    await writeFile(source, 'export const a = 1;\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  async function store(key = 'k'): Promise<void> {
    const stamps = await inputStamps([source]);
    assert.ok(stamps);
    await writeCache(cache, key, stamps, 'bundled text');
  }

  it('gives back what was stored while the sources are unchanged', async () => {
    await store();
    assert.equal(await readFreshCache(cache, 'k'), 'bundled text');
  });

  it('is stale for another key (other bundling options)', async () => {
    await store();
    assert.equal(await readFreshCache(cache, 'other'), undefined);
  });

  it('is stale once a source changes, even to the same size, or goes away', async () => {
    await store();
    const later = new Date(Date.now() + 5_000);
    await utimes(source, later, later);
    assert.equal(await readFreshCache(cache, 'k'), undefined, 'mtime changed');
    await store();
    await writeFile(source, 'export const a = 12;\n');
    assert.equal(await readFreshCache(cache, 'k'), undefined, 'content changed');
    await store();
    await rm(source);
    assert.equal(await readFreshCache(cache, 'k'), undefined, 'file removed');
    await writeFile(source, 'export const a = 1;\n');
  });

  it('treats a missing or damaged cache file as a miss', async () => {
    assert.equal(await readFreshCache(join(dir, 'nothing.json'), 'k'), undefined);
    await writeFile(cache, '{"version":1,"key":"k","inputs":[');
    assert.equal(await readFreshCache(cache, 'k'), undefined);
  });

  it('cannot stamp a file that does not exist, so nothing is cached for it', async () => {
    assert.equal(await inputStamps([join(dir, 'missing.ts')]), undefined);
  });
});

describe('bundleClientScript with a disk cache', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'dangke-client-cache-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes the bundle with its sources (our client entry, reveal.js) and serves the same text from it', async () => {
    const file = join(dir, 'client.json');
    const fresh = await bundleClientScript(null);
    assert.equal(await bundleClientScript(file), fresh);
    const entry = JSON.parse(await readFile(file, 'utf8')) as { inputs: [string, number, number][]; text: string };
    const paths = entry.inputs.map(([path]) => path);
    assert.ok(paths.some((path) => path.endsWith(join('src', 'page', 'client', 'entry.ts'))), 'our entry is an input');
    assert.ok(paths.some((path) => /reveal\.js[\\/]dist[\\/]reveal\.mjs$/.test(path)), 'reveal.js is an input');
    // Served from the file: a marker written into the entry comes back, proving no second bundling.
    await writeFile(file, JSON.stringify({ ...entry, text: `${entry.text}/*from cache*/` }));
    assert.match(await bundleClientScript(file), /\/\*from cache\*\/$/);
  });
});
