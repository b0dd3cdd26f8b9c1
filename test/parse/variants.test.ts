// Done-means of issue 3: the example article converted to GB18030, to UTF-16 with BOM, to CRLF and to a .docx
// parses to the same structure as the UTF-8 original; so do GB18030 and UTF-16 copies of every fixture
// article. Every variant is built here, from the UTF-8 original.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { Article } from '../../src/article/model.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { decodeArticleBytes } from '../../src/read/decode.ts';
import { docxToText } from '../../src/read/docx.ts';
import { encodeGb18030 } from '../read/gb18030.ts';
import { EXAMPLE_ARTICLE as EXAMPLE, fixtureArticles } from '../helpers/articles.ts';
import { assertWellFormed } from './projection.ts';
const original = readFileSync(EXAMPLE, 'utf8');
const expected = parseArticle(original, 'txt').value;

function fromBytes(bytes: Uint8Array): Article {
  const article = parseArticle(decodeArticleBytes(bytes, '00.txt'), 'txt').value;
  assertWellFormed(article);
  return article;
}

test('the original parses to the judged structure (the baseline the variants are compared with)', () => {
  assert.equal(expected.title, '“两学一做”学习教育——加强党的思想政治建设的重大部署');
  assert.equal(expected.sections.length, 3);
});

test('GB18030: every character is encodable, and the bytes parse to the same Article', () => {
  const { bytes, unencodable } = encodeGb18030(original);
  assert.deepEqual(unencodable, []);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the GB18030 bytes must not be valid UTF-8');
  assert.deepEqual(fromBytes(bytes), expected);
});

test('UTF-16 LE and BE with BOM parse to the same Article', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le')]);
  assert.deepEqual(fromBytes(le), expected);
  const be = Buffer.from(le);
  be.swap16();
  be[0] = 0xfe;
  be[1] = 0xff;
  assert.deepEqual(fromBytes(be), expected);
});

test('CRLF and lone CR line endings parse to the same Article', () => {
  assert.deepEqual(fromBytes(Buffer.from(original.replace(/\n/g, '\r\n'))), expected);
  assert.deepEqual(fromBytes(Buffer.from(original.replace(/\n/g, '\r'))), expected);
});

test('every fixture article: GB18030, UTF-16 LE/BE and CRLF copies parse to the same Article as UTF-8', () => {
  for (const path of fixtureArticles()) {
    const text = readFileSync(path, 'utf8');
    const format = path.endsWith('.md') ? 'md' : 'txt';
    const same = parseArticle(text, format).value;
    const parse = (bytes: Uint8Array): Article => parseArticle(decodeArticleBytes(bytes, path), format).value;
    const { bytes: gb, unencodable } = encodeGb18030(text);
    assert.deepEqual(unencodable, [], path);
    assert.deepEqual(parse(gb), same, `${path} as GB18030`);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(parse(le), same, `${path} as UTF-16 LE`);
    const be = Buffer.from(le);
    be.swap16();
    assert.deepEqual(parse(be), same, `${path} as UTF-16 BE`);
    assert.deepEqual(parse(Buffer.from(text.replace(/\n/g, '\r\n'))), same, `${path} with CRLF`);
  }
});

const lines = original.split('\n').filter((line) => line.trim() !== '');

test('.docx with every line a Normal paragraph (indentation typed as U+3000) parses the same', async () => {
  const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph({ text: line })) }] });
  const text = await docxToText(new Uint8Array(await Packer.toBuffer(doc)), '00.docx');
  const article = parseArticle(text, 'docx').value;
  assertWellFormed(article);
  assert.deepEqual(article, expected);
});

test('.docx with Word styles (Title for the headline, Heading 1 for sections) parses the same', async () => {
  const headings = new Set(expected.sections.map((section) => section.heading));
  const children = lines.map((line, index) => {
    const text = line.trim();
    if (index < 2) return new Paragraph({ text, heading: HeadingLevel.TITLE });
    if (headings.has(text)) return new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
    return new Paragraph({ text: line });
  });
  const text = await docxToText(new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] }))), '00.docx');
  const article = parseArticle(text, 'docx').value;
  assertWellFormed(article);
  assert.deepEqual(article, expected);
});

test('.docx of a fixture with two heading levels (Heading 1 for parts, Heading 2 for （一）) parses the same', async () => {
  // 09 has 第一部分 parts holding （一）（二）（三）: the Word styles must give the same nesting as the numbering.
  const path = fixtureArticles().find((file) => file.endsWith('09-parts-and-paren.txt'))!;
  const text = readFileSync(path, 'utf8');
  const same = parseArticle(text, 'txt').value;
  const parts = new Set(same.sections.map((section) => section.heading));
  const subs = new Set(same.sections.flatMap((section) => section.sections.map((sub) => sub.heading)));
  const children = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const plain = line.trim().replace(/\s+/g, ' ');
      if (parts.has(plain)) return new Paragraph({ text: line.trim(), heading: HeadingLevel.HEADING_1 });
      if (subs.has(plain)) return new Paragraph({ text: line.trim(), heading: HeadingLevel.HEADING_2 });
      return new Paragraph({ text: line });
    });
  const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
  const article = parseArticle(await docxToText(docx, '09.docx'), 'docx').value;
  assertWellFormed(article);
  assert.deepEqual(article, same);
});

test('CLI: `parse some-gbk.txt --json` prints the right title (end to end, GB18030 bytes on disk)', async () => {
  const dir = join(await mkdtemp(join(tmpdir(), 'dangke-gbk-')), '字 文');
  await mkdir(dir, { recursive: true });
  try {
    const path = join(dir, '两学一做 GBK.txt');
    await writeFile(path, encodeGb18030(original).bytes);
    const build = new URL('../../build.ts', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', build, 'parse', path, '--json'], {
      cwd: new URL('../../', import.meta.url).pathname,
    });
    const printed = JSON.parse(stdout) as Article;
    assert.equal(printed.title, expected.title);
    assert.equal(printed.column, '辉煌历程');
    assert.deepEqual(printed.sections.map((section) => section.heading), expected.sections.map((section) => section.heading));
  } finally {
    await rm(join(dir, '..'), { recursive: true, force: true });
  }
});
