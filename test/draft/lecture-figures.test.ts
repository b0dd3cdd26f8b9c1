// Issue 15's figures over real articles: drafted decks a lecturer keeps. No title on more than two content
// slides, "（续）" at most once in a row, no bullet leaning on a word that is not on the slide, every figure
// on a numbers slide labelled with a noun phrase, at least 30 s of script per content slide, and every
// sentence of the article in the notes, in order.

import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { draftDeck } from '../../src/draft/index.ts';
import { isRulesText } from '../../src/draft/rules-text.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { readArticleFile } from '../../src/read/read-article.ts';
import { EXAMPLE_ARTICLE, fixtureArticles } from '../helpers/articles.ts';
import { assertSentencesInNotes } from '../helpers/notes.ts';
import { lectureFigures } from './lecture-figures.ts';

/** The articles checked: the example and the project's fixture corpus (test/fixtures/articles). */
const ARTICLES = [EXAMPLE_ARTICLE, ...fixtureArticles()];

const MIN_SECONDS_PER_CONTENT_SLIDE = 30;

describe('drafted decks a lecturer keeps', () => {
  for (const file of ARTICLES) {
    it(basename(file), async () => {
      const { text, format } = await readArticleFile(file);
      const article = parseArticle(text, format).value;
      const deck = draftDeck(article).value;
      const figures = lectureFigures(deck);
      assert.ok(figures.mostRepeatedTitle.count <= 2, `title on ${figures.mostRepeatedTitle.count} content slides: ${figures.mostRepeatedTitle.title}`);
      assert.ok(figures.longestContinuedRun <= 1, `${figures.longestContinuedRun} slides in a row say （续）`);
      assert.deepEqual(figures.leaningBullets, [], 'bullets that lean on words not on the slide');
      assert.deepEqual(figures.danglingStatLabels, [], 'figures whose label is not a noun phrase');
      if (!isRulesText(article)) {
        assert.ok(
          figures.secondsPerContentSlide >= MIN_SECONDS_PER_CONTENT_SLIDE,
          `${figures.secondsPerContentSlide.toFixed(1)} s of script per content slide`,
        );
      }
      assertSentencesInNotes(article, deck.slides.flatMap((slide) => slide.notes).join('\n'));
    });
  }
});
