// The studio's only way from a request parameter to a file: a deck or article *name* (one path segment,
// no folder part, no dot at the start, no control or reserved characters) inside one of the three folders
// it may touch. Anything else is refused before a path is ever built, so traversal cannot be expressed.
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ARTICLES_DIR, ARTICLE_EXTENSIONS, DIST_DIR, SLIDES_DIR } from '../paths.ts';

/** Longest name accepted (bytes of UTF-8 in most file systems: 255; Chinese takes 3 each). */
const MAX_NAME_LENGTH = 80;

/** A deck's name: "liangxue-yizuo" for slides/liangxue-yizuo.md, or undefined when it is not a safe name. */
export function safeName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.normalize('NFC');
  if (name === '' || name.length > MAX_NAME_LENGTH) return undefined;
  if (name.startsWith('.') || name.endsWith('.') || name.endsWith(' ') || name.startsWith(' ')) return undefined;
  // Separators, drive letters, wildcards Windows refuses, control characters, NUL.
  if (/[\/\\:*?"<>|\0-\x1f\x7f]/.test(name)) return undefined;
  if (name === '..' || name.includes('..')) return undefined;
  return name;
}

/** An article's file name ("文章.docx"): a safe name with one of the accepted extensions. */
export function safeArticleFileName(value: unknown): { name: string; stem: string; extension: string } | undefined {
  const name = safeName(value);
  if (name === undefined) return undefined;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const extension = name.slice(dot).toLowerCase();
  if (!ARTICLE_EXTENSIONS.includes(extension)) return undefined;
  const stem = safeName(name.slice(0, dot));
  if (stem === undefined || stem.endsWith('.draft')) return undefined;
  return { name: `${stem}${extension}`, stem, extension };
}

export interface StudioFolders {
  root: string;
  slides: string;
  articles: string;
  dist: string;
  history: string;
}

export function studioFolders(root: string): StudioFolders {
  const slides = join(root, SLIDES_DIR);
  return { root, slides, articles: join(root, ARTICLES_DIR), dist: join(root, DIST_DIR), history: join(slides, '.history') };
}

export function deckFile(folders: StudioFolders, name: string): string {
  return join(folders.slides, `${name}.md`);
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * True when `path` (which may not exist yet) really lies inside `folder` once symlinks are followed: a
 * symlink placed in slides/ that points elsewhere must not let a save write outside the project.
 */
export async function reallyInside(folder: string, path: string): Promise<boolean> {
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
  } catch {
    return false;
  }
  try {
    return inside(realFolder, await realpath(path));
  } catch {
    // Not there yet: its folder must be the real folder itself.
    return inside(folder, path);
  }
}
