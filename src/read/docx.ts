// Word (.docx) -> the line-based text the parser reads. Word files are how most 党课 material travels.
//
// mammoth (a well-kept .docx reader) parses the file; we take its document tree (through the public
// transformDocument hook of convertToHtml) rather than its HTML, because what matters is each paragraph's
// style, which the tree gives directly. The output is Markdown-ish, one paragraph per line with a blank line
// between paragraphs, so the parser's existing rules apply unchanged:
//   Title style (Title / 标题)             -> "# text"        (the article title)
//   Subtitle style (Subtitle / 副标题)      -> "——text"        (the title block's subtitle line)
//   Heading 1/2/3 (heading 1, 标题 1, …)   -> "## / ### / ####" (sections: the title is level 1)
//   a paragraph whose text is all bold     -> "**text**"      (a bold sub-heading, as in web clips)
//   anything else                          -> the text, with Markdown characters escaped
// Tables are read cell by cell, comments dropped. Pictures become `![](图片N.png)` lines after their
// paragraph, and their bytes are returned beside the text (readDocx), for the drafter to put on slides.

import mammoth from 'mammoth';
import { ExitCode, UserError } from '../errors.ts';
import { ACCEPTED_FORMATS_HINT } from './decode.ts';

interface DocxNode {
  type: string;
  children?: DocxNode[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  isBold?: boolean;
  breakType?: string;
  /** Image nodes: the MIME type and a reader for the bytes (mammoth's API). */
  contentType?: string;
  altText?: string;
  read?: () => Promise<Buffer>;
}

/** A picture inside a Word file: the name its `![](…)` line gives it, and its bytes. */
export interface EmbeddedImage {
  name: string;
  bytes: Uint8Array;
}

type ParagraphRole = { kind: 'title' } | { kind: 'subtitle' } | { kind: 'heading'; depth: number } | { kind: 'body' };

const TITLE_STYLE = /^(?:title|标题|文章标题|大标题)$/u;
const SUBTITLE_STYLE = /^(?:subtitle|副标题)$/u;
/** "heading 1", "Heading1", "标题 1", "标题1"; Chinese Word files may carry only the style id "1", "2", "3". */
const HEADING_STYLE = /^(?:heading|标题)\s*([1-6])$/u;
const HEADING_STYLE_ID = /^([1-6])$/u;

export async function docxToText(bytes: Uint8Array, fileName: string): Promise<string> {
  return (await readDocx(bytes, fileName)).text;
}

/** The article's text (as docxToText) and the pictures it holds, named as the text refers to them. */
export async function readDocx(bytes: Uint8Array, fileName: string): Promise<{ text: string; images: EmbeddedImage[] }> {
  let root: DocxNode | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (document: DocxNode) => {
          root = document;
          return document;
        },
      },
    );
  } catch (cause) {
    throw new UserError(`无法把“${fileName}”当作 Word 文档读取：文件已损坏，或者不是 .docx 文件。`, {
      hint: '请用 Word 或 WPS 打开它，重新另存为 .docx；或者把文字复制到一个 .txt 文件里。' + ACCEPTED_FORMATS_HINT,
      exitCode: ExitCode.input,
      cause,
    });
  }
  const lines: string[] = [];
  const images: EmbeddedImage[] = [];
  let previousRole: ParagraphRole['kind'] | undefined;
  for (const paragraph of paragraphsOf(root)) {
    const text = paragraphText(paragraph);
    const pictures = await pictureLines(paragraph, images);
    if (text.trim() === '') {
      previousRole = undefined;
      lines.push(...pictures);
      continue;
    }
    const role = roleOf(paragraph);
    if (role.kind === 'title' && previousRole === 'title') {
      // A title set over two Title paragraphs (主题—— / 副题) is one headline, as in plain text.
      lines[lines.length - 1] += text.trim();
      continue;
    }
    lines.push(render(role, text, paragraph), ...pictures);
    previousRole = role.kind;
  }
  const out = lines.join('\n\n');
  if (out.trim() === '') {
    throw new UserError(`Word 文档“${fileName}”是空的，里面没有文字。`, {
      hint: '请确认文章是以文字形式写在文档里的，而不是以图片形式贴进去的。' + ACCEPTED_FORMATS_HINT,
      exitCode: ExitCode.input,
    });
  }
  return { text: out + '\n', images };
}

const AUTOMATIC_ALT = /^(?:图片|图像|图|picture|image|img|dsc|photo)[\s_-]*\d*(?:\.\w+)?$/iu;

const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/svg+xml': 'svg',
};

/**
 * The pictures of a paragraph as `![](图片N.ext)` lines, their bytes added to `images`. Formats a browser
 * cannot show (EMF, WMF from old Word drawings) are left out, as before.
 */
async function pictureLines(paragraph: DocxNode, images: EmbeddedImage[]): Promise<string[]> {
  const lines: string[] = [];
  for (const node of imageNodes(paragraph)) {
    const extension = IMAGE_EXTENSIONS[(node.contentType ?? '').toLowerCase()];
    if (extension === undefined || node.read === undefined) continue;
    const name = `图片${images.length + 1}.${extension}`;
    images.push({ name, bytes: new Uint8Array(await node.read()) });
    const alt = (node.altText ?? '').replace(/\s+/gu, ' ').trim();
    // Word names pictures itself ("图片 1", "IMG_0012.JPG"): that is no caption; the caption line after it is.
    lines.push(`![${AUTOMATIC_ALT.test(alt) ? '' : escapeInline(alt)}](${name})`);
  }
  return lines;
}

function imageNodes(node: DocxNode): DocxNode[] {
  if (node.type === 'image') return [node];
  return (node.children ?? []).flatMap(imageNodes);
}

/** Paragraphs in reading order, including those inside tables. */
function paragraphsOf(node: DocxNode | undefined): DocxNode[] {
  if (node === undefined) return [];
  if (node.type === 'paragraph') return [node];
  return (node.children ?? []).flatMap(paragraphsOf);
}

function paragraphText(node: DocxNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      // A line break (Shift+Enter) inside a paragraph starts a new line; page and column breaks do not.
      return node.breakType === 'line' ? '\n' : '';
    case 'image':
    case 'comment':
    case 'commentReference':
    case 'noteReference':
      return '';
    default:
      return (node.children ?? []).map(paragraphText).join('');
  }
}

function roleOf(paragraph: DocxNode): ParagraphRole {
  const name = (paragraph.styleName ?? '').trim().toLowerCase();
  const id = (paragraph.styleId ?? '').trim().toLowerCase();
  if (TITLE_STYLE.test(name) || (name === '' && TITLE_STYLE.test(id))) return { kind: 'title' };
  if (SUBTITLE_STYLE.test(name) || (name === '' && SUBTITLE_STYLE.test(id))) return { kind: 'subtitle' };
  const heading = HEADING_STYLE.exec(name) ?? HEADING_STYLE.exec(id) ?? (name === '' ? HEADING_STYLE_ID.exec(id) : null);
  if (heading !== null) return { kind: 'heading', depth: Number(heading[1]) };
  return { kind: 'body' };
}

function render(role: ParagraphRole, raw: string, paragraph: DocxNode): string {
  const text = raw.replace(/\r?\n/g, '\n');
  const oneLine = text.replace(/\s*\n\s*/g, ' ').trim();
  switch (role.kind) {
    case 'title':
      return `# ${escapeInline(oneLine)}`;
    case 'subtitle':
      return /^[—－-]/.test(oneLine) ? escapeLine(oneLine) : `——${escapeInline(oneLine)}`;
    case 'heading':
      return `${'#'.repeat(Math.min(role.depth + 1, 6))} ${escapeInline(oneLine)}`;
    case 'body':
      if (isAllBold(paragraph) && !text.includes('\n')) return `**${escapeInline(oneLine)}**`;
      return text.split('\n').map(escapeLine).join('\n');
  }
}

/** Every run that carries visible text is bold: Word's usual way to set a sub-heading by hand. */
function isAllBold(paragraph: DocxNode): boolean {
  const runs: DocxNode[] = [];
  const visit = (node: DocxNode): void => {
    if (node.type === 'run') runs.push(node);
    else for (const child of node.children ?? []) visit(child);
  };
  visit(paragraph);
  const visible = runs.filter((run) => paragraphText(run).trim() !== '');
  return visible.length > 0 && visible.every((run) => run.isBold === true);
}

/** Markdown characters in Word text are text: escape them so the parser's Markdown rules leave them alone. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]]/g, '\\$&');
}

/** Also escape what would make a whole line Markdown syntax: "# ", "> ", "- ", "+ ", "1. ". */
function escapeLine(line: string): string {
  const leading = /^(\s*)/.exec(line)![1]!;
  const rest = escapeInline(line.slice(leading.length));
  const block = /^(?:[#>+-]|\d{1,2}[.)](?=\s))/.exec(rest);
  if (block === null) return leading + rest;
  return leading + rest.replace(/^(\d{1,2})([.)])/, '$1\\$2').replace(/^([#>+-])/, '\\$1');
}
