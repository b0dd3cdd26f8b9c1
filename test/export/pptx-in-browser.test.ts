// <name>.pptx from a real print view (both themes at 16:9, dangzheng also at 4:3): every layout's text inside
// the slide and clear of other text; each card, stat, timeline entry and the quotation with its source one
// shape with all its words, each agenda row one group; the notes on each slide's notes page, a sound package;
// a missing picture gives a placeholder and a warning at its line. Then LibreOffice Impress renders it: one
// page per slide, every title and bullet as text, nothing outside the page. Where LibreOffice is missing, that
// part says so and is skipped; CI installs it (.ci/run). The .pptx and LibreOffice's PDF go to
// test-output/pptx for people to look at.
// All decks are exported in one Chromium, and LibreOffice converts all .pptx files in one start (a start
// costs about 6 s of CPU, a conversion well under one): the renderings are checked in a test of their own
// after the decks' tests.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, test } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fileLines } from '../../src/check/context.ts';
import { exportDeck } from '../../src/export/export-deck.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { renderDeck } from '../../src/render/index.ts';
import { awkwardTempDir, sharedBrowser, skipWithoutBrowser, testOutputDir } from '../helpers/browser.ts';
import { officeToPdfs } from '../helpers/office-to-pdf.ts';
import { squash } from '../helpers/pdf.ts';
import { elements, packageProblems, paragraphTexts, readPptx, shapeWithText, slideParts, textBoxes } from '../helpers/pptx.ts';

const TITLES = ['“两学一做”学习教育', '目录', '学党章党规、学系列讲话', '贯彻落实重要指示精神', '为抓党建促脱贫注入强大动力', '历程回顾', '结语'];
const BULLETS = ['这是新形势下加强党的思想政治建设的一项重大部署', '学习教育方案', '全覆盖', '常态化', '832个', '贫困县', '中共中央办公厅印发方案', '把全面从严治党落实到每个支部'];

const markdown = (theme: string, aspect: string): string => `---
title: “两学一做”学习教育
subtitle: 加强党的思想政治建设的重大部署
speaker: 张三
organization: 第一党支部
theme: ${theme}
aspect: "${aspect}"
---

<!-- .slide: class="cover" -->

# ${TITLES[0]}

## 加强党的思想政治建设的重大部署

Note:
同志们，今天我们一起学习“两学一做”学习教育。

---

<!-- .slide: class="agenda" -->

## ${TITLES[1]}

1. ${BULLETS[7]}
2. 为抓党建促脱贫注入强大动力

Note:
今天讲两个部分。

---

<!-- .slide: class="points" -->

## ${TITLES[2]}

- ${BULLETS[0]}
- 主持中央政治局常委会会议审议**“两学一做”**${BULLETS[1]}

![示意图](images/没有这张图.png)

Note:
这是新形势下加强党的思想政治建设的一项重大部署。

第二段讲稿，也要在备注里。

---

<!-- .slide: class="cards" -->

## ${TITLES[3]}

- ${BULLETS[2]}
- ${BULLETS[3]}
- 重创新
- 求实效

Note:
四个关键词。

---

<!-- .slide: class="stats" -->

## ${TITLES[4]}

- **${BULLETS[4]}** ${BULLETS[5]}
- **22个** 省区市

Note:
全国832个贫困县。

---

<!-- .slide: class="quote" -->

> 部署“两学一做”学习教育，就是要推动党内教育从“关键少数”向广大党员拓展。

—— 习近平总书记，2016年4月

Note:
总书记这样强调。

---

<!-- .slide: class="timeline" -->

## ${TITLES[5]}

- **2016年2月** ${BULLETS[6]}
- **2016年4月** 作出重要指示
- **2017年3月** 印发意见

Note:
回顾历程。

---

<!-- .slide: class="closing" -->

## ${TITLES[6]}

- 学习永远在路上

Note:
今天的学习就到这里。
`;

/** soffice on the PATH (or where Debian puts it), else undefined. */
function findSoffice(): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/lib/libreoffice/program']) {
    const candidate = join(dir, 'soffice');
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  return undefined;
}

interface PdfPageText {
  text: string;
  /** Text items that reach outside the page (PDF points). */
  outside: string[];
}

async function pdfPages(path: string): Promise<PdfPageText[]> {
  const document = await getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const outside: string[] = [];
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.str.trim() === '') continue;
        const [, , , , x, y] = item.transform as number[];
        if (x! < x0 - 1 || x! + item.width > x1 + 1 || y! < y0 - 1 || y! + item.height > y1 + 1) outside.push(`${item.str}@${Math.round(x!)},${Math.round(y!)}`);
      }
      pages.push({ text, outside });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** Both themes at 16:9, and one at 4:3 (its own layout sizes: narrower stats and timeline columns). */
const CASES = [
  { theme: 'dangzheng', aspect: '16:9', name: 'dangzheng' },
  { theme: 'jianyue', aspect: '16:9', name: 'jianyue' },
  { theme: 'dangzheng', aspect: '4:3', name: 'dangzheng-4x3' },
] as const;
const browser = sharedBrowser();
after(() => browser.close());
/** Each deck's .pptx and its slide count, for LibreOffice once every deck is exported. */
const exported = new Map<string, { pptx: string; slideCount: number }>();

for (const { theme, aspect, name } of CASES) {
  test(`${theme} ${aspect}: the .pptx from the print view`, { skip: skipWithoutBrowser }, async (t) => {
    const dir = await awkwardTempDir();
    const text = markdown(theme, aspect);
    const source = readDeckMarkdown(text, '字/文 章.md').value;
    const deck = renderDeck(source).value;
    await writeDeckSite(deck, dir, { themeName: theme });
    const result = await exportDeck(await browser.get(), deck, source, dir, { handout: 2, sourceLines: fileLines(text) });
    assert.ok(result.pptx, 'a .pptx is written by default');
    assert.equal(result.pptx, join(dir, '文 章.pptx'));
    const bytes = new Uint8Array(await readFile(result.pptx));
    const keep = await testOutputDir('pptx');
    await copyFile(result.pptx, join(keep, `${name}.pptx`));
    const pkg = readPptx(bytes);
    const slides = slideParts(pkg);

    await t.test('sound package, one slide per deck slide, notes on each', () => {
      assert.deepEqual(packageProblems(pkg), []);
      assert.equal(slides.length, deck.slideCount);
      const notes = paragraphTexts(pkg.xml.get('ppt/notesSlides/notesSlide3.xml')!);
      assert.deepEqual(notes, ['这是新形势下加强党的思想政治建设的一项重大部署。', '第二段讲稿，也要在备注里。']);
      assert.deepEqual(paragraphTexts(pkg.xml.get(`ppt/notesSlides/notesSlide${slides.length}.xml`)!), ['今天的学习就到这里。']);
    });

    await t.test('every title and bullet is text; bullets are paragraph bullets; bold runs kept', () => {
      const all = squash(slides.map((part) => paragraphTexts(pkg.xml.get(part)!).join('')).join(''));
      for (const expected of [...TITLES, ...BULLETS, '部署“两学一做”学习教育', '习近平总书记']) assert.ok(all.includes(squash(expected)), expected);
      const points = pkg.xml.get(slides[2]!)!;
      assert.ok(elements(points, 'a:buChar').length >= 2, 'the points are bulleted paragraphs');
      const bold = elements(points, 'a:r').filter((r) => elements(r, 'a:rPr')[0]?.getAttribute('b') === '1').map((r) => r.textContent);
      assert.ok(bold.some((runText) => runText?.includes('两学一做')), JSON.stringify(bold));
      // The two points share one text box.
      assert.ok(textBoxes(points).some((box) => box.text.includes(BULLETS[0]!) && box.text.includes(BULLETS[1]!)));
    });

    await t.test("cards are shapes with their text in them: each card's number and words in the one p:sp that has its fill", () => {
      const cards = pkg.xml.get(slides[3]!)!;
      for (const [index, words] of [BULLETS[2]!, BULLETS[3]!, '重创新', '求实效'].entries()) {
        const shape = shapeWithText(cards, words);
        assert.ok(shape, words);
        assert.equal(elements(shape, 'p:cNvSpPr')[0]!.getAttribute('txBox'), null, `${words}: in a shape, not a text box`);
        assert.equal(squash(elements(shape, 'a:t').map((node) => node.textContent ?? '').join('')), squash(`0${index + 1}${words}`));
        assert.equal(elements(elements(shape, 'p:spPr')[0]!, 'a:solidFill').length >= 1, true, `${words}: the shape has the card's fill`);
      }
    });

    await t.test('a stat, a timeline entry, the quotation with its source: each one shape (p:sp) with all its words; an agenda row one group', () => {
      const inOneShape = (slide: number, ...words: string[]): void => {
        const shape = shapeWithText(pkg.xml.get(slides[slide]!)!, words[0]!);
        assert.ok(shape, words[0]);
        assert.equal(elements(shape, 'p:cNvSpPr')[0]!.getAttribute('txBox'), null, `${words[0]}: in a shape, not a text box`);
        const all = squash(elements(shape, 'a:t').map((node) => node.textContent ?? '').join(''));
        for (const word of words) assert.ok(all.includes(squash(word)), `${word} in the shape of ${words[0]}: ${all}`);
      };
      inOneShape(4, BULLETS[4]!, BULLETS[5]!);
      inOneShape(4, '22个', '省区市');
      inOneShape(5, '部署“两学一做”学习教育', '就是要推动党内教育', '—— 习近平总书记，2016年4月');
      // The quotation's two lines end where the print view ended them (measured breaks), so it need not wrap.
      const quote = shapeWithText(pkg.xml.get(slides[5]!)!, '部署“两学一做”学习教育')!;
      assert.ok(elements(quote, 'a:br').length >= 1, 'its lines are broken as in the print view');
      assert.equal(elements(quote, 'a:bodyPr')[0]!.getAttribute('wrap'), 'none');
      inOneShape(6, '2016年2月', BULLETS[6]!);
      inOneShape(6, '2016年4月', '作出重要指示');
      inOneShape(6, '2017年3月', '印发意见');
      for (const [index, words] of [BULLETS[7]!, '为抓党建促脱贫注入强大动力'].entries()) {
        const row = shapeWithText(pkg.xml.get(slides[1]!)!, words)!;
        const group = row.parentNode as typeof row;
        assert.equal(group.nodeName, 'p:grpSp', `${words}: grouped`);
        assert.ok(elements(group, 'p:sp').some((sp) => elements(sp, 'a:t').map((node) => node.textContent).join('') === '一二'[index]), `${words}: its number in its group`);
      }
    });

    await t.test("document properties from the front matter; every slide after the cover has the footer: its number as PowerPoint's slide-number field, the short title", () => {
      const core = pkg.xml.get('docProps/core.xml')!;
      const property = (tag: string): string | null | undefined => elements(core, tag)[0]?.textContent;
      assert.deepEqual([property('dc:title'), property('dc:subject'), property('dc:creator')], [TITLES[0], '加强党的思想政治建设的重大部署', '张三']);
      assert.ok(property('cp:keywords')?.split('; ').includes('党课'), String(property('cp:keywords')));
      for (const [index, part] of slides.entries()) {
        if (index === 0) continue;
        const slide = pkg.xml.get(part)!;
        const fields = elements(slide, 'a:fld').filter((field) => field.getAttribute('type') === 'slidenum');
        assert.deepEqual(fields.map((field) => field.textContent), [String(index + 1)], `${part}: slide number`);
        const footer = elements(slide, 'p:sp').filter((sp) => (elements(sp, 'p:cNvPr')[0]!.getAttribute('name') ?? '').startsWith('页脚'));
        const words = squash(footer.map((sp) => elements(sp, 'a:t').map((node) => node.textContent).join('')).join(''));
        assert.ok(words.includes(squash(`${index + 1} / ${slides.length}`)) && words.includes(squash(TITLES[0]!)), `${part}: footer 「${words}」`);
      }
    });

    await t.test('backgrounds are native: no picture of them in the package; the cover frame is shapes', () => {
      // The deck's only picture is missing, so any media part would be a photographed background.
      assert.deepEqual([...pkg.files.keys()].filter((name) => name.startsWith('ppt/media/')), []);
      const cover = pkg.xml.get(slides[0]!)!;
      assert.ok(elements(cover, 'p:cNvPr').some((node) => (node.getAttribute('name') ?? '').startsWith('背景装饰')), 'the frame is drawn as shapes');
      if (theme === 'dangzheng') assert.equal(elements(elements(cover, 'p:bg')[0]!, 'a:gradFill').length, 1, 'the red cover is a gradient fill');
    });

    await t.test('no text box runs past the slide or over another', () => {
      const size = elements(pkg.xml.get('ppt/presentation.xml')!, 'p:sldSz')[0]!;
      const [cx, cy] = [Number(size.getAttribute('cx')), Number(size.getAttribute('cy'))];
      for (const part of slides) {
        const boxes = textBoxes(pkg.xml.get(part)!);
        for (const [i, a] of boxes.entries()) {
          assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.w <= cx && a.y + a.h <= cy, `${part}: 「${a.text}」 outside the slide`);
          for (const b of boxes.slice(i + 1)) {
            assert.ok(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `${part}: 「${a.text}」 over 「${b.text}」`);
          }
        }
      }
    });

    await t.test('a missing picture: a placeholder on the slide and a warning at its line', () => {
      const warning = result.diagnostics.find((d) => d.message.includes('没有这张图.png'));
      assert.ok(warning, JSON.stringify(result.diagnostics));
      assert.equal(warning.severity, 'warning');
      assert.equal(warning.line, fileLines(text).findIndex((line) => line.includes('没有这张图.png')) + 1);
      assert.ok(paragraphTexts(pkg.xml.get(slides[2]!)!).some((p) => p.includes('图片缺失')));
    });

    exported.set(name, { pptx: result.pptx, slideCount: deck.slideCount });
  });
}

const soffice = findSoffice();
test("LibreOffice Impress renders each deck's .pptx", { skip: skipWithoutBrowser || (soffice ? false : 'LibreOffice (soffice) not found: install libreoffice-impress to render the .pptx') }, async (t) => {
  const work = await mkdtemp(join(tmpdir(), 'dangke-soffice-'));
  try {
    // Copies named after their deck (all exports are 文 章.pptx), the awkward space and Chinese kept.
    const made = CASES.map(({ name }) => name).filter((name) => exported.has(name));
    const copies = made.map((name) => join(work, `${name} 文 章.pptx`));
    for (const [index, name] of made.entries()) await copyFile(exported.get(name)!.pptx, copies[index]!);
    const pdfs = made.length > 0 ? await officeToPdfs(soffice!, copies, work) : [];
    const keep = await testOutputDir('pptx');
    for (const { name } of CASES) {
      await t.test(`${name}: one page per slide, titles and bullets as text, nothing outside the page`, async () => {
        const index = made.indexOf(name);
        assert.ok(index >= 0, `${name}: its test above wrote no .pptx`);
        const pdf = pdfs[index]!;
        await copyFile(pdf, join(keep, `${name}-libreoffice.pdf`));
        const pages = await pdfPages(pdf);
        assert.equal(pages.length, exported.get(name)!.slideCount);
        const all = squash(pages.map((page) => page.text).join(''));
        for (const expected of [...TITLES, ...BULLETS]) assert.ok(all.includes(squash(expected)), expected);
        assert.deepEqual(pages.flatMap((page) => page.outside), []);
      });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
