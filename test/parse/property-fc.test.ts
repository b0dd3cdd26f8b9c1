// Property tests with fast-check: parseArticle never throws on any string (any code points, lone surrogates
// included, in every source format), and on article-shaped inputs every non-blank input character that is
// not a credit, caption, title-block or dateline character lands in exactly one heading or paragraph, in
// order (assertConserved). Failures print fast-check's seed and the shrunk input.

import { test } from 'node:test';
import fc from 'fast-check';
import { parseArticle } from '../../src/parse/index.ts';
import type { SourceFormat } from '../../src/parse/state.ts';
import { assertConserved } from './conservation.ts';
import { assertWellFormed } from './projection.ts';

const RUNS = 400;
const FORMATS: readonly SourceFormat[] = ['txt', 'md', 'docx'];

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...'#*_[]()!>-`.\n\r\t \u3000\u00a0\ufeff党课。！？；“”（）《》…—、：题电'), maxLength: 200 }),
);

test(`parseArticle never throws and is well-formed on any string (${RUNS} runs × ${FORMATS.length} formats)`, () => {
  fc.assert(
    fc.property(anyString, fc.constantFrom(...FORMATS), (input, format) => {
      assertWellFormed(parseArticle(input, format).value);
    }),
    { numRuns: RUNS },
  );
});

// Article-shaped lines: prose sentences, headings of every family, lead-ins, credits, captions, datelines,
// speech headers, separators, run-in heads, with odd indentation and line ends. No ASCII Markdown syntax
// characters: in Markdown they are dropped by design, which conservation does not model.
const han = fc.constantFrom('党', '学习', '教育', '两学一做', '人民', '发展', '坚持', '文化', '支部', '832个贫困县', '近200万名', '2016年2月', '习近平总书记强调', '政治合格、执行纪律合格、品德合格', '“关键少数”', '《意见》');
const phrase = fc.array(han, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const sentence = fc.tuple(phrase, fc.constantFrom('。', '！', '？', '；', '……', '，', '')).map(([words, mark]) => words + mark);
const prose = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
const line = fc.oneof(
  { weight: 6, arbitrary: prose },
  { weight: 2, arbitrary: phrase },
  { weight: 1, arbitrary: phrase.map((text) => `${text}——`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('一、', '二、', '（一）', '（二）', '1.', '第一章 ', '第二部分 '), phrase).map(([n, text]) => n + text) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('第一，', '一是', '其次，'), prose).map(([n, text]) => n + text) },
  { weight: 1, arbitrary: fc.constantFrom('版式设计：汪哲平', '（来源：新华社）', '本报记者 张三 李四', '制图：张芳曼', '本报评论员', '（作者为某某大学教授）') },
  { weight: 1, arbitrary: fc.constantFrom('2024年7月14日，队员在开幕式上表演。', '远眺钟鼓楼（2024年7月20日摄）。', '村庄全貌（无人机照片）') },
  { weight: 1, arbitrary: prose.map((text) => `新华社北京6月1日电（记者 王五）${text}`) },
  { weight: 1, arbitrary: fc.constantFrom('……', '———', '（2021年7月1日）', '习近平', '（辉煌历程）') },
);
const indent = fc.constantFrom('', '', '\u3000\u3000', '  ', '\u00a0', '\t');
const newline = fc.constantFrom('\n', '\n', '\r\n', '\r', '\n\n', '\n \n');
const articleShaped = fc
  .tuple(
    fc.oneof(phrase, phrase.map((t) => `${t}——`), phrase.map((t) => `新华社北京6月1日电 题：${t}`), phrase.map((t) => `习近平：${t}`)),
    fc.array(fc.tuple(indent, line, newline), { minLength: 0, maxLength: 30 }),
  )
  .map(([title, rest]) => `${title}\n${rest.map(([i, text, n]) => i + text + n).join('')}`);

test(`every body character lands in exactly one heading or paragraph, in order (${RUNS} article-shaped inputs)`, () => {
  fc.assert(
    fc.property(articleShaped, (input) => {
      const { value } = parseArticle(input, 'txt');
      assertWellFormed(value);
      assertConserved(input, value);
    }),
    // Found once in 19 000 runs (CI): a speech header naming its speaker twice, credited once.
    { numRuns: RUNS, examples: [['习近平：党\n（2021年7月1日）\n习近平\n']] },
  );
});

test('long texts without headings: generated sections keep every paragraph, in order', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(indent, prose), { minLength: 8, maxLength: 40 }), (paragraphs) => {
      const input = `标题\n${paragraphs.map(([i, text]) => i + text.repeat(8)).join('\n')}\n`;
      const { value } = parseArticle(input, 'txt');
      assertWellFormed(value);
      assertConserved(input, value);
    }),
    { numRuns: 100 },
  );
});
