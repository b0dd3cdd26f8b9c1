import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceSlide } from '../../src/deck/model.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';

const FILE = 'slides/字/文 章.md';

function slides(text: string): SourceSlide[] {
  return readDeckMarkdown(text, FILE).value.slides;
}

/** The slides as [body, line] pairs, vertical ones nested: a compact picture of the split. */
function outline(list: SourceSlide[]): unknown[] {
  return list.map((slide) =>
    slide.vertical.length === 0 ? [slide.body, slide.line] : [slide.body, slide.line, outline(slide.vertical)],
  );
}

describe('readDeckMarkdown: slides', () => {
  it('splits at `---` and nests `--` under the slide before it', () => {
    const text = '# 一\n---\n# 二\n--\n# 二.1\n--\n# 二.2\n---\n# 三\n';
    assert.deepEqual(outline(slides(text)), [
      ['# 一', 1],
      ['# 二', 3, [['# 二.1', 5], ['# 二.2', 7]]],
      ['# 三', 9],
    ]);
  });

  it('gives each slide the file line where its content starts', () => {
    const text = '---\ntitle: T\n---\n\n\n# 一\n\n---\n\n\n正文\n';
    assert.deepEqual(outline(slides(text)), [['# 一', 6], ['正文', 11]]);
  });

  it('drops whitespace-only slides and a leading separator, with no diagnostics', () => {
    const text = '---\ntitle: T\n---\n\n---\n\n# 一\n---\n   \n---\n---\n# 二\n--\n\n---\n';
    const { value, diagnostics } = readDeckMarkdown(text, FILE);
    assert.deepEqual(outline(value.slides), [['# 一', 7], ['# 二', 12]]);
    assert.deepEqual(diagnostics, []);
  });

  it('starts a new stack when a `--` slide follows an empty `---` slide', () => {
    assert.deepEqual(outline(slides('# 一\n---\n\n--\n# 下\n')), [['# 一', 1], ['# 下', 5]]);
  });

  it('only exact separator lines split (trailing spaces allowed)', () => {
    const text = '# 一\n----\n- - -\n --- \n---  \n# 二\n';
    assert.deepEqual(outline(slides(text)), [['# 一\n----\n- - -\n --- ', 1], ['# 二', 6]]);
  });

  it('ignores separators and Note: inside fenced code blocks', () => {
    const text = '```md\n---\nNote: no\n--\n```\n---\n~~~~\n---\n~~~\n~~~~~\n---\n# 三\n';
    const list = slides(text);
    assert.deepEqual(outline(list), [
      ['```md\n---\nNote: no\n--\n```', 1],
      ['~~~~\n---\n~~~\n~~~~~', 7],
      ['# 三', 12],
    ]);
    assert.equal(list[0]?.notes, '');
  });

  it('a line with backticks after the fence is inline code, not a fence', () => {
    assert.equal(slides('```a` b\n---\n# 二\n').length, 2);
  });

  it('warns about a code block that is never closed', () => {
    const { value, diagnostics } = readDeckMarkdown('# 一\n\n```\ncode\n---\n# 二\n', FILE);
    assert.equal(value.slides.length, 1);
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.line, d.file]),
      [[3, FILE]],
    );
  });
});

describe('readDeckMarkdown: notes', () => {
  it('everything after a `Note:` line is notes', () => {
    const [slide] = slides('# 一\n\n正文\n\nNote:\n讲稿第一段\n\n讲稿第二段\n');
    assert.equal(slide?.body, '# 一\n\n正文');
    assert.equal(slide?.notes, '讲稿第一段\n\n讲稿第二段');
  });

  it('text on the `Note:` line itself starts the notes', () => {
    const [slide] = slides('# 一\nNote: 同志们，\n今天学习。\n');
    assert.equal(slide?.body, '# 一');
    assert.equal(slide?.notes, '同志们，\n今天学习。');
  });

  it('only the first `Note:` line splits; notes are per slide', () => {
    const list = slides('# 一\nNote:\nA\nNote: B\n---\n# 二\nnote:\nC\n');
    assert.equal(list[0]?.notes, 'A\nNote: B');
    assert.equal(list[1]?.notes, 'C');
  });

  it('a `Note:` inside a line or an indented code block is body', () => {
    const [slide] = slides('# 一\n\n这是 Note: 文字\n\n    Note: code\n');
    assert.equal(slide?.notes, '');
  });

  it('a slide with only notes is kept', () => {
    const list = slides('# 一\n---\nNote:\n只有讲稿\n');
    assert.equal(list.length, 2);
    assert.equal(list[1]?.body, '');
    assert.equal(list[1]?.line, 3);
  });
});

describe('readDeckMarkdown: .slide attributes', () => {
  it('lifts the .slide comment into attributes and out of the body', () => {
    const [slide] = slides('<!-- .slide: class="cover" data-timing="45" -->\n\n# 一\n');
    assert.deepEqual(slide?.attributes, { class: 'cover', 'data-timing': '45' });
    assert.equal(slide?.body, '# 一');
    assert.equal(slide?.line, 3);
  });

  it('accepts single quotes and a comment anywhere in the body; keeps other comments', () => {
    const [slide] = slides("<!-- from: p1 p2 -->\n# 一\n\n<!--.slide: data-background='a.png' -->\n正文\n");
    assert.deepEqual(slide?.attributes, { 'data-background': 'a.png' });
    assert.equal(slide?.body, '<!-- from: p1 p2 -->\n# 一\n\n\n正文');
  });

  it('keeps body lines where they were in the file when a comment spans lines', () => {
    const [slide] = slides('# 一\n<!-- .slide:\n  class="x"\n-->\n正文\n');
    assert.deepEqual(slide?.attributes, { class: 'x' });
    assert.equal(slide?.body.split('\n').indexOf('正文'), 4);
  });

  it('a slide with only a .slide comment is kept (a background slide)', () => {
    const list = slides('# 一\n---\n<!-- .slide: data-background="bg.jpg" -->\n');
    assert.equal(list.length, 2);
    assert.deepEqual(list[1], { body: '', notes: '', attributes: { 'data-background': 'bg.jpg' }, line: 3, vertical: [] });
  });

  it('leaves a .slide comment inside a code block or the notes alone', () => {
    const [slide] = slides('```\n<!-- .slide: class="x" -->\n```\nNote:\n<!-- .slide: class="y" -->\n');
    assert.deepEqual(slide?.attributes, {});
    assert.match(slide?.body ?? '', /\.slide: class="x"/);
    assert.match(slide?.notes ?? '', /\.slide: class="y"/);
  });

  it('warns about attributes it cannot read, at the comment line', () => {
    const { value, diagnostics } = readDeckMarkdown('# 一\n\n<!-- .slide: class="a" "oops -->\n', FILE);
    assert.deepEqual(value.slides[0]?.attributes, { class: 'a' });
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.line, d.file]),
      [[3, FILE]],
    );
  });
});
