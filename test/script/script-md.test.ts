// script.md from a SourceDeck: every slide in shown order (vertical slides after their parent), numbered
// as in slides.pdf, titled from its headings, its notes below; dividers marked; front matter credits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { lectureScript } from '../../src/script/script-md.ts';
import { shownSlides } from '../../src/script/slides.ts';
import { DEFAULT_ORGANIZATION, DEFAULT_SPEAKER } from '../../src/draft/index.ts';

const DECK = `---
title: “两学一做”学习教育
subtitle: 加强党的思想政治建设的重大部署
speaker: 张三
organization: 第一党支部
duration: 20
---

<!-- .slide: class="cover" -->

# “两学一做”学习教育

## 加强党的思想政治建设的重大部署

Note:
同志们，大家好！

---

<!-- .slide: class="divider" -->

## 第一部分

# 把全面从严治党落实到每个支部

Note:
首先学习第一部分。

---

## 中央政治局*带头*

- 以**普通党员身份**参加

Note:
中央政治局带头开展学习教育。

第二段讲稿。

--

## 竖排的下一张

---

> 部署“两学一做”学习教育，就是要推动党内教育从“关键少数”向广大党员拓展

Note:
引言的讲稿。
`;

const source = readDeckMarkdown(DECK, '字/文 章.md').value;

test('shownSlides: shown order, titles, section titles of dividers', () => {
  const shown = shownSlides(source);
  assert.deepEqual(
    shown.map((slide) => [slide.index, slide.title, slide.sectionTitle]),
    [
      [0, '“两学一做”学习教育', undefined],
      [1, '第一部分　把全面从严治党落实到每个支部', '把全面从严治党落实到每个支部'],
      [2, '中央政治局带头', undefined],
      [3, '竖排的下一张', undefined],
      [4, '部署“两学一做”学习教育', undefined],
    ],
  );
});

test('lectureScript: title, credits, one numbered heading per slide with its notes', () => {
  const script = lectureScript(source);
  assert.equal(
    script,
    [
      '# “两学一做”学习教育',
      '',
      '加强党的思想政治建设的重大部署',
      '',
      '主讲人：张三 · 单位：第一党支部 · 时长：约 20 分钟',
      '',
      '## 1. “两学一做”学习教育',
      '',
      '同志们，大家好！',
      '',
      '---',
      '',
      '## 2. 第一部分　把全面从严治党落实到每个支部',
      '',
      '首先学习第一部分。',
      '',
      '## 3. 中央政治局带头',
      '',
      '中央政治局带头开展学习教育。',
      '',
      '第二段讲稿。',
      '',
      '## 4. 竖排的下一张',
      '',
      '## 5. 部署“两学一做”学习教育',
      '',
      '引言的讲稿。',
      '',
    ].join('\n'),
  );
});

test('lectureScript: Markdown in a title is escaped, a deck without front matter extras still works', () => {
  const deck = readDeckMarkdown('---\ntitle: "A*B <i>"\n---\n\n## 标题_一\n\nNote:\n讲稿\n', 'x.md').value;
  const script = lectureScript(deck);
  assert.match(script, /^# A\\\*B \\<i\\>\n/);
  assert.match(script, /\n## 1\. 标题\\_一\n\n讲稿\n$/);
});

test('lectureScript: the drafter\'s placeholders are left out, never printed as names', () => {
  const deck = readDeckMarkdown(`---\ntitle: 党课\nspeaker: ${DEFAULT_SPEAKER}\norganization: ${DEFAULT_ORGANIZATION}\ndate: 2026年11月27日\n---\n\n## 标题\n`, 'x.md').value;
  const script = lectureScript(deck);
  assert.match(script, /\n日期：2026年11月27日\n/);
  assert.doesNotMatch(script, /主讲人：主讲人|单位：党支部/);
});

test('lectureScript: a credit the front matter lacks is left out; real names are escaped', () => {
  const deck = readDeckMarkdown('---\ntitle: 党课\nspeaker: 李*四\n---\n\n## 标题\n', 'x.md').value;
  assert.match(lectureScript(deck), /\n主讲人：李\\\*四\n/);
});
