// Text processing is linear on any input (issue 16): a run of one kind of character, n long and 4n long,
// read, parsed and drafted, and the longer must cost at most about 6 × the shorter. Quadratic code costs
// 16 × (a backtracking regular expression on a run of spaces, or a `[…]+$` trim rescanning a run of 、),
// cubic code 64 ×. Not a stopwatch: each time is this process's own CPU time (process.cpuUsage), not the
// clock, so other work on the machine (other tests, other builds, a browser export) does not count. Each size
// is run once after a warm-up; a case that looks too slow is measured up to three times more and fails only
// when the best of all its runs is still too slow (a linear case measures well under the bound, so the
// second look is rare, and a quadratic one stays at 16 × however often it is measured). Each character
// class below is one the parser or drafter has rules for. LINEAR_TIME_VERBOSE=1 prints every case's ratio.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { draftDeck } from '../../src/draft/index.ts';
import { parseArticle } from '../../src/parse/index.ts';
import { decodeArticleBytes } from '../../src/read/decode.ts';
import { docxToText } from '../../src/read/docx.ts';
import { writeDeckMarkdown } from '../../src/markdown/write.ts';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { renderDeck } from '../../src/render/index.ts';

/** Every character class the rules care about. */
const UNITS: readonly string[] = [
  // whitespace of each kind
  ' ', '\t', '\u3000', '\u00a0', '\u200b', ' \n', '\n\n', '字 ',
  // Chinese punctuation, each mark, and runs of it after text
  '、', '，', '：', '；', '。', '！', '？', '…', '——', '·', '字、', '字，', '字：',
  // quotes and brackets, open, closed and paired
  '“', '”', '“”', '《', '》', '《》', '（', '）', '（）', '(', '【', '】', '说：“',
  // digits, dates, numbers, numbering
  '1', '2024年', '1月1日', '1%', '1.', '（1）', '〇',
  // run-in markers: 一是 / 第一， / 其一 / 一、
  '一是', '一是，', '第一，', '其一，', '一、', '首先，',
];

/** Markdown markers, and whitespace again: these matter most at the start of a line and in headings. */
const LINE_UNITS: readonly string[] = [
  '*', '**', '*字', '_', '#', '# ', '<', '<字', '[', '[字](', '](', '|', '\\', '\\*', '`', '>', '- ', '=',
  ' ', '\u3000', '\t', '、', '1.', '一、',
];

/** The run inside a sentence, at the start of a line, and as a heading. */
const IN_SENTENCE = (run: string): string => `标题\n\n正文开始。${run}结束。\n`;
const AS_HEADING = (run: string): string => `# 标题\n\n## ${run}\n\n正文。\n`;
const LINE_SHAPES: readonly ((run: string) => string)[] = [IN_SENTENCE, (run) => `标题\n\n${run}\n`, AS_HEADING];

const SHORT = 12_000;
/**
 * The warm-up's length: enough for V8 to compile the code paths and tier the regular expressions up (the
 * first size must not pay for that, or its time is inflated and the ratio understated), a quarter of the work.
 */
const WARM_UP = SHORT / 4;
/** A case that looks too slow is measured again, up to this many more times, before it fails. */
const SECOND_LOOKS = 3;
/** Below this a time is mostly noise (a GC pause, a timer): the bound is 6 × max(short, floor). */
const FLOOR_MS = 25;
/**
 * "About 6 ×": linear code measures 4–6.5 × here (more lines, more objects: the garbage collector's work
 * grows a little faster than the input at these sizes); quadratic code measures 16 ×, cubic 64 ×.
 */
const MAX_RATIO = 7;

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length));
}

/**
 * Milliseconds of CPU this process has used. On a shared machine the clock also counts the time other
 * processes held the cores, which made a linear case measure 10 × under load; CPU time counts only ours.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function cpuMsOf(work: () => void): number {
  const started = cpuMs();
  work();
  return cpuMs() - started;
}

const VERBOSE = process.env['LINEAR_TIME_VERBOSE'] === '1';

/** One line of the table LINEAR_TIME_VERBOSE=1 prints: the case, both times, and their ratio against the bound. */
function report(label: string, short: number, long: number, floor: number): void {
  if (!VERBOSE) return;
  const ratio = long / Math.max(short, floor);
  console.log(`${ratio.toFixed(1).padStart(5)} ×  ${short.toFixed(1).padStart(7)} ms → ${long.toFixed(1).padStart(7)} ms  ${label}`);
}

/** Text through every pure stage: parse, draft, and the deck's Markdown written, read and rendered. */
function pipeline(text: string, format: 'txt' | 'md' | 'docx'): void {
  const article = parseArticle(text, format).value;
  const deck = draftDeck(article).value;
  const source = readDeckMarkdown(writeDeckMarkdown(deck), 'x.md').value;
  renderDeck(source);
}

/**
 * Records a failure when 4 × the input costs more than MAX_RATIO × the time, after a second chance to
 * measure. `floor` is FLOOR_MS unless the case has a larger fixed cost (unpacking a .docx).
 */
async function checkLinear(
  label: string,
  measure: (length: number) => number | Promise<number>,
  floor = FLOOR_MS,
): Promise<void> {
  await measure(WARM_UP); // warm the code paths up, so the first size does not pay for compiling
  let short = await measure(SHORT);
  let long = await measure(4 * SHORT);
  for (let look = 0; look < SECOND_LOOKS && long > MAX_RATIO * Math.max(short, floor); look += 1) {
    short = Math.min(short, await measure(SHORT));
    long = Math.min(long, await measure(4 * SHORT));
  }
  report(label, short, long, floor);
  if (long > MAX_RATIO * Math.max(short, floor)) {
    failures.push(`${label}: ${SHORT} characters ${short.toFixed(1)} ms, ${4 * SHORT} characters ${long.toFixed(1)} ms (more than ${MAX_RATIO} ×)`);
  }
}

/** Every slow case of a test at once, so one run shows them all. */
let failures: string[] = [];
function assertNoFailures(): void {
  const found = failures;
  failures = [];
  assert.deepEqual(found, []);
}

async function checkText(format: 'txt' | 'md', unit: string, shape: (run: string) => string, label: string): Promise<void> {
  await checkLinear(`.${format} ${JSON.stringify(unit)} ${label}`, (length) => {
    const bytes = Buffer.from(shape(repeatTo(unit, length)));
    return cpuMsOf(() => pipeline(decodeArticleBytes(bytes, `x.${format}`), format));
  });
}

test('.txt: every character class, inside a sentence, costs linear time to read, parse, draft and render', async () => {
  for (const unit of UNITS) await checkText('txt', unit, IN_SENTENCE, 'in a sentence');
  assertNoFailures();
});

for (const format of ['txt', 'md'] as const) {
  test(`.${format}: Markdown markers and whitespace, in a sentence, at a line start and in a heading, cost linear time`, async () => {
    for (const unit of LINE_UNITS) {
      for (const [index, shape] of LINE_SHAPES.entries()) {
        await checkText(format, unit, shape, ['in a sentence', 'at a line start', 'in a heading'][index]!);
      }
    }
    assertNoFailures();
  });
}

/**
 * The run cut into seven paragraphs and no heading: the article is long enough for generated sections,
 * each headed by the opening phrase of its first paragraph, a clause as long as the paragraph.
 */
function inParagraphs(run: string): string {
  const size = Math.ceil(run.length / 7);
  const paragraphs = Array.from({ length: 7 }, (_, index) => `${run.slice(index * size, (index + 1) * size)}。`);
  return `标题\n\n${paragraphs.join('\n\n')}\n`;
}

/** The run as the first item of an enumeration (甲、乙和丙): the rule trims it to its last words. */
const FIRST_ITEM = (run: string): string => `标题\n\n正文开始。${run}、学习、工作和生活。\n`;

test('.txt: long Han text in paragraphs with no heading (generated sections) and as a first list item costs linear time', async () => {
  for (const unit of ['党的建设', '字']) {
    await checkText('txt', unit, inParagraphs, 'in paragraphs');
    await checkText('txt', unit, FIRST_ITEM, 'as the first item of a list');
  }
  assertNoFailures();
});

/**
 * The run in a clause that ends in 上, framed (…问题上) or not (…路上): the drafter asks whether a bullet or a
 * title ends on a dangling frame like 在这个问题上 (src/draft/dangling.ts), and one expression of it once
 * rescanned the rest of the clause from every 在 when no framing noun came before the 上.
 */
const ENDING_ON: readonly [string, (run: string) => string][] = [
  ['ending in 路上, then a clause', (run) => `标题\n\n正文开始。我们${run}路上，继续前进。\n`],
  ['ending in 问题上, then a clause', (run) => `标题\n\n正文开始。我们${run}问题上，党员要站稳立场。\n`],
];

test('.txt: a long clause full of 在 that ends in 上 (在…问题上 or not) costs linear time', async () => {
  // After a subject (我们…), not opening the clause: a clause that opens with 在 is a frame at once.
  for (const unit of ['字于', '在']) {
    for (const [label, shape] of ENDING_ON) await checkText('txt', unit, shape, label);
  }
  assertNoFailures();
});

/**
 * A .docx with the run inside a sentence of one paragraph (line breaks as Word's Shift+Enter), between two
 * ordinary ones. Inside a sentence, not alone: a paragraph of nothing but white space is skipped before its
 * lines are joined, and joining them is where issue 16 found a quadratic regular expression (white space,
 * a line break, white space: retried from every space of a run with no line break).
 */
async function docxWith(run: string): Promise<Uint8Array> {
  const lines = `正文开始。${run}结束。`.split('\n');
  const children = lines.map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 }));
  const document = new Document({
    sections: [{ children: [new Paragraph('标题'), new Paragraph({ children }), new Paragraph('结束。')] }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const DOCX_UNITS: readonly string[] = [' ', '\t', '\u3000', '\u00a0', ' \n', '、', '：', '“', '1', '第一，', '*', '[', '字 '];

test('.docx: runs of each kind (Word users lay out with spaces) cost linear time to read, parse and draft', async () => {
  for (const unit of DOCX_UNITS) {
    const files = new Map<number, Uint8Array>();
    for (const length of [WARM_UP, SHORT, 4 * SHORT]) files.set(length, await docxWith(repeatTo(unit, length)));
    // mammoth is asynchronous; docxToText's own work after it is what the old regular expression made slow.
    let longText = '';
    await checkLinear(`.docx ${JSON.stringify(unit)}`, async (length) => {
      const started = cpuMs();
      const text = await docxToText(files.get(length)!, 'x.docx');
      pipeline(text, 'docx');
      const ms = cpuMs() - started;
      if (length === 4 * SHORT) longText = text;
      return ms;
    }, 4 * FLOOR_MS);
    // The file measured is the article: its text was read, not lost (the text of the last long run).
    assert.ok(longText.length > 0);
  }
  assertNoFailures();
});

const MEGABYTE = 1024 * 1024;

test('1 MB of any of them is read, parsed and drafted in seconds, not minutes', async () => {
  // Generous: about 1 s each on an idle machine; the bound only catches code that is not linear.
  const limitMs = 30_000;
  const within = async (label: string, work: () => void | Promise<void>): Promise<void> => {
    const started = performance.now();
    await work();
    const ms = performance.now() - started;
    if (VERBOSE) console.log(`1 MB ${label}: ${(ms / 1000).toFixed(1)} s`);
    assert.ok(ms < limitMs, `${label}: 1 MB took ${(ms / 1000).toFixed(1)} s`);
  };
  // One of each group (each takes a second or two): the ratio tests above cover every class.
  for (const unit of [' ', '\n\n', '、', '，', '“', '《', '（', '1', '一是，', '第一，', '*', '[', '#', '\\']) {
    const run = repeatTo(unit, MEGABYTE / 3); // 3 bytes a Chinese character in UTF-8: about 1 MB of text
    await within(JSON.stringify(unit), () => pipeline(decodeArticleBytes(Buffer.from(IN_SENTENCE(run)), 'x.txt'), 'txt'));
  }
  // A heading stays one slide title, one run of text for the word breaks: the segmenter's cost per word
  // grew with the length of the run it was given, and 100,000 characters took minutes.
  for (const unit of ['[字](', '<字']) {
    const run = repeatTo(unit, MEGABYTE / 3);
    await within(`${JSON.stringify(unit)} in a heading`, () => pipeline(decodeArticleBytes(Buffer.from(AS_HEADING(run)), 'x.txt'), 'txt'));
  }
  for (const unit of [' ', '、', '1']) {
    const file = await docxWith(repeatTo(unit, MEGABYTE));
    await within(`.docx ${JSON.stringify(unit)}`, async () => pipeline(await docxToText(file, 'x.docx'), 'docx'));
  }
});
