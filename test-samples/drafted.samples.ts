// The sample articles drafted into decks: every slide has notes and no sentence of the article is lost from
// the notes. (The fixture articles get the full check, rendering included, in test/e2e/drafted-decks.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { draftDeck } from '../src/draft/index.ts';
import { assertSentencesInNotes } from '../test/helpers/notes.ts';
import { parseFile } from '../test/helpers/structure.ts';
import { SAMPLE_ARTICLES_DIR } from './where.ts';

const samples = readdirSync(SAMPLE_ARTICLES_DIR).filter((name) => /\.(txt|md)$/u.test(name) && name !== 'README.md').sort();

for (const name of samples) {
  test(`${name}: the drafted deck has notes on every slide and loses no sentence`, () => {
    const article = parseFile(`${SAMPLE_ARTICLES_DIR}/${name}`);
    const deck = draftDeck(article).value;
    for (const slide of deck.slides) assert.ok(slide.notes.join('').trim().length > 0, `a ${slide.layout} slide has no notes`);
    assertSentencesInNotes(article, deck.slides.flatMap((slide) => slide.notes).join(''));
  });
}
