// The real sample articles in ../shared/articles (read-only, beside the repository) plus the example the
// project ships, for tests that must hold on articles the code was not written for.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const SHARED_ARTICLES_DIR = fileURLToPath(new URL('../../../shared/articles/', import.meta.url));
export const EXAMPLE_ARTICLE = fileURLToPath(new URL('../../articles/liangxue-yizuo.txt', import.meta.url));

/** Every article file in ../shared/articles (txt and md), sorted. */
export function sharedArticles(): string[] {
  return readdirSync(SHARED_ARTICLES_DIR)
    .filter((name) => /\.(txt|md)$/u.test(name) && name !== 'README.md')
    .sort()
    .map((name) => join(SHARED_ARTICLES_DIR, name));
}
