// Emphasis the drafter writes always renders as emphasis: no slide of a drafted deck shows Markdown's own
// characters (`**`, `__`, `\`, backticks) as text. Checked on the committed drafts of every sample article
// (test/fixtures/draft/, kept current by golden.test.ts), on fresh drafts of the example and of the parser's
// fixture articles, and on an article with two key terms side by side (the case that showed "****").
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { draftDeck } from '../../src/draft/index.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { writeDeckMarkdown } from '../../src/markdown/write.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { readArticleFile } from '../../src/read/read-article.ts';
import { renderDeck } from '../../src/render/index.ts';
import { EXAMPLE_ARTICLE } from '../helpers/articles.ts';

const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/draft/', import.meta.url));
const PARSE_FIXTURES = fileURLToPath(new URL('../fixtures/parse/', import.meta.url));
const MARKERS = /\*\*|__|\\|`/u;

/** The text each slide shows (body and notes), tags removed and entities decoded. */
function slideTexts(markdown: string, file: string): string[] {
  const html = renderDeck(readDeckMarkdown(markdown, file).value).value.sectionsHtml;
  return html
    .split(/<section\b/u)
    .slice(1)
    .map((section) =>
      section
        .replace(/<[^>]*>/gu, '')
        .replace(/&lt;/gu, '<')
        .replace(/&gt;/gu, '>')
        .replace(/&quot;/gu, '"')
        .replace(/&#39;/gu, "'")
        .replace(/&amp;/gu, '&'),
    );
}

function markersShown(markdown: string, file: string): string[] {
  return slideTexts(markdown, file).flatMap((text, index) => {
    const match = MARKERS.exec(text);
    if (!match) return [];
    const around = text.slice(Math.max(0, match.index - 12), match.index + 14).replace(/\s+/gu, ' ');
    return [`slide ${index + 1}: "${match[0]}" in …${around}…`];
  });
}

async function drafted(articleFile: string): Promise<string> {
  const { text, format } = await readArticleFile(articleFile);
  return writeDeckMarkdown(draftDeck(parseArticle(text, format).value, { source: `articles/${basename(articleFile)}` }).value);
}

describe('drafted decks show no Markdown markers', async () => {
  const goldens = (await readdir(GOLDEN_DIR)).filter((name) => name.endsWith('.md')).sort();
  it('there are drafted decks with bold terms to check', async () => {
    assert.ok(goldens.length >= 5);
    const bold = await Promise.all(goldens.map(async (name) => /\*\*[^*]+\*\*/u.test(await readFile(join(GOLDEN_DIR, name), 'utf8'))));
    assert.ok(bold.filter(Boolean).length >= goldens.length / 2, 'most drafted decks have bold terms, so the check means something');
  });
  for (const name of goldens) {
    it(`test/fixtures/draft/${name}`, async () => {
      const markdown = await readFile(join(GOLDEN_DIR, name), 'utf8');
      assert.deepEqual(markersShown(markdown, name), []);
    });
  }

  const fixtures = (await readdir(PARSE_FIXTURES)).filter((name) => /\.(txt|md)$/u.test(name)).sort();
  for (const file of [EXAMPLE_ARTICLE, ...fixtures.map((name) => join(PARSE_FIXTURES, name))]) {
    it(`a fresh draft of ${basename(file)}`, async () => {
      assert.deepEqual(markersShown(await drafted(file), basename(file)), []);
    });
  }

  it('an article with key terms side by side', () => {
    const article = [
      '浦东开发开放三十年',
      '',
      '浦东被誉为“上海之巅”“腾飞的东方巨龙”。三十年来，浦东地区生产总值从60亿元增长到1.04万亿元。',
      '',
      '人们说，陆家嘴是“东方明珠”“金融城”。这里汇聚了“总部经济”“楼宇经济”。',
    ].join('\n');
    const markdown = writeDeckMarkdown(draftDeck(parseArticle(article, 'txt').value).value);
    assert.match(markdown, /“东方明珠”“金融城”/u, 'the terms are drafted onto a slide');
    assert.doesNotMatch(markdown, /\*{4}/u);
    assert.deepEqual(markersShown(markdown, 'pudong.md'), []);
    // The renderer may put <wbr> between words; the bold run is one <strong> all the same.
    const html = renderDeck(readDeckMarkdown(markdown, 'pudong.md').value).value.sectionsHtml.replace(/<wbr>/gu, '');
    assert.match(html, /<strong>“东方明珠”“金融城”<\/strong>/u);
  });
});
