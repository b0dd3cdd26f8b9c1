// PDF metadata and bookmarks written with pdf-lib, read back with pdf.js: Chinese intact (UTF-16 strings),
// one outline entry per section pointing at its page, Chromium's old outline gone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CREATOR, pdfInfoFor, setInfo, setOutline } from '../../src/export/pdf-finish.ts';
import { sectionStarts } from '../../src/export/sections.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';

const FRONT_MATTER = { title: '“两学一做”学习教育', subtitle: '加强党的思想政治建设的重大部署', column: '辉煌历程', speaker: '张三', keywords: '学习教育，支部' };

test('pdfInfoFor: author = speaker, subject = subtitle, keywords from column, own keywords and sections', () => {
  const info = pdfInfoFor(FRONT_MATTER, ['第一部分标题', '第二部分标题'], 'dangke (test)');
  assert.deepEqual(info, {
    title: '“两学一做”学习教育',
    author: '张三',
    subject: '加强党的思想政治建设的重大部署',
    keywords: ['党课', '辉煌历程', '学习教育', '支部', '第一部分标题', '第二部分标题'],
    producer: 'dangke (test)',
    language: 'zh-CN',
  });
  const bare = pdfInfoFor({ title: 'T', column: '栏目' }, [], 'p');
  assert.equal(bare.author, undefined);
  assert.equal(bare.subject, '栏目');
  // The drafter's placeholder is no one's name.
  assert.equal(pdfInfoFor({ title: 'T', speaker: '主讲人' }, [], 'p').author, undefined);
});

test('setInfo and setOutline: pdf.js reads Chinese metadata and one bookmark per section', async () => {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 5; i++) doc.addPage([960, 540]);
  setOutline(doc, [{ title: '旧的书签', pageIndex: 0 }]);
  setOutline(doc, [
    { title: '把全面从严治党落实到每个支部', pageIndex: 1 },
    { title: '为抓党建促脱贫注入强大动力', pageIndex: 3 },
    { title: 'beyond the last page', pageIndex: 9 },
  ]);
  setInfo(doc, pdfInfoFor(FRONT_MATTER, ['把全面从严治党落实到每个支部'], 'dangke (test)'));
  const bytes = await doc.save({ useObjectStreams: false });

  // pdf.js takes over (detaches) the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    const info = (await pdf.getMetadata()).info as unknown as Record<string, string>;
    assert.equal(info['Title'], '“两学一做”学习教育');
    assert.equal(info['Author'], '张三');
    assert.equal(info['Subject'], '加强党的思想政治建设的重大部署');
    assert.equal(info['Keywords'], '党课；辉煌历程；学习教育；支部；把全面从严治党落实到每个支部');
    assert.equal(info['Creator'], CREATOR);
    assert.equal(info['Producer'], 'dangke (test)');
    const outline = (await pdf.getOutline()) ?? [];
    assert.deepEqual(outline.map((item) => item.title), ['把全面从严治党落实到每个支部', '为抓党建促脱贫注入强大动力']);
    const pages = await Promise.all(
      outline.map(async (item) => pdf.getPageIndex((item.dest as [{ num: number; gen: number }])[0])),
    );
    assert.deepEqual(pages, [1, 3]);
  } finally {
    await pdf.destroy();
  }
  // The replaced outline's items are gone, not left behind as unreachable objects.
  const raw = Buffer.from(bytes).toString('latin1').toUpperCase();
  assert.ok(raw.includes('<FEFF628A'), 'new bookmark title written as UTF-16 hex');
  assert.ok(!raw.includes('<FEFF65E7'), 'old bookmark title still in the file');
});

test('sectionStarts: divider slides in shown order, vertical slides counted', () => {
  const deck = readDeckMarkdown(
    [
      '---', 'title: T', '---', '', '# 封面', '', '---', '', '<!-- .slide: class="divider" -->', '', '## 第一部分', '', '# 一', '',
      '---', '', '## 内容', '', '--', '', '## 竖排', '', '---', '', '<!-- .slide: class="divider" -->', '', '# 二', '',
    ].join('\n'),
    'x.md',
  ).value;
  assert.deepEqual(sectionStarts(deck), [
    { title: '一', slideIndex: 1 },
    { title: '二', slideIndex: 4 },
  ]);
  assert.deepEqual(sectionStarts(deck, ['One', 'Two']).map((section) => section.title), ['One', 'Two']);
});
