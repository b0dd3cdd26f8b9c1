import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RenderedDeck } from '../../src/deck/model.ts';
import { jsonForScript } from '../../src/page/html-escape.ts';
import { rawTextSafe, renderPageHtml } from '../../src/page/page.ts';
import { buildRevealConfig, type DeckRevealConfig } from '../../src/page/reveal-config.ts';
import { parseAspect } from '../../src/page/slide-size.ts';
import { themePreferences } from '../../src/page/theme-preferences.ts';

const OPTIONS = { scriptFile: 'assets/deck.js', cssFiles: ['assets/reveal.css', 'assets/theme.css'] };
const THEME = { name: 'dangzheng', css: ':root { --dangke-transition: fade; --dangke-display: flex; }' };

function deck(frontMatter: Partial<RenderedDeck['frontMatter']> = {}): RenderedDeck {
  return {
    frontMatter: { title: '“两学一做”学习教育', ...frontMatter },
    sectionsHtml: '<section class="cover"><h1>“两学一做”学习教育</h1></section>',
    slideCount: 1,
    sectionTitles: [],
  };
}

function configOf(html: string): DeckRevealConfig {
  const match = /<script type="application\/json" id="dangke-config">(.*?)<\/script>/s.exec(html);
  assert.ok(match?.[1], 'config script present');
  return JSON.parse(match[1]) as DeckRevealConfig;
}

test('renderPageHtml: doctype, lang, charset, title, slides, footer, scripts', () => {
  const html = renderPageHtml(deck({ organization: '党支部' }), THEME, OPTIONS);
  assert.ok(html.startsWith('<!doctype html>\n<html lang="zh-CN"'));
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(html, /<title>“两学一做”学习教育<\/title>/);
  assert.match(html, /<div class="reveal"><div class="slides">\n<section class="cover">/);
  assert.match(html, /<footer id="dangke-footer" class="dangke-footer" hidden><span class="dangke-footer-title">“两学一做”学习教育<\/span><span class="dangke-footer-org">党支部<\/span><\/footer>/);
  assert.match(html, /<link rel="stylesheet" href="assets\/reveal.css">\n<link rel="stylesheet" href="assets\/theme.css">/);
  assert.match(html, /<script src="assets\/deck.js"><\/script>\n<\/body>/);
  assert.match(html, /class="theme-dangzheng aspect-16x9"/);
});

test('renderPageHtml: title and footer are HTML-escaped', () => {
  const html = renderPageHtml(deck({ title: '<script>alert(1)</script> & “引号”', shortTitle: 'a"b' }), THEME, OPTIONS);
  assert.match(html, /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; “引号”<\/title>/);
  assert.match(html, /<span class="dangke-footer-title">a&quot;b<\/span>/);
  assert.doesNotMatch(html, /<script>alert/);
});

test('renderPageHtml: the config JSON cannot end its script element', () => {
  const html = renderPageHtml(deck({ title: '</script><script>alert(1)</script>' }), THEME, OPTIONS);
  assert.equal(html.match(/<\/script>/g)?.length, 2, 'only the two real script ends');
  assert.equal(jsonForScript({ a: '</script>' }), '{"a":"\\u003c/script\\u003e"}');
  assert.equal(JSON.parse(jsonForScript({ a: '</script>\u2028' })).a, '</script>\u2028');
});

test('renderPageHtml: reveal config for a 16:9 deck with a duration', () => {
  const config = configOf(renderPageHtml(deck({ duration: 20 }), THEME, OPTIONS));
  assert.deepEqual(config, {
    hash: true,
    slideNumber: 'c/t',
    width: 1280,
    height: 720,
    margin: 0.04,
    minScale: 0.2,
    maxScale: 2,
    center: false,
    display: 'flex',
    transition: 'fade',
    showNotes: false,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    totalTime: 1200,
  });
});

test('buildRevealConfig: aspect and duration table', () => {
  const prefs = themePreferences('');
  const cases: Array<[Partial<RenderedDeck['frontMatter']>, { width: number; height: number; totalTime?: number }]> = [
    [{}, { width: 1280, height: 720 }],
    [{ aspect: '16:9' }, { width: 1280, height: 720 }],
    [{ aspect: '4:3' }, { width: 960, height: 720 }],
    [{ aspect: '4 : 3' }, { width: 960, height: 720 }],
    [{ aspect: '3:2' }, { width: 1280, height: 720 }],
    [{ duration: 45 }, { width: 1280, height: 720, totalTime: 2700 }],
    [{ duration: 0 }, { width: 1280, height: 720 }],
    [{ duration: '20' as unknown as number }, { width: 1280, height: 720 }],
  ];
  for (const [frontMatter, expected] of cases) {
    const config = buildRevealConfig({ title: 't', ...frontMatter }, prefs);
    assert.deepEqual(
      { width: config.width, height: config.height, ...(config.totalTime === undefined ? {} : { totalTime: config.totalTime }) },
      expected,
      JSON.stringify(frontMatter),
    );
  }
  assert.equal(parseAspect('3:2'), undefined);
});

test('renderPageHtml: 4:3 decks get the aspect class', () => {
  assert.match(renderPageHtml(deck({ aspect: '4:3' }), THEME, OPTIONS), /class="theme-dangzheng aspect-4x3"/);
});

test('renderPageHtml: a CSP that forbids the network, and no http(s) URL anywhere', () => {
  const html = renderPageHtml(deck({ speaker: '主讲人', subtitle: '副标题' }), THEME, OPTIONS);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'unsafe-inline'/);
  assert.match(csp, /img-src 'self' data:/);
  assert.match(csp, /font-src 'self' data:/);
  assert.doesNotMatch(csp, /https?:|\*/);
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'), 'CSP before any resource');
  assert.doesNotMatch(html, /https?:\/\//);
});

test('renderPageHtml: pure (same input, same output)', () => {
  assert.equal(renderPageHtml(deck(), THEME, OPTIONS), renderPageHtml(deck(), THEME, OPTIONS));
});

test('renderPageHtml: inline script and styles (the single file); the fonts style is marked', () => {
  const html = renderPageHtml(deck(), THEME, {
    scriptText: 'var a = "</script><!--";',
    styles: [{ css: '.a{}' }, { css: '@font-face{}', fonts: true }, { href: 'x.css' }],
  });
  assert.match(html, /<style>\n\.a\{\}\n<\/style>\n<style data-dangke-fonts>\n@font-face\{\}\n<\/style>\n<link rel="stylesheet" href="x.css">/);
  assert.match(html, /<script>\nvar a = "<\\\/script><\\!--";\n<\/script>\n<\/body>/);
  assert.equal(html.match(/<\/script>/g)?.length, 2, 'the inlined text cannot end its script element');
});

test('rawTextSafe: closing tags and comment openers are neutralised, case-insensitively', () => {
  assert.equal(rawTextSafe('a</SCRIPT>b<!--c', 'script'), 'a<\\/SCRIPT>b<\\!--c');
  assert.equal(rawTextSafe('a</style>', 'style'), 'a<\\/style>');
  assert.equal(rawTextSafe('a</style>', 'script'), 'a</style>');
});
