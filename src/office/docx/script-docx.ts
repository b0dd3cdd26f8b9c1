// script.docx: the lecture script as a Word document, to print, mark up and file with the 课件.
// Pure: SourceDeck in, the .docx bytes out (the docx package zips in memory). The same slides, order and
// titles as script.md (src/script/), set in the manner of 公文 (gongwen-style.ts):
//
//   title (小标宋 22 pt, centred), subtitle and credits (楷体 16 pt, centred)
//   per section divider: a level-1 head (黑体), Word's 标题 1, so the navigation pane lists the parts
//   per slide: "第 N 张　title" (楷体), Word's 标题 2; then its notes as 仿宋 16 pt paragraphs, indented two characters
//   footer: "— N —" page numbers (宋体 14 pt)

import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import type { FrontMatter, SourceDeck } from '../../deck/model.ts';
import { DEFAULT_ORGANIZATION, DEFAULT_SPEAKER } from '../../draft/index.ts';
import { shownSlides } from '../../script/slides.ts';
import { withFixedTimestamps } from '../zip-timestamps.ts';
import { corePropertiesXml } from './core-properties.ts';
import { FONT_TABLE_PATH, fontTableXml } from './font-table.ts';
import { FONT, LINE_PITCH, PAGE, SIZE } from './gongwen-style.ts';
import { noteBlocks, type NoteBlock } from './notes-blocks.ts';

export const SCRIPT_DOCX = 'script.docx';

/** East Asian text in `eastAsia`, Latin letters and digits in Times New Roman. */
function font(eastAsia: string): IRunOptions['font'] {
  return { eastAsia, ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin };
}

/** Characters XML 1.0 cannot hold (control codes, lone surrogates) would make Word refuse the file. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

function frontText(value: unknown, placeholder?: string): string | undefined {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  // A draft's placeholders (主讲人, 党支部) are not names: printed, they would read as if someone were called that.
  return text === '' || text === placeholder ? undefined : text;
}

/** "主讲人：张三　单位：第一党支部　日期：2026年11月27日", only the parts the front matter really has. */
function creditsLine(frontMatter: FrontMatter): string | undefined {
  const speaker = frontText(frontMatter.speaker, DEFAULT_SPEAKER);
  const organization = frontText(frontMatter.organization, DEFAULT_ORGANIZATION);
  const date = frontText(frontMatter.date);
  const parts = [speaker && `主讲人：${speaker}`, organization && `单位：${organization}`, date && `日期：${date}`].filter(Boolean);
  return parts.length > 0 ? parts.join('　') : undefined;
}

/** 党课 and the front matter's own `keywords:` (text or list), as the PDFs have them (export/pdf-finish.ts). */
function keywordsOf(frontMatter: FrontMatter): string {
  const own = frontMatter['keywords'];
  const listed = Array.isArray(own) ? own.map((value) => frontText(value)) : typeof own === 'string' ? own.split(/[,，、;；]\s*/u).map((value) => frontText(value)) : [];
  return [...new Set(['党课', ...listed.filter((value): value is string => value !== undefined)])].join('；');
}

function centred(text: string, style: string): Paragraph {
  return new Paragraph({ style, alignment: AlignmentType.CENTER, children: [new TextRun(xmlSafe(text))] });
}

/** A note block as a paragraph: body text indented two characters; list items hang after their marker. */
function noteParagraph(block: NoteBlock): Paragraph {
  const runs = block.runs.map(
    (run, index) =>
      new TextRun({
        text: xmlSafe(index === 0 && block.marker !== '' ? `${block.marker} ${run.text}` : run.text),
        ...(run.bold || block.kind === 'heading' ? { bold: true } : {}),
        ...(run.emphasis || block.kind === 'quote' ? { font: font(FONT.heading2) } : {}),
        ...(run.breakBefore ? { break: 1 } : {}),
      }),
  );
  // Two characters per list level, and for a quotation.
  const indent = block.marker !== '' ? TWO_CHARS * block.depth : block.kind === 'quote' ? TWO_CHARS : 0;
  return new Paragraph({
    style: 'ScriptBody',
    children: runs,
    ...(block.marker !== '' || block.kind === 'quote' ? { indent: { left: indent, firstLine: 0, firstLineChars: 0 } } : {}),
    ...(block.kind === 'heading' ? { keepNext: true } : {}),
  });
}

/** The paragraphs after the title block: section heads, slide heads, notes. */
function bodyParagraphs(deck: SourceDeck): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const { index, slide, title, sectionTitle } of shownSlides(deck)) {
    if (sectionTitle !== undefined) {
      paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(sectionTitle))] }));
    }
    const heading = title === '' ? `第 ${index + 1} 张` : `第 ${index + 1} 张　${title}`;
    paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(xmlSafe(heading))] }));
    for (const block of noteBlocks(slide.notes, deck.file)) paragraphs.push(noteParagraph(block));
  }
  return paragraphs;
}

/** Two characters of body type in twips (2 × 16 pt), for readers that ignore Word's indents in characters. */
const TWO_CHARS = SIZE.body * 20;

/** Every paragraph on the 22-line grid: an exact line pitch, no space before or after. */
const ON_GRID = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

export async function scriptDocx(deck: SourceDeck): Promise<Uint8Array> {
  const { frontMatter } = deck;
  const title = frontText(frontMatter.title) ?? '讲稿';
  const subtitle = frontText(frontMatter.subtitle);
  const credits = creditsLine(frontMatter);
  const speaker = frontText(frontMatter.speaker, DEFAULT_SPEAKER);
  const keywords = keywordsOf(frontMatter);

  const titleBlock = [
    centred(title, 'ScriptTitle'),
    ...(subtitle === undefined ? [] : [centred(subtitle, 'ScriptSubtitle')]),
    ...(credits === undefined ? [] : [centred(credits, 'ScriptSubtitle')]),
    // One empty line between the title block and the script, as a 公文 leaves below its title.
    new Paragraph({ style: 'ScriptBody', children: [] }),
  ];

  const document = new Document({
    description: '党课讲稿',
    styles: {
      default: {
        document: {
          run: { font: font(FONT.body), size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: ON_GRID },
        },
        heading1: {
          run: { font: font(FONT.heading1), size: SIZE.body, bold: false, color: '000000' },
          // An empty line before each part, so the parts stand apart on the page.
          paragraph: { spacing: { ...ON_GRID, before: LINE_PITCH }, keepNext: true, indent: { firstLine: TWO_CHARS, firstLineChars: 200 } },
        },
        heading2: {
          run: { font: font(FONT.heading2), size: SIZE.body, bold: false, italics: false, color: '000000' },
          paragraph: { spacing: ON_GRID, keepNext: true, indent: { firstLine: TWO_CHARS, firstLineChars: 200 } },
        },
      },
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: font(FONT.body), size: SIZE.body },
          paragraph: { spacing: ON_GRID },
        },
        {
          id: 'ScriptTitle',
          name: '讲稿标题',
          basedOn: 'Normal',
          next: 'ScriptSubtitle',
          // Off the character grid: 22 pt glyphs would take two 16 pt cells each and stand apart.
          run: { font: font(FONT.title), size: SIZE.title, snapToGrid: false },
          // 22 pt type on the body's 29 pt line would touch a two-line title's second line; two lines gape.
          paragraph: { spacing: { ...ON_GRID, line: Math.round(LINE_PITCH * 1.25) }, keepNext: true },
        },
        {
          id: 'ScriptSubtitle',
          name: '讲稿副标题',
          basedOn: 'Normal',
          run: { font: font(FONT.heading2), size: SIZE.body },
          paragraph: { spacing: ON_GRID, keepNext: true },
        },
        {
          id: 'ScriptBody',
          name: '讲稿正文',
          basedOn: 'Normal',
          quickFormat: true,
          paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: TWO_CHARS, firstLineChars: 200 }, spacing: ON_GRID },
        },
        {
          id: 'ScriptPageNumber',
          name: '讲稿页码',
          basedOn: 'Normal',
          run: { font: font(FONT.song), size: SIZE.pageNumber, snapToGrid: false },
          paragraph: { alignment: AlignmentType.CENTER },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer, header: PAGE.footer },
          },
          // A grid of 22 lines and 28 characters: the body's 16 pt characters fill one cell each.
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: 0 },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ style: 'ScriptPageNumber', children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })],
          }),
        },
        children: [...titleBlock, ...bodyParagraphs(deck)],
      },
    ],
  });
  const author = xmlSafe(speaker ?? 'dangke');
  const bytes = await Packer.toBuffer(document, false, [
    { path: FONT_TABLE_PATH, data: fontTableXml() },
    // Our own core properties: the docx package stamps created/modified with the time of packing.
    { path: 'docProps/core.xml', data: corePropertiesXml({ title: xmlSafe(title), subject: subtitle && xmlSafe(subtitle), author, keywords: xmlSafe(keywords) }) },
  ]);
  return withFixedTimestamps(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
