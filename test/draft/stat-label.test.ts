// Numbers slides pair each figure with a label that reads as a noun phrase.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftDeck } from '../../src/draft/index.ts';
import { nounPhraseLabel } from '../../src/draft/layouts/stat-label.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { lectureFigures } from './lecture-figures.ts';

describe('figure labels', () => {
  it('cuts a label at the word that starts a predicate', () => {
    assert.equal(nounPhraseLabel('党员发展到'), '党员');
    assert.equal(nounPhraseLabel('驻村工作队'), '驻村工作队');
    assert.equal(nounPhraseLabel('第一书记和驻村干部'), '第一书记和驻村干部');
    assert.equal(nounPhraseLabel('到'), undefined);
  });

  it('drafts no numbers slide whose label ends in a verb or preposition', () => {
    const text = [
      '百年大党风华正茂',
      '',
      '一百年来，党员队伍由建党之初的50多名党员发展到今天的9500多万名党员，基层党组织达到490多万个，全国累计选派25.5万个驻村工作队。我们党始终保持旺盛生机活力。',
    ].join('\n');
    const deck = draftDeck(parseArticle(text, 'txt').value).value;
    const stats = deck.slides.filter((slide) => slide.layout === 'stats');
    assert.ok(stats.length > 0, 'the figures make a numbers slide');
    assert.deepEqual(lectureFigures(deck).danglingStatLabels, []);
  });
});
