// Every drafted deck, for the example, the fixture articles (test/fixtures/articles) and the parser's small
// fixture files (shapes the drafter was not written against): rendered with the default theme in Chromium, no slide overflows its 16:9 frame,
// every content slide has notes, and every sentence of the article is in the notes in order.

import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import type { DraftSlide } from '../../src/deck/model.ts';
import { withBrowser } from '../../src/export/browser.ts';
import { measureOverflow } from '../../src/check/overflow.ts';
import { isBalanced } from '../../src/draft/clauses.ts';
import { draftDeck } from '../../src/draft/index.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { writeDeckMarkdown } from '../../src/markdown/write.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { readArticleFile } from '../../src/read/read-article.ts';
import { renderDeck } from '../../src/render/index.ts';
import { EXAMPLE_ARTICLE, fixtureArticles } from '../helpers/articles.ts';
import { assertSentencesInNotes } from '../helpers/notes.ts';

const PARSE_FIXTURES = fileURLToPath(new URL('../fixtures/parse/', import.meta.url));

async function articles(): Promise<string[]> {
  const fixtures = (await readdir(PARSE_FIXTURES)).filter((name) => /\.(txt|md)$/u.test(name)).map((name) => join(PARSE_FIXTURES, name));
  return [EXAMPLE_ARTICLE, ...fixtureArticles(), ...fixtures.sort()];
}

test('drafted decks fit, have notes, lose no sentence', async (t) => {
  const work = await mkdtemp(join(tmpdir(), 'dangke-drafted-'));
  try {
    await withBrowser(async (browser) => {
      for (const file of await articles()) {
        await t.test(basename(file), async () => {
          await checkDraftedDeck(file, browser, work);
        });
      }
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

async function checkDraftedDeck(file: string, browser: Browser, work: string): Promise<void> {
  const { text, format } = await readArticleFile(file);
  const article = parseArticle(text, format).value;
  const drafted = draftDeck(article).value;
  const source = readDeckMarkdown(writeDeckMarkdown(drafted), 'deck.md').value;
  const rendered = renderDeck(source).value;

  for (const slide of drafted.slides) {
    assert.ok(slide.notes.join('').trim().length > 0, `a ${slide.layout} slide has no notes`);
    for (const shown of slideTexts(slide)) {
      assert.ok(isBalanced(shown), `unbalanced quote or bracket on a slide: ${shown}`);
      assert.doesNotMatch(shown, /[，、；：（“《]$/u, `cut off mid-phrase: ${shown}`);
    }
  }

  assertSentencesInNotes(article, drafted.slides.flatMap((slide) => slide.notes).join(''));

  const { indexHtml } = await writeDeckSite(rendered, join(work, basename(file)));
  const overflowing = (await measureOverflow(browser, indexHtml)).filter((slide) => slide.overflowPx > 0);
  assert.deepEqual(overflowing, [], 'slides overflow their frame');
}

/** The texts a slide shows: titles, paragraphs, list items, quotes. */
function slideTexts(slide: DraftSlide): string[] {
  return slide.blocks.flatMap((block) =>
    block.kind === 'list'
      ? block.items.map((item) => item.map((run) => run.text).join(''))
      : block.kind === 'image'
        ? [block.alt]
        : [block.runs.map((run) => run.text).join('')],
  );
}
