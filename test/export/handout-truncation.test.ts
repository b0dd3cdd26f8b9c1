// Notes too long for their frame even at the smallest size are cut with "……" in the handout (script.md
// keeps them whole): the opening stays, the end goes, and the build says which slide.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { test } from 'node:test';
import { exportDeck } from '../../src/export/export-deck.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { writeDeckSite } from '../../src/page/write-site.ts';
import { renderDeck } from '../../src/render/index.ts';
import { awkwardTempDir, skipWithoutBrowser, withSharedBrowser } from '../helpers/browser.ts';
import { readPdf, squash } from '../helpers/pdf.ts';

const LONG = '常委、委员以普通党员身份参加所在支部的学习讨论，中央领导同志到分管领域、联系单位讲党课。'.repeat(60);
const MARKDOWN = `---\ntitle: 讲稿很长的一套\n---\n\n## 第一张\n\nNote:\n开头一句。${LONG}结尾一句。\n\n---\n\n## 第二张\n\nNote:\n短的讲稿。\n`;

test('handout: notes that cannot fit are cut with …… and reported', { skip: skipWithoutBrowser }, async () => {
  const dir = await awkwardTempDir();
  try {
    const source = readDeckMarkdown(MARKDOWN, '长讲稿.md').value;
    const deck = renderDeck(source).value;
    await writeDeckSite(deck, dir);
    const result = await withSharedBrowser((browser) => exportDeck(browser, deck, source, dir, { handout: 3 }));
    assert.ok(
      result.diagnostics.some((diagnostic) => diagnostic.severity === 'warning' && diagnostic.message.includes('第 1 张幻灯片')),
      JSON.stringify(result.diagnostics),
    );
    const text = squash((await readPdf(result.handoutPdf)).texts.join(''));
    assert.ok(text.includes('开头一句'), 'the opening is kept');
    assert.ok(text.includes('……'), 'the cut is marked');
    assert.ok(!text.includes('结尾一句'), 'the end is cut');
    assert.ok(text.includes('短的讲稿'), 'other notes are whole');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
