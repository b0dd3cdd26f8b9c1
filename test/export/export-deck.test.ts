// exportDeck in a real Chromium: slides.pdf with a bookmark per section and Chinese metadata; handout.pdf
// on A4 with ceil(slides / per page) pages for 1, 2 and 3 per page, slide titles and notes extractable,
// fonts embedded, bookmarks; script.md beside them; no temporary files left. The PDFs and page images
// go to test-output/handout for people to look at.
import assert from 'node:assert/strict';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { exportDeck } from '../../src/export/export-deck.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { renderDeck } from '../../src/render/index.ts';
import { awkwardTempDir, skipWithoutBrowser, testOutputDir, withSharedBrowser } from '../helpers/browser.ts';
import { readPdf, squash } from '../helpers/pdf.ts';

const SECTIONS = ['把全面从严治党落实到每个支部', '为抓党建促脱贫注入强大动力'];

const MARKDOWN = `---
title: “两学一做”学习教育
subtitle: 加强党的思想政治建设的重大部署
column: 辉煌历程
speaker: 张三
organization: 第一党支部
---

<!-- .slide: class="cover" -->

# “两学一做”学习教育

## 加强党的思想政治建设的重大部署

Note:
同志们，今天我们一起学习“两学一做”学习教育。

---

<!-- .slide: class="divider" -->

## 第一部分

# ${SECTIONS[0]}

Note:
首先，我们来学习第一部分。

---

<!-- .slide: class="points" -->

## 中央政治局带头开展学习教育

- 以普通党员身份参加支部学习

Note:
中央政治局带头开展学习教育，为全党作出示范。${'常委、委员以普通党员身份参加所在支部的学习讨论，中央领导同志到分管领域、联系单位讲党课。'.repeat(12)}

---

<!-- .slide: class="divider" -->

## 第二部分

# ${SECTIONS[1]}

Note:
下面学习第二部分。

---

<!-- .slide: class="stats" -->

## 鲜红的党旗飘扬在脱贫攻坚主战场

- **25.5万个** 驻村工作队

Note:
全国累计选派25.5万个驻村工作队。

---

<!-- .slide: class="end" -->

# 谢谢聆听

Note:
今天的学习就到这里。
`;

interface Facts {
  info: Record<string, string>;
  outlinePages: number[];
}

/** Metadata and the page each bookmark opens (the shared helper reads titles only). */
async function metadataAndOutline(path: string): Promise<Facts> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(path)), verbosity: 0 }).promise;
  try {
    const info = (await pdf.getMetadata()).info as unknown as Record<string, string>;
    const outline = (await pdf.getOutline()) ?? [];
    const outlinePages = await Promise.all(outline.map(async (item) => pdf.getPageIndex((item.dest as [{ num: number; gen: number }])[0])));
    return { info, outlinePages };
  } finally {
    await pdf.destroy();
  }
}

test('exportDeck in Chromium: slides.pdf, handout.pdf (1, 2, 3 per page), script.md', { skip: skipWithoutBrowser }, async (t) => {
  const dir = await awkwardTempDir();
  const source = readDeckMarkdown(MARKDOWN, '字/文 章.md').value;
  const deck = renderDeck(source).value;
  assert.deepEqual(deck.sectionTitles, SECTIONS);
  await writeDeckSite(deck, dir);
  const keep = await testOutputDir('handout');

  await withSharedBrowser(
    async (browser) => {
      for (const perPage of [2, 1, 3] as const) {
        const started = performance.now();
        const steps: string[] = [];
        const result = await exportDeck(browser, deck, source, dir, { handout: perPage, onProgress: (step, state) => steps.push(`${step}:${state}`) });
        t.diagnostic(`exportDeck, 6 slides, ${perPage} per page: ${(performance.now() - started).toFixed(0)} ms (browser running)`);
        await copyFile(result.handoutPdf, join(keep, `handout-${perPage}.pdf`));
        const handout = await readPdf(result.handoutPdf);
        const handoutFacts = await metadataAndOutline(result.handoutPdf);

        await t.test(`${perPage} per page: handout pages, A4 portrait`, () => {
          const pages = Math.ceil(6 / perPage);
          assert.equal(result.pages.handout, pages);
          assert.equal(handout.pages, pages);
          for (const size of handout.sizes) {
            assert.ok(Math.abs(size.width - 595) <= 1 && Math.abs(size.height - 842) <= 1, JSON.stringify(size));
          }
        });

        await t.test(`${perPage} per page: slide titles, notes, header and footer are text`, () => {
          const all = squash(handout.texts.join(''));
          for (const title of ['“两学一做”学习教育', '中央政治局带头开展学习教育', '鲜红的党旗飘扬在脱贫攻坚主战场', ...SECTIONS]) assert.ok(all.includes(squash(title)), title);
          for (const note of ['同志们，今天我们一起学习', '全国累计选派25.5万个驻村工作队。', '今天的学习就到这里。']) assert.ok(all.includes(squash(note)), note);
          handout.texts.forEach((text, index) => assert.ok(squash(text).includes(`第${index + 1}页/共${handout.pages}页`), `footer of page ${index + 1}: ${text.slice(-40)}`));
          assert.doesNotMatch(handout.texts.join(''), /[\u2e80-\u2fdf]/u, 'no Kangxi radicals in the text');
          if (perPage === 3) assert.ok(all.includes('笔记'), 'the 3-up layout labels its ruled lines');
        });

        await t.test(`${perPage} per page: fonts embedded, bookmarks per section, metadata`, () => {
          assert.ok(handout.fonts.length > 0 && handout.fonts.every((font) => font.embedded), JSON.stringify(handout.fonts));
          assert.deepEqual(handout.outline, SECTIONS);
          assert.deepEqual(handoutFacts.outlinePages, [Math.floor(1 / perPage), Math.floor(3 / perPage)]);
          assert.equal(handout.title, '“两学一做”学习教育（讲义）');
          assert.equal(handoutFacts.info['Author'], '张三');
        });

        await t.test(`${perPage} per page: long notes fit or are reported`, () => {
          if (perPage === 3) {
            assert.ok(result.diagnostics.some((d) => d.message.includes('第 3 张幻灯片')), JSON.stringify(result.diagnostics));
            // Cut notes keep their opening, end in "……", and stop short of the whole text.
            const all = squash(handout.texts.join(''));
            assert.ok(all.includes(squash('中央政治局带头开展学习教育，为全党作出示范。常委、委员以普通党员身份')), 'the notes keep their opening');
            if (result.diagnostics.some((d) => d.severity === 'warning')) assert.ok(all.includes('……'), 'cut notes end in ……');
          }
          assert.deepEqual(result.blockedRequests, []);
          assert.deepEqual(steps.filter((step) => step.endsWith(':done')).sort(), ['handout.pdf:done', 'pptx:done', 'script.md:done', 'slides.pdf:done']);
        });
      }

      const slides = await readPdf(join(dir, 'slides.pdf'));
      const slidesFacts = await metadataAndOutline(join(dir, 'slides.pdf'));
      await t.test('slides.pdf: one 16:9 page per slide, a bookmark per section at its divider, metadata', () => {
        assert.equal(slides.pages, deck.slideCount);
        for (const size of slides.sizes) assert.deepEqual(size, { width: 960, height: 540 });
        assert.deepEqual(slides.outline, SECTIONS);
        assert.deepEqual(slidesFacts.outlinePages, [1, 3]);
        assert.equal(slides.title, '“两学一做”学习教育');
        assert.equal(slidesFacts.info['Author'], '张三');
        assert.equal(slidesFacts.info['Subject'], '加强党的思想政治建设的重大部署');
        assert.equal(slidesFacts.info['Creator'], 'dangke');
        assert.match(slidesFacts.info['Keywords'] ?? '', /党课；辉煌历程；把全面从严治党落实到每个支部/);
        assert.ok(slides.fonts.every((font) => font.embedded));
        assert.ok(squash(slides.texts[2] ?? '').includes('中央政治局带头开展学习教育'));
      });

      await t.test('slides.pdf is tagged for screen readers; handout.pdf, whose pictures come later, is not', async () => {
        const structure = async (file: string): Promise<boolean> => {
          const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
          return doc.catalog.get(PDFName.of('StructTreeRoot')) !== undefined;
        };
        assert.equal(await structure(join(dir, 'slides.pdf')), true);
        assert.equal(await structure(join(dir, 'handout.pdf')), false);
      });

      await t.test('script.md beside the PDFs; no temporary file or folder left', async () => {
        const script = await readFile(join(dir, 'script.md'), 'utf8');
        assert.match(script, /^# “两学一做”学习教育\n/);
        assert.match(script, /\n## 3\. 中央政治局带头开展学习教育\n\n中央政治局带头开展学习教育，为全党作出示范。/);
        const names = await readdir(dir);
        assert.deepEqual(names.filter((name) => name.startsWith('.')), []);
        assert.deepEqual(names.filter((name) => /\.(pdf|md)$/.test(name)).sort(), ['handout.pdf', 'script.md', 'slides.pdf']);
      });
    },
  );
});
