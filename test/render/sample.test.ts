// The hand-made sample deck (test/fixtures/sample-deck: the team's sample of the quality the drafter aims
// at, for the example article) read and rendered end to end.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { renderDeck } from '../../src/render/index.ts';

const SAMPLE = fileURLToPath(new URL('../fixtures/sample-deck/liangxue-yizuo.sample.md', import.meta.url));

describe('the liangxue-yizuo sample deck', () => {
  const read = readDeckMarkdown(readFileSync(SAMPLE, 'utf8'), SAMPLE);
  const rendered = renderDeck(read.value);
  // Word breaks (<wbr>) have tests of their own (word-breaks.test.ts); these read the text without them.
  const html = rendered.value.sectionsHtml.replaceAll('<wbr>', '');
  const sections = html.split('</section>\n').filter(Boolean);

  it('reads without diagnostics and keeps the front matter', () => {
    assert.deepEqual(read.diagnostics, []);
    assert.deepEqual(rendered.diagnostics, []);
    assert.equal(rendered.value.frontMatter.title, '“两学一做”学习教育');
    assert.equal(rendered.value.frontMatter.date, '2026-11-27');
    assert.equal(rendered.value.frontMatter.duration, 20);
  });

  it('has one section per slide, the first one the cover', () => {
    // cover, agenda, timeline, quote, divider, points, stats, cards, closing, end
    assert.equal(rendered.value.slideCount, 10);
    assert.equal(sections.length, 10);
    assert.match(sections[0] ?? '', /^<section class="cover">/);
    assert.deepEqual(
      sections.map((section) => /^<section class="([^"]*)"/.exec(section)?.[1]),
      ['cover', 'agenda', 'timeline', 'quote', 'divider', 'points', 'stats', 'cards', 'closing', 'end'],
    );
  });

  it('has notes on every slide', () => {
    for (const [index, section] of sections.entries()) {
      assert.match(section, /<aside class="notes">\n<p>[^<]/, `slide ${index + 1} has no notes`);
    }
  });

  it('keeps timings as written and the from comments', () => {
    assert.match(sections[2] ?? '', /^<section class="timeline" data-timing="45">\n<!-- from: p1 p2 p14 -->\n/);
    assert.doesNotMatch(sections[0] ?? '', /data-timing/);
  });

  it('renders the quote and bold stats', () => {
    assert.match(sections[3] ?? '', /<blockquote>\n<p>部署“两学一做”学习教育，就是要推动/);
    assert.match(sections[6] ?? '', /<li><strong>25\.5万个<\/strong> 驻村工作队<\/li>/);
    assert.match(sections[5] ?? '', /以<strong>普通党员身份<\/strong>参加/);
  });

  it('lists the divider as a section title', () => {
    assert.deepEqual(rendered.value.sectionTitles, ['把全面从严治党落实到每个支部']);
  });
});
