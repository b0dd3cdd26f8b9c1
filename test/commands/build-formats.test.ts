// `build --formats/--no-pdf` through the command line, without a browser: what is written and what is not,
// and a usage error (exit 2, the formats listed) for a format that does not exist.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main, type CliIo } from '../../src/cli.ts';
import { pathExists } from '../../src/fs/list.ts';
import { readZip } from '../helpers/zip-entries.ts';

const DECK = `---
title: 格式测试
speaker: 李四
---

# 格式测试

Note:
这是讲稿的第一句。这是第二句。
`;

function io(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
}

describe('build --formats without a browser', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'dangke 格式 '));
    await mkdir(join(root, 'slides'));
    await writeFile(join(root, 'slides', '讲稿.md'), DECK);
  });
  after(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('--no-pdf writes everything that needs no browser: page, single file, script.md, script.docx', async () => {
    const cli = io(root);
    assert.equal(await main(['build', '--no-pdf'], cli), 0, cli.err.join('\n'));
    const dir = join(root, 'dist', '讲稿');
    for (const name of ['index.html', '讲稿.html', 'script.md', 'script.docx']) assert.ok(await pathExists(join(dir, name)), name);
    for (const name of ['slides.pdf', 'handout.pdf', 'images']) assert.equal(await pathExists(join(dir, name)), false, name);
    const document = readZip(await readFile(join(dir, 'script.docx'))).get('word/document.xml')!.toString('utf8');
    assert.match(document, /这是讲稿的第一句。这是第二句。/);
    assert.match(cli.err.join('\n'), /script\.docx/);
  });

  it('--formats docx --no-pdf leaves out the single file', async () => {
    const out = join(root, 'only-docx');
    const cli = io(root);
    assert.equal(await main(['build', '--no-pdf', '--formats', 'docx', '--out', out], cli), 0, cli.err.join('\n'));
    assert.ok(await pathExists(join(out, '讲稿', 'script.docx')));
    assert.ok(await pathExists(join(out, '讲稿', 'index.html')));
    assert.equal(await pathExists(join(out, '讲稿', '讲稿.html')), false);
  });

  it('an unknown format is a usage error (exit 2) that lists the formats', async () => {
    const cli = io(root);
    assert.equal(await main(['build', '--formats', 'html,word'], cli), 2);
    const message = cli.err.join('\n');
    assert.match(message, /未知的格式：word/);
    assert.match(message, /html、pdf、pptx、docx、images/);
  });

  it('--help names --formats, every format and --images', async () => {
    const cli = io(root);
    assert.equal(await main(['build', '--help'], cli), 0);
    for (const word of ['--formats', '--images', 'html', 'pdf', 'pptx', 'docx', 'images', 'overview.png']) assert.ok(cli.out.join('\n').includes(word), word);
  });
});
