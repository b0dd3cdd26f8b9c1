import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RenderedDeck } from '../../src/deck/model.ts';
import { charactersUsed, distinctCharacters, FIXED_CHARACTERS } from '../../src/fonts/characters.ts';
import { decodeEntities, htmlText } from '../../src/fonts/html-text.ts';

function deck(sectionsHtml: string, frontMatter: Partial<RenderedDeck['frontMatter']> = {}): RenderedDeck {
  return { frontMatter: { title: '题', ...frontMatter }, sectionsHtml, slideCount: 1, sectionTitles: [] };
}

/** The characters beyond the fixed set and the default title, for readable expectations. */
function own(deckValue: RenderedDeck): string {
  const fixed = new Set([...FIXED_CHARACTERS, '题']);
  return [...charactersUsed(deckValue)].filter((char) => !fixed.has(char)).join('');
}

const htmlCases: Array<{ name: string; html: string; expected: string }> = [
  { name: 'tags stripped', html: '<section class="cover"><h1>党课</h1></section>', expected: '党课' },
  { name: 'attributes not included', html: '<section data-background="#a4000f" class="政治"><p title="标题">文</p></section>', expected: '文' },
  { name: 'quoted > inside an attribute', html: '<p data-x="a>b 脱贫">学</p>', expected: '学' },
  { name: 'comments dropped', html: '<!-- .slide: class="points" 注释 --><p>做</p>', expected: '做' },
  { name: 'named entities', html: '<p>&amp;&lt;&gt;&quot;&nbsp;&hellip;&middot;</p>', expected: '\u00a0' },
  { name: 'numeric entities, decimal and hex (一 is in the fixed set)', html: '<p>&#x4E00;&#20570;&#X5B66;&#x515A;</p>', expected: '做学党' },
  { name: 'notes included', html: '<section><h2>要</h2><aside class="notes"><p>讲稿</p></aside></section>', expected: '稿要讲' },
  { name: 'duplicates removed, sorted by code point', html: '<p>党党课课党</p>', expected: '党课' },
  { name: 'astral ideographs stay whole', html: '<p>𠀀党</p>', expected: '党𠀀' },
  { name: 'line breaks and tabs are not characters', html: '<p>党\n\t课\r</p>', expected: '党课' },
];

for (const c of htmlCases) {
  test(`charactersUsed: ${c.name}`, () => {
    assert.equal(own(deck(c.html)), distinctCharacters(c.expected));
  });
}

test('charactersUsed: the front matter the page shows is included, other keys are not', () => {
  const value = deck('', {
    title: '两学',
    subtitle: '一做',
    speaker: '王某',
    organization: '支部',
    date: '2026年',
    column: '专栏',
    shortTitle: '简称',
    theme: '主题不显示',
    source: '来源不显示',
    duration: 20,
  });
  assert.equal(own(value), distinctCharacters('两学做王某支部年专栏简称'));
});

test('charactersUsed: the fixed set (ASCII, cjk-decimal counters, punctuation) is always there', () => {
  const characters = charactersUsed(deck(''));
  for (const char of ' 09AZaz/~〇一九·“”，。、：（）／') assert.ok(characters.includes(char), `missing ${char}`);
  assert.doesNotMatch(characters, /[\u2e80-\u2fdf]/u, 'no radicals in the fixed set');
});

test('charactersUsed: extra characters, and the result is stable', () => {
  const value = deck('<p>党</p>');
  assert.ok(charactersUsed(value, '课').includes('课'));
  assert.equal(charactersUsed(value), charactersUsed(deck('<p>党</p>')));
  const codes = [...charactersUsed(value, '课𠀀')].map((char) => char.codePointAt(0) as number);
  assert.deepEqual(codes, [...codes].sort((a, b) => a - b));
  assert.equal(new Set(codes).size, codes.length);
});

test('decodeEntities: table', () => {
  const cases: Array<[string, string]> = [
    ['&amp;lt;', '&lt;'],
    ['&#x4e00;&#x4E00;', '一一'],
    ['&#19968;', '一'],
    ['&unknown;', '&unknown;'],
    ['&#xD800;&#0;&#x110000;', '\ufffd\ufffd\ufffd'],
    ['a & b', 'a & b'],
    ['&mdash;&ldquo;&rdquo;', '—“”'],
  ];
  for (const [input, expected] of cases) assert.equal(decodeEntities(input), expected, input);
});

test('htmlText: adjacent elements stay apart, text survives', () => {
  assert.equal(htmlText('<li>甲</li><li>乙</li>').replace(/\s+/g, '|'), '|甲|乙|');
});
