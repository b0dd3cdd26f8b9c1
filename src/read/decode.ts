// Bytes -> text for an article file. Pure: the caller (read-article.ts) does the file I/O.
//
// Chinese articles arrive in whatever encoding the editor or the website export produced: UTF-8 (with or
// without the Windows BOM), UTF-16 from Notepad's "Unicode" option, or GB18030/GBK from older Chinese tools.
// We pick the encoding from the BOM first, then try strict UTF-8, and only fall back to GB18030 when the
// bytes are not valid UTF-8 (GB18030 accepts almost any byte string, so it must come last).

import { ExitCode, UserError } from '../errors.ts';

/** What the user can give us instead; repeated in every hint so the fix is obvious. */
export const ACCEPTED_FORMATS_HINT =
  'Accepted formats: Word (.docx), plain text (.txt) or Markdown (.md); text encoded as UTF-8, UTF-16 with a BOM, or GB18030/GBK.';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

interface Signature {
  bytes: readonly number[];
  /** Plain words for the message: "… looks like <what>". */
  what: string;
}

// Well-known magic numbers of files people rename to .txt by mistake, so the message can say what it is.
const BINARY_SIGNATURES: readonly Signature[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a Word (.docx) document or another ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Word (.doc) document' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
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
    throw binaryError(fileName, `it looks like ${signature.what}`);
  }

  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding === 'gb18030') refuseDamagedUtf8(body, fileName);

  // NUL bytes never occur in UTF-8 or GB18030 text; in UTF-16 they are normal, so check after decoding there.
  if (!encoding.startsWith('utf-16') && body.includes(0)) {
    throw binaryError(fileName, 'it contains NUL bytes, which text files do not');
  }

  const decoded = decodeAs(body, encoding, fileName);
  if (looksBinary(decoded)) {
    throw binaryError(fileName, 'it contains control characters, which text files do not');
  }

  const text = normaliseLineEndings(decoded);
  if (text.trim() === '') {
    throw new UserError(`The article "${fileName}" is empty: it holds no text.`, {
      hint: 'Paste the article text into the file and save it. ' + ACCEPTED_FORMATS_HINT,
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
    const tried = encoding === 'gb18030' ? 'neither valid UTF-8 nor valid GB18030/GBK text' : `not valid ${encoding.toUpperCase()} text, although the file starts with a ${encoding.toUpperCase()} byte order mark`;
    throw new UserError(`Cannot read "${fileName}": its bytes are ${tried}.`, {
      hint: 'Open it in a text editor and save it as UTF-8. ' + ACCEPTED_FORMATS_HINT,
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
    ? 'it ends in the middle of a character (was the file cut off?)'
    : `it has ${shape.invalid} damaged byte${shape.invalid === 1 ? '' : 's'}, the first on line ${line} (byte ${shape.firstInvalid + 1})`;
  throw new UserError(`Cannot read "${fileName}": it looks like UTF-8 text, but ${where}.`, {
    hint: 'Read as GB18030 instead it would turn into garbled characters, so dangke stops here. Get a complete copy of the article, or open it in a text editor, fix that line and save it as UTF-8. ' + ACCEPTED_FORMATS_HINT,
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
  return new UserError(`"${fileName}" is not a text file: ${reason}.`, {
    hint: 'If it is a Word document, give it the .docx extension; an old .doc file must be saved as .docx first. ' + ACCEPTED_FORMATS_HINT,
    exitCode: ExitCode.input,
  });
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}
