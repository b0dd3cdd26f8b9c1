import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { RenderEnv } from '../../src/render/env.ts';
import { createMarkdown } from '../../src/render/markdown.ts';

function render(markdown: string, part: RenderEnv['part'] = 'body'): { html: string; diagnostics: Diagnostic[] } {
  const env: RenderEnv = { file: 'f.md', slideLine: 10, part, diagnostics: [] };
  return { html: createMarkdown().render(markdown, env), diagnostics: env.diagnostics };
}

const F = '<!-- .element: class="fragment" -->';

describe('.element comments', () => {
  const cases: Array<[name: string, markdown: string, html: string]> = [
    ['list item, end of line', `- 一 ${F}\n- 二`, '<ul>\n<li class="fragment">一</li>\n<li>二</li>\n</ul>\n'],
    ['list item starting with bold', `- **2016年** 方案 ${F}`, '<ul>\n<li class="fragment"><strong>2016年</strong> 方案</li>\n</ul>\n'],
    ['paragraph, same line', `正文 ${F}`, '<p class="fragment">正文</p>\n'],
    ['paragraph, next line', `正文\n${F}`, '<p class="fragment">正文</p>\n'],
    ['paragraph, after a blank line', `正文\n\n${F}\n`, '<p class="fragment">正文</p>\n'],
    ['heading', `## 标题 ${F}`, '<h2 class="fragment">标题</h2>\n'],
    ['image', `![图](a.png) ${F}`, '<p><img src="a.png" alt="图" class="fragment"></p>\n'],
    ['bold right before it', `文字 **重点**${F}`, '<p>文字 <strong class="fragment">重点</strong></p>\n'],
    ['link', `[链接](https://x.cn) ${F}`, '<p><a href="https://x.cn" class="fragment">链接</a></p>\n'],
    ['inline code', `\`code\` ${F}`, '<p><code class="fragment">code</code></p>\n'],
    ['whole list', `- 一\n- 二\n\n${F}\n`, '<ul class="fragment">\n<li>一</li>\n<li>二</li>\n</ul>\n'],
    ['loose list item keeps its paragraph', `- 一 ${F}\n\n- 二`, '<ul>\n<li>\n<p class="fragment">一</p>\n</li>\n<li>\n<p>二</p>\n</li>\n</ul>\n'],
    ['first thing in a list item', `- ${F}\n  一`, '<ul>\n<li class="fragment">一</li>\n</ul>\n'],
    ['blockquote', `> 引文\n\n${F}\n`, '<blockquote class="fragment">\n<p>引文</p>\n</blockquote>\n'],
    ['code block', '```js\nx\n```\n' + F + '\n', '<pre><code class="fragment language-js">x\n</code></pre>\n'],
    ['skips plain comments before it', `正文\n\n<!-- from: p1 -->\n${F}\n`, '<p class="fragment">正文</p>\n<!-- from: p1 -->\n'],
    ['several attributes, classes merged', `正文 <!-- .element: class="a" data-fragment-index="2" -->\n<!-- .element: class="b a" -->`, '<p class="a b" data-fragment-index="2">正文</p>\n'],
    ['escapes values', `正文 <!-- .element: data-x='"><b>&' -->`, '<p data-x="&quot;&gt;&lt;b&gt;&amp;">正文</p>\n'],
    ['table cell', `| a |\n|---|\n| 格 ${F} |`, '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td class="fragment">格</td>\n</tr>\n</tbody>\n</table>\n'],
    ['other comments are untouched', '正文 <!-- note -->', '<p>正文 <!-- note --></p>\n'],
    ['inside code it is code', '`<!-- .element: class="x" -->`', '<p><code>&lt;!-- .element: class=&quot;x&quot; --&gt;</code></p>\n'],
  ];
  for (const [name, markdown, html] of cases) {
    it(name, () => {
      const result = render(markdown);
      assert.equal(result.html, html);
      assert.deepEqual(result.diagnostics, []);
    });
  }

  it('warns when nothing comes before it, at the file line', () => {
    const result = render(`\n\n${F}\n\n正文`);
    assert.equal(result.html, '<p>正文</p>\n');
    assert.deepEqual(result.diagnostics.map((d) => [d.severity, d.file, d.line]), [['warning', 'f.md', 12]]);
  });

  it('in notes, warns at the slide line', () => {
    const result = render(`${F}\n讲稿`, 'notes');
    assert.deepEqual(result.diagnostics.map((d) => [d.line, /（在备注中）/.test(d.message)]), [[10, true]]);
  });

  it('warns after raw HTML it cannot change', () => {
    const result = render(`<div>原样</div>\n\n${F}\n`);
    assert.equal(result.html, '<div>原样</div>\n');
    assert.equal(result.diagnostics.length, 1);
  });

  it('warns about what it cannot read but applies the rest', () => {
    const result = render('正文 <!-- .element: class="a" =oops -->');
    assert.equal(result.html, '<p class="a">正文</p>\n');
    assert.match(result.diagnostics[0]?.message ?? '', /=oops/);
  });
});
