import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeArticleBytes } from '../../src/read/decode.ts';
import { ExitCode, UserError } from '../../src/errors.ts';

const FILE = '字/文 章.txt';

function utf16be(text: string): Uint8Array {
  const little = Buffer.from(text, 'utf16le');
  const big = Buffer.alloc(little.length);
  for (let index = 0; index < little.length; index += 2) {
    big[index] = little[index + 1]!;
    big[index + 1] = little[index]!;
  }
  return big;
}

const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
const hex = (digits: string): Uint8Array => new Uint8Array(Buffer.from(digits, 'hex'));

function assertUserError(action: () => unknown, ...mustMention: RegExp[]): UserError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof UserError, `expected a UserError, got ${String(caught)}`);
  assert.equal(caught.exitCode, ExitCode.input);
  for (const pattern of mustMention) assert.match(`${caught.message}\n${caught.hint ?? ''}`, pattern);
  return caught;
}

test('UTF-8 without BOM decodes as is', () => {
  assert.equal(decodeArticleBytes(new Uint8Array(Buffer.from('党课\n两学一做')), FILE), '党课\n两学一做');
});

test('UTF-8 BOM is removed', () => {
  const bytes = concat(hex('efbbbf'), Buffer.from('党课'));
  assert.equal(decodeArticleBytes(bytes, FILE), '党课');
});

test('UTF-16 LE with BOM', () => {
  const bytes = concat(hex('fffe'), Buffer.from('“两学一做”\r\n学习教育', 'utf16le'));
  assert.equal(decodeArticleBytes(bytes, FILE), '“两学一做”\n学习教育');
});

test('UTF-16 BE with BOM', () => {
  const bytes = concat(hex('feff'), utf16be('“两学一做”\r\n学习教育'));
  assert.equal(decodeArticleBytes(bytes, FILE), '“两学一做”\n学习教育');
});

test('GBK bytes: 党课 = B5 B3 BF CE', () => {
  // (D5 FE is 政, not 党: the GBK code of 党 is B5B3.)
  assert.equal(decodeArticleBytes(hex('b5b3bfce'), FILE), '党课');
});

test('GB18030 title block with quotes, dashes and brackets (bytes from iconv -t gb18030)', () => {
  const bytes = hex(
    'a1b0c1bdd1a7d2bbd7f6a1b1d1a7cfb0bdccd3fda1aaa1aa0abcd3c7bfb5b3b5c4cbbccfebd5fed6cebda8c9e8a3a8bbd4bbcdc0fab3cca3a90a',
  );
  assert.equal(decodeArticleBytes(bytes, FILE), '“两学一做”学习教育——\n加强党的思想政治建设（辉煌历程）\n');
});

test('GB18030 four-byte sequence (㐀 = 81 39 EE 39), beyond GBK', () => {
  assert.equal(decodeArticleBytes(concat(hex('b5b3'), hex('8139ee39')), FILE), '党㐀');
});

test('CRLF and lone CR become LF', () => {
  const bytes = new Uint8Array(Buffer.from('一\r\n二\r三\n四\r\n\r\n'));
  assert.equal(decodeArticleBytes(bytes, FILE), '一\n二\n三\n四\n\n');
});

test('a PNG renamed .txt is a UserError naming the file and the accepted formats', () => {
  const png = hex('89504e470d0a1a0a0000000d49484452');
  const error = assertUserError(() => decodeArticleBytes(png, 'photo.txt'), /photo\.txt/, /PNG/, /\.txt/, /\.md/);
  assert.ok(error.hint !== undefined);
});

test('a .docx renamed .txt says it looks like a Word document', () => {
  assertUserError(() => decodeArticleBytes(hex('504b0304140006000800'), 'a.txt'), /Word/, /扩展名改为 \.docx/);
});

test('NUL bytes anywhere mean binary', () => {
  assertUserError(() => decodeArticleBytes(concat(Buffer.from('党课'), hex('00'), Buffer.from('文章')), FILE), /NUL/, /文 章/);
});

test('control characters mean binary even without NUL', () => {
  assertUserError(() => decodeArticleBytes(hex('0102030405060708'), FILE), /不是文本文件/);
});

test('bytes that are neither UTF-8 nor GB18030', () => {
  assertUserError(() => decodeArticleBytes(hex('41ff41'), FILE), /UTF-8/, /GB18030/);
});

test('empty and whitespace-only articles are UserErrors', () => {
  assertUserError(() => decodeArticleBytes(new Uint8Array(), FILE), /是空的/);
  assertUserError(() => decodeArticleBytes(new Uint8Array(Buffer.from(' \n\u3000\u3000\r\n\t')), FILE), /是空的/);
  assertUserError(() => decodeArticleBytes(hex('efbbbf'), FILE), /是空的/);
});
