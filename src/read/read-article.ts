// The I/O edge of the read stage: file name -> text. Everything that can go wrong here is the user's to fix
// (a wrong path, a Word file, a picture), so every failure is a UserError naming the file.

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ExitCode, UserError } from '../errors.ts';
import { ACCEPTED_FORMATS_HINT, decodeArticleBytes } from './decode.ts';
import { docxToText } from './docx.ts';

/** 'docx' text is Markdown-ish lines made by docx.ts; parseArticle reads it with the Markdown rules on. */
export type ArticleFormat = 'txt' | 'md' | 'docx';

export interface ArticleText {
  text: string;
  format: ArticleFormat;
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
  if (format === 'docx') return { text: await docxToText(bytes, path), format };
  return { text: decodeArticleBytes(bytes, path), format };
}

function formatOf(path: string): ArticleFormat {
  const extension = extname(path).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (format !== undefined) return format;
  if (CONVERTIBLE_EXTENSIONS.has(extension)) {
    throw new UserError(`Cannot read "${path}": dangke does not read ${extension} files.`, {
      hint: 'Open it in Word or WPS and save it as .docx (or as plain text, .txt). ' + ACCEPTED_FORMATS_HINT,
      exitCode: ExitCode.input,
    });
  }
  const what = extension === '' ? 'has no extension' : `has the extension "${extension}"`;
  throw new UserError(`Cannot read "${path}": it ${what}, which dangke does not read.`, {
    hint: ACCEPTED_FORMATS_HINT,
    exitCode: ExitCode.input,
  });
}

function readError(path: string, cause: unknown): UserError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : 'the file could not be read';
  return new UserError(`Cannot read the article "${path}": ${reason}.`, {
    hint: code === 'ENOENT' ? 'Check the path and the file name. ' + ACCEPTED_FORMATS_HINT : ACCEPTED_FORMATS_HINT,
    exitCode: ExitCode.input,
    cause,
  });
}
