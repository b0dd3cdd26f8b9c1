// The pictures of an article, copied beside the deck (slides/<name>/…) so that the deck's Markdown refers
// to files that live with it and survive editing, and the single file and the PDFs can embed them. Pictures
// come from inside a Word file or from files next to a Markdown article. One that cannot be found or read
// is reported at its line in the article and left out: a missing picture never stops the draft.

import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Figure } from '../article/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { describeFsError, writeFileAtomic } from '../fs/atomic.ts';
import type { EmbeddedImage } from '../read/docx.ts';

const PICTURE_EXTENSIONS = /^\.(?:png|jpe?g|gif|webp|bmp|svg|avif)$/iu;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/u;

export interface PlacedPictures {
  /** Figure id → path of its copy relative to the deck file ("<name>/图片1.png"). */
  sources: Map<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * Copies each figure's image into the folder named after the deck, beside it. `articleFile` is the path
 * messages name (relative to the project); `articlePath` is where relative image paths start from.
 */
export async function placePictures(
  figures: readonly Figure[],
  embedded: readonly EmbeddedImage[],
  articlePath: string,
  articleFile: string,
  deckPath: string,
): Promise<PlacedPictures> {
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const folderName = basename(deckPath, extname(deckPath));
  const folder = join(dirname(deckPath), folderName);
  const taken = new Set<string>();
  const warn = (figure: Figure, message: string): void => {
    diagnostics.push({ severity: 'warning', message, file: articleFile, line: figure.line });
  };
  for (const figure of figures) {
    let bytes: Uint8Array;
    const inside = embedded.find((image) => image.name === figure.src);
    if (inside !== undefined) {
      bytes = inside.bytes;
    } else if (SCHEME.test(figure.src)) {
      warn(figure, `图片“${figure.src}”是网络地址，幻灯片不从网络取图，未放入幻灯片：请先把图片下载到文章旁边，再改成文件名`);
      continue;
    } else if (!PICTURE_EXTENSIONS.test(extname(figure.src))) {
      warn(figure, `“${figure.src}”不是幻灯片能显示的图片格式，未放入幻灯片：请用 PNG、JPG、GIF、WebP 或 SVG 图片`);
      continue;
    } else {
      try {
        bytes = await readFile(resolve(dirname(articlePath), decodedPath(figure.src)));
      } catch (error) {
        warn(figure, `找不到或无法读取图片“${figure.src}”（${describeFsError(error)}），未放入幻灯片：请检查图片是否在文章旁边、文件名是否写对`);
        continue;
      }
    }
    const name = uniqueName(basename(figure.src), taken);
    try {
      await writeFileAtomic(join(folder, name), bytes);
    } catch (error) {
      warn(figure, `无法把图片写到 ${join(folder, name)}（${describeFsError(error)}），未放入幻灯片`);
      continue;
    }
    sources.set(figure.id, `${folderName}/${name}`);
  }
  return { sources, diagnostics };
}

/** `图片%201.png` as written in Markdown is the file `图片 1.png`; a malformed escape is taken as written. */
function decodedPath(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/** The file's own name, or name-2.ext, name-3.ext … when two pictures share it. */
function uniqueName(name: string, taken: Set<string>): string {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length) || '图片';
  let candidate = `${stem}${extension}`;
  for (let count = 2; taken.has(candidate.toLowerCase()); count += 1) candidate = `${stem}-${count}${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}
