// Issue 15's figures over real articles: drafted decks a lecturer keeps. No title on more than two content
// slides, "（续）" at most once in a row, no bullet leaning on a word that is not on the slide or ending before
// its clause does (…党支部中), every figure on a numbers slide labelled with a noun phrase, at least 30 s of
// script per content slide (a rules text: one or two slides a chapter, bullets with article numbers), and every
// sentence of the article in the notes, in order.

import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { draftDeck } from '../../src/draft/index.ts';
import { allParagraphs, isRulesText } from '../../src/draft/rules-text.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { readArticleFile } from '../../src/read/read-article.ts';
import { EXAMPLE_ARTICLE, fixtureArticles } from '../helpers/articles.ts';
import { assertSentencesInNotes } from '../helpers/notes.ts';
import { CONTENT_LAYOUTS, CONTINUED, lectureFigures, slideTitle } from './lecture-figures.ts';

/** The articles checked: the example and the project's fixture corpus (test/fixtures/articles). */
const ARTICLES = [EXAMPLE_ARTICLE, ...fixtureArticles()];

const MIN_SECONDS_PER_CONTENT_SLIDE = 30;
/** Titles aim at one line of the title band; a run-in head (第一，… 一是…) may take two. */
const TITLE_AIM = 18;
const MAX_TITLE = 20;
const MAX_RUN_IN_TITLE = 26;
const RUN_IN_TITLE = /^(第[一二三四五六七八九十]+|[一二三四五六七八九十]是|首先|其次|再次|最后|其[一二三四五六七八九十])/u;
/** Share of content titles over the corpus at most TITLE_AIM long (measured 92 % before shortening, 98 % after). */
const MIN_SHARE_AT_AIM = 0.95;

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
      assert.deepEqual(figures.danglingBullets, [], 'bullets that end before their clause does');
      assert.deepEqual(figures.frameTitles, [], 'titles that say when or where, not what');
      assert.deepEqual(figures.danglingStatLabels, [], 'figures whose label is not a noun phrase');
      if (!isRulesText(article)) {
        assert.ok(
          figures.secondsPerContentSlide >= MIN_SECONDS_PER_CONTENT_SLIDE,
          `${figures.secondsPerContentSlide.toFixed(1)} s of script per content slide`,
        );
      } else {
        // A rules text: one or two slides a chapter, each bullet a duty with its article number.
        const content = deck.slides.filter((slide) => CONTENT_LAYOUTS.has(slide.layout));
        for (const section of article.sections) {
          const count = content.filter((slide) => slide.from.some((id) => allParagraphs(section).some((paragraph) => paragraph.id === id))).length;
          assert.ok(count >= 1 && count <= 2, `${section.heading}: ${count} content slides`);
        }
        const bullets = content.flatMap((slide) => slide.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => item.map((run) => run.text).join('')) : [])));
        assert.ok(bullets.length >= article.sections.length, `${bullets.length} bullets for ${article.sections.length} chapters`);
        for (const bullet of bullets) assert.match(bullet, /^第[一二三四五六七八九十百]+条 \S/u);
      }
      assertSentencesInNotes(article, deck.slides.flatMap((slide) => slide.notes).join('\n'));
    });
  }

  it('titles aim at one line: none longer than two, nearly all at most 18 characters', async () => {
    const titles: string[] = [];
    for (const file of ARTICLES) {
      const { text, format } = await readArticleFile(file);
      const deck = draftDeck(parseArticle(text, format).value).value;
      titles.push(...deck.slides.filter((slide) => CONTENT_LAYOUTS.has(slide.layout)).map(slideTitle).filter((title) => title !== ''));
    }
    const base = (title: string): string => (title.endsWith(CONTINUED) ? title.slice(0, -CONTINUED.length) : title);
    const tooLong = titles.filter((title) => [...base(title)].length > (RUN_IN_TITLE.test(title) ? MAX_RUN_IN_TITLE : MAX_TITLE));
    assert.deepEqual(tooLong, [], 'titles longer than the title band');
    const atAim = titles.filter((title) => [...base(title)].length <= TITLE_AIM).length / titles.length;
    assert.ok(atAim >= MIN_SHARE_AT_AIM, `${(atAim * 100).toFixed(1)} % of ${titles.length} titles at most ${TITLE_AIM} characters`);
  });
});
