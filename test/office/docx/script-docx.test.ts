// script.docx read back three ways: the package unzipped and its parts checked (every part well formed,
// every relationship's target present, GB/T 9704 page and fonts), the text read by mammoth (every sentence
// of every slide's notes, in order), and the document rendered by LibreOffice (A4 pages, page numbers,
// the same sentences extractable in order). Decks are written here or come from test/fixtures.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import mammoth from 'mammoth';
import type { SourceDeck } from '../../../src/deck/model.ts';
import { readDeckMarkdown } from '../../../src/markdown/read.ts';
import { scriptDocx } from '../../../src/office/docx/script-docx.ts';
import { shownOrder } from '../../../src/script/slides.ts';
import { findSoffice, NO_SOFFICE, officeToPdf } from '../../helpers/office-to-pdf.ts';
import { readPdf } from '../../helpers/pdf.ts';
import { assertWellFormedXml, readZip } from '../../helpers/zip-entries.ts';

const FIXTURE = new URL('../../fixtures/draft/liangxue-yizuo.md', import.meta.url);

const SMALL = `---
title: 学习<党章> & 党规
subtitle: 做合格党员
speaker: 张三
organization: 第一党支部
date: 2026年12月5日
keywords: 党章, 党规
---

<!-- .slide: class="cover" -->

# 学习党章党规

Note:
同志们，大家好！今天我们学习**党章**和党规。

---

<!-- .slide: class="divider" -->

# 第一部分　学党章

Note:
首先学习第一部分。

---

## 三个要求

- 学党章
- 学党规

Note:
要做到三点：

1. 认真学习党章。
2. 逐条对照*党规*。

> 党章是党的根本大法。

最后一句话，2026年 AI & <数字化> 也要学。

--

下面是一张没有标题的幻灯片。

Note:
竖排幻灯片的讲稿。
`;

/** Sentences of a Markdown note as a reader sees them: markup gone, split after 。！？ and at line ends. */
function noteSentences(notes: string): string[] {
  const plain = notes
    .replace(/^\s*(?:[-*+]|\d+\.|>)\s+/gmu, '')
    .replace(/\*+/g, '');
  return plain
    .split(/(?<=[。！？：])|\n/u)
    .map((sentence) => sentence.replace(/\s+/g, ''))
    .filter((sentence) => sentence !== '');
}

function assertInOrder(haystack: string, needles: string[], where: string): void {
  const text = haystack.replace(/\s+/g, '');
  let cursor = 0;
  for (const needle of needles) {
    const found = text.indexOf(needle, cursor);
    assert.ok(found >= 0, `${where}: missing or out of order: ${needle}`);
    cursor = found + needle.length;
  }
}

function deckFrom(markdown: string, file: string): SourceDeck {
  return readDeckMarkdown(markdown, file).value;
}

/** Text of every w:t in a WordprocessingML part, paragraphs on lines of their own. */
function wordText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => unescapeXml(match[1]!)).join(''))
    .join('\n');
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

describe('script.docx', () => {
  const fixture = deckFrom(readFileSync(FIXTURE, 'utf8'), 'liangxue-yizuo.md');
  const small = deckFrom(SMALL, '学习.md');
  let fixtureBytes: Uint8Array;
  let smallBytes: Uint8Array;
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dangke 讲稿 '));
    fixtureBytes = await scriptDocx(fixture);
    smallBytes = await scriptDocx(small);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is a complete package: every part well formed, every relationship target present, every part typed', () => {
    const files = readZip(smallBytes);
    for (const [name, content] of files) if (name.endsWith('.xml') || name.endsWith('.rels')) assertWellFormedXml(content.toString('utf8'), name);
    const types = files.get('[Content_Types].xml')!.toString('utf8');
    const overrides = new Set([...types.matchAll(/PartName="\/([^"]+)"/g)].map((match) => match[1]));
    // Every part names its type (a part typed only as plain XML is one Word would not know what to do with).
    for (const name of files.keys()) {
      if (name.endsWith('/') || name.endsWith('.rels') || name === '[Content_Types].xml') continue;
      assert.ok(overrides.has(name), `${name} has no content type`);
    }
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/fontTable.xml', 'word/settings.xml', 'docProps/core.xml']) assert.ok(overrides.has(part), part);
    for (const [name, content] of files) {
      if (!name.endsWith('.rels')) continue;
      // word/_rels/document.xml.rels → targets relative to word/; _rels/.rels → to the root.
      const base = posix.dirname(posix.dirname(name));
      for (const match of content.toString('utf8').matchAll(/<Relationship [^>]*>/g)) {
        if (/TargetMode="External"/.test(match[0])) continue;
        const target = /Target="([^"]+)"/.exec(match[0])![1]!;
        const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base === '.' ? '' : base, target));
        assert.ok(files.has(path), `${name} points at ${target}, which is missing`);
      }
    }
    assert.ok(files.has('word/document.xml'));
    assert.ok(files.has('_rels/.rels'));
  });

  it('is set as a 公文: A4, 22 lines of 28 characters, 仿宋 body, 小标宋 title, 黑体 and 楷体 heads, Latin font named', () => {
    const files = readZip(smallBytes);
    const document = files.get('word/document.xml')!.toString('utf8');
    const styles = files.get('word/styles.xml')!.toString('utf8');
    assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(document)!;
    const [top, right, bottom, left] = margins.slice(1).map(Number) as [number, number, number, number];
    const pitch = Number(/<w:docGrid [^>]*w:linePitch="(\d+)"/.exec(document)![1]);
    assert.equal(Math.floor((16838 - top - bottom) / pitch), 22, 'lines per page');
    assert.equal(Math.floor((11906 - left - right) / 320), 28, 'characters of 16 pt per line');
    const styleFont = (id: string): string => /w:eastAsia="([^"]+)"/.exec(styles.slice(styles.indexOf(`w:styleId="${id}"`)))![1]!;
    assert.equal(styleFont('ScriptTitle'), '方正小标宋简体');
    assert.equal(styleFont('Heading1'), '黑体');
    assert.equal(styleFont('Heading2'), '楷体');
    assert.match(styles, /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*w:eastAsia="仿宋"[^>]*\/><w:sz w:val="32"\/>/);
    assert.match(styles.slice(styles.indexOf('w:styleId="ScriptTitle"')), /^[^]*?<w:sz w:val="44"\/>/);
    // Where a PC lacks 方正小标宋简体, the font table names its stand-in.
    assert.match(files.get('word/fontTable.xml')!.toString('utf8'), /<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    // Page numbers: a PAGE field in the footer.
    const footer = [...files.keys()].find((name) => /^word\/footer\d*\.xml$/.test(name))!;
    assert.match(files.get(footer)!.toString('utf8'), /PAGE/);
  });

  it('has the title, subtitle, credits, section heads, a head per slide and the notes, escaped, in order', () => {
    const text = wordText(readZip(smallBytes).get('word/document.xml')!.toString('utf8'));
    const lines = text.split('\n').filter((line) => line !== '');
    assert.deepEqual(lines.slice(0, 7), [
      '学习<党章> & 党规',
      '做合格党员',
      '主讲人：张三　单位：第一党支部　日期：2026年12月5日',
      '第 1 张　学习党章党规',
      '同志们，大家好！今天我们学习党章和党规。',
      // Titles are plain text with white space made single (src/script/slides.ts).
      '第一部分 学党章',
      '第 2 张　第一部分 学党章',
    ]);
    assert.ok(lines.includes('第 3 张　三个要求'));
    assert.ok(lines.includes('1. 认真学习党章。'));
    assert.ok(lines.includes('最后一句话，2026年 AI & <数字化> 也要学。'));
    // A slide without a title is named by its first phrase, as a heading: no full stop (src/script/slide-heading.ts).
    assert.ok(lines.includes('第 4 张　下面是一张没有标题的幻灯片'));
    for (const slide of shownOrder(small)) assertInOrder(text, noteSentences(slide.notes), 'document.xml');
    const core = readZip(smallBytes).get('docProps/core.xml')!.toString('utf8');
    assert.match(core, /<dc:creator>张三<\/dc:creator>/);
    assert.match(core, /<cp:keywords>党课；党章；党规<\/cp:keywords>/);
    assert.match(core, /<dc:title>学习&lt;党章&gt; &amp; 党规<\/dc:title>/);
  });

  it('keeps bold as bold and sets emphasis in 楷体', () => {
    const document = readZip(smallBytes).get('word/document.xml')!.toString('utf8');
    assert.match(document, /<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">党章<\/w:t><\/w:r>/);
    assert.match(document, /<w:rFonts [^>]*w:eastAsia="楷体"[^>]*\/><\/w:rPr><w:t xml:space="preserve">党规<\/w:t>/);
  });

  it('gives the same bytes for the same deck: no packing time in the properties or the zip', async () => {
    assert.deepEqual(await scriptDocx(small), smallBytes);
    assert.doesNotMatch(readZip(smallBytes).get('docProps/core.xml')!.toString('utf8'), /dcterms:(created|modified)/);
    const data = Buffer.from(smallBytes);
    for (let offset = data.indexOf('PK\x03\x04', 0, 'latin1'); offset >= 0; offset = data.indexOf('PK\x03\x04', offset + 4, 'latin1')) {
      assert.equal(data.readUInt16LE(offset + 10), 0, 'time 00:00');
      assert.equal(data.readUInt16LE(offset + 12), 0x21, 'date 1980-01-01');
    }
  });

  it('does not print a draft\'s placeholders (主讲人, 党支部) as names', async () => {
    const placeholders = deckFrom(SMALL.replace('speaker: 张三', 'speaker: 主讲人').replace('organization: 第一党支部', 'organization: 党支部'), 'p.md');
    const files = readZip(await scriptDocx(placeholders));
    const text = wordText(files.get('word/document.xml')!.toString('utf8'));
    assert.ok(text.includes('日期：2026年12月5日'));
    assert.ok(!text.includes('主讲人：'), 'no 主讲人：主讲人');
    assert.ok(!text.includes('单位：'), 'no 单位：党支部');
    assert.doesNotMatch(files.get('docProps/core.xml')!.toString('utf8'), /<dc:creator>主讲人/);
  });

  it('drops characters XML cannot hold instead of writing a file Word refuses', async () => {
    const deck = deckFrom(SMALL.replace('首先学习第一部分。', '首先\u0001学习\u000b第一部分。'), 'c.md');
    const document = readZip(await scriptDocx(deck)).get('word/document.xml')!.toString('utf8');
    assertWellFormedXml(document, 'document.xml');
    assert.ok(wordText(document).includes('首先学习第一部分。'));
  });

  it('holds every sentence of the drafted example\'s notes, in order, as another reader (mammoth) sees it', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(fixtureBytes) });
    const sentences = shownOrder(fixture).flatMap((slide) => noteSentences(slide.notes));
    assert.ok(sentences.length > 50, `${sentences.length} sentences`);
    assertInOrder(value, sentences, 'mammoth');
  });

  const soffice = findSoffice();
  it('renders in LibreOffice: A4 pages, page numbers, every sentence extractable in order', { skip: soffice === undefined ? NO_SOFFICE : false }, async () => {
    const file = join(dir, '讲稿.docx');
    await writeFile(file, fixtureBytes);
    const pdf = await readPdf(await officeToPdf(soffice!, file, dirname(file)));
    assert.ok(pdf.pages >= 3, `${pdf.pages} pages`);
    for (const size of pdf.sizes) {
      assert.ok(Math.abs(size.width - 595.3) < 1 && Math.abs(size.height - 841.9) < 1, `A4, not ${size.width} × ${size.height}`);
    }
    pdf.texts.forEach((text, index) => assert.ok(text.replace(/\s+/g, '').includes(`—${index + 1}—`), `page ${index + 1} has its number`));
    // Page numbers come between pages; take them out before reading the script across page breaks.
    const whole = pdf.texts.map((text) => text.replace(/\s+/g, '').replace(/—\d+—/g, '')).join('');
    assertInOrder(whole, [fixture.frontMatter.title, ...shownOrder(fixture).flatMap((slide) => noteSentences(slide.notes))], 'LibreOffice PDF');
  });
});
