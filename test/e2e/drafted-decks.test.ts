// Every drafted deck, for the example, the fixture articles (test/fixtures/articles) and the parser's small
// fixture files (shapes the drafter was not written against): rendered with the default theme in Chromium, no slide overflows its 16:9 frame,
// every content slide has notes, and every sentence of the article is in the notes in order.
// The decks are measured as `check` measures them (src/check/overflow.ts: the network guarded, the deck loaded
// and fitted, every slide measured), one after another in the same tab: a new tab's renderer costs 0.2–0.4 s
// to start, and there are some thirty decks.

import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { DraftSlide } from '../../src/deck/model.ts';
import { loadDeck, measureOverflowOnPage } from '../../src/check/overflow.ts';
import { closeTab, openTab } from '../../src/export/open-tab.ts';
import { guardNetwork } from '../../src/export/network-guard.ts';
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
import { withSharedBrowser } from '../helpers/browser.ts';

const PARSE_FIXTURES = fileURLToPath(new URL('../fixtures/parse/', import.meta.url));

async function articles(): Promise<string[]> {
  const fixtures = (await readdir(PARSE_FIXTURES)).filter((name) => /\.(txt|md)$/u.test(name)).map((name) => join(PARSE_FIXTURES, name));
  return [EXAMPLE_ARTICLE, ...fixtureArticles(), ...fixtures.sort()];
}

test('drafted decks fit, have notes, lose no sentence', async (t) => {
  const work = await mkdtemp(join(tmpdir(), 'dangke-drafted-'));
  try {
    await withSharedBrowser(async (browser) => {
      const page = await openTab(browser, { background: false });
      try {
        await guardNetwork(page);
        for (const file of await articles()) {
          await t.test(basename(file), async () => {
            await checkDraftedDeck(file, page, work);
          });
        }
      } finally {
        await closeTab(page);
      }
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

async function checkDraftedDeck(file: string, page: Page, work: string): Promise<void> {
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
  await loadDeck(page, indexHtml);
  const overflowing = (await measureOverflowOnPage(page)).filter((slide) => slide.overflowPx > 0);
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
