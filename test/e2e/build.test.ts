// The whole path on the example article, as a user runs it: article -> slides/<name>.md -> dist/<name>/
// (index.html, script.md, script.docx, slides.pdf, handout.pdf), checked in a real Chromium and by reading the PDFs.
// Paths contain Chinese and spaces on purpose.

import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import { bodyParagraphs, type Article } from '../../src/article/model.ts';
import { buildCommand, type BuiltDeck } from '../../src/commands/build.ts';
import { main } from '../../src/cli.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { readArticleFile } from '../../src/read/read-article.ts';
import { memoryReporter } from '../../src/report.ts';
import { assertSentencesInNotes } from '../helpers/notes.ts';
import { readPdf, squash, type PdfSummary } from '../helpers/pdf.ts';
import { withSharedBrowser } from '../helpers/browser.ts';

const EXAMPLE = new URL('../../articles/liangxue-yizuo.txt', import.meta.url);
const NAME = '两学 一做';

describe('npm run build on the example article', () => {
  let root: string;
  let built: BuiltDeck;
  let article: Article;
  let pdf: PdfSummary;
  let handout: PdfSummary;
  let deckTitle: string;
  let deckSubtitle: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'dangke 端到端 '));
    await mkdir(join(root, 'articles'));
    await copyFile(EXAMPLE, join(root, 'articles', `${NAME}.txt`));
    const decks = await buildCommand({ root, decks: [], pdf: true }, memoryReporter());
    assert.equal(decks.length, 1);
    built = decks[0]!;
    const { text, format } = await readArticleFile(join(root, 'articles', `${NAME}.txt`));
    article = parseArticle(text, format).value;
    pdf = await readPdf(join(root, 'dist', NAME, 'slides.pdf'));
    handout = await readPdf(join(root, 'dist', NAME, 'handout.pdf'));
    const deckFile = join(root, 'slides', `${NAME}.md`);
    const frontMatter = readDeckMarkdown(await readFile(deckFile, 'utf8'), deckFile).value.frontMatter;
    deckTitle = frontMatter.title;
    deckSubtitle = String(frontMatter.subtitle ?? '');
  });

  after(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('drafts the deck Markdown and builds the page and the PDF', async () => {
    const markdown = await readFile(join(root, 'slides', `${NAME}.md`), 'utf8');
    assert.match(markdown, /^---\ntitle: /);
    assert.equal(built.indexHtml, join(root, 'dist', NAME, 'index.html'));
    assert.ok(built.slidesPdf);
    assert.equal(built.handoutPdf, join(root, 'dist', NAME, 'handout.pdf'));
    assert.equal(built.scriptMd, join(root, 'dist', NAME, 'script.md'));
  });

  it('writes the whole deck as one file under 2 MB beside index.html', async () => {
    assert.equal(built.singleHtml, join(root, 'dist', NAME, `${NAME}.html`));
    const single = await readFile(built.singleHtml!);
    assert.ok(single.length < 2 * 1024 * 1024, `${single.length} bytes`);
    assert.doesNotMatch(single.toString('utf8'), /<(script|link)[^>]+(src|href)="(?!data:)[^"#]/u, 'the single file links no file of its own');
  });

  it('bookmarks every section of the article in slides.pdf and handout.pdf', () => {
    assert.deepEqual(pdf.outline.map(squash), article.sections.map((section) => squash(section.heading)));
    assert.deepEqual(handout.outline.map(squash), article.sections.map((section) => squash(section.heading)));
  });

  it('makes an A4 handout, two slides a page by default, with the notes as text and page numbers', () => {
    assert.equal(handout.pages, Math.ceil(built.slideCount / 2));
    for (const size of handout.sizes) assert.ok(Math.abs(size.width - 595) <= 1 && Math.abs(size.height - 842) <= 1, JSON.stringify(size));
    const text = squash(handout.texts.join(''));
    for (const section of article.sections) assert.ok(text.includes(squash(section.heading)), `heading missing: ${section.heading}`);
    const firstSentence = bodyParagraphs(article)[0]?.sentences[0]?.text ?? '';
    assert.ok(text.includes(squash(firstSentence)), `notes missing: ${firstSentence}`);
    assert.ok(squash(handout.texts.at(-1) ?? '').includes(`第${handout.pages}页/共${handout.pages}页`));
    assert.ok(handout.fonts.length > 0 && handout.fonts.every((font) => font.embedded), JSON.stringify(handout.fonts));
    assert.equal(handout.title, `${deckTitle}（讲义）`);
  });

  it('writes script.md: a heading per slide and every sentence of the article in order', async () => {
    const script = await readFile(join(root, 'dist', NAME, 'script.md'), 'utf8');
    assert.equal(script.match(/^## \d+\. /gmu)?.length, built.slideCount);
    assert.ok(script.startsWith(`# ${deckTitle}\n`));
    assertSentencesInNotes(article, script, squash);
  });

  it('writes script.docx by default, with every sentence of the article in order', async () => {
    assert.equal(built.scriptDocx, join(root, 'dist', NAME, 'script.docx'));
    const { value } = await mammoth.extractRawText({ path: built.scriptDocx! });
    assert.match(value, new RegExp(`第 1 张`));
    assertSentencesInNotes(article, value, squash);
  });

  it('refuses a --handout other than 1, 2 or 3 with a usage error', async () => {
    const lines: string[] = [];
    const io = { stdout: (text: string) => lines.push(text), stderr: (text: string) => lines.push(text), cwd: root };
    assert.equal(await main(['build', '--handout', '4'], io), 2);
    assert.match(lines.join('\n'), /--handout 4/);
  });

  it('makes a PDF with one 16:9 page per slide, the title and every section heading in it', () => {
    assert.equal(pdf.pages, built.slideCount);
    for (const size of pdf.sizes) assert.ok(Math.abs(size.width / size.height - 16 / 9) < 0.01, JSON.stringify(size));
    const text = squash(pdf.texts.join(''));
    // The cover shows the headline as title and subtitle: both must be searchable in the PDF.
    assert.equal(squash(`${deckTitle}——${deckSubtitle}`), squash(article.title));
    assert.ok(text.includes(squash(deckTitle)), `title missing: ${deckTitle}`);
    assert.ok(text.includes(squash(deckSubtitle)), `subtitle missing: ${deckSubtitle}`);
    for (const section of article.sections) assert.ok(text.includes(squash(section.heading)), `heading missing: ${section.heading}`);
    assert.equal(pdf.title, deckTitle);
  });

  it('embeds the fonts of the PDF', () => {
    assert.ok(pdf.fonts.length > 0, 'no fonts found');
    for (const font of pdf.fonts) assert.ok(font.embedded, `${font.name} is not embedded`);
  });

  it('opens from file:// with every slide, every sentence in the notes, and no network request', async () => {
    const { total, notes, requests } = await withSharedBrowser(async (browser) => {
      const page = await browser.newPage();
      const requests: string[] = [];
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
        void (request.url().startsWith('file:') || request.url().startsWith('data:') ? request.continue() : request.abort());
      });
      await page.goto(pathToFileURL(built.indexHtml).href, { waitUntil: 'load' });
      await page.waitForFunction(() => (globalThis as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
      const result = await page.evaluate(() => {
        const reveal = (globalThis as unknown as { Reveal: { getTotalSlides(): number } }).Reveal;
        const asides = [...document.querySelectorAll('.slides section aside.notes')].map((aside) => aside.textContent ?? '');
        return { total: reveal.getTotalSlides(), notes: asides };
      });
      return { ...result, requests };
    });
    assert.equal(total, built.slideCount);
    assert.deepEqual(requests, []);
    assertSentencesInNotes(article, notes.join(''), squash);
    const allNotes = squash(notes.join(''));
    for (const credit of article.credits) assert.ok(!allNotes.includes(squash(credit)), `credit leaked into the notes: ${credit}`);
  });

  it('never rewrites a deck the user edited', async () => {
    const deckFile = join(root, 'slides', `${NAME}.md`);
    const edited = (await readFile(deckFile, 'utf8')).replace('## 结语', '## 结语（本支部修改）');
    await writeFile(deckFile, edited);
    await buildCommand({ root, decks: [], pdf: false }, memoryReporter());
    assert.equal(await readFile(deckFile, 'utf8'), edited);
    // Slide text carries word breaks (<wbr>, src/render/word-breaks.ts); the words are what the user wrote.
    assert.match((await readFile(built.indexHtml, 'utf8')).replaceAll('<wbr>', ''), /结语（本支部修改）/);
  });
});
