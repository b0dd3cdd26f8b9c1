// The dev server serves the built deck and nothing else, on 127.0.0.1 only (issue 8). Every request here
// is sent raw, so the server sees the path exactly as an attacker would write it.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { requestSegments, resolveRequestPath } from '../../src/dev/safe-path.ts';
import { startDevServer, type DevServer } from '../../src/dev/server.ts';
import { rawGet } from '../dev/raw-http.ts';

const SECRET = 'secret-outside-the-deck';

describe('dev server security', () => {
  let base: string;
  let served: string;
  let server: DevServer;

  before(async () => {
    base = await mkdtemp(join(tmpdir(), 'dangke-dev-sec-'));
    served = join(base, 'deck 站');
    await mkdir(join(served, 'assets'), { recursive: true });
    await writeFile(join(served, 'index.html'), '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head><body>幻灯片</body></html>');
    await writeFile(join(served, 'assets', 'theme.css'), 'body{}');
    await writeFile(join(served, 'assets', '.theme.css.123.tmp'), 'half');
    await writeFile(join(base, 'secret.txt'), SECRET);
    await mkdir(join(base, 'outside'));
    await writeFile(join(base, 'outside', 'x.txt'), SECRET);
    await symlink(join(base, 'secret.txt'), join(served, 'assets', 'link.txt'));
    await symlink(join(base, 'outside'), join(served, 'dirlink'));
    await symlink('/etc', join(served, 'etc'));
    server = await startDevServer({
      root: served,
      routes: new Map([['/__dangke/hello', (_req, res) => void res.end('hi')]]),
      transformIndex: (html) => html.replace('</body>', '<script src="/__dangke/client.js"></script></body>'),
      fallbackIndex: () => 'none',
    });
  });
  after(async () => {
    await server?.close();
    if (base) await rm(base, { recursive: true, force: true });
  });

  it('serves the deck, its assets and its routes', async () => {
    const index = await rawGet(server.port, '/');
    assert.equal(index.status, 200);
    assert.match(index.headers, /content-type: text\/html/i);
    assert.match(Buffer.from(index.body, 'latin1').toString('utf8'), /幻灯片.*__dangke\/client\.js/s);
    assert.equal((await rawGet(server.port, '/assets/theme.css?v=1')).status, 200);
    assert.equal((await rawGet(server.port, '/__dangke/hello')).body, 'hi');
    assert.equal((await rawGet(server.port, '/%61ssets/theme.css')).status, 200, 'plain percent-encoding is fine');
  });

  const refused: Array<[string, string]> = [
    ['dot-dot', '/../secret.txt'],
    ['dot-dot deep', '/assets/../../secret.txt'],
    ['dot-dot to /etc', '/../../../../../../etc/passwd'],
    ['encoded dot-dot', '/%2e%2e/secret.txt'],
    ['encoded dot-dot, upper case', '/%2E%2E/%2E%2E/etc/passwd'],
    ['encoded slash', '/..%2fsecret.txt'],
    ['encoded backslash', '/..%5csecret.txt'],
    ['backslash', '/..\\secret.txt'],
    ['double-encoded stays a name', '/%252e%252e/secret.txt'],
    ['dot segment', '/./index.html'],
    ['absolute path (double slash)', '//etc/passwd'],
    ['absolute path (encoded)', `/${encodeURIComponent('/etc/passwd')}`],
    ['absolute path (tmp)', `/${encodeURIComponent(join(tmpdir(), 'x'))}`],
    ['absolute-form request target', 'http://127.0.0.1:1/etc/passwd'],
    ['drive letter', '/C:/Windows/win.ini'],
    ['NUL byte, encoded', '/index.html%00.png'],
    ['NUL byte, encoded, in dot-dot', '/..%00/secret.txt'],
    ['symlink to a file outside', '/assets/link.txt'],
    ['symlink to a folder outside', '/dirlink/x.txt'],
    ['symlink to /etc', '/etc/passwd'],
    ['hidden temporary file', '/assets/.theme.css.123.tmp'],
    ['missing file', '/secret.txt'],
    ['invalid percent-encoding', '/%zz/secret.txt'],
  ];
  for (const [name, target] of refused) {
    it(`refuses ${name}: ${JSON.stringify(target)}`, async () => {
      const response = await rawGet(server.port, target);
      assert.ok([403, 404].includes(response.status), `${response.status} for ${target}`);
      assert.ok(!response.body.includes(SECRET));
      assert.ok(!response.body.includes('root:'));
    });
  }

  it('refuses a raw NUL byte in the request line', async () => {
    const response = await rawGet(server.port, '/index.html\0.png').catch(() => ({ status: 0, body: '' }));
    // Node's HTTP parser rejects the request line; the answer is never the file.
    assert.ok([0, 400, 403, 404].includes(response.status), String(response.status));
    assert.ok(!response.body.includes('幻灯片'));
  });

  it('refuses methods other than GET and HEAD, and foreign Host headers (DNS rebinding)', async () => {
    assert.equal((await rawGet(server.port, '/', undefined, 'POST')).status, 405);
    assert.equal((await rawGet(server.port, '/', 'evil.example:80')).status, 403);
    assert.equal((await rawGet(server.port, '/', `localhost:${server.port}`)).status, 200);
    const head = await rawGet(server.port, '/assets/theme.css', undefined, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  it('listens on 127.0.0.1 only', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info !== undefined && !info.internal)
      .map((info) => info!.address);
    for (const address of [...others, '::1']) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: server.port });
        socket.setTimeout(1_000, () => {
          socket.destroy();
          resolve(false);
        });
        socket.on('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      assert.equal(reached, false, `reachable on ${address}`);
    }
  });

  it('requestSegments and resolveRequestPath agree with the table', async () => {
    assert.deepEqual(requestSegments('/assets/a%20b.css?x=1'), ['assets', 'a b.css']);
    assert.deepEqual(requestSegments('/'), []);
    assert.equal(requestSegments('/a/../b'), undefined);
    assert.equal(requestSegments('/a//b'), undefined);
    const root = await realpath(served);
    assert.deepEqual(await resolveRequestPath(root, '/'), { ok: true, path: join(root, 'index.html') });
    assert.deepEqual(await resolveRequestPath(root, '/assets/link.txt'), { ok: false, status: 403 });
  });
});
