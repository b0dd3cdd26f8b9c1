// Notes Markdown as Word paragraphs: nothing the lecturer says is dropped; markup becomes formatting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blocksText, noteBlocks } from '../../../src/office/docx/notes-blocks.ts';

test('paragraphs, bold and emphasis runs, CJK soft breaks joined', () => {
  const blocks = noteBlocks('同志们，**大家好**！\n今天*学习*党章。\n\n第二段。');
  assert.deepEqual(blocks, [
    {
      kind: 'paragraph',
      marker: '',
      depth: 0,
      runs: [{ text: '同志们，' }, { text: '大家好', bold: true }, { text: '！今天' }, { text: '学习', emphasis: true }, { text: '党章。' }],
    },
    { kind: 'paragraph', marker: '', depth: 0, runs: [{ text: '第二段。' }] },
  ]);
});

test('lists keep their markers and numbering, nested lists their depth', () => {
  const blocks = noteBlocks('3. 第三\n4. 第四\n   - 细目\n\n- 要点');
  assert.deepEqual(
    blocks.map((block) => [block.marker, block.depth, blocksText([block])]),
    [
      ['3.', 1, '3. 第三'],
      ['4.', 1, '4. 第四'],
      ['•', 2, '• 细目'],
      ['•', 1, '• 要点'],
    ],
  );
});

test('quotes, headings, hard breaks, code and raw HTML keep their words', () => {
  const blocks = noteBlocks('> 引用的话。\n\n### 小标题\n\n第一行  \n第二行\n\n<div class="x">HTML 里的<b>话</b> &amp; 更多</div>\n\n    缩进的代码');
  assert.deepEqual(
    blocks.map((block) => block.kind),
    ['quote', 'heading', 'paragraph', 'paragraph', 'paragraph'],
  );
  assert.equal(blocksText(blocks), '引用的话。\n小标题\n第一行\n第二行\nHTML 里的话 & 更多\n缩进的代码');
  assert.equal(blocks[2]!.runs[1]!.breakBefore, true);
});

test('empty notes make no paragraphs', () => {
  assert.deepEqual(noteBlocks(''), []);
  assert.deepEqual(noteBlocks('  \n\n'), []);
});
