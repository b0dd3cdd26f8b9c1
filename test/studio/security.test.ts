// Nobody else gets in: the studio answers only under its own host names, every writing request needs the
// per-launch token and the studio's own Origin, every name parameter stays inside slides/, articles/ or
// dist/, uploads are size-limited and type-checked, and a hostile .docx is unpacked in a child process
// while the server keeps answering.
import assert from 'node:assert/strict';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { studioCommand, type StudioSession } from '../../src/studio/command.ts';
import { awkwardTempDir } from '../helpers/browser.ts';
import { rawGet } from '../dev/raw-http.ts';
import { send, writer } from './http.ts';

const DECK = '---\ntitle: 安全\n---\n\n## 第一张\n\nNote:\n讲稿。\n';

/** Names that must never reach a file: traversal, separators, hidden folders, drive letters, empties. */
const HOSTILE_NAMES = ['..', '../安全', '../../etc/passwd', 'a/b', 'a\\b', '.history', '.backup', 'C:安全', '', ' ', '安全\0', '..%2f安全', '/etc/passwd'];

/** A .docx whose word/document.xml inflates to `size` bytes of zeros (a zip bomb), made here in memory. */
async function zipBomb(size: number): Promise<Buffer> {
  const name = Buffer.from('word/document.xml');
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (data: Buffer) => parts.push(data));
  const done = new Promise<void>((resolve) => deflate.on('end', () => resolve()));
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  const data = Buffer.concat(parts);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('studio security', () => {
  let root: string;
  let outside: string;
  let session: StudioSession;
  let port: number;
  const deckPath = (): string => join(root, 'slides', '安全.md');

  before(async () => {
    root = await awkwardTempDir();
    outside = join(dirname(root), '外面.md');
    await mkdir(join(root, 'slides'), { recursive: true });
    await mkdir(join(root, 'articles'), { recursive: true });
    await writeFile(deckPath(), DECK);
    await writeFile(outside, '项目外的文件');
    await symlink(outside, join(root, 'slides', '链接.md'));
    session = await studioCommand({ root });
    port = session.server.port;
  });
  after(async () => {
    await session?.close();
    if (root) await rm(dirname(dirname(root)), { recursive: true, force: true });
  });

  it('serves the page with its token, and nothing under a foreign host name', async () => {
    const page = await send(port, 'GET', '/');
    assert.equal(page.status, 200);
    assert.ok(page.body.includes(`content="${session.token}"`));
    assert.equal(page.headers['x-frame-options'], 'SAMEORIGIN');
    // The preview frames show the author's HTML on the studio's origin: no inline script may run there.
    const preview = await send(port, 'GET', `/preview/${encodeURIComponent('安全')}/?mode=stage`);
    assert.equal(preview.status, 200);
    assert.match(String(preview.headers['content-security-policy']), /script-src 'self'(;|$)/);
    assert.equal((await rawGet(port, '/', 'evil.example')).status, 403);
    assert.equal((await rawGet(port, '/api/deck?name=%E5%AE%89%E5%85%A8', `evil.example:${port}`)).status, 403);
    // Posting under a foreign host is refused before the token is even looked at.
    const rebound = await send(port, 'POST', '/api/save', { headers: { ...writer(port, session.token), Host: 'evil.example' }, body: JSON.stringify({ name: '安全', text: 'x', force: true }) });
    assert.equal(rebound.status, 403);
  });

  it('refuses writes from another origin, without a token or with a wrong one', async () => {
    const body = JSON.stringify({ name: '安全', text: '被改写', force: true });
    const good = writer(port, session.token);
    const cases: [string, Record<string, string>][] = [
      ['another site', { ...good, Origin: 'http://evil.example' }],
      ['same host, other port', { ...good, Origin: `http://127.0.0.1:${port + 1}` }],
      ['https lookalike', { ...good, Origin: `https://127.0.0.1:${port}` }],
      ['null origin', { ...good, Origin: 'null' }],
      ['no origin', { 'X-Dangke-Token': session.token, 'Content-Type': 'application/json' }],
      ['no token', { Origin: good.Origin!, 'Content-Type': 'application/json' }],
      ['wrong token', { ...good, 'X-Dangke-Token': `${session.token.slice(0, -1)}x` }],
      ['empty token', { ...good, 'X-Dangke-Token': '' }],
    ];
    for (const path of ['/api/save', '/api/restore', '/api/export', '/api/draft', '/api/render', '/api/upload?name=x.txt']) {
      for (const [what, headers] of cases) {
        const reply = await send(port, 'POST', path, { headers, body });
        assert.equal(reply.status, 403, `${path}, ${what}: ${reply.status} ${reply.body}`);
      }
    }
    assert.equal(await readFile(deckPath(), 'utf8'), DECK);
    assert.deepEqual(await readdir(join(root, 'articles')), []);
    // Only GET, HEAD and POST exist.
    assert.equal((await send(port, 'PUT', '/api/save', { headers: good, body })).status, 405);
  });

  it('keeps every name parameter inside slides/, articles/ and dist/', async () => {
    const good = writer(port, session.token);
    for (const name of HOSTILE_NAMES) {
      const query = encodeURIComponent(name);
      for (const path of [`/api/deck?name=${query}`, `/api/history?name=${query}`, `/api/outputs?name=${query}`, `/api/history-entry?name=${query}&id=x`]) {
        const reply = await send(port, 'GET', path);
        assert.ok(reply.status === 400 || reply.status === 404, `${path}: ${reply.status}`);
        assert.ok(!reply.body.includes('项目外的文件'));
      }
      for (const [path, body] of [
        ['/api/save', { name, text: '越界', force: true }],
        ['/api/restore', { name, id: 'x' }],
        ['/api/export', { name }],
        ['/api/render', { name, text: DECK }],
        ['/api/draft', { article: `${name}.txt` }],
        ['/api/draft', { article: name }],
      ] as const) {
        const reply = await send(port, 'POST', path, { headers: good, body: JSON.stringify(body) });
        assert.ok(reply.status === 400 || reply.status === 404, `${path} ${JSON.stringify(name)}: ${reply.status}`);
      }
      const upload = await send(port, 'POST', `/api/upload?name=${encodeURIComponent(`${name}.txt`)}`, { headers: good, body: '一篇文章。' });
      assert.ok(upload.status === 400, `upload ${JSON.stringify(name)}: ${upload.status}`);
    }
    // History ids are checked too.
    for (const id of ['../../安全.md', '../安全.md', '%2e%2e/x']) {
      assert.equal((await send(port, 'GET', `/api/history-entry?name=${encodeURIComponent('安全')}&id=${encodeURIComponent(id)}`)).status, 404);
      assert.equal((await send(port, 'POST', '/api/restore', { headers: good, body: JSON.stringify({ name: '安全', id }) })).status, 404);
    }
    // Paths in the URL itself, sent byte for byte.
    for (const target of [
      '/preview/%E5%AE%89%E5%85%A8/../../../package.json',
      '/preview/%E5%AE%89%E5%85%A8/..%2f..%2fpackage.json',
      '/preview/%E5%AE%89%E5%85%A8/.history/x',
      '/preview/..%2f..%2f/x',
      '/preview/%E5%AE%89%E5%85%A8/%E9%93%BE%E6%8E%A5.md',
      '/dist/..%2f/package.json',
      '/dist/%E5%AE%89%E5%85%A8/..%2f..%2fpackage.json',
      '/dist/%E5%AE%89%E5%85%A8/index.html',
      '/theme/..%2f..%2f/package.json',
      '/theme/dangzheng/..%2f..%2fpackage.json',
      '/studio/../package.json',
      '//etc/passwd',
      'http://evil.example/',
    ]) {
      const reply = await rawGet(port, target);
      assert.ok([400, 403, 404].includes(reply.status), `${target}: ${reply.status}`);
      assert.ok(!reply.body.includes('项目外的文件') && !reply.body.includes('"name": "dangke"'), target);
    }
    // A symlink in slides/ pointing out of the project is neither read as a deck's image nor written through.
    const through = await send(port, 'POST', '/api/save', { headers: good, body: JSON.stringify({ name: '链接', text: '越界', force: true }) });
    assert.equal(through.status, 403);
    assert.equal(await readFile(outside, 'utf8'), '项目外的文件');
    assert.equal(await readFile(deckPath(), 'utf8'), DECK);
  });

  it('takes a good save with the token, and refuses oversized and disguised uploads', async () => {
    const good = writer(port, session.token);
    const deck = JSON.parse((await send(port, 'GET', `/api/deck?name=${encodeURIComponent('安全')}`)).body) as { version: string };
    const saved = await send(port, 'POST', '/api/save', { headers: good, body: JSON.stringify({ name: '安全', text: `${DECK}\n改过。\n`, base: deck.version }) });
    assert.equal(saved.status, 200, saved.body);
    assert.equal(await readFile(deckPath(), 'utf8'), `${DECK}\n改过。\n`);
    await writeFile(deckPath(), DECK);

    const upload = (name: string, body: Uint8Array | string): ReturnType<typeof send> =>
      send(port, 'POST', `/api/upload?name=${encodeURIComponent(name)}`, { headers: { ...good, 'Content-Type': 'application/octet-stream' }, body });
    const big = await upload('大文件.txt', Buffer.alloc(21 * 1024 * 1024, 0x41));
    assert.ok(big.status === 413 || big.status === -1, `oversized: ${big.status}`);
    const cases: [string, Uint8Array | string, number][] = [
      ['假的.docx', '这其实是一段文字，不是 Word 文档。', 415],
      ['图片.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 415],
      ['二进制.md', Buffer.from('文字\0\0\0二进制'), 415],
      ['压缩包.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 415],
      ['程序.exe', Buffer.from('MZ'), 400],
      ['无扩展名', '文字', 400],
      ['空的.txt', '', 415],
    ];
    for (const [name, body, status] of cases) {
      const reply = await upload(name, body);
      assert.equal(reply.status, status, `${name}: ${reply.status} ${reply.body}`);
      assert.match(JSON.parse(reply.body).error as string, /[\u4e00-\u9fff]/);
    }
    assert.deepEqual(await readdir(join(root, 'articles')), []);
  });

  it('offers the outputs dist/<name>/ holds, PowerPoint and Word included, as downloads', async () => {
    const dist = join(root, 'dist', '安全');
    await mkdir(dist, { recursive: true });
    for (const file of ['slides.pdf', '安全.pptx', 'script.docx', 'index.html']) await writeFile(join(dist, file), `内容：${file}`);
    const listed = JSON.parse((await send(port, 'GET', `/api/outputs?name=${encodeURIComponent('安全')}`)).body) as { file: string }[];
    assert.deepEqual(listed.map((entry) => entry.file), ['slides.pdf', '安全.pptx', 'script.docx']);
    const word = await send(port, 'GET', `/dist/${encodeURIComponent('安全')}/script.docx`);
    assert.equal(word.status, 200);
    assert.equal(word.body, '内容：script.docx');
    assert.match(String(word.headers['content-disposition']), /^attachment; filename\*=UTF-8''script\.docx$/);
    // Only the offered outputs: not the deck's other files.
    assert.equal((await send(port, 'GET', `/dist/${encodeURIComponent('安全')}/index.html`)).status, 404);
  });

  it('unpacks a hostile .docx in a child process while the server keeps answering', async () => {
    const bomb = await zipBomb(200 * 1024 * 1024);
    assert.ok(bomb.length < 2 * 1024 * 1024, `the bomb is small on the wire (${bomb.length} bytes)`);
    const good = writer(port, session.token);
    const reply = await send(port, 'POST', `/api/upload?name=${encodeURIComponent('炸弹.docx')}`, { headers: { ...good, 'Content-Type': 'application/octet-stream' }, body: bomb });
    assert.equal(reply.status, 202, reply.body);
    const { job } = JSON.parse(reply.body) as { job: { id: string } };
    // While the child reads the bomb, the page, the deck list and a render still answer.
    let answered = 0;
    while (session.server.jobs.get(job.id)?.finishedAt === undefined && answered < 20) {
      const list = await send(port, 'GET', '/api/list');
      assert.equal(list.status, 200);
      const render = await send(port, 'POST', '/api/render', { headers: good, body: JSON.stringify({ name: '安全', text: DECK }) });
      assert.equal(render.status, 200);
      answered += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(answered > 0, 'the server answered while the hostile file was being read');
    const finished = await session.server.jobs.finished(job.id);
    assert.equal(finished.state, 'failed', finished.lines.join('\n'));
    console.log(`hostile .docx: child ${finished.state} after ${(finished.finishedAt ?? 0) - (finished.startedAt ?? 0)} ms, ${answered} rounds answered: ${finished.lines.slice(-2).join(' / ')}`);
    await assert.rejects(readFile(join(root, 'slides', '炸弹.md')));
  });
});
