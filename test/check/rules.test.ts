// Each lint rule on a deck made to break it, asserting the rule, the severity and the file:line reported.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileLines, slidesInOrder, type ImageProbe, type RuleContext } from '../../src/check/context.ts';
import { imageReferences } from '../../src/check/image-references.ts';
import { lintDeck, RULES } from '../../src/check/rules/index.ts';
import { missingImages } from '../../src/check/rules/images.ts';
import { unknownLayout } from '../../src/check/rules/layout-class.ts';
import { missingGlyphs } from '../../src/check/rules/missing-glyphs.ts';
import { missingNotes } from '../../src/check/rules/missing-notes.ts';
import { notesTooLong, spokenLength } from '../../src/check/rules/notes-timing.ts';
import { themeKeyLine } from '../../src/check/theme-place.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';

const FILE = 'slides/字 测.md';

function context(text: string, options: { images?: Record<string, ImageProbe>; lacking?: string } = {}): RuleContext {
  const deck = readDeckMarkdown(text, FILE).value;
  const lacking = new Set([...(options.lacking ?? '')].map((char) => char.codePointAt(0)));
  return {
    deck,
    file: FILE,
    deckDir: '/deck',
    slides: slidesInOrder(deck),
    lines: fileLines(text),
    probeImage: (path) => options.images?.[path] ?? 'ok',
    fontHas: (code) => !lacking.has(code),
  };
}

/** A deck whose every slide passes every rule; cases below break one thing each. */
const GOOD = `---
title: 测试
---

<!-- .slide: class="cover" data-timing="10" -->

# 封面

Note:
同志们好。

---

<!-- .slide: class="points two-columns" data-timing="20" -->

## 要点

![图](images/a.png)

Note:
讲稿。
`;

describe('check rules', () => {
  it('find nothing on a healthy deck', () => {
    assert.deepEqual(lintDeck(context(GOOD)), []);
  });

  it('missing-notes: a slide without notes, at its line', () => {
    const text = `---\ntitle: 测试\n---\n\n## 第一张\n\nNote:\n讲稿\n\n---\n\n## 没有备注\n\n- 要点\n`;
    const found = missingNotes.check(context(text));
    assert.deepEqual(found.map((d) => [d.rule, d.severity, d.file, d.line, d.slide]), [['missing-notes', 'warning', FILE, 12, 2]]);
  });

  it('missing-notes: vertical slides are counted in reading order', () => {
    const text = `---\ntitle: 测试\n---\n\n## 一\n\nNote:\n讲\n\n--\n\n## 一之下\n\n---\n\n## 二\n\nNote:\n讲\n`;
    const found = missingNotes.check(context(text));
    assert.deepEqual(found.map((d) => [d.line, d.slide]), [[12, 2]]);
  });

  it('notes-timing: notes far longer than data-timing allows', () => {
    const long = '这是一句很长的讲稿。'.repeat(30); // 300 characters: about 82 s at 220 a minute
    const text = `---\ntitle: 测试\n---\n\n<!-- .slide: class="points" data-timing="20" -->\n\n## 太长\n\nNote:\n${long}\n`;
    const [found, ...rest] = notesTooLong.check(context(text));
    assert.equal(rest.length, 0);
    assert.equal(found?.rule, 'notes-timing');
    assert.equal(found?.line, 7);
    assert.match(found?.message ?? '', /300 字.*82 秒.*20 秒/);
  });

  it('notes-timing: notes that fit, or a slide without data-timing, pass', () => {
    const fits = `---\ntitle: 测试\n---\n\n<!-- .slide: data-timing="60" -->\n\n## 合适\n\nNote:\n${'讲'.repeat(300)}\n`;
    assert.deepEqual(notesTooLong.check(context(fits)), []);
    const untimed = `---\ntitle: 测试\n---\n\n## 无计时\n\nNote:\n${'讲'.repeat(3000)}\n`;
    assert.deepEqual(notesTooLong.check(context(untimed)), []);
    assert.equal(spokenLength('- **要点**一\n- 要点 二'), 6);
  });

  it('unknown-layout: a class the theme does not know, at the slide', () => {
    const text = `---\ntitle: 测试\n---\n\n<!-- .slide: class="cover" -->\n\n# 封面\n\n---\n\n<!-- .slide: class="piont two-columns" -->\n\n## 要点\n`;
    const found = unknownLayout.check(context(text));
    assert.deepEqual(found.map((d) => [d.rule, d.severity, d.line, d.slide]), [['unknown-layout', 'warning', 13, 2]]);
    assert.match(found[0]!.message, /piont/);
  });

  it('missing-image: an image file that is missing or unreadable is an error at its own line, with the path', () => {
    const text = `---\ntitle: 测试\n---\n\n## 图\n\n文字\n\n![示意](images/没有%20这张.png)\n\n<img src="images/b.png">\n`;
    const found = missingImages.check(
      context(text, { images: { '/deck/images/没有 这张.png': 'missing', '/deck/images/b.png': 'unreadable' } }),
    );
    assert.deepEqual(found.map((d) => [d.rule, d.severity, d.line]), [
      ['missing-image', 'error', 9],
      ['missing-image', 'error', 11],
    ]);
    assert.match(found[0]!.message, /找不到图片文件 images\/没有 这张\.png/);
    assert.match(found[1]!.message, /无法读取/);
  });

  it('missing-image: a background image and a remote image', () => {
    const text = `---\ntitle: 测试\n---\n\n<!-- .slide: data-background-image="bg.jpg" -->\n\n## 背景\n\n![远程](https://example.com/a.png)\n`;
    const found = missingImages.check(context(text, { images: { '/deck/bg.jpg': 'missing' } }));
    assert.deepEqual(found.map((d) => [d.severity, d.line]), [
      ['error', 5],
      ['warning', 9],
    ]);
  });

  it('imageReferences finds every image with its line and slide', () => {
    const text = `---\ntitle: 测试\n---\n\n## 一\n\n![a](a.png) 和 ![b](sub/b.png)\n\n---\n\n## 二\n\n<p><img alt="c" src='c.svg'></p>\n`;
    const deck = readDeckMarkdown(text, FILE).value;
    assert.deepEqual(
      imageReferences(deck, fileLines(text)).map((ref) => [ref.local, ref.line, ref.slide]),
      [
        ['a.png', 7, 1],
        ['sub/b.png', 7, 1],
        ['c.svg', 13, 2],
      ],
    );
  });

  it('missing-glyph: characters the fonts lack, at the line they are on', () => {
    const text = `---\ntitle: 测试\n---\n\n## 标题\n\n- 庆祝🎉\n\nNote:\n讲稿里有𪚥字。\n`;
    const found = missingGlyphs.check(context(text, { lacking: '🎉𪚥' }));
    assert.deepEqual(found.map((d) => [d.rule, d.severity, d.line]), [
      ['missing-glyph', 'warning', 7],
      ['missing-glyph', 'warning', 10],
    ]);
    assert.match(found[0]!.message, /U\+1F389/);
    assert.match(found[1]!.message, /U\+2A6A5/);
  });

  it('every rule has a distinct name', () => {
    assert.equal(new Set(RULES.map((rule) => rule.name)).size, RULES.length);
  });

  it('themeKeyLine finds the theme: key in the front matter', () => {
    assert.deepEqual(themeKeyLine('---\ntitle: 测试\ntheme: "nope"\n---\n\n## 一\n'), { theme: 'nope', line: 3 });
    assert.equal(themeKeyLine('## 一\n\ntheme: x\n'), undefined);
  });
});
