// A bounded load test of the dev server on loopback: a few thousand requests, some concurrent, all answered
// without an error, and the process's memory does not keep growing with them.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDevServer, type DevServer } from '../../src/dev/server.ts';

const REQUESTS = 3000;
const CONCURRENCY = 16;
/** Generous: the heap may grow a little with caches, but not with every request. */
const MAX_HEAP_GROWTH_BYTES = 40 * 1024 * 1024;

describe('dev server under load (loopback only, bounded)', () => {
  let base: string;
  let server: DevServer;
  before(async () => {
    base = await mkdtemp(join(tmpdir(), 'dangke-dev-load-'));
    await mkdir(join(base, 'assets'));
    await writeFile(join(base, 'index.html'), '<!doctype html><html><body>幻灯片</body></html>');
    await writeFile(join(base, 'assets', 'theme.css'), 'body{color:#333}'.repeat(200));
    server = await startDevServer({ root: base, routes: new Map(), transformIndex: (html) => html, fallbackIndex: () => 'none' });
  });
  after(async () => {
    await server?.close();
    if (base) await rm(base, { recursive: true, force: true });
  });

  it(`answers ${REQUESTS} requests with no error and no growth of memory`, { timeout: 60_000 }, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const paths = ['/', '/index.html', '/assets/theme.css', '/missing.css', '/../etc/passwd'];
    const expected: Record<string, number[]> = { '/': [200], '/index.html': [200], '/assets/theme.css': [200], '/missing.css': [404], '/../etc/passwd': [403, 404] };
    const fetchOnce = (path: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const request = get({ host: '127.0.0.1', port: server.port, path, agent }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        });
        request.on('error', reject);
        request.setTimeout(5_000, () => request.destroy(new Error(`timeout on ${path}`)));
      });
    const run = async (count: number): Promise<void> => {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < count) {
          const path = paths[next++ % paths.length]!;
          const status = await fetchOnce(path);
          assert.ok(expected[path]!.includes(status), `${path} answered ${status}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };
    try {
      await run(REQUESTS / 3); // warm up: caches, sockets, JIT
      const before = process.memoryUsage().heapUsed;
      await run(REQUESTS);
      const growth = process.memoryUsage().heapUsed - before;
      assert.ok(growth < MAX_HEAP_GROWTH_BYTES, `heap grew by ${Math.round(growth / 1024 / 1024)} MB over ${REQUESTS} requests`);
    } finally {
      agent.destroy();
    }
  });
});
