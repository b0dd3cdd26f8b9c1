// Bold runs the drafter writes always render as bold: whatever text sits on either side of them, markdown-it
// (as the deck renders it) reads every run back with its weight and shows no Markdown marker.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Run } from '../../src/deck/model.ts';
import { emphasise } from '../../src/draft/emphasis.ts';
import { writeRuns } from '../../src/markdown/write.ts';
import { createMarkdown } from '../../src/render/markdown.ts';

/**
 * What markdown-it makes of inline Markdown: its text and, in order, the texts it shows in bold (as `**`
 * emphasis or as the <strong> the writer falls back to where `**` cannot open or close).
 */
function readBack(markdown: string): { text: string; bold: string[] } {
  const [paragraph] = createMarkdown().parseInline(markdown, {});
  let text = '';
  const bold: string[] = [];
  let depth = 0;
  for (const token of paragraph?.children ?? []) {
    const html = token.type === 'html_inline' ? token.content : '';
    if (token.type === 'strong_open' || html === '<strong>') {
      depth++;
      bold.push('');
    } else if (token.type === 'strong_close' || html === '</strong>') depth--;
    else if (token.type === 'text' || token.type === 'softbreak') {
      const content = token.type === 'softbreak' ? ' ' : token.content;
      text += content;
      if (depth > 0) bold[bold.length - 1] += content;
    } else text += token.content;
  }
  return { text, bold };
}

/** The bold texts the runs mean: adjacent bold runs are one, white space at their edges is not bold. */
function expectedBold(runs: readonly Run[]): string[] {
  const bold: string[] = [];
  let open = false;
  for (const run of runs) {
    if (run.text === '') continue;
    if (run.strong === true) {
      if (open) bold[bold.length - 1] += run.text;
      else bold.push(run.text);
      open = true;
    } else open = false;
  }
  return bold.map((text) => text.trim()).filter((text) => text !== '');
}

test('side-by-side key terms are one bold run, and it renders as bold', () => {
  const text = '浦东被誉为“上海之巅”“腾飞的东方巨龙”。';
  const runs = emphasise(text, ['“上海之巅”', '“腾飞的东方巨龙”']);
  assert.deepEqual(runs, [{ text: '浦东被誉为' }, { text: '“上海之巅”“腾飞的东方巨龙”', strong: true }, { text: '。' }]);
  const markdown = writeRuns(runs);
  assert.equal(markdown, '浦东被誉为**“上海之巅”“腾飞的东方巨龙”**。');
  assert.deepEqual(readBack(markdown), { text, bold: ['“上海之巅”“腾飞的东方巨龙”'] });
});

test('runs written one by one still render: adjacent bold runs, empty runs, spaces at the edges', () => {
  const runs: Run[] = [{ text: '被誉为' }, { text: '“上海之巅”', strong: true }, { text: '', strong: true }, { text: '“巨龙”', strong: true }, { text: ' 近200万名 ', strong: true }, { text: '干部' }];
  const markdown = writeRuns(runs);
  assert.doesNotMatch(markdown, /\*{4}/);
  assert.deepEqual(readBack(markdown), { text: '被誉为“上海之巅”“巨龙” 近200万名 干部', bold: ['“上海之巅”“巨龙” 近200万名'] });
});

// Characters article text is made of, and the ones that trouble Markdown's emphasis rules.
const CHARS = ['党', '员', '学', '习', '“', '”', '‘', '’', '《', '》', '，', '。', '、', '（', '）', '：', '！', '2', '0', '万', '%', 'a', 'B', ' ', '*', '_', '\\', '`', '-', '.', '(', ')', '"', "'", '—', '…'];
const textArb = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 6 }).map((chars) => chars.join(''));
const runArb = fc.record({ text: textArb, strong: fc.boolean() }).map((run): Run => (run.strong ? run : { text: run.text }));

test('any runs: markdown-it reads back the text and every bold run as bold (property)', () => {
  fc.assert(
    fc.property(fc.array(runArb, { minLength: 1, maxLength: 6 }), (runs) => {
      const markdown = writeRuns(runs);
      const back = readBack(markdown);
      assert.equal(back.text, runs.map((run) => run.text).join(''), `text of ${JSON.stringify(markdown)}`);
      assert.deepEqual(back.bold, expectedBold(runs), `bold of ${JSON.stringify(markdown)}`);
    }),
    { numRuns: 3000, seed: 18 },
  );
});
