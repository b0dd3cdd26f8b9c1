// Bytes -> text for an article file. Pure: the caller (read-article.ts) does the file I/O.
//
// Chinese articles arrive in whatever encoding the editor or the website export produced: UTF-8 (with or
// without the Windows BOM), UTF-16 from Notepad's "Unicode" option, or GB18030/GBK from older Chinese tools.
// We pick the encoding from the BOM first, then try strict UTF-8, and only fall back to GB18030 when the
// bytes are not valid UTF-8 (GB18030 accepts almost any byte string, so it must come last).

import { ExitCode, UserError } from '../errors.ts';

/** What the user can give us instead; repeated in every hint so the fix is obvious. */
export const ACCEPTED_FORMATS_HINT =
  '可以读取的文件：Word 文档（.docx）、纯文本（.txt）或 Markdown（.md）；文本的编码须为 UTF-8、带 BOM 的 UTF-16 或 GB18030/GBK。';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

interface Signature {
  bytes: readonly number[];
  /** Plain words for the message: "…看起来是<what>". */
  what: string;
}

// Well-known magic numbers of files people rename to .txt by mistake, so the message can say what it is.
const BINARY_SIGNATURES: readonly Signature[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: '一个 Word 文档（.docx）或其他 ZIP 压缩文件' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: '一个旧版 Word 文档（.doc）' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: '一个 PDF 文档' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: '一张 PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: '一张 JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: '一张 GIF 图片' },
];

/**
 * A UTF-8 file with a few broken bytes (cut off mid-character, one byte lost in a copy) is still valid
 * GB18030 more often than not, and would decode to mojibake without a word. GB18030 text, read as UTF-8,
 * has far more broken sequences than valid multi-byte ones (about 1 valid to 4 broken in Chinese prose);
 * damaged UTF-8 has many valid ones per broken byte. Above this ratio the file is damaged UTF-8: refused,
 * naming the line, instead of decoded as GB18030.
 */
const DAMAGED_UTF8_MIN_VALID_PER_INVALID = 8;
/** Too little multi-byte text to judge: a short GB18030 file may look like anything. */
const DAMAGED_UTF8_MIN_VALID = 4;

/** Share of control characters (other than tab, LF, CR, FF) above which decoded text is treated as binary. */
const MAX_CONTROL_CHARACTER_RATIO = 0.01;

export function decodeArticleBytes(bytes: Uint8Array, fileName: string): string {
  const signature = BINARY_SIGNATURES.find((candidate) => startsWith(bytes, candidate.bytes));
  if (signature !== undefined) {
    throw binaryError(fileName, `它看起来是${signature.what}`);
  }

  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding === 'gb18030') refuseDamagedUtf8(body, fileName);

  // NUL bytes never occur in UTF-8 or GB18030 text; in UTF-16 they are normal, so check after decoding there.
  if (!encoding.startsWith('utf-16') && body.includes(0)) {
    throw binaryError(fileName, '其中有 NUL 字节，文本文件里不会有这种字节');
  }

  const decoded = decodeAs(body, encoding, fileName);
  if (looksBinary(decoded)) {
    throw binaryError(fileName, '其中有许多控制字符，文本文件里不会有这些字符');
  }

  const text = normaliseLineEndings(decoded);
  if (text.trim() === '') {
    throw new UserError(`文章“${fileName}”是空的，里面没有文字。`, {
      hint: '请把文章正文粘贴进这个文件并保存。' + ACCEPTED_FORMATS_HINT,
      exitCode: ExitCode.input,
    });
  }
  return text;
}

/** CRLF (Windows) and lone CR (old Mac, some web exports) become LF, so later stages see one kind of line end. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeAs(bytes: Uint8Array, encoding: Encoding, fileName: string): string {
  try {
    // ignoreBOM: the BOM was already cut off above; a second one would be content, not a marker.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    const tried =
      encoding === 'gb18030'
        ? '它的内容既不是有效的 UTF-8 文本，也不是有效的 GB18030/GBK 文本'
        : `文件开头有 ${encoding.toUpperCase()} 字节顺序标记（BOM），内容却不是有效的 ${encoding.toUpperCase()} 文本`;
    throw new UserError(`无法读取“${fileName}”：${tried}。`, {
      hint: '请用文本编辑器打开它，另存为 UTF-8 编码。' + ACCEPTED_FORMATS_HINT,
      exitCode: ExitCode.input,
      cause,
    });
  }
}

interface Utf8Shape {
  /** Well-formed multi-byte sequences. */
  valid: number;
  /** Bytes that start no well-formed sequence. */
  invalid: number;
  /** Offset of the first such byte, or -1. */
  firstInvalid: number;
}

/** Counts well-formed and broken UTF-8 multi-byte sequences (RFC 3629: no overlongs, no surrogates). */
function utf8Shape(bytes: Uint8Array): Utf8Shape {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = sequenceLength(bytes, index);
    if (length > 0) {
      valid += 1;
      index += length;
    } else {
      if (firstInvalid === -1) firstInvalid = index;
      invalid += 1;
      index += 1;
    }
  }
  return { valid, invalid, firstInvalid };
}

/** Length of the well-formed UTF-8 sequence starting at `at` (2–4), or 0. */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  const [length, low, high] =
    lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
    : lead === 0xe0 ? [3, 0xa0, 0xbf]
    : lead === 0xed ? [3, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
    : lead === 0xf0 ? [4, 0x90, 0xbf]
    : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
    : lead === 0xf4 ? [4, 0x80, 0x8f]
    : [0, 0, 0];
  if (length === 0 || at + length > bytes.length) return 0;
  const second = bytes[at + 1]!;
  if (second < low || second > high) return 0;
  for (let offset = 2; offset < length; offset += 1) {
    const next = bytes[at + offset]!;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

function refuseDamagedUtf8(bytes: Uint8Array, fileName: string): void {
  const shape = utf8Shape(bytes);
  if (shape.invalid === 0 || shape.valid < DAMAGED_UTF8_MIN_VALID) return;
  if (shape.valid < shape.invalid * DAMAGED_UTF8_MIN_VALID_PER_INVALID) return;
  let line = 1;
  for (let index = 0; index < shape.firstInvalid; index += 1) if (bytes[index] === 0x0a) line += 1;
  const where = isTruncatedTail(bytes, shape.firstInvalid)
    ? '文件在一个字符的中间就结束了（文件是不是不完整？）'
    : `其中有 ${shape.invalid} 个损坏的字节，第一个在第 ${line} 行（第 ${shape.firstInvalid + 1} 个字节）`;
  throw new UserError(`无法读取“${fileName}”：它看起来是 UTF-8 文本，但${where}。`, {
    hint: '如果改按 GB18030 读取，文字会变成乱码，所以 dangke 在这里停下。请找一份完整的文章，或用文本编辑器打开它，改好那一行后另存为 UTF-8 编码。' + ACCEPTED_FORMATS_HINT,
    exitCode: ExitCode.input,
  });
}

/** The only damage is an incomplete sequence at the very end of the file. */
function isTruncatedTail(bytes: Uint8Array, firstInvalid: number): boolean {
  return bytes.length - firstInvalid < 4 && bytes[firstInvalid]! >= 0xc2 && bytes[firstInvalid]! <= 0xf4;
}

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  if (text.length === 0) return false;
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls / text.length > MAX_CONTROL_CHARACTER_RATIO;
}

function binaryError(fileName: string, reason: string): UserError {
  return new UserError(`“${fileName}”不是文本文件：${reason}。`, {
    hint: '如果它是 Word 文档，请把扩展名改为 .docx；旧版 .doc 文件要先另存为 .docx。' + ACCEPTED_FORMATS_HINT,
    exitCode: ExitCode.input,
  });
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}
