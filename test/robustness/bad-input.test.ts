// Issue 8, "bad input": every case goes through the real CLI function main() with captured output, in a
// project folder whose path has Chinese characters and a space. Each answer is either a clear message with
// a documented exit code (README, "退出码": 3 for input the user must fix), with no stack trace and a
// 提示 line saying what to do, or a sensible deck whose index.html is well-formed.
//
// Invalid UTF-8, decided: bytes that are valid GB18030 (and do not look like UTF-8) are read as GB18030,
// the encoding of older Chinese tools; UTF-8 with a few damaged bytes (a file cut off mid-character, a byte
// lost in a copy) is refused with exit 3 naming the line, because read as GB18030 it would silently turn
// into garbled characters; bytes that are neither are refused with exit 3.

import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExitCode } from '../../src/errors.ts';
import { encodeGb18030 } from '../read/gb18030.ts';
import { assertNoStack, assertUserError, assertWellFormedHtml, makeProject, runCli, type CliRun, type Project } from './helpers.ts';

/** Upper bounds that still fail a real slowdown (say, quadratic work) on a loaded 2-core machine. */
const TEN_MB_DRAFT_BUDGET_MS = 90_000;
const THOUSAND_SLIDES_BUILD_BUDGET_MS = 30_000;

let project: Project;
let root: string;

before(async () => {
  project = await makeProject();
  root = project.root;
});
after(async () => {
  await project?.dispose();
});

async function article(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(root, 'articles', name);
  await writeFile(path, content);
  return path;
}

async function deck(name: string, content: string): Promise<string> {
  const path = join(root, 'slides', name);
  await writeFile(path, content);
  return path;
}

/** draft then build --no-pdf: both succeed, the page is well-formed; returns the Markdown and the HTML. */
async function draftAndBuild(name: string, content: string | Uint8Array): Promise<{ markdown: string; html: string; draft: CliRun; build: CliRun }> {
  const source = await article(name, content);
  const stem = name.replace(/\.[^.]+$/, '');
  const draft = await runCli(root, ['draft', source, '--force']);
  assert.equal(draft.code, ExitCode.ok, draft.stderr);
  assertNoStack(draft);
  const markdownPath = join(root, 'slides', `${stem}.md`);
  const build = await runCli(root, ['build', markdownPath, '--no-pdf', '--quiet']);
  assert.equal(build.code, ExitCode.ok, build.stderr);
  assertNoStack(build);
  const html = await readFile(join(root, 'dist', stem, 'index.html'), 'utf8');
  assertWellFormedHtml(html, name);
  return { markdown: await readFile(markdownPath, 'utf8'), html: withoutWordBreaks(html), draft, build };
}

/** build --no-pdf of one deck; returns the run and, when it succeeded, the page. */
async function buildDeck(name: string, content: string): Promise<{ run: CliRun; html: string }> {
  const path = await deck(name, content);
  const run = await runCli(root, ['build', path, '--no-pdf']);
  assertNoStack(run, name);
  if (run.code !== ExitCode.ok) return { run, html: '' };
  const html = await readFile(join(root, 'dist', name.replace(/\.md$/, ''), 'index.html'), 'utf8');
  assertWellFormedHtml(html, name);
  return { run, html: withoutWordBreaks(html) };
}

/** Slide text carries <wbr> between words (src/render/word-breaks.ts); these tests read the words. */
function withoutWordBreaks(html: string): string {
  return html.replaceAll('<wbr>', '');
}

function sectionCount(html: string): number {
  return html.match(/<section[\s>]/g)?.length ?? 0;
}

describe('bad articles: a clear refusal (exit 3) or a sensible deck', () => {
  it('an empty file is refused: exit 3, says it is empty and what to do', async () => {
    const run = await runCli(root, ['draft', await article('空 文章.txt', '')]);
    assertUserError(run, ExitCode.input, /空 文章\.txt.*是空的/);
  });

  it('a whitespace-only file (spaces, ideographic spaces, tabs, blank lines) is refused the same way', async () => {
    const run = await runCli(root, ['draft', await article('空白.txt', ' \n\u3000\u3000\t\n\r\n  \n')]);
    assertUserError(run, ExitCode.input, /空白\.txt.*是空的/);
  });

  it('a PNG renamed .txt is refused: exit 3, says it looks like a PNG image', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
    const run = await runCli(root, ['draft', await article('图片.txt', png)]);
    assertUserError(run, ExitCode.input, /图片\.txt.*PNG 图片/);
  });

  it('invalid UTF-8 that is GB18030 (GBK) is read as GB18030: the deck has the Chinese text', async () => {
    const { bytes, unencodable } = encodeGb18030('两学一做学习教育\n\n坚持问题导向，把学习教育融入日常、抓在经常。\n');
    assert.deepEqual(unencodable, []);
    const { markdown, html } = await draftAndBuild('国标 编码.txt', bytes);
    assert.match(markdown, /两学一做学习教育/);
    assert.match(html, /融入日常、抓在经常/);
  });

  it('UTF-8 cut off in the middle of a character is refused (not read as garbled GB18030): exit 3', async () => {
    const whole = Buffer.from('两学一做学习教育\n\n坚持问题导向，把学习教育融入日常、抓在经常。\n'.repeat(3));
    const run = await runCli(root, ['draft', await article('截断.txt', whole.subarray(0, whole.length - 3))]);
    assertUserError(run, ExitCode.input, /截断\.txt.*UTF-8.*在一个字符的中间/);
  });

  it('UTF-8 with one damaged byte is refused, naming the line: exit 3', async () => {
    const text = Buffer.from('两学一做学习教育\n\n坚持问题导向。\n把学习教育融入日常、抓在经常。\n');
    const at = text.indexOf(Buffer.from('融入'));
    const damaged = Buffer.concat([text.subarray(0, at + 1), text.subarray(at + 2)]);
    const run = await runCli(root, ['draft', await article('损坏.txt', damaged)]);
    assertUserError(run, ExitCode.input, /损坏\.txt.*损坏的字节.*第 4 行/);
  });

  it('bytes that are neither UTF-8 nor GB18030 are refused: exit 3, says to save as UTF-8', async () => {
    const latin1 = Buffer.from('caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9\n', 'latin1');
    const run = await runCli(root, ['draft', await article('拉丁.txt', latin1)]);
    assertUserError(run, ExitCode.input, /拉丁\.txt.*既不是有效的 UTF-8 文本，也不是有效的 GB18030/);
    assert.match(run.stderr, /另存为 UTF-8/);
  });

  it('a missing article is refused: exit 3, names the path', async () => {
    const run = await runCli(root, ['draft', join(root, 'articles', '不存在 的.txt')]);
    assertUserError(run, ExitCode.input, /不存在 的\.txt.*找不到这个文件/);
  });

  it('a 10 MB article is refused at once, saying the limit (5 MB)', async () => {
    const source = await article('十兆 文章.txt', '坚持问题导向。'.repeat(Math.ceil((10 * 1024 * 1024) / 21)));
    const run = await runCli(root, ['draft', source]);
    assertUserError(run, ExitCode.input, /十兆 文章\.txt.*5 MB/);
  });

  it('a 4.5 MB article (just under the limit) drafts in bounded time (draft only, no browser)', async () => {
    const paragraph = '坚持问题导向，把学习教育融入日常、抓在经常，推动全面从严治党向基层延伸。党员干部要带头学习，带头示范。'.repeat(3);
    const parts = ['十兆字节的文章'];
    let size = 0;
    for (let index = 0; size < 4.5 * 1024 * 1024; index += 1) {
      const part = (index % 40 === 0 ? `\n\n## 第${index}部分\n\n` : '\n\n') + paragraph;
      parts.push(part);
      size += Buffer.byteLength(part);
    }
    const source = await article('十兆 文章.txt', parts.join(''));
    assert.ok((await stat(source)).size >= 4.5 * 1024 * 1024);
    const run = await runCli(root, ['draft', source]);
    assert.equal(run.code, ExitCode.ok, run.stderr);
    assertNoStack(run);
    // Measured on the 2-core test machine under load: about 12–18 s.
    assert.ok(run.ms < TEN_MB_DRAFT_BUDGET_MS, `draft of 4.5 MB took ${Math.round(run.ms)} ms`);
    const drafted = await stat(join(root, 'slides', '十兆 文章.md'));
    assert.ok(drafted.size > 4.5 * 1024 * 1024, 'the deck keeps the text (in its notes)');
    process.stdout.write(`# 4.5 MB article: draft took ${Math.round(run.ms)} ms\n`);
  });

  it('one paragraph of 50,000 characters: a deck, and every sentence is in it', async () => {
    const sentences = Array.from({ length: 4200 }, (_, index) => `第${index}句学习教育内容。`);
    const paragraph = sentences.join('').slice(0, 50_000);
    assert.equal(paragraph.length, 50_000);
    const { markdown, html } = await draftAndBuild('长 段落.txt', `长段落\n\n${paragraph}\n`);
    for (const index of [0, 2000, 3700]) assert.ok(markdown.includes(`第${index}句学习教育内容`), `sentence ${index} lost`);
    assert.ok(sectionCount(html) > 3);
  });

  it('500 headings: a deck with a divider and content for each, well-formed', async () => {
    const text = ['五百个标题', ...Array.from({ length: 500 }, (_, index) => `## 第${index + 1}部分\n\n第${index + 1}部分的内容，坚持学习。`)].join('\n\n');
    const { html } = await draftAndBuild('五百 标题.md', text);
    assert.ok(sectionCount(html) >= 1000, `${sectionCount(html)} sections`);
    assert.match(html, /第500部分/);
  });

  it('no headings: a deck', async () => {
    const { html } = await draftAndBuild('无标题.txt', '这是一段没有标题的文章。坚持学习。\n\n第二段内容，继续学习。\n');
    assert.match(html, /继续学习/);
  });

  it('only headings: a deck', async () => {
    const { html } = await draftAndBuild('只有 标题.md', '# 总标题\n\n## 一、第一部分\n\n## 二、第二部分\n\n### （一）小标题\n');
    assert.match(html, /总标题/);
  });

  it('a title only: a deck with a cover', async () => {
    const { markdown, html } = await draftAndBuild('只有题目.txt', '只有一个题目\n');
    assert.match(markdown, /^title: "只有一个题目"$/m);
    assert.match(html, /只有一个题目/);
  });

  it('emoji, rare CJK extension characters (𠀀 U+20000, 𪚥) and RTL text (Arabic, Hebrew) survive into the page', async () => {
    const text = '表情与罕见字😀👨‍👩‍👧\n\n𠀀和𪚥都是罕见字。阿拉伯文：مرحبا بالعالم。希伯来文：שלום עולם。方向控制符\u202e反转\u202c结束。\n';
    const { markdown, html } = await draftAndBuild('特殊 字符.txt', text);
    for (const sample of ['😀', '👨‍👩‍👧', '𠀀', '𪚥', 'مرحبا بالعالم', 'שלום עולם']) {
      assert.ok(markdown.includes(sample), `Markdown lost ${sample}`);
      assert.ok(html.includes(sample), `page lost ${sample}`);
    }
  });

  it('file names with spaces, Chinese and brackets: `build` drafts and builds them', async () => {
    // A project of its own: `build` with no arguments drafts every article in articles/.
    const own = await makeProject();
    try {
      await writeFile(join(own.root, 'articles', '学习 文章 (一)【终稿】.txt'), '学习文章\n\n坚持问题导向，把学习教育融入日常。\n');
      const run = await runCli(own.root, ['build', '--no-pdf', '--quiet']);
      assert.equal(run.code, ExitCode.ok, run.stderr);
      assertNoStack(run);
      const html = await readFile(join(own.root, 'dist', '学习 文章 (一)【终稿】', 'index.html'), 'utf8');
      assertWellFormedHtml(html, 'spaced name');
      assert.match(withoutWordBreaks(html), /融入日常/);
    } finally {
      await own.dispose();
    }
  });
});

describe('bad decks (build --no-pdf): a clear refusal (exit 3) or a well-formed page', () => {
  it('unclosed and stray HTML stays inside its slide: the page is well-formed, with a warning', async () => {
    const { run, html } = await buildDeck(
      '未闭合.md',
      '---\ntitle: 未闭合\n---\n\n# 一 <div><span>未闭合\n\n<b>粗\n\n---\n\n' +
        '<section>坏</section></section><table><tr><td>格\n\n---\n\n</div></div></aside>\n\n---\n\n' +
        '<!-- 注释没有结束\n\n---\n\n<span title="引号没有结束>文字\n\n---\n\n<script>没有结束\n\n---\n\n最后一张\n',
    );
    assert.equal(run.code, ExitCode.ok, run.stderr);
    assert.match(run.stderr, /警告：幻灯片中直接写的 HTML/);
    // reveal.js's containers and our script come after all the slides, intact.
    assert.match(html, /<div class="slides">[\s\S]*最后一张[\s\S]*<\/div><\/div>\n[\s\S]*<script src="assets\/deck\.js"><\/script>/);
  });

  it('a `Note:` with no slide before it: the notes become a slide\'s notes, exit 0', async () => {
    const { run, html } = await buildDeck('只有备注.md', 'Note: 只有讲稿，没有幻灯片\n\n---\n\nNote:\n\n---\n\n## 第二张\n');
    assert.equal(run.code, ExitCode.ok, run.stderr);
    assert.match(html, /<aside class="notes">\n<p>只有讲稿，没有幻灯片<\/p>/);
  });

  it('an empty deck file: exit 0 with a warning that the deck has no slides', async () => {
    const { run } = await buildDeck('空.md', '');
    assert.equal(run.code, ExitCode.ok, run.stderr);
    assert.match(run.stderr, /警告：这套幻灯片一张也没有/);
  });

  it('1,000 slides build in bounded time, all of them in the page', async () => {
    const slides = Array.from({ length: 1000 }, (_, index) => `## 第${index + 1}张\n\n- 要点${index + 1}\n\nNote:\n讲稿${index + 1}`);
    const { run, html } = await buildDeck('一千张.md', `---\ntitle: 一千张\n---\n\n${slides.join('\n\n---\n\n')}\n`);
    assert.equal(run.code, ExitCode.ok, run.stderr);
    assert.equal(sectionCount(html), 1000);
    assert.ok(run.ms < THOUSAND_SLIDES_BUILD_BUDGET_MS, `build took ${Math.round(run.ms)} ms`);
    process.stdout.write(`# 1,000 slides: build --no-pdf took ${Math.round(run.ms)} ms\n`);
  });

  const refusals: { name: string; text: string; message: RegExp }[] = [
    { name: '不是YAML.md', text: '---\ntitle: [未闭合\n  : : :\n---\n\n# 一\n', message: /不是YAML\.md:\d+: 开头设置（front matter）不是有效的 YAML/ },
    { name: '列表.md', text: '---\n- 一\n- 二\n---\n\n# 一\n', message: /列表\.md:2: 开头设置（front matter）应是一行一项的 `key: value`/ },
    { name: '一句话.md', text: '---\n就是一句话\n---\n\n# 一\n', message: /一句话\.md:2: 开头设置（front matter）应是一行一项的 `key: value`/ },
    { name: '制表符.md', text: '---\ntitle: 一\n\tspeaker: 二\n---\n\n# 一\n', message: /制表符\.md:\d+: 开头设置（front matter）/ },
    { name: '类型.md', text: '---\ntitle:\n  - 一\n---\n\n# 一\n', message: /类型\.md:\d+: 开头设置（front matter）中 title 的值应为/ },
  ];
  for (const { name, text, message } of refusals) {
    it(`front matter that is not YAML or not a mapping is refused: ${name} → exit 3, file:line`, async () => {
      const { run } = await buildDeck(name, text);
      assertUserError(run, ExitCode.input, message);
      assert.match(run.stderr, /提示：开头设置（front matter）要写在文件最上方的两行 `---` 之间，每行一项，写成 `key: value`/);
    });
  }

  it('a missing deck file: exit 3, names the path', async () => {
    const run = await runCli(root, ['build', join(root, 'slides', '没有 这个.md'), '--no-pdf']);
    assertUserError(run, ExitCode.input, /没有 这个\.md/);
  });
});
