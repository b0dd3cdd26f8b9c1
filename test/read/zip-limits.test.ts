// Bounded unpacking (issue 16): a .docx whose parts would inflate past the limits is refused before mammoth
// reads it, whether its central directory says so or lies; articles and decks past the size limits too.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { ExitCode, UserError } from '../../src/errors.ts';
import { readDeckMarkdown, MAX_DECK_BYTES } from '../../src/markdown/read.ts';
import { readArticleBytes, readArticleFile } from '../../src/read/read-article.ts';
import { checkArticleSize, MAX_ARTICLE_TEXT_BYTES } from '../../src/read/size-limits.ts';
import { checkImagePart, checkZipLimits, DOCX_LIMITS, inflateEntry, listZipEntries, ZipLimitError } from '../../src/read/zip-limits.ts';
import { deflated, writeZip, type ZipPart } from './zip-writer.ts';

const MB = 1024 * 1024;
let root = '';
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'dangke-zip-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * `megabytes` MB of spaces, deflated, made without deflating them all: one megabyte's deflate blocks end on
 * a byte boundary (sync flush) and refer only to themselves, so copies of them in a row are one valid stream.
 */
function inflatingTo(name: string, megabytes: number, declaredSize: number): ZipPart {
  const block = deflateRawSync(Buffer.alloc(MB, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
  const data = Buffer.concat([...Array<Buffer>(megabytes).fill(block), deflateRawSync(Buffer.alloc(0))]);
  return { name, data, method: 8, declaredSize };
}

async function realDocxParts(): Promise<ZipPart[]> {
  const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('正文。')] }] })));
  return listZipEntries(bytes).map((entry) => ({
    name: entry.name,
    data: inflateEntry(bytes, entry, 10 * MB),
    method: 0,
    declaredSize: entry.declaredSize,
  }));
}

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
    assert.equal(error.exitCode, ExitCode.input);
    assert.doesNotMatch(error.message, /\n\s+at /);
    return error;
  }
  assert.fail('expected the file to be refused');
}

test('a real .docx passes the limits and lists its parts', async () => {
  const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('正文。')] }] })));
  const names = checkZipLimits(bytes).map((entry) => entry.name);
  assert.ok(names.includes('word/document.xml'), names.join(', '));
});

test('a 400 KB .docx that inflates to 400 MB is refused at once, before mammoth reads it', async () => {
  const parts = [...(await realDocxParts()), inflatingTo('word/document2.xml', 400, 400 * MB)];
  const bytes = writeZip(parts);
  assert.ok(bytes.byteLength < 600 * 1024, `${bytes.byteLength} bytes`);
  const path = join(root, '炸弹.docx');
  await writeFile(path, bytes);
  const error = await refusal(readArticleFile(path));
  assert.match(error.message, /炸弹\.docx/);
  assert.match(error.message, /50 MB/);
  assert.match(error.hint ?? '', /另存为/);
});

test('declared sizes that lie do not help: inflating stops when the real output passes the limit', async () => {
  // The directory says 1 KB; the part inflates to 80 MB.
  const bytes = writeZip([...(await realDocxParts()), inflatingTo('word/document.xml', 80, 1024)]);
  const error = await refusal(readArticleBytes(bytes, '说谎.docx'));
  assert.match(error.message, /50 MB/);
  assert.throws(() => checkZipLimits(bytes), (thrown) => thrown instanceof ZipLimitError && thrown.limit === 'xml');
  // A smaller limit is reached just the same (the cap follows the budget, not the declared size).
  assert.throws(() => checkZipLimits(bytes, { maxXmlBytes: 2 * MB }), ZipLimitError);
});

test('pictures have their own limits: one too large, or too many together', async () => {
  const parts = await realDocxParts();
  const oneHuge = writeZip([...parts, inflatingTo('word/media/image1.png', 31, 31 * MB)]);
  assert.throws(() => checkZipLimits(oneHuge), (thrown) => thrown instanceof ZipLimitError && thrown.limit === 'image');
  const lying = writeZip([...parts, inflatingTo('word/media/image1.png', 31, 10)]);
  assert.throws(() => checkZipLimits(lying), (thrown) => thrown instanceof ZipLimitError && thrown.limit === 'image');
  const many = writeZip([...parts, ...Array.from({ length: 8 }, (_, index) => inflatingTo(`word/media/image${index}.png`, 1, 1 * MB))]);
  assert.throws(() => checkZipLimits(many, { maxMediaBytes: 5 * MB }), (thrown) => thrown instanceof ZipLimitError && thrown.limit === 'media');
  const error = await refusal(readArticleBytes(oneHuge, '图片.docx'));
  assert.match(error.message, /图片/);
  assert.match(error.message, /30 MB/);
  // For picture extraction (issue 11): the same limit, as a message naming the file.
  assert.throws(() => checkImagePart(DOCX_LIMITS.maxImageBytes + 1, 'word/media/image1.png', '图片.docx'), /图片\.docx.*30 MB/);
  assert.doesNotThrow(() => checkImagePart(DOCX_LIMITS.maxImageBytes, 'word/media/image1.png', '图片.docx'));
});

test('a file that is not a ZIP, or whose directory runs off the end, is a damaged .docx (exit 3)', async () => {
  const error = await refusal(readArticleBytes(new Uint8Array(Buffer.from('PK\u0003\u0004 not really')), '坏.docx'));
  assert.match(error.message, /坏\.docx.*已损坏/);
  const truncated = writeZip([deflated('word/document.xml', '<w:document/>')]).subarray(0, 40);
  await refusal(readArticleBytes(truncated, '短.docx'));
});

test('articles past 5 MB of text are refused with a message that says the limit, before decoding', async () => {
  assert.doesNotThrow(() => checkArticleSize(MAX_ARTICLE_TEXT_BYTES, 'a.txt'));
  assert.throws(() => checkArticleSize(MAX_ARTICLE_TEXT_BYTES + 1, '长文.txt'), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.equal(error.exitCode, ExitCode.input);
    assert.match(error.message, /长文\.txt.*5 MB/);
    return true;
  });
  // A .docx file may be larger (its pictures count), up to its own limit.
  assert.doesNotThrow(() => checkArticleSize(20 * MB, 'a.docx'));
  assert.throws(() => checkArticleSize(DOCX_LIMITS.maxFileBytes + 1, 'a.docx'), /100 MB/);

  const path = join(root, '长文.md');
  await writeFile(path, '正文。'.repeat(Math.ceil((MAX_ARTICLE_TEXT_BYTES + 10) / 9)));
  const error = await refusal(readArticleFile(path));
  assert.match(error.message, /5 MB/);
});

test('a deck past 10 MB is refused with a message that says the limit', () => {
  const slide = '## 标题\n\n- 要点\n\n---\n\n';
  const text = '---\ntitle: 大\n---\n\n' + slide.repeat(Math.ceil((MAX_DECK_BYTES + 10) / Buffer.byteLength(slide)));
  assert.throws(() => readDeckMarkdown(text, 'slides/大.md'), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.equal(error.exitCode, ExitCode.input);
    assert.match(error.message, /大\.md.*10 MB/);
    return true;
  });
  assert.equal(readDeckMarkdown('---\ntitle: 小\n---\n\n' + slide.repeat(100), 'slides/小.md').value.slides.length, 100);
});
