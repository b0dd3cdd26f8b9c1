// Diagnostics found while rendering point at the line in the Markdown file (front matter included).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { renderDeck } from '../../src/render/index.ts';

const FILE = 'slides/字/文 章.md';

describe('render diagnostics and file lines', () => {
  it('an orphan .element comment is reported at its file line', () => {
    const text = [
      '---', // 1
      'title: T', // 2
      '---', // 3
      '# 一', // 4
      '---', // 5
      '<!-- .slide: class="x" -->', // 6
      '', // 7
      '<!-- .element: class="fragment" -->', // 8
      '', // 9
      '正文', // 10
      '<!-- .slide: data-timing="5" -->', // 11
      '', // 12
      '<!-- .element: class="ok" -->', // 13 (applies to 正文)
      '--', // 14
      'x', // 15
      '', // 16
      '- <!-- .element: bad"" -->', // 17
    ].join('\n');
    const read = readDeckMarkdown(text, FILE);
    assert.deepEqual(read.diagnostics, []);
    const { value, diagnostics } = renderDeck(read.value);
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.file, d.line]),
      [
        ['warning', FILE, 8],
        ['warning', FILE, 17],
      ],
    );
    assert.match(value.sectionsHtml, /<section class="x" data-timing="5">\n<p class="ok">正文<\/p>/);
  });
});
