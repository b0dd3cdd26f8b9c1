// The I/O edge of the read stage: file name -> text. Everything that can go wrong here is the user's to fix
// (a wrong path, a Word file, a picture), so every failure is a UserError naming the file.

import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ExitCode, UserError } from '../errors.ts';
import { ACCEPTED_FORMATS_HINT, decodeArticleBytes } from './decode.ts';

export type ArticleFormat = 'txt' | 'md';

export interface ArticleText {
  text: string;
  format: ArticleFormat;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, ArticleFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
};

/** Formats we know and plan to read, so the message can say "not yet" instead of "never". */
const PLANNED_EXTENSIONS: ReadonlySet<string> = new Set(['.docx']);

export async function readArticleFile(path: string): Promise<ArticleText> {
  const format = formatOf(path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw readError(path, cause);
  }
  return { text: decodeArticleBytes(bytes, path), format };
}

function formatOf(path: string): ArticleFormat {
  const extension = extname(path).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (format !== undefined) return format;
  if (PLANNED_EXTENSIONS.has(extension)) {
    throw new UserError(`Word files (${extension}) are not yet supported: "${path}".`, {
      hint: 'Copy the text into a .txt file for now. ' + ACCEPTED_FORMATS_HINT,
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
