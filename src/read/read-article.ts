// The I/O edge of the read stage: file name -> text. Everything that can go wrong here is the user's to fix
// (a wrong path, a Word file, a picture), so every failure is a UserError naming the file.

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ExitCode, UserError } from '../errors.ts';
import { ACCEPTED_FORMATS_HINT, decodeArticleBytes } from './decode.ts';
import { readDocx, type EmbeddedImage } from './docx.ts';

/** 'docx' text is Markdown-ish lines made by docx.ts; parseArticle reads it with the Markdown rules on. */
export type ArticleFormat = 'txt' | 'md' | 'docx';

export interface ArticleText {
  text: string;
  format: ArticleFormat;
  /** Pictures held inside the file (a Word document), by the name its text gives them. */
  images?: EmbeddedImage[];
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.docx': 'docx',
};

/** Old binary Word and other office formats: say how to get a file we can read. */
const CONVERTIBLE_EXTENSIONS: ReadonlySet<string> = new Set(['.doc', '.wps', '.rtf', '.odt', '.pages']);

export async function readArticleFile(path: string): Promise<ArticleText> {
  const format = formatOf(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw readError(path, cause);
  }
  if (format === 'docx') {
    const { text, images } = await readDocx(bytes, path);
    return images.length > 0 ? { text, format, images } : { text, format };
  }
  return { text: decodeArticleBytes(bytes, path), format };
}

function formatOf(path: string): ArticleFormat {
  const extension = extname(path).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (format !== undefined) return format;
  if (CONVERTIBLE_EXTENSIONS.has(extension)) {
    throw new UserError(`无法读取“${path}”：dangke 不能读取 ${extension} 文件。`, {
      hint: '请用 Word 或 WPS 打开它，另存为 .docx（或纯文本 .txt）。' + ACCEPTED_FORMATS_HINT,
      exitCode: ExitCode.input,
    });
  }
  const what = extension === '' ? '没有扩展名的文件' : ` ${extension} 文件`;
  throw new UserError(`无法读取“${path}”：dangke 不能读取${what}。`, {
    hint: ACCEPTED_FORMATS_HINT,
    exitCode: ExitCode.input,
  });
}

function readError(path: string, cause: unknown): UserError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? '找不到这个文件'
      : code === 'EISDIR'
        ? '这是一个文件夹，不是文件'
        : code === 'EACCES' || code === 'EPERM'
          ? '没有读取它的权限'
          : '文件读取失败';
  return new UserError(`无法读取文章“${path}”：${reason}。`, {
    hint: code === 'ENOENT' ? '请检查路径和文件名。' + ACCEPTED_FORMATS_HINT : ACCEPTED_FORMATS_HINT,
    exitCode: ExitCode.input,
    cause,
  });
}
