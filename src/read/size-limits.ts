// How large an article may be. Pure guards, called wherever an article comes in (read-article.ts for the
// command line; the studio's upload calls checkArticleSize on the bytes it received before anything else).
//
// 5 MB of text is about 1.7 million Chinese characters, some thirty times the longest report a Party
// lecture is drawn from; past that a file is a mistake (a log, a dump, the wrong file), and drafting it
// would only make a deck no one can give. A .docx may be larger, since its pictures count too: its own
// limits are in zip-limits.ts, and the text taken out of it meets the same 5 MB limit.

import { ExitCode, UserError } from '../errors.ts';
import { ACCEPTED_FORMATS_HINT } from './decode.ts';
import { DOCX_LIMITS } from './zip-limits.ts';

const MB = 1024 * 1024;

/** Text of an article (.txt, .md, or what a .docx holds), in bytes as stored (UTF-8 for .docx text). */
export const MAX_ARTICLE_TEXT_BYTES = 5 * MB;

/**
 * Refuses an article file whose size passes the limit for its kind, before it is decoded or unpacked.
 * `name` is the file's name as the user knows it; its extension says the kind.
 */
export function checkArticleSize(byteLength: number, name: string): void {
  const isDocx = /\.docx$/iu.test(name);
  const limit = isDocx ? DOCX_LIMITS.maxFileBytes : MAX_ARTICLE_TEXT_BYTES;
  if (byteLength <= limit) return;
  throw new UserError(`文章“${name}”太大（${sizeText(byteLength)}），超过了 ${sizeText(limit)} 的上限。`, {
    hint: isDocx
      ? '请删去文档中过大的图片，或者只把需要讲的部分另存为一个新文档。' + ACCEPTED_FORMATS_HINT
      : '一堂党课用不了这么多文字：请确认选对了文件，或者只把需要讲的部分另存为一个文件。' + ACCEPTED_FORMATS_HINT,
    exitCode: ExitCode.input,
  });
}

/** The text taken out of a .docx meets the same limit as a .txt file. */
export function checkArticleTextSize(text: string, name: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= MAX_ARTICLE_TEXT_BYTES) return;
  throw new UserError(`文章“${name}”的文字太多（${sizeText(bytes)}），超过了 ${sizeText(MAX_ARTICLE_TEXT_BYTES)} 的上限。`, {
    hint: '一堂党课用不了这么多文字：请只把需要讲的部分另存为一个文件。' + ACCEPTED_FORMATS_HINT,
    exitCode: ExitCode.input,
  });
}

export function sizeText(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1).replace(/\.0$/u, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
