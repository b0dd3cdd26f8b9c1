// An article the user drops on the studio: size-limited, named safely and type-checked before it is
// written to articles/. A .docx must be a zip (its magic bytes); a .txt or .md must decode as text the way
// the article reader decodes it (UTF-8, UTF-16 with BOM or GB18030, no binary). Unpacking a .docx (where a
// zip bomb would bite) happens later, in the drafting child process, never in the server.
import { decodeArticleBytes } from '../read/decode.ts';
import { isUserError } from '../errors.ts';
import { safeArticleFileName } from './names.ts';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export type UploadCheck =
  | { ok: true; fileName: string; stem: string }
  | { ok: false; status: 400 | 413 | 415; message: string };

export function checkUpload(fileName: unknown, bytes: Uint8Array): UploadCheck {
  const name = safeArticleFileName(fileName);
  if (name === undefined) {
    return { ok: false, status: 400, message: '文件名不合适：请用 .txt、.md 或 .docx 结尾、不含 / \\ : 等符号的文件名。' };
  }
  if (bytes.length > MAX_UPLOAD_BYTES) return { ok: false, status: 413, message: '文件太大：文章不能超过 20 MB。' };
  if (bytes.length === 0) return { ok: false, status: 415, message: '文件是空的。' };
  if (name.extension === '.docx') {
    if (!ZIP_MAGIC.every((byte, index) => bytes[index] === byte)) {
      return { ok: false, status: 415, message: `“${name.name}”不是 Word 文档（.docx）：内容与扩展名不符。请用 Word 或 WPS 另存为 .docx 后再试。` };
    }
    return { ok: true, fileName: name.name, stem: name.stem };
  }
  try {
    decodeArticleBytes(bytes, name.name);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { ok: false, status: 415, message: error.message };
  }
  return { ok: true, fileName: name.name, stem: name.stem };
}
