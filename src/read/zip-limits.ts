// Bounded unpacking of a .docx (a ZIP file) before mammoth or anything else inflates it.
//
// A .docx of a few hundred kilobytes can hold parts that inflate to gigabytes (a "zip bomb", made on
// purpose or by a broken tool); mammoth would inflate them all into memory and then parse the XML, for
// minutes. So we read the ZIP's central directory ourselves (the format is small: APPNOTE.TXT §4.3) and
// refuse the file when the sizes it declares pass the limits below; then, because declared sizes can lie,
// we inflate every part once with a cap on the output (zlib's maxOutputLength) and refuse the file as soon
// as the real output passes the same limits. Only then does mammoth read it.
//
// No limit on the compression ratio alone: Word's own XML for a page of layout spaces compresses about
// 1000 : 1 (deflate's best), so a ratio rule would refuse real documents; the absolute sizes bound the work.
// Pictures (word/media/…) have limits of their own: issue 11's picture extraction calls checkImagePart.

import { inflateRawSync } from 'node:zlib';
import { ExitCode, UserError } from '../errors.ts';
import { ACCEPTED_FORMATS_HINT } from './decode.ts';

const MB = 1024 * 1024;

export const DOCX_LIMITS = {
  /** The .docx file itself, pictures included. */
  maxFileBytes: 100 * MB,
  /** Parts in the file; Word writes a few dozen. */
  maxEntries: 10_000,
  /** Every part that is not a picture (the XML: document, styles, numbering, notes…), inflated, together. */
  maxXmlBytes: 50 * MB,
  /** One picture, inflated. */
  maxImageBytes: 30 * MB,
  /** All pictures together, inflated. */
  maxMediaBytes: 200 * MB,
} as const;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else mammoth cannot read either. */
  method: number;
  compressedSize: number;
  /** What the central directory says the part inflates to (may lie). */
  declaredSize: number;
  /** Offset of the part's local header in the file. */
  localHeaderOffset: number;
}

export type ZipLimitsOptions = Partial<typeof DOCX_LIMITS>;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const END_RECORD_SEARCH = 22 + 0xffff;

/** Thrown for a file that is not a readable ZIP; docx.ts turns it into its "damaged file" message. */
export class ZipFormatError extends Error {}

/** A part under word/media/ (or any media folder): a picture, judged by the picture limits. */
export function isMediaPart(name: string): boolean {
  return /(?:^|\/)media\//u.test(name);
}

/** The central directory's entries. Throws ZipFormatError when there is none or it runs off the file. */
export function listZipEntries(bytes: Uint8Array, maxEntries: number = DOCX_LIMITS.maxEntries): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) throw new ZipFormatError('no end of central directory record');
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // ZIP64 (markers 0xFFFF / 0xFFFFFFFF) is for archives past 4 GB or 65,535 parts: no Word document.
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw new ZipFormatError('ZIP64 archive');
  }
  if (count > maxEntries) throw new ZipLimitError('entries', count);
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_FILE_HEADER) {
      throw new ZipFormatError('central directory runs off the file');
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > view.byteLength) throw new ZipFormatError('entry name runs off the file');
    entries.push({
      name: Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8'),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, view.byteLength - END_RECORD_SEARCH);
  for (let at = last; at >= first; at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

/** The part's compressed bytes, found through its local header (whose name and extra lengths may differ). */
function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_FILE_HEADER) {
    throw new ZipFormatError(`no local header for ${entry.name}`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > view.byteLength) throw new ZipFormatError(`${entry.name} runs off the file`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * The part inflated, at most `maxBytes` of it: throws ZipLimitError as soon as the output would pass the cap,
 * whatever size the directory declared. For picture extraction (issue 11) as much as for the check below.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const data = compressedData(bytes, entry);
  if (entry.method === 0) {
    if (data.byteLength > maxBytes) throw new ZipLimitError(isMediaPart(entry.name) ? 'image' : 'xml', data.byteLength, entry.name);
    return data;
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name}: compression method ${entry.method}`);
  try {
    // Large chunks: the default 16 KB ones made inflating 50 MB take thousands of steps.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes), chunkSize: 1024 * 1024 });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipLimitError(isMediaPart(entry.name) ? 'image' : 'xml', maxBytes + 1, entry.name);
    }
    throw new ZipFormatError(`${entry.name}: ${(cause as Error).message}`);
  }
}

/** Which limit a file passed; docx.ts words the message. */
export class ZipLimitError extends Error {
  constructor(
    readonly limit: 'entries' | 'xml' | 'image' | 'media' | 'file',
    readonly size: number,
    readonly part?: string,
  ) {
    super(`${limit} limit passed (${size}${part ? `, ${part}` : ''})`);
  }
}

/**
 * Checks a .docx against DOCX_LIMITS: declared sizes first (instant), then the real ones, inflating each
 * part with a cap of what the budget has left. Throws ZipLimitError or ZipFormatError; returns the entries.
 */
export function checkZipLimits(bytes: Uint8Array, options: ZipLimitsOptions = {}): ZipEntry[] {
  const limits = { ...DOCX_LIMITS, ...options };
  if (bytes.byteLength > limits.maxFileBytes) throw new ZipLimitError('file', bytes.byteLength);
  const entries = listZipEntries(bytes, limits.maxEntries);
  let declaredXml = 0;
  let declaredMedia = 0;
  for (const entry of entries) {
    if (isMediaPart(entry.name)) {
      if (entry.declaredSize > limits.maxImageBytes) throw new ZipLimitError('image', entry.declaredSize, entry.name);
      declaredMedia += entry.declaredSize;
      if (declaredMedia > limits.maxMediaBytes) throw new ZipLimitError('media', declaredMedia);
    } else {
      declaredXml += entry.declaredSize;
      if (declaredXml > limits.maxXmlBytes) throw new ZipLimitError('xml', declaredXml, entry.name);
    }
  }
  // Declared sizes can lie: inflate for real, each part capped by what is left of its budget.
  let xml = 0;
  let media = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue; // a folder
    if (isMediaPart(entry.name)) {
      const cap = Math.min(limits.maxImageBytes, limits.maxMediaBytes - media);
      media += inflateEntry(bytes, entry, cap).byteLength;
    } else {
      xml += inflateEntry(bytes, entry, limits.maxXmlBytes - xml).byteLength;
    }
  }
  return entries;
}

/** For picture extraction (issue 11): refuses a picture part larger than the limit, naming the file. */
export function checkImagePart(size: number, partName: string, fileName: string): void {
  if (size > DOCX_LIMITS.maxImageBytes) throw docxLimitError(new ZipLimitError('image', size, partName), fileName);
}

const megabytes = (bytes: number): string => `${Math.round(bytes / MB)} MB`;

/** The Chinese message for a limit passed: what was too big, the limit, and what to do. */
export function docxLimitError(error: ZipLimitError, fileName: string): UserError {
  const what = {
    file: `文件太大（超过 ${megabytes(DOCX_LIMITS.maxFileBytes)}）`,
    entries: `其中的部件太多（超过 ${DOCX_LIMITS.maxEntries} 个），正常的 Word 文档不会这样`,
    xml: `解压后的文字内容超过 ${megabytes(DOCX_LIMITS.maxXmlBytes)}，正常的 Word 文档不会这么大（可能是损坏或被故意构造的文件）`,
    image: `其中的一张图片解压后超过 ${megabytes(DOCX_LIMITS.maxImageBytes)}`,
    media: `其中的图片解压后合计超过 ${megabytes(DOCX_LIMITS.maxMediaBytes)}`,
  }[error.limit];
  return new UserError(`无法读取 Word 文档“${fileName}”：${what}，为安全起见不予读取。`, {
    hint:
      '请用 Word 或 WPS 打开它，删去过大的图片或多余内容后另存为 .docx；或者把文字复制到一个 .txt 文件里。' +
      ACCEPTED_FORMATS_HINT,
    exitCode: ExitCode.input,
    cause: error,
  });
}
