import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import type { DraftDeck } from '../../src/deck/model.ts';
import { escapeInline, escapeLine } from '../../src/markdown/escape.ts';
import { deckFingerprint, isUntouchedDraft, recordedFingerprint, withFingerprint, writeDeckMarkdown } from '../../src/markdown/write.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';

const markdown = new MarkdownIt({ html: true });

/** Hostile article text: HTML, script, Markdown syntax and our own dialect's markers. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '[点我](javascript:alert(1))',
  '**粗体** _斜体_ `代码`',
  '# 不是标题',
  '- 不是列表',
  '1. 不是编号',
  '> 不是引用',
  '---',
  '--',
  'Note: 不是备注',
  '&lt;已转义&gt; &amp;',
  '| 表 | 格 |',
  '<!-- .slide: class="evil" -->',
];

describe('escape', () => {
  for (const text of HOSTILE) {
    it(`keeps ${JSON.stringify(text)} literal`, () => {
      const html = markdown.render(escapeLine(text));
      // Rendered as one paragraph whose text is exactly the input: no element, entity or list came from it.
      const expected = `<p>${markdown.utils.escapeHtml(text)}</p>\n`;
      assert.equal(html, expected);
      assert.equal(markdown.renderInline(escapeInline(text)), markdown.utils.escapeHtml(text));
    });
  }
});

describe('writeDeckMarkdown', () => {
  const deck: DraftDeck = {
    frontMatter: { title: '标题：<b>不</b>', aspect: '16:9', date: '2026-11-27', duration: 3 },
    slides: [
      {
        layout: 'cover',
        blocks: [{ kind: 'heading', level: 1, runs: [{ text: '标题：<b>不</b>' }] }],
        notes: ['同志们，大家好！'],
        timing: 5,
        from: [],
      },
      {
        layout: 'points',
        blocks: [
          { kind: 'heading', level: 2, runs: [{ text: '富口袋也要富脑袋' }] },
          { kind: 'list', ordered: false, items: [[{ text: '选派' }, { text: '25.5万个', strong: true }, { text: '驻村工作队' }]] },
        ],
        notes: ['第一段。', '---', 'Note: 第三段。'],
        timing: 12,
        from: ['p1', 'p2'],
      },
    ],
  };
  const text = writeDeckMarkdown(deck);

  it('writes front matter whose strings stay strings', () => {
    const yaml = text.split('\n---\n')[0]!.replace(/^---\n/, '');
    assert.deepEqual(parseYaml(yaml), { title: '标题：<b>不</b>', date: '2026-11-27', aspect: '16:9', duration: 3 });
  });

  it('separates slides with --- and starts notes with Note:', () => {
    assert.equal(text.split(/^---$/m).length - 2, 2, 'front matter fences plus one separator between two slides');
    assert.equal(text.match(/^Note:$/gm)?.length, 2);
    assert.match(text, /<!-- \.slide: class="points" data-timing="12" -->/);
    assert.match(text, /<!-- from: p1 p2 -->/);
    assert.match(text, /- 选派\*\*25\.5万个\*\*驻村工作队|- 选派\*\*25.5万个\*\*驻村工作队/);
  });

  it('escapes article text in headings and notes', () => {
    assert.match(text, /^# 标题：\\<b\\>不\\<\/b\\>$/m);
    assert.match(text, /^\\---$/m);
    assert.match(text, /^Note\\: 第三段。$/m);
  });

  it('is deterministic', () => {
    assert.equal(writeDeckMarkdown(deck), text);
  });
});

describe('draft fingerprint', () => {
  const markdown = '---\ntitle: "标题"\nspeaker: "主讲人"\n---\n\n## 一\n\nNote:\n讲稿\n';
  const stamped = withFingerprint(markdown);

  it('is the last front-matter line and matches the text it was written with', () => {
    assert.match(stamped, /^---\ntitle: "标题"\nspeaker: "主讲人"\nfingerprint: "sha256:[0-9a-f]{16}"\n---\n/);
    assert.equal(recordedFingerprint(stamped), deckFingerprint(markdown));
    assert.ok(isUntouchedDraft(stamped));
    assert.equal(withFingerprint(stamped), stamped, 'stamping twice changes nothing');
  });

  it('survives CRLF line endings and a BOM, which editors add without editing', () => {
    assert.ok(isUntouchedDraft(`\uFEFF${stamped.replace(/\n/g, '\r\n')}`));
  });

  it('tells any edit, in the body or the front matter', () => {
    assert.ok(!isUntouchedDraft(stamped.replace('讲稿', '我的讲稿')));
    assert.ok(!isUntouchedDraft(stamped.replace('主讲人', '张三')));
    assert.ok(!isUntouchedDraft(markdown), 'no fingerprint: treated as edited');
  });

  it('is a known front-matter key: no warning from the reader', () => {
    const read = readDeckMarkdown(stamped, 'deck.md');
    assert.deepEqual(read.diagnostics, []);
    assert.equal(read.value.frontMatter['fingerprint'], recordedFingerprint(stamped));
  });
});
