// Golden tests: the drafted Markdown of the example and of each fixture article (test/fixtures/articles) is
// committed under test/fixtures/draft/ and compared byte for byte. A change to a drafted deck is reviewed in
// the diff, not blindly regenerated: run with UPDATE_GOLDEN=1 to rewrite the expected files, then read the diff.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { draftDeck } from '../../src/draft/index.ts';
import { writeDeckMarkdown } from '../../src/markdown/write.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { readArticleFile } from '../../src/read/read-article.ts';
import { EXAMPLE_ARTICLE, fixtureArticles } from '../helpers/articles.ts';

const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/draft/', import.meta.url));

async function draftMarkdown(article: string): Promise<string> {
  const { text, format } = await readArticleFile(article);
  return writeDeckMarkdown(draftDeck(parseArticle(text, format).value, { source: `articles/${basename(article)}` }).value);
}

describe('drafted decks match their golden files', () => {
  for (const article of [EXAMPLE_ARTICLE, ...fixtureArticles()]) {
    const name = basename(article, extname(article));
    it(name, async () => {
      const golden = join(GOLDEN_DIR, `${name}.md`);
      const drafted = await draftMarkdown(article);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
        await writeFile(golden, drafted);
        if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`golden file ${golden} was missing and has been written: review and commit it`);
        return;
      }
      assert.equal(drafted, await readFile(golden, 'utf8'), `drafted deck differs from test/fixtures/draft/${name}.md`);
    });
  }

  it('drafts byte-identical Markdown twice in a row', async () => {
    assert.equal(await draftMarkdown(EXAMPLE_ARTICLE), await draftMarkdown(EXAMPLE_ARTICLE));
  });
});
