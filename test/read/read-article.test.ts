import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile } from '../../src/read/read-article.ts';
import { ExitCode, UserError } from '../../src/errors.ts';

let root = '';
before(async () => {
  // Non-ASCII, spaced paths on purpose: they are what users have.
  root = join(await mkdtemp(join(tmpdir(), 'dangke-read-')), '字', '文 章');
  await mkdir(root, { recursive: true });
});
after(async () => {
  await rm(join(root, '..', '..'), { recursive: true, force: true });
});

async function rejectsWithUserError(promise: Promise<unknown>, ...mustMention: RegExp[]): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
    assert.equal(error.exitCode, ExitCode.input);
    for (const pattern of mustMention) assert.match(`${error.message}\n${error.hint ?? ''}`, pattern);
    return true;
  });
}

test('reads a .txt file with CRLF as txt', async () => {
  const path = join(root, '党 课.txt');
  await writeFile(path, '标题\r\n\r\n正文。\r\n');
  assert.deepEqual(await readArticleFile(path), { text: '标题\n\n正文。\n', format: 'txt' });
});

test('reads a .md file as md (extension case does not matter)', async () => {
  const path = join(root, '文章.MD');
  await writeFile(path, '# 标题\n\n正文。\n');
  assert.deepEqual(await readArticleFile(path), { text: '# 标题\n\n正文。\n', format: 'md' });
});

test('reads a GBK-encoded file', async () => {
  const path = join(root, 'gbk.txt');
  await writeFile(path, Buffer.from('b5b3bfce', 'hex'));
  assert.deepEqual(await readArticleFile(path), { text: '党课', format: 'txt' });
});

test('a missing file is a UserError naming the path', async () => {
  const path = join(root, '没有这个文件.txt');
  await rejectsWithUserError(readArticleFile(path), /没有这个文件\.txt/, /找不到这个文件/, /检查路径和文件名/);
});

test('a folder named like an article is a UserError', async () => {
  const path = join(root, '文件夹.txt');
  await mkdir(path, { recursive: true });
  await rejectsWithUserError(readArticleFile(path), /文件夹\.txt/, /是一个文件夹，不是文件/);
});

test('old office formats (.doc, .wps) ask to be saved as .docx', async () => {
  await rejectsWithUserError(readArticleFile(join(root, '文章.doc')), /\.doc/, /另存为 \.docx/);
  await rejectsWithUserError(readArticleFile(join(root, '文章.wps')), /\.wps/, /\.docx/);
});

test('an unknown extension lists .docx, .txt and .md', async () => {
  await rejectsWithUserError(readArticleFile(join(root, '文章.pdf')), /\.pdf/, /\.docx/, /\.txt/, /\.md/);
  await rejectsWithUserError(readArticleFile(join(root, '文章')), /没有扩展名/, /\.txt/);
});

test('a binary file with a .txt name is a UserError', async () => {
  const path = join(root, 'photo.txt');
  await writeFile(path, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  await rejectsWithUserError(readArticleFile(path), /photo\.txt/, /PNG/);
});
