// Where the project keeps things, relative to the folder the command runs in (the project root).

import { basename, extname, join } from 'node:path';

export const ARTICLES_DIR = 'articles';
export const SLIDES_DIR = 'slides';
export const DIST_DIR = 'dist';

/** Formats the reader accepts, in the order we look for them. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.docx'];

/** "articles/liangxue-yizuo.txt" -> "liangxue-yizuo": the name shared by the article, its deck and its output. */
export function deckName(file: string): string {
  return basename(file, extname(file));
}

export function deckPathFor(article: string, root: string): string {
  return join(root, SLIDES_DIR, `${deckName(article)}.md`);
}

/** A candidate draft written beside an edited deck; never itself a deck to build. */
export function isDraftCandidate(file: string): boolean {
  return file.endsWith('.draft.md');
}
