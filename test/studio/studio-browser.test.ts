// The studio in a real Chromium: open a deck, type (also through an input method's composition), see the
// preview follow, save and find the file, the conflict path, restore from the history, click a thumbnail,
// pick a layout, upload an article and get a deck, export a PDF. Screenshots at 1366×768 are kept in
// test-output/studio/ for people to look at.
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'puppeteer-core';
import { studioCommand, type StudioSession } from '../../src/studio/command.ts';
import { awkwardTempDir, skipWithoutBrowser, testOutputDir, withSharedBrowser } from '../helpers/browser.ts';

const WAIT_MS = 60_000;
const EXPORT_WAIT_MS = 300_000;

function deck(): string {
  const slides = ['封面标题', '第二张标题', '第三张标题', '第四张标题'].map(
    // The last slide has no notes: check's missing-notes finding must show at its line.
    (title, index) => `<!-- .slide: class="${index === 0 ? 'cover' : 'points'}" -->\n\n## ${title}\n\n- 要点${index + 1}\n${index === 3 ? '' : `\nNote:\n讲稿${index + 1}。\n`}`,
  );
  return `---\ntitle: 工作室测试\norganization: 测试支部\n---\n\n${slides.join('\n---\n\n')}`;
}

const ARTICLE = [
  '坚持学习 筑牢根基',
  '',
  '本报北京12月5日电  学习教育开展以来，各地党组织认真组织学习。',
  '',
  '一、抓好学习',
  '',
  '学习是基础。各支部坚持每月集中学习，党员干部带头讲党课，把学习融入日常、抓在经常。',
  '',
  '二、注重实效',
  '',
  '学以致用是关键。各地把学习成果转化为推动工作的实际成效，近200万名党员参加志愿服务。',
  '',
].join('\n');

interface StudioWindow {
  dangkeStudioEditor(): { state: { doc: { toString(): string; lineAt(pos: number): { number: number } }; selection: { main: { head: number } } } } | undefined;
}

const editorText = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as StudioWindow).dangkeStudioEditor()?.state.doc.toString() ?? '');
const cursorLine = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const view = (window as unknown as StudioWindow).dangkeStudioEditor();
    return view ? view.state.doc.lineAt(view.state.selection.main.head).number : 0;
  });

async function frame(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`#${id}`);
  const found = await handle!.contentFrame();
  assert.ok(found, `frame ${id}`);
  return found;
}

/** The text of the slide the stage shows. */
async function stageText(page: Page): Promise<string> {
  return (await frame(page, 'stage')).evaluate(() => document.querySelector('section.studio-shown')?.textContent ?? '');
}

async function waitForStage(page: Page, text: string): Promise<void> {
  const started = Date.now();
  while (!(await stageText(page).catch(() => '')).includes(text)) {
    if (Date.now() - started > WAIT_MS) assert.fail(`the preview never showed ${text}; it shows ${await stageText(page)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitForFile(path: string, test: (text: string) => boolean, what: string): Promise<string> {
  const started = Date.now();
  for (;;) {
    const text = await readFile(path, 'utf8').catch(() => '');
    if (test(text)) return text;
    if (Date.now() - started > WAIT_MS) assert.fail(`${path} never ${what}: ${text.slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Puts the editor's cursor at the end of the first line containing `text`. */
async function cursorAfter(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const view = (window as unknown as { dangkeStudioEditor(): any }).dangkeStudioEditor();
    const position = view.state.doc.toString().indexOf(needle) + needle.length;
    view.dispatch({ selection: { anchor: position } });
    view.focus();
  }, text);
}

describe('the studio in the browser', { skip: skipWithoutBrowser }, () => {
  let root: string;
  let session: StudioSession;
  const file = (): string => join(root, 'slides', '工作室 测试.md');

  before(async () => {
    root = await awkwardTempDir();
    await mkdir(join(root, 'slides'), { recursive: true });
    await mkdir(join(root, 'articles'), { recursive: true });
    await writeFile(file(), deck());
    session = await studioCommand({ root, environment: { ...process.env, DANGKE_BROWSER_TIMEOUT_MS: process.env.DANGKE_BROWSER_TIMEOUT_MS ?? '120000' } });
  });
  after(async () => {
    await session?.close();
    if (root) await rm(dirname(dirname(root)), { recursive: true, force: true });
  });

  it('edits, previews, saves, resolves a conflict, restores, uploads and exports', { timeout: 900_000 }, async () => {
    const shots = await testOutputDir('studio');
    await withSharedBrowser(async (browser) => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.setViewport({ width: 1366, height: 768 });
      await page.goto(session.url, { waitUntil: 'load' });

      // The start view lists the deck; opening it shows the editor and the first slide.
      const deckButton = await page.waitForSelector('#deck-list button', { timeout: WAIT_MS });
      assert.match((await deckButton!.evaluate((element) => element.textContent)) ?? '', /工作室 测试/);
      await page.screenshot({ path: join(shots, 'start.png') });
      await deckButton!.click();
      await page.waitForSelector('.cm-content', { timeout: WAIT_MS });
      await waitForStage(page, '封面标题');
      // check's findings: in the list (with the line) and as a marker in the editor's lint gutter.
      await page.waitForSelector('#findings button.warning', { timeout: WAIT_MS });
      const finding = await page.$eval('#findings button.warning', (element) => element.textContent ?? '');
      const fourthLine = deck().split('\n').indexOf('## 第四张标题') + 1;
      assert.match(finding, new RegExp(`^第 ${fourthLine} 行：第 4 张幻灯片没有备注`));
      // Clicking it moves the cursor there; the gutter beside that line carries the marker.
      await page.click('#findings button.warning');
      assert.equal(await cursorLine(page), fourthLine);
      await page.waitForSelector('.cm-lint-marker-warning', { timeout: WAIT_MS });

      // Typing in slide 2 moves the preview to slide 2 and shows the new text, with its notes below.
      await cursorAfter(page, '## 第二张标题');
      await page.keyboard.type('改了');
      await waitForStage(page, '第二张标题改了');
      assert.match(await page.$eval('#notes', (element) => element.textContent ?? ''), /讲稿2/);

      // A Chinese input method: composition first ("dang"), then the chosen character. The text gets the
      // character once, the pinyin never stays behind, and the preview shows it.
      const cdp = await page.createCDPSession();
      await cdp.send('Input.imeSetComposition', { text: 'd', selectionStart: 1, selectionEnd: 1 });
      await cdp.send('Input.imeSetComposition', { text: 'dang', selectionStart: 4, selectionEnd: 4 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await cdp.send('Input.insertText', { text: '党课' });
      await waitForStage(page, '第二张标题改了党课');
      const typed = await editorText(page);
      assert.ok(typed.includes('## 第二张标题改了党课\n'), typed);
      assert.ok(!typed.includes('dang'));

      // Ctrl+S writes the file.
      await page.keyboard.down('Control');
      await page.keyboard.press('s');
      await page.keyboard.up('Control');
      await waitForFile(file(), (text) => text.includes('第二张标题改了党课'), 'got the typed text');
      await page.screenshot({ path: join(shots, 'workspace.png') });

      // Another program changes the file; the next save is refused and both versions are shown.
      const external = (await readFile(file(), 'utf8')).replace('要点4', '别的程序写的要点');
      await writeFile(file(), external);
      await cursorAfter(page, '## 第三张标题');
      await page.keyboard.type('再改');
      await page.keyboard.down('Control');
      await page.keyboard.press('s');
      await page.keyboard.up('Control');
      await page.waitForSelector('#conflict[open]', { timeout: WAIT_MS });
      assert.ok((await page.$eval('#conflict-mine', (element) => (element as HTMLTextAreaElement).value)).includes('第三张标题再改'));
      assert.ok((await page.$eval('#conflict-disk', (element) => (element as HTMLTextAreaElement).value)).includes('别的程序写的要点'));
      assert.equal(await readFile(file(), 'utf8'), external);
      await page.screenshot({ path: join(shots, 'conflict.png') });
      await page.click('#keep-mine');
      await waitForFile(file(), (text) => text.includes('第三张标题再改'), 'got the kept text');

      // The replaced version is in the history and can be restored.
      await page.click('#history-open');
      await page.waitForSelector('#history[open] #history-list button', { timeout: WAIT_MS });
      await page.click('#history-list li:first-child button');
      await page.waitForFunction(() => (document.getElementById('history-text') as HTMLTextAreaElement).value.includes('别的程序写的要点'), { timeout: WAIT_MS });
      await page.click('#history-restore');
      await waitForFile(file(), (text) => text === external, 'was restored');
      await page.waitForFunction((expected) => (window as unknown as StudioWindow).dangkeStudioEditor()?.state.doc.toString() === expected, { timeout: WAIT_MS }, external);

      // A thumbnail click puts the cursor on that slide's first line; the layout picker writes its class.
      const strip = await frame(page, 'strip');
      await strip.waitForSelector('.studio-thumb:nth-child(3)', { timeout: WAIT_MS });
      await strip.click('.studio-thumb:nth-child(3)');
      const thirdLine = external.split('\n').findIndex((line) => line.includes('第三张标题')) + 1;
      const line = await cursorLine(page);
      assert.equal(line, thirdLine - 2, `cursor on line ${line}, slide 3's title is on ${thirdLine}`);
      // A click on the big preview puts the cursor on the first line of the slide it shows.
      await cursorAfter(page, '- 要点2');
      await waitForStage(page, '要点2');
      await (await frame(page, 'stage')).click('.reveal');
      // The slide's first line is its `.slide` comment, two lines above its title.
      const secondLine = external.split('\n').findIndex((text) => text.includes('第二张标题')) + 1;
      assert.equal(await cursorLine(page), secondLine - 2);
      await strip.click('.studio-thumb:nth-child(3)');
      await page.select('#layout', 'quote');
      await page.waitForFunction(() => /class="quote" -->\n\n## 第三张标题/.test((window as unknown as StudioWindow).dangkeStudioEditor()?.state.doc.toString() ?? ''), { timeout: WAIT_MS });

      // Upload an article: it is copied into articles/, drafted, and its deck opens.
      await page.keyboard.down('Control');
      await page.keyboard.press('s');
      await page.keyboard.up('Control');
      await waitForFile(file(), (text) => text.includes('class="quote"'), 'got the layout');
      await page.click('#home');
      const input = await page.waitForSelector('input#file', { timeout: WAIT_MS });
      const upload = join(dirname(root), '学习 文章.txt');
      await writeFile(upload, ARTICLE);
      await input!.uploadFile(upload);
      await page.waitForFunction(() => location.hash === `#deck=${encodeURIComponent('学习 文章')}`, { timeout: WAIT_MS });
      await page.waitForSelector('.cm-content', { timeout: WAIT_MS });
      assert.equal(await readFile(join(root, 'articles', '学习 文章.txt'), 'utf8'), ARTICLE);
      await waitForFile(join(root, 'slides', '学习 文章.md'), (text) => text.includes('坚持学习'), 'was drafted');
      await page.waitForFunction(() => ((window as unknown as StudioWindow).dangkeStudioEditor()?.state.doc.toString() ?? '').includes('坚持学习'), { timeout: WAIT_MS });

      // Export: the PDF is built by the CLI in a child process and offered for download.
      await page.click('#export-pdf');
      await page.waitForFunction(() => document.getElementById('progress')?.textContent?.includes('导出完成') || document.getElementById('progress')?.textContent?.includes('失败'), {
        timeout: EXPORT_WAIT_MS,
      });
      const progress = await page.$eval('#progress', (element) => element.textContent ?? '');
      assert.match(progress, /导出完成/, progress);
      assert.ok((await stat(join(root, 'dist', '学习 文章', 'slides.pdf'))).size > 1000);
      const pdfLink = await page.$eval('#progress a[href$="slides.pdf"]', (element) => (element as HTMLAnchorElement).href);
      const response = await page.evaluate(async (href) => {
        const reply = await fetch(href);
        return { status: reply.status, type: reply.headers.get('content-type'), head: new Uint8Array(await reply.arrayBuffer()).slice(0, 5) };
      }, pdfLink);
      assert.equal(response.status, 200);
      assert.equal(String.fromCharCode(...Object.values(response.head)), '%PDF-');
      await page.screenshot({ path: join(shots, 'exported.png') });

      // Closing the tab with unsaved text asks first (the autosave has not run yet).
      await cursorAfter(page, '坚持学习');
      await page.keyboard.type('未存');
      const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => {
        resolve(dialog.type());
        dialog.accept().catch(() => undefined);
      }));
      await page.close({ runBeforeUnload: true });
      assert.equal(await asked, 'beforeunload');
      assert.deepEqual(errors, []);
    });
  });
});
