// The project's own fixture articles (test/fixtures/articles, written for the project; see its README) plus
// the example article the project ships, for tests that must hold on articles of every shape.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const FIXTURE_ARTICLES_DIR = fileURLToPath(new URL('../fixtures/articles', import.meta.url));
export const EXAMPLE_ARTICLE = fileURLToPath(new URL('../../articles/liangxue-yizuo.txt', import.meta.url));

/** Every fixture article (txt and md), sorted. */
export function fixtureArticles(): string[] {
  return readdirSync(FIXTURE_ARTICLES_DIR)
    .filter((name) => /\.(txt|md)$/u.test(name) && name !== 'README.md')
    .sort()
    .map((name) => join(FIXTURE_ARTICLES_DIR, name));
}
