import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMarkdown } from '../../src/render/markdown.ts';

/** Body HTML without the word breaks, which word-breaks.test.ts checks. */
function render(markdown: string): string {
  return createMarkdown().render(markdown, { file: 'f.md', slideLine: 1, part: 'body', diagnostics: [] }).replaceAll('<wbr>', '');
}

describe('markdown-it configuration', () => {
  const cases: Array<[name: string, markdown: string, html: string]> = [
    ['bold next to full-width punctuation', '**合格，**党员', '<p><strong>合格，</strong>党员</p>\n'],
    ['bold after full-width punctuation', '做到“**四个合格**”。', '<p>做到“<strong>四个合格</strong>”。</p>\n'],
    ['soft break between Han characters', '中文第一行\n第二行', '<p>中文第一行第二行</p>\n'],
    ['soft break after full-width punctuation', '学习，\n做合格党员', '<p>学习，做合格党员</p>\n'],
    ['soft break between quotes and Han', '他说：\n“好”\n——记者', '<p>他说：“好”——记者</p>\n'],
    ['soft break through emphasis', '**重点**\n内容\n*强调*', '<p><strong>重点</strong>内容<em>强调</em></p>\n'],
    ['soft break between Latin words', 'hello\nworld', '<p>hello\nworld</p>\n'],
    ['soft break between Han and Latin', '学习\nPython', '<p>学习\nPython</p>\n'],
    ['soft break between Han and a digit', '选派\n25.5万个', '<p>选派\n25.5万个</p>\n'],
    ['soft break between Hangul words', '한국어\n문장', '<p>한국어\n문장</p>\n'],
    ['hard break is kept', '第一行  \n第二行', '<p>第一行<br>\n第二行</p>\n'],
    ['raw HTML passes through', '<div class="x">原样</div>\n', '<div class="x">原样</div>\n'],
    ['comments pass through', '<!-- from: p1 p2 -->\n\n# 一', '<!-- from: p1 p2 -->\n<h1>一</h1>\n'],
    ['no linkify', 'www.example.com', '<p>www.example.com</p>\n'],
    ['no typographer', '"quotes" -- (c)', '<p>&quot;quotes&quot; -- (c)</p>\n'],
    ['no breaks', 'a\nb', '<p>a\nb</p>\n'],
  ];
  for (const [name, markdown, html] of cases) {
    it(name, () => assert.equal(render(markdown), html));
  }
});
