// Lines on slides break between words. A deck of every layout with long Chinese text is rendered by the
// renderer (which marks word boundaries) and shown in Chromium with the theme's CSS; each line break in
// titles, cards, stats, quotes and bullets is read from the layout (where a character's box moves down)
// and checked against the word boundaries of its text: none inside a word in titles, cards, stats and
// quotes, at most 1 in 20 in bullets. With DANGKE_SCREENSHOTS=1 a screenshot per slide goes to test-output/word-breaks/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { guardNetwork } from '../../src/export/network-guard.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { renderDeck } from '../../src/render/index.ts';
import { awkwardTempDir, browserPath, SAVE_SCREENSHOTS, sharedBrowser, skipWithoutBrowser, testOutputDir } from '../helpers/browser.ts';
import { waitForDeck } from '../helpers/browser-deck.ts';

const SLIDES = [
  ['cover', '# 深入学习贯彻新时代中国特色社会主义思想推动基层党组织建设全面进步全面过硬\n\n## 以高质量党建引领乡村振兴和基层治理现代化的实践探索'],
  ['agenda', '## 目录\n\n1. 把全面从严治党落实到每个党支部每名党员身上的重大部署\n2. 为抓党建促脱贫攻坚注入强大动力并巩固拓展脱贫攻坚成果\n3. 推进学习教育常态化制度化长效化的基本经验和主要做法'],
  ['timeline', '## 从集中性教育向经常性教育延伸的重要历程和关键节点回顾\n\n- **2016年2月** 中共中央办公厅印发关于在全体党员中开展学习教育的方案\n- **2017年3月** 中共中央办公厅印发关于推进学习教育常态化制度化的意见'],
  ['quote', '> 部署学习教育，就是要推动党内教育从关键少数向广大党员拓展，从集中性教育向经常性教育延伸，坚定广大党员的马克思主义立场，保证全党始终在思想上政治上行动上同党中央保持高度一致\n\n—— 习近平总书记，2016年4月'],
  ['divider', '## 第一部分\n\n# 把全面从严治党落实到每个支部推动基层党组织全面进步全面过硬'],
  ['points', '## 中央政治局带头开展学习教育为全党作出示范引领全党同志共同进步\n\n- 中央政治局常委和委员以普通党员身份参加所在党支部的组织生活会并认真开展批评和自我批评\n- 中央领导同志深入分管领域和联系单位讲党课推动学习教育向纵深发展取得扎实成效\n- 各级领导干部坚持领学促学带头学习党章党规带头学习系列讲话带头做合格党员\n- 广大党员对照合格党员标准查找差距明确努力方向切实增强政治意识大局意识核心意识看齐意识'],
  ['stats', '## 鲜红的党旗高高飘扬在脱贫攻坚和乡村振兴主战场\n\n- **25.5万个** 驻村工作队深入贫困村开展精准帮扶工作\n- **300多万名** 第一书记和驻村干部同贫困群众并肩作战\n- **近200万名** 乡镇干部和数百万村干部奋战在扶贫一线'],
  ['cards', '## 做到政治合格执行纪律合格品德合格发挥作用合格\n\n- 坚定理想信念增强政治定力\n- 严守政治纪律和政治规矩\n- 传承弘扬中华传统美德\n- 立足岗位建功立业作表率'],
  ['closing', '## 思考题\n\n1. 本支部如何把学习教育融入三会一课的日常工作之中，真正做到常态化制度化？\n2. 对照合格党员标准，我自己在理想信念宗旨意识工作作风方面还有哪些差距？'],
  ['end', '# 谢谢聆听\n\n敬请批评指正'],
] as const;

const MARKDOWN = [
  '---',
  'title: 词间换行',
  'organization: 党支部',
  '---',
  SLIDES.map(([layout, body]) => `<!-- .slide: class="${layout}" -->\n\n${body}\n\nNote:\n讲稿。`).join('\n\n---\n\n'),
].join('\n');

type Kind = 'title' | 'card' | 'stat' | 'quote' | 'bullet';

interface MeasuredBlock {
  kind: Kind;
  text: string;
  /** Offsets in `text` of the first character of each line after the first. */
  breaks: number[];
}

/** Runs in the page: the text blocks of the current slide and where their lines break. */
function measureLines(): MeasuredBlock[] {
  const slide = document.querySelector('.reveal .slides section.present');
  if (!slide) return [];
  const blocks: MeasuredBlock[] = [];
  for (const element of slide.querySelectorAll<HTMLElement>('h1, h2, li, p')) {
    if (element.closest('aside.notes')) continue;
    const section = element.closest('section');
    const kind: Kind = /^H[12]$/.test(element.tagName)
      ? 'title'
      : element.closest('blockquote')
        ? 'quote'
        : section?.classList.contains('cards') === true && element.tagName === 'LI'
          ? 'card'
          : section?.classList.contains('stats') === true && element.tagName === 'LI'
            ? 'stat'
            : 'bullet';
    const breaks: number[] = [];
    let text = '';
    let lastTop: number | undefined;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const value = node.nodeValue ?? '';
      for (let index = 0; index < value.length; index += 1) {
        const offset = text.length + index;
        if (/\s/.test(value[index] ?? '')) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const rect = range.getClientRects()[0];
        if (rect === undefined) continue;
        if (lastTop !== undefined && rect.top > lastTop + rect.height / 2) breaks.push(offset);
        lastTop = rect.top;
      }
      text += value;
    }
    blocks.push({ kind, text, breaks });
  }
  return blocks;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Where a line may break without cutting a word: every segment boundary, spaces and punctuation included. */
function isWordBoundary(text: string, offset: number): boolean {
  if (/\s/.test(text[offset - 1] ?? '')) return true;
  for (const { index } of segmenter.segment(text)) if (index === offset) return true;
  return false;
}

// One browser for both themes' runs: each opens its own pages in it.
const shared = sharedBrowser({ executablePath: browserPath });
after(() => shared.close());

for (const theme of ['dangzheng', 'jianyue'] as const) {
  test(`lines break between words in every layout (${theme})`, { skip: skipWithoutBrowser }, async (t) => {
    const rendered = renderDeck(readDeckMarkdown(MARKDOWN, 'slides/词间换行.md').value);
    assert.deepEqual(rendered.diagnostics, []);
    const outDir = await awkwardTempDir();
    const { indexHtml } = await writeDeckSite({ ...rendered.value, frontMatter: { ...rendered.value.frontMatter, theme } }, outDir);
    const shots = await testOutputDir(join('word-breaks', theme));
    const measured: MeasuredBlock[] = [];
    const browser = await shared.get();
    const page = await browser.newPage();
    const { blocked } = await guardNetwork(page);
    await page.setViewport({ width: 1332, height: 749 });
    await page.goto(`${pathToFileURL(indexHtml).href}?transition=none`, { waitUntil: 'load' });
    await waitForDeck(page);
    for (const [index, [layout]] of SLIDES.entries()) {
      await page.evaluate(async (i: number) => {
        (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(i);
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }, index);
      if (SAVE_SCREENSHOTS) await page.screenshot({ path: join(shots, `${String(index + 1).padStart(2, '0')}-${layout}.png`) as `${string}.png` });
      measured.push(...(await page.evaluate(measureLines)));
    }
    assert.deepEqual(blocked, []);
    await page.close();

    const inside = (block: MeasuredBlock) => block.breaks.filter((offset) => !isWordBoundary(block.text, offset));
    const report = (kind: Kind) => {
      const blocks = measured.filter((block) => block.kind === kind);
      const breaks = blocks.reduce((sum, block) => sum + block.breaks.length, 0);
      const bad = blocks.flatMap((block) => inside(block).map((offset) => `${block.text.slice(0, offset)}|${block.text.slice(offset)}`));
      return { breaks, bad };
    };
    for (const kind of ['title', 'card', 'stat', 'quote'] as const) {
      const { breaks, bad } = report(kind);
      t.diagnostic(`${kind}: ${breaks} line breaks, ${bad.length} inside a word`);
      assert.ok(breaks > 0, `the long ${kind} text wraps (else this test checks nothing)`);
      assert.deepEqual(bad, [], `${kind} lines break inside a word`);
    }
    const bullets = report('bullet');
    t.diagnostic(`bullet: ${bullets.breaks} line breaks, ${bullets.bad.length} inside a word`);
    assert.ok(bullets.breaks >= 5, 'the long bullets wrap');
    assert.ok(bullets.bad.length * 20 <= bullets.breaks, `bullet lines break inside a word: ${bullets.bad.join(' / ')}`);
    if (SAVE_SCREENSHOTS) t.diagnostic(`screenshots in ${shots}`);
  });
}
