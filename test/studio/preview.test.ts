// What the studio shows for the editor's text: the build's renderer output, the slides' lines, check's
// findings at their lines; and the fast path (one slide with the front matter) gives the very same
// <section> as the whole deck does for that slide.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { previewDeck, previewSlide } from '../../src/studio/preview.ts';
import { outline, slideAlone } from '../../src/studio/client/outline.ts';
import { renderDeck } from '../../src/render/index.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';

const TEXT = [
  '---',
  'title: 预览',
  'shortTitle: 短标题',
  'organization: 支部',
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
  '<!-- .slide: class="piont" -->',
  '',
  '## 第二张 **重点**',
  '',
  '- 要点',
  '',
  '--',
  '',
  '## 纵向',
  '',
  'Note:',
  '纵向的讲稿。',
].join('\n');

const probes = { probeImage: () => 'ok' as const, fontHas: () => true };

describe('studio preview', () => {
  it('renders the deck as the build does and lists each slide with its line and classes', () => {
    const result = previewDeck(TEXT, 'slides/预览.md', '/tmp/slides/预览.md', probes);
    assert.ok(result.ok);
    assert.equal(result.sectionsHtml, renderDeck(readDeckMarkdown(TEXT, 'slides/预览.md').value).value.sectionsHtml);
    assert.deepEqual(
      result.slides.map((slide) => [slide.number, slide.line, slide.classes, slide.title]),
      [
        [1, 9, 'cover', '封面'],
        [2, 18, 'piont', '第二张 重点'],
        [3, 24, '', '纵向'],
      ],
    );
    assert.deepEqual(result.footer, { title: '短标题', organization: '支部' });
  });

  it('puts check’s findings at their lines', () => {
    const result = previewDeck(TEXT, 'slides/预览.md', '/tmp/slides/预览.md', probes);
    const found = result.findings.map((finding) => [finding.rule, finding.line]);
    assert.deepEqual(found, [
      ['unknown-layout', 18],
      ['missing-notes', 18],
    ]);
    assert.match(result.findings[0]!.message, /piont/);
  });

  it('reports broken front matter as one finding at its line instead of failing', () => {
    const result = previewDeck('---\ntitle: [未闭合\n---\n\n## 一\n', 'slides/坏.md', '/tmp/slides/坏.md', probes);
    assert.equal(result.ok, false);
    assert.equal(result.findings[0]?.severity, 'error');
    assert.ok((result.findings[0]?.line ?? 0) >= 1);
  });

  it('renders one slide alone exactly as the whole deck renders it', () => {
    const whole = previewDeck(TEXT, 'slides/预览.md', '/tmp/slides/预览.md', probes);
    assert.ok(whole.ok);
    const map = outline(TEXT);
    for (const index of [0, 1, 2]) {
      const alone = previewSlide(slideAlone(TEXT, map, index)!, 'slides/预览.md');
      assert.ok(alone.ok);
      assert.ok(whole.sectionsHtml.includes(alone.sectionHtml), `slide ${index + 1}: ${alone.sectionHtml}`);
      assert.match(alone.sectionHtml, /^<section[^>]*>[\s\S]*<\/section>\s*$/);
    }
    const second = previewSlide(slideAlone(TEXT, map, 1)!, 'slides/预览.md');
    assert.ok(second.ok && second.sectionHtml.includes('<strong>重点</strong>') && !second.sectionHtml.includes('纵向'));
  });
});
