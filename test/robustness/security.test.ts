// Issue 8, security: article text can never inject HTML, script or Markdown syntax into the deck; raw HTML the
// deck's own author writes in the Markdown keeps working; the exported PDFs carry no JavaScript.
// Through the real CLI: `draft` the hostile article, then `build` (with the PDF, in Chromium) and read back
// index.html and the PDFs.

import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, PDFString } from 'pdf-lib';
import { inflateSync } from 'node:zlib';
import { ExitCode } from '../../src/errors.ts';
import { skipWithoutBrowser } from '../helpers/browser.ts';
import { assertNoStack, assertWellFormedHtml, makeProject, markupOnly, runCli, type Project } from './helpers.ts';

/** Every line is something that would be markup if it reached the deck unescaped. */
const HOSTILE_LINES = [
  '<script>alert("文章里的脚本")</script>',
  '图片<img src=x onerror="alert(1)">标签',
  '<a href="javascript:alert(2)">点我</a>和[链接](javascript:alert(3))以及<javascript:alert(4)>',
  '<!-- .slide: class="cover" data-background-iframe="javascript:alert(5)" onclick="alert(6)" -->',
  '<!-- .element: class="fragment" onmouseover="alert(7)" -->',
  'Note: 文章里的一行，假装是讲稿开始。',
  '---',
  '--',
  '# 假标题',
  '**加粗** _斜体_ `代码` ![图](x.png) > 引用 | 表格 |',
  '<iframe src="https://example.com"></iframe><style>body{display:none}</style><svg onload="alert(8)"></svg>',
  '<div>没有闭合的标签，</section></div>',
  '&lt;已转义&gt; &amp; &#x3C;script&#x3E;',
];

const ARTICLE = [
  '<b>标题里的<script>alert(0)</script>标签</b>',
  '',
  '一、<em>第一部分</em>',
  '',
  ...HOSTILE_LINES.flatMap((line) => [`${line}坚持问题导向，把学习教育融入日常。`, '']),
  '二、第二部分',
  '',
  ...HOSTILE_LINES.map((line) => `第二部分也有：${line}。`),
].join('\n');

/** The page's own scripts: the JSON config and the bundle. Anything else is injected. */
const OUR_SCRIPT = /^<script (?:type="application\/json" id="dangke-config"|src="assets\/deck\.js")>$/;

describe('article text cannot inject markup into the deck', () => {
  let project: Project;
  let html = '';
  let markdown = '';
  let distDir = '';

  before(async () => {
    project = await makeProject();
    const article = join(project.root, 'articles', '注入 测试.txt');
    await writeFile(article, ARTICLE);
    const draft = await runCli(project.root, ['draft', article]);
    assert.equal(draft.code, ExitCode.ok, draft.stderr);
    markdown = await readFile(join(project.root, 'slides', '注入 测试.md'), 'utf8');
    const build = await runCli(project.root, ['build', join(project.root, 'slides', '注入 测试.md'), '--no-pdf', '--quiet']);
    assert.equal(build.code, ExitCode.ok, build.stderr);
    assertNoStack(build);
    distDir = join(project.root, 'dist', '注入 测试');
    html = await readFile(join(distDir, 'index.html'), 'utf8');
  });
  after(async () => {
    await project?.dispose();
  });

  it('the page is well-formed', () => {
    assertWellFormedHtml(html, 'hostile article');
  });

  it('no <script> other than ours, no <iframe>, <style>, <svg> or <img> from the article', () => {
    const markup = markupOnly(html);
    for (const tag of markup.match(/<script\b[^>]*>/gi) ?? []) assert.match(tag, OUR_SCRIPT);
    assert.equal((markup.match(/<script\b/gi) ?? []).length, 2);
    for (const element of ['iframe', 'style', 'svg', 'img', 'em', 'b']) {
      assert.doesNotMatch(markup, new RegExp(`<${element}[\\s>]`, 'i'), `<${element}> from the article`);
    }
  });

  it('no event-handler attribute and no javascript: URL anywhere in the markup', () => {
    const markup = markupOnly(html);
    const tags = markup.match(/<[A-Za-z][^>]*>/g) ?? [];
    for (const tag of tags) {
      assert.doesNotMatch(tag, /\son[a-z]+\s*=/i, `event handler in ${tag}`);
      assert.doesNotMatch(tag, /javascript:/i, `javascript: URL in ${tag}`);
    }
    assert.doesNotMatch(markup, /<a\s/i, 'no link from the article');
  });

  it('the article\'s `<!-- .slide: -->`, `Note:`, `---` and `#` lines are text, not slide structure', () => {
    // The drafter's own slide comments are the only ones; none carries the article's attributes.
    for (const comment of markdown.match(/<!--[\s\S]*?-->/g) ?? []) {
      assert.match(comment, /^<!-- (?:\.slide: class="[a-z -]+"(?: data-timing="\d+")? |from: [\w. -]+ )-->$/, comment);
    }
    assert.doesNotMatch(markupOnly(html), /data-background-iframe="/);
    const sections = markupOnly(html).match(/<section\b[^>]*>/g) ?? [];
    for (const tag of sections) assert.doesNotMatch(tag, /data-background|onclick/i, tag);
    // Each `Note:` line in the Markdown is the drafter's, alone on its line.
    for (const line of markdown.split('\n').filter((text) => /^\s*note:/i.test(text))) assert.equal(line, 'Note:');
    // A "# " line may become a heading of the article (the parser reads Markdown structure in articles, by
    // design), but its text stays text.
    for (const heading of markupOnly(html).match(/<h\d[^>]*>[\s\S]*?<\/h\d>/g) ?? []) {
      // <wbr> is the renderer's own line-break hint between words (render/word-breaks.ts), not article text.
      assert.doesNotMatch(heading.replace(/^<h\d[^>]*>|<\/h\d>$/g, '').replaceAll('<wbr>', ''), /<[a-z]/i, heading);
    }
  });

  it('the text appears escaped: what the article said is readable on the slides and in the notes', () => {
    assert.ok(html.includes('&lt;script&gt;alert(&quot;文章里的脚本&quot;)&lt;/script&gt;') || html.includes('&lt;script&gt;alert("文章里的脚本")&lt;/script&gt;'), 'the <script> line shows as text');
    assert.ok(html.includes('onerror=&quot;alert(1)&quot;') || html.includes('onerror="alert(1)"&gt;'), 'the onerror text is visible');
    // The parser keeps a Markdown link's text and drops its target (by design): "链接" stays, no <a>.
    assert.ok(html.replaceAll('<wbr>', '').includes('和链接'), 'the Markdown link text is kept');
    assert.ok(html.includes('Note: 文章里的一行'), 'the Note: line shows as text');
    assert.ok(html.includes('&amp;lt;已转义&amp;gt;'), 'entities in the article show as written');
  });
});

describe('raw HTML written by the deck author keeps working', () => {
  let project: Project;
  before(async () => {
    project = await makeProject();
  });
  after(async () => {
    await project?.dispose();
  });

  it('author HTML, .slide and .element comments reach the page as markup', async () => {
    const deck = join(project.root, 'slides', '作者 HTML.md');
    await writeFile(
      deck,
      [
        '---', 'title: 作者的 HTML', '---', '',
        '<!-- .slide: class="points" data-background-color="#fff" -->', '',
        '## 两栏', '',
        '<div class="two-col"><p>左栏</p><p>右栏</p></div>', '',
        '- 要点 <!-- .element: class="fragment" -->', '',
        '<span style="color: #c00">红字</span><br><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="图">', '',
        'Note:', '讲稿里的 <b>粗体</b>', '',
      ].join('\n'),
    );
    const run = await runCli(project.root, ['build', deck, '--no-pdf', '--quiet']);
    assert.equal(run.code, ExitCode.ok, run.stderr);
    const html = await readFile(join(project.root, 'dist', '作者 HTML', 'index.html'), 'utf8');
    assertWellFormedHtml(html, 'author HTML');
    assert.match(html, /<section class="points" data-background-color="#fff">/);
    assert.ok(html.includes('<div class="two-col"><p>左栏</p><p>右栏</p></div>'));
    assert.match(html, /<li class="fragment">要点<\/li>/);
    assert.ok(html.includes('<span style="color: #c00">红字</span><br><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="图">'));
    assert.match(html, /<aside class="notes">\n<p>讲稿里的 <b>粗体<\/b><\/p>/);
  });
});

/** Dictionary keys that make a PDF run or launch something. */
const ACTIVE_KEYS = ['JavaScript', 'JS', 'OpenAction', 'AA', 'Launch', 'SubmitForm', 'ImportData', 'RichMedia', 'EmbeddedFile'];

async function activeContent(bytes: Uint8Array): Promise<string[]> {
  const found: string[] = [];
  // Raw bytes first (uncompressed dictionaries), then every object pdf-lib can see, including those inside
  // compressed object streams.
  const latin1 = Buffer.from(bytes).toString('latin1');
  for (const key of ACTIVE_KEYS) if (new RegExp(`/${key}(?![A-Za-z])`).test(latin1)) found.push(`bytes: /${key}`);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const visit = (value: unknown, where: string): void => {
    if (value instanceof PDFDict || value instanceof PDFStream) {
      const dict = value instanceof PDFStream ? value.dict : value;
      for (const [key, inner] of dict.entries()) {
        const name = key.decodeText();
        if (ACTIVE_KEYS.includes(name)) found.push(`${where}: /${name}`);
        if (name === 'S' && inner instanceof PDFName && ['JavaScript', 'Launch'].includes(inner.decodeText())) found.push(`${where}: /S /${inner.decodeText()}`);
        visit(inner, where);
      }
    } else if (value instanceof PDFArray) {
      for (let index = 0; index < value.size(); index += 1) visit(value.get(index), where);
    }
  };
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    visit(object, ref.toString());
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Type'))?.toString() === '/ObjStm') {
      const text = Buffer.from(inflateSync(object.contents)).toString('latin1');
      for (const key of ACTIVE_KEYS) if (new RegExp(`/${key}(?![A-Za-z])`).test(text)) found.push(`${ref.toString()} object stream: /${key}`);
    }
  }
  return found;
}

describe('the exported PDFs carry no JavaScript', { skip: skipWithoutBrowser }, () => {
  it('the detector itself finds JavaScript, also inside compressed object streams', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const action = pdf.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
    pdf.catalog.set(PDFName.of('OpenAction'), pdf.context.register(action));
    const found = await activeContent(await pdf.save({ useObjectStreams: true }));
    assert.ok(found.some((entry) => entry.includes('/JS')), found.join('; '));
    assert.ok(found.some((entry) => entry.includes('/OpenAction')), found.join('; '));
  });

  it('slides.pdf (and every other PDF of the build) of a deck from a hostile article', async () => {
    const project = await makeProject();
    try {
      await writeFile(join(project.root, 'articles', '注入.txt'), ARTICLE);
      const run = await runCli(project.root, ['build', '--quiet']);
      assert.equal(run.code, ExitCode.ok, run.stderr);
      assertNoStack(run);
      const dist = join(project.root, 'dist', '注入');
      const pdfs = (await readdir(dist)).filter((name) => name.endsWith('.pdf'));
      assert.ok(pdfs.includes('slides.pdf'), `PDFs: ${pdfs.join(', ')}`);
      for (const name of pdfs) {
        const bytes = await readFile(join(dist, name));
        assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', `${name} is a PDF`);
        assert.deepEqual(await activeContent(bytes), [], `${name} has active content`);
      }
    } finally {
      await project.dispose();
    }
  });
});
