// `check` end to end on decks made to fail each rule (Chromium for the overflow), asserting the file:line
// of every finding, the exit code (7 with errors, 0 with warnings only) and the --json output.
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { checkCommand, type CheckResult } from '../../src/commands/check.ts';
import { awkwardTempDir, skipWithoutBrowser } from '../helpers/browser.ts';

const DECKS: Record<string, string> = {
  // Slide 2 overflows (far too many bullets); slide 3 has no notes.
  'overflow.md': [
    '---',
    'title: 超出',
    '---',
    '',
    '<!-- .slide: class="cover" -->',
    '',
    '# 封面',
    '',
    'Note:',
    '讲稿。',
    '',
    '---',
    '',
    '<!-- .slide: class="points" -->',
    '',
    '## 太多要点',
    '',
    ...Array.from({ length: 30 }, (_, i) => `- 第${i + 1}条要点，写得很长很长，一行放不下，还要再写一些字才行`),
    '',
    'Note:',
    '讲稿。',
    '',
    '---',
    '',
    '## 没有备注',
    '',
  ].join('\n'),
  'image.md': '---\ntitle: 缺图\n---\n\n## 图\n\n![示意图](images/没有.png)\n\nNote:\n讲稿。\n',
  'layout.md': '---\ntitle: 版式\n---\n\n<!-- .slide: class="piont" -->\n\n## 版式错了\n\nNote:\n讲稿。\n',
  'timing.md': `---\ntitle: 计时\n---\n\n<!-- .slide: class="points" data-timing="10" -->\n\n## 短\n\nNote:\n${'讲稿很长。'.repeat(40)}\n`,
  'key.md': '---\ntitle: 设置\nspeeker: 张三\n---\n\n## 一\n\nNote:\n讲稿。\n',
  'glyph.md': '---\ntitle: 缺字\n---\n\n## 庆祝\n\n- 大家好🎉\n\nNote:\n讲稿。\n',
  'yaml.md': '---\ntitle: 坏\nspeaker: [张三\n---\n\n## 一\n',
  'theme.md': '---\ntitle: 主题\ntheme: nope\n---\n\n## 一\n\nNote:\n讲稿。\n',
};

describe('check on decks that break each rule', { skip: skipWithoutBrowser }, () => {
  let root: string;
  let result: CheckResult;

  before(async () => {
    root = await awkwardTempDir();
    await mkdir(join(root, 'slides'), { recursive: true });
    for (const [name, text] of Object.entries(DECKS)) await writeFile(join(root, 'slides', name), text);
    // The browser (overflow, and the theme the page is written with) only for the decks that need it.
    const inBrowser = ['overflow.md', 'theme.md'].map((name) => join('slides', name));
    const withBrowser = await checkCommand({ root, decks: inBrowser });
    const rulesOnly = await checkCommand({
      root,
      decks: Object.keys(DECKS).map((name) => join('slides', name)).filter((deck) => !inBrowser.includes(deck)),
      browser: false,
    });
    result = { slides: withBrowser.slides, diagnostics: [...withBrowser.diagnostics, ...rulesOnly.diagnostics] };
  });
  after(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  const found = (rule: string, file: string): Array<[string, number | undefined]> =>
    result.diagnostics.filter((d) => d.rule === rule && d.file === join('slides', file)).map((d) => [d.severity, d.line]);

  it('overflow: an error at the overflowing slide, by how much', () => {
    assert.deepEqual(found('overflow', 'overflow.md'), [['error', 16]]);
    const slide = result.slides.find((report) => report.file === join('slides', 'overflow.md') && report.slide === 2);
    assert.ok(slide && slide.overflowPx > 0, JSON.stringify(slide));
    assert.match(result.diagnostics.find((d) => d.rule === 'overflow')!.message, /超出画面 \d+px/);
  });

  it('missing-notes: a warning at the slide without notes', () => {
    assert.deepEqual(found('missing-notes', 'overflow.md'), [['warning', 54]]);
  });

  it('missing-image: an error at the image line, naming the image', () => {
    assert.deepEqual(found('missing-image', 'image.md'), [['error', 7]]);
    assert.match(result.diagnostics.find((d) => d.rule === 'missing-image')!.message, /images\/没有\.png/);
  });

  it('unknown-layout: a warning at the slide', () => {
    assert.deepEqual(found('unknown-layout', 'layout.md'), [['warning', 7]]);
  });

  it('notes-timing: a warning at the slide', () => {
    assert.deepEqual(found('notes-timing', 'timing.md'), [['warning', 7]]);
  });

  it('unknown front-matter key: the reader warning keeps its file:line', () => {
    const key = result.diagnostics.find((d) => d.file === join('slides', 'key.md') && /speeker/.test(d.message));
    assert.equal(key?.severity, 'warning');
    assert.equal(key?.line, 3);
  });

  it('missing-glyph: a warning at the line with the emoji', () => {
    assert.deepEqual(found('missing-glyph', 'glyph.md'), [['warning', 7]]);
  });

  it('bad YAML front matter: an error at its line, and the other decks are still checked', () => {
    assert.deepEqual(found('front-matter', 'yaml.md'), [['error', 3]]);
  });

  it('unknown theme: an error at the theme: line, listing the themes', () => {
    assert.deepEqual(found('theme', 'theme.md'), [['error', 3]]);
    assert.match(result.diagnostics.find((d) => d.rule === 'theme')!.message, /nope.*dangzheng/);
  });

  it('exits 7 with errors and prints file:line; 0 with warnings only; --json is parseable', async () => {
    const run = async (args: string[]): Promise<{ code: number; out: string[] }> => {
      const out: string[] = [];
      const code = await main(args, { stdout: (text) => out.push(text), stderr: (text) => out.push(text), cwd: root });
      return { code, out };
    };
    // Two runs, each starting Chromium: errors and a warning printed as file:line (exit 7), then warnings
    // only (exit 0) as JSON.
    const withErrors = await run(['check', 'slides/image.md', 'slides/layout.md']);
    assert.equal(withErrors.code, 7);
    assert.ok(withErrors.out.some((line) => line.startsWith(`${join('slides', 'image.md')}:7: 错误：`)), withErrors.out.join('\n'));
    assert.ok(withErrors.out.some((line) => line.startsWith(`${join('slides', 'layout.md')}:7: 警告：`)), withErrors.out.join('\n'));
    const json = await run(['check', '--json', 'slides/layout.md']);
    assert.equal(json.code, 0, json.out.join('\n'));
    const parsed = JSON.parse(json.out[0]!) as { slides: unknown[]; diagnostics: Array<{ rule: string; line: number }> };
    assert.equal(parsed.slides.length, 1);
    assert.deepEqual(parsed.diagnostics.map((d) => [d.rule, d.line]), [['unknown-layout', 7]]);
  });
});
