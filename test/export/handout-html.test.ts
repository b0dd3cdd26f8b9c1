// The handout page: one sheet per printed page, "第 N 页 / 共 M 页" in each footer, a frame per slide,
// notes beside it, ruled lines in the 3-up layout, text escaped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { handoutHtml } from '../../src/export/handout-html.ts';
import { handoutLayout } from '../../src/export/handout-layout.ts';

const slides = Array.from({ length: 7 }, (_, index) => ({ number: index + 1, notesHtml: `<p>第${index + 1}张的讲稿</p>` }));

for (const perPage of [1, 2, 3] as const) {
  test(`handoutHtml ${perPage} per page: sheets, footers, frames, notes`, () => {
    const html = handoutHtml({ title: '“两学一做”<学习>', headerNote: '讲义 · 党支部', layout: handoutLayout(perPage, 1280, 720), slides, cssFiles: ['../assets/fonts.css'] });
    const pages = Math.ceil(7 / perPage);
    assert.equal(html.match(/<section class="sheet">/g)?.length, pages);
    for (let page = 1; page <= pages; page++) assert.ok(html.includes(`第 ${page} 页 / 共 ${pages} 页`), `footer of page ${page}`);
    assert.equal(html.match(/class="frame"/g)?.length, 7);
    for (const slide of slides) assert.ok(html.includes(slide.notesHtml));
    assert.ok(html.includes('“两学一做”&lt;学习&gt;'));
    assert.ok(!html.includes('<学习>'));
    assert.ok(html.includes('<link rel="stylesheet" href="../assets/fonts.css">'));
    assert.equal(html.includes('class="lines"'), perPage === 3);
    assert.match(html, /<html lang="zh-CN">/);
  });
}
