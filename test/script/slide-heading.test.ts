// The heading of a slide outside the deck: a slide without a heading is named by words that read whole,
// never by its text cut mid-phrase with a quotation left open; a quotation by who said it and its first phrase.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_ORGANIZATION, DEFAULT_SPEAKER } from '../../src/draft/index.ts';
import { isPlaceholder } from '../../src/deck/placeholders.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { firstPhrase, HEADING_LENGTH, slideHeading } from '../../src/script/slide-heading.ts';

function headingOf(markdown: string, attributes = ''): string {
  const deck = readDeckMarkdown(`---\ntitle: 党课\n---\n\n${attributes}${markdown}\n`, 'x.md').value;
  return slideHeading(deck.slides[0]!);
}

/** Every quotation mark and bracket in the text is closed, in order. */
function balanced(text: string): boolean {
  const pairs: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）' };
  const open: string[] = [];
  for (const char of text) {
    if (pairs[char]) open.push(pairs[char]!);
    else if (Object.values(pairs).includes(char) && open.pop() !== char) return false;
  }
  return open.length === 0;
}

test('a slide with headings goes by them; a divider by its label and title', () => {
  assert.equal(headingOf('## 中央政治局带头\n\n- 要点'), '中央政治局带头');
  assert.equal(headingOf('## 第一部分\n\n# 把全面从严治党落实到每个支部', '<!-- .slide: class="divider" -->\n\n'), '第一部分　把全面从严治党落实到每个支部');
});

test('a quotation is named by who said it and its first phrase, quotes balanced', () => {
  const quote =
    '> 部署“两学一做”学习教育，就是要推动党内教育从“关键少数”向广大党员拓展，从集中性教育向经常性教育延伸……\n\n—— 习近平总书记，2016年4月';
  assert.equal(headingOf(quote, '<!-- .slide: class="quote" -->\n\n'), '习近平总书记：部署“两学一做”学习教育');
  assert.equal(headingOf('> 部署“两学一做”学习教育，就是要推动党内教育从“关键少数”向广大党员拓展。'), '部署“两学一做”学习教育');
});

test('firstPhrase: whole when short, else to the first clause mark with every quote closed', () => {
  assert.equal(firstPhrase('学习教育融入日常、抓在经常。'), '学习教育融入日常、抓在经常');
  // The first clause mark inside a quotation is no phrase end.
  assert.equal(firstPhrase('他说“我们要学，也要做，更要改”，大家都赞同这个看法并且认真落实了。'), '他说“我们要学，也要做，更要改”');
  // Too short to stand alone: the next phrase joins it.
  assert.equal(firstPhrase('同志们，大家好！今天我们一起学习“两学一做”学习教育的重大意义。'), '同志们，大家好');
});

test('firstPhrase: no clause mark in reach: cut before an open quotation and marked', () => {
  const open = firstPhrase('推动全面从严治党向基层延伸的“重大部署和关键一招以及长期坚持的制度安排”并落实');
  assert.equal(open, '推动全面从严治党向基层延伸的……');
  // Nothing open: cut at the limit.
  const long = firstPhrase('推动全面从严治党向基层延伸的重要举措也是加强党的思想政治建设的重大部署');
  assert.equal(long, `${'推动全面从严治党向基层延伸的重要举措也是加强党的思想政治建设的重大部署'.slice(0, HEADING_LENGTH)}……`);
});

test('firstPhrase never leaves a quotation open nor runs past the limit (generated texts)', () => {
  const pieces = ['学习', '“两学一做”', '，', '。', '《党章》', '教育', '（试行）', '、', '党员', '“关键少数”'];
  let seed = 7;
  for (let round = 0; round < 500; round++) {
    let text = '';
    const count = 3 + (round % 17);
    for (let index = 0; index < count; index++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += pieces[seed % pieces.length];
    }
    const phrase = firstPhrase(text);
    assert.ok(balanced(phrase), `balanced: ${text} -> ${phrase}`);
    assert.ok([...phrase.replace(/……$/u, '')].length <= HEADING_LENGTH, `short: ${text} -> ${phrase}`);
  }
});

test('isPlaceholder: the drafter\'s defaults are placeholders, names are not', () => {
  assert.ok(isPlaceholder('speaker', DEFAULT_SPEAKER));
  assert.ok(isPlaceholder('organization', DEFAULT_ORGANIZATION));
  assert.ok(isPlaceholder('speaker', ' 主讲人 '));
  assert.ok(!isPlaceholder('speaker', '张三'));
  assert.ok(!isPlaceholder('organization', '机关第一党支部'));
  assert.ok(!isPlaceholder('title', '主讲人'));
  assert.ok(!isPlaceholder('speaker', 20));
});
