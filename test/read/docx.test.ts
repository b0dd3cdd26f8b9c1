// .docx files built here with the `docx` package, read through readArticleFile (mammoth underneath).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { readArticleFile } from '../../src/read/read-article.ts';
import { docxToText } from '../../src/read/docx.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { ExitCode, UserError } from '../../src/errors.ts';

let root = '';
before(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'dangke-docx-')), '字', '文 章');
  await mkdir(root, { recursive: true });
});
after(async () => {
  await rm(join(root, '..', '..'), { recursive: true, force: true });
});

const pack = async (children: Paragraph[], styles?: ConstructorParameters<typeof Document>[0]['styles']) =>
  new Uint8Array(await Packer.toBuffer(new Document({ styles, sections: [{ children }] })));

test('a .docx file is read as format docx, Word heading styles become headings', async () => {
  const bytes = await pack([
    new Paragraph({ text: '坚持不懈推进理论武装', heading: HeadingLevel.TITLE }),
    new Paragraph({ text: '导语一段。' }),
    new Paragraph({ text: '把学习抓在经常', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: '正文第一段。' }),
    new Paragraph({ text: '个人自学', heading: HeadingLevel.HEADING_2 }),
    new Paragraph({ text: '正文第二段。' }),
    new Paragraph({ text: '抓好制度建设', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: '正文第三段。' }),
  ]);
  const path = join(root, '党 课.docx');
  await writeFile(path, bytes);
  const { text, format } = await readArticleFile(path);
  assert.equal(format, 'docx');
  const article = parseArticle(text, format).value;
  assert.equal(article.title, '坚持不懈推进理论武装');
  assert.deepEqual(article.lead.map((p) => p.text), ['导语一段。']);
  assert.deepEqual(
    article.sections.map((s) => [s.level, s.heading, s.paragraphs.length, s.sections.map((t) => [t.level, t.heading])]),
    [
      [2, '把学习抓在经常', 1, [[3, '个人自学']]],
      [2, '抓好制度建设', 1, []],
    ],
  );
});

test('Chinese-named styles 标题 1 / 标题 2 and a Subtitle; a bold paragraph is a sub-heading', async () => {
  const chineseHeading = (id: string, name: string) => ({ id, name, basedOn: 'Normal', next: 'Normal', run: { bold: true } });
  const bytes = await pack(
    [
      new Paragraph({ text: '学习贯彻党的创新理论', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: '记某市机关党建工作', style: 'Subtitle' }),
      new Paragraph({ text: '导语。' }),
      new Paragraph({ text: '一、提高政治站位', style: 'cnh1' }),
      new Paragraph({ text: '正文。' }),
      new Paragraph({ children: [new TextRun({ text: '抓好学习', bold: true })] }),
      new Paragraph({ text: '正文。' }),
      new Paragraph({ text: '二、狠抓工作落实', style: 'cnh1' }),
      new Paragraph({ text: '价格*2和#号、[方括号]都是正文。' }),
    ],
    { paragraphStyles: [chineseHeading('cnh1', '标题 1'), chineseHeading('cnh2', '标题 2')] },
  );
  const text = await docxToText(bytes, 'x.docx');
  const article = parseArticle(text, 'docx').value;
  assert.equal(article.title, '学习贯彻党的创新理论');
  assert.equal(article.subtitle, '记某市机关党建工作');
  assert.deepEqual(
    article.sections.map((s) => [s.level, s.heading, s.sections.map((t) => [t.level, t.heading])]),
    [
      [2, '一、提高政治站位', [[3, '抓好学习']]],
      [2, '二、狠抓工作落实', []],
    ],
  );
  // Markdown characters typed in Word are text, not syntax.
  assert.equal(article.sections[1]!.paragraphs[0]!.text, '价格*2和#号、[方括号]都是正文。');
});

test('a damaged .docx is a UserError naming the file; .doc asks for .docx', async () => {
  const path = join(root, '坏.docx');
  await writeFile(path, Buffer.from('504b0304deadbeef', 'hex'));
  await assert.rejects(readArticleFile(path), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.equal(error.exitCode, ExitCode.input);
    assert.match(error.message, /坏\.docx/);
    return true;
  });
  await assert.rejects(readArticleFile(join(root, '旧.doc')), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(`${error.message} ${error.hint}`, /\.docx/);
    return true;
  });
});

test('an empty .docx is a UserError', async () => {
  const bytes = await pack([new Paragraph({ text: '' })]);
  await assert.rejects(docxToText(bytes, 'empty.docx'), /empty\.docx.*是空的/);
});
