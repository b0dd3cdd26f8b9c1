import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/parse/index.ts';

const CASES: ReadonlyArray<[name: string, input: string, expected: string[]]> = [
  ['full stop', '文化兴国运兴。文化强民族强。', ['文化兴国运兴。', '文化强民族强。']],
  ['exclamation, question, semicolon', '好！真的吗？一是学；二是做', ['好！', '真的吗？', '一是学；', '二是做']],
  ['no end mark at all', '学党章党规', ['学党章党规']],
  ['ellipsis ends a sentence', '集中研讨……各级党委着眼提高。', ['集中研讨……', '各级党委着眼提高。']],
  ['runs of marks stay together', '真的吗？！是的……。好。', ['真的吗？！', '是的……。', '好。']],
  ['marks inside quotes do not split', '古人讲“以史为鉴。可以知兴替”，很有道理。', ['古人讲“以史为鉴。可以知兴替”，很有道理。']],
  ['a closing quote after the mark stays with the sentence', '他说：“要努力。”然后走了。', ['他说：“要努力。”', '然后走了。']],
  ['nested quotes close together', '他说：“文件写着‘要落实。’”随后散会。', ['他说：“文件写着‘要落实。’”', '随后散会。']],
  ['book titles and brackets', '他在《人民日报》发表文章（全文见附件；有删节），引起反响。', ['他在《人民日报》发表文章（全文见附件；有删节），引起反响。']],
  ['bracket after the mark at depth 0', '景山（2024年7月20日摄）。下一句', ['景山（2024年7月20日摄）。', '下一句']],
  ['an unclosed quote does not swallow the rest', '好“未闭合。后面。', ['好“未闭合。', '后面。']],
  ['a stray closing quote stays with its sentence', '结束了。”下一句。', ['结束了。”', '下一句。']],
  ['ASCII marks in web copies', 'Yes! Really? OK', ['Yes!', 'Really?', 'OK']],
  ['whitespace between sentences is trimmed', '第一句。　第二句。 ', ['第一句。', '第二句。']],
  ['empty text', '', []],
];

for (const [name, input, expected] of CASES) {
  test(`splitSentences: ${name}`, () => {
    assert.deepEqual(splitSentences(input), expected);
  });
}
