import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderDeck } from '../../src/render/index.ts';
import { escapeAttribute } from '../../src/render/section.ts';
import { deck, FILE, slide } from './helpers.ts';

describe('renderDeck: sections', () => {
  it('renders one <section> per slide with its attributes and notes', () => {
    const { value, diagnostics } = renderDeck(
      deck(slide('# 一', { attributes: { class: 'cover', 'data-timing': '45' }, notes: '讲稿' })),
    );
    assert.equal(
      value.sectionsHtml,
      '<section class="cover" data-timing="45">\n<h1>一</h1>\n<aside class="notes">\n<p>讲稿</p>\n</aside>\n</section>\n',
    );
    assert.equal(value.slideCount, 1);
    assert.deepEqual(diagnostics, []);
  });

  it('nests vertical slides: an outer section around one per slide', () => {
    const parent = slide('# 二', { attributes: { class: 'p' }, vertical: [slide('# 二.1'), slide('# 二.2', { notes: 'n' })] });
    const { value } = renderDeck(deck(slide('# 一'), parent));
    assert.equal(
      value.sectionsHtml,
      [
        '<section>\n<h1>一</h1>\n</section>\n',
        '<section>\n',
        '<section class="p">\n<h1>二</h1>\n</section>\n',
        '<section>\n<h1>二.1</h1>\n</section>\n',
        '<section>\n<h1>二.2</h1>\n<aside class="notes">\n<p>n</p>\n</aside>\n</section>\n',
        '</section>\n',
      ].join(''),
    );
    assert.equal(value.slideCount, 4);
  });

  it('leaves data-timing out when the slide has none, and renders empty slides', () => {
    const { value } = renderDeck(deck(slide(''), slide('', { notes: '   ' })));
    assert.equal(value.sectionsHtml, '<section>\n</section>\n<section>\n</section>\n');
    assert.doesNotMatch(value.sectionsHtml, /data-timing|notes/);
  });

  it('keeps the front matter and renders an empty deck', () => {
    const { value } = renderDeck({ file: FILE, frontMatter: { title: 'T', duration: 20 }, slides: [] });
    assert.deepEqual(value, { frontMatter: { title: 'T', duration: 20 }, sectionsHtml: '', slideCount: 0, sectionTitles: [] });
  });

  it('escapes attribute values so they cannot leave the attribute', () => {
    const { value } = renderDeck(deck(slide('x', { attributes: { 'data-x': '"><script>alert(1)</script>&' } })));
    assert.match(value.sectionsHtml, /^<section data-x="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;&amp;">/);
    assert.doesNotMatch(value.sectionsHtml, /<script>/);
  });

  it('leaves out attribute names that are not valid, with a warning', () => {
    const { value, diagnostics } = renderDeck(
      deck(slide('x', { line: 7, attributes: { 'a"><b': '1', 'on click': '2', class: 'ok' } })),
    );
    assert.match(value.sectionsHtml, /^<section class="ok">/);
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.file, d.line]),
      [
        ['warning', FILE, 7],
        ['warning', FILE, 7],
      ],
    );
  });

  it('escapeAttribute escapes &, ", < and >', () => {
    assert.equal(escapeAttribute(`a&b"c<d>e'f`), `a&amp;b&quot;c&lt;d&gt;e'f`);
  });
});

describe('renderDeck: section titles', () => {
  it('takes the first h1 text of every divider slide, vertical ones included, in order', () => {
    const { value } = renderDeck(
      deck(
        slide('# 封面', { attributes: { class: 'cover' } }),
        slide('## 第一部分\n\n# 把**全面从严治党**落实\n\n# 第二个 h1', { attributes: { class: 'divider' } }),
        slide('# 正文', {
          vertical: [slide('# `代码`与<span>HTML</span>', { attributes: { class: 'dark divider' } })],
        }),
        slide('## 只有 h2', { attributes: { class: 'divider' } }),
        slide('# 不是分节', { attributes: { class: 'dividers' } }),
      ),
    );
    assert.deepEqual(value.sectionTitles, ['把全面从严治党落实', '代码与HTML']);
  });

  it('joins a heading broken over CJK lines without a space', () => {
    const { value } = renderDeck(deck(slide('第一\n部分\n===', { attributes: { class: 'divider' } })));
    assert.deepEqual(value.sectionTitles, ['第一部分']);
  });
});
