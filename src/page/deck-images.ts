// The images a deck shows (Markdown images, <img>, slide backgrounds) copied beside its page, keeping their
// paths relative to the deck file, so the built deck finds them as the editor wrote them. Only images in the
// deck's own folder tree are copied: a path out of it (../, absolute) would need a place outside the output.

import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { imageReferences } from '../check/image-references.ts';
import type { SourceDeck } from '../deck/model.ts';

export interface CopiedImages {
  /** Absolute paths of the image files the deck uses that were found (copied now or unchanged). */
  files: string[];
  /** True when any file was copied in this call. */
  copied: boolean;
}

/**
 * Copies the deck's local images from `deckDir` into `outDir`. `versions` (file → "size:mtime") lets a caller
 * that copies again and again (the dev server) skip files that did not change.
 */
export async function copyDeckImages(
  source: SourceDeck,
  lines: readonly string[],
  deckDir: string,
  outDir: string,
  versions: Map<string, string> = new Map(),
): Promise<CopiedImages> {
  const files: string[] = [];
  let copied = false;
  for (const reference of imageReferences(source, lines)) {
    if (reference.local === undefined) continue;
    const file = resolve(deckDir, reference.local);
    const rel = relative(deckDir, file);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || rel.split(sep).some((part) => part.startsWith('.'))) continue;
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) continue; // a missing image is `check`'s to report, with its line
    files.push(file);
    const version = `${info.size}:${info.mtimeMs}`;
    if (versions.get(file) === version) continue;
    const target = join(outDir, rel);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(file, target);
    versions.set(file, version);
    copied = true;
  }
  return { files, copied };
}
