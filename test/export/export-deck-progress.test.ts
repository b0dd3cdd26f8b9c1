// The progress line: rewritten in place on a terminal, erased before other output, silent when the stream
// is not a terminal or with --quiet; never wider than the terminal (CJK characters take two columns).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createProgress, truncateToColumns } from '../../src/export/progress.ts';

function stream(columns = 80) {
  const written: string[] = [];
  return { written, columns, write: (text: string) => written.push(text) };
}

test('createProgress on a terminal: one line rewritten, then cleared', () => {
  const out = stream();
  let clock = 0;
  const progress = createProgress({ stream: out, isTTY: true, now: () => clock });
  progress.clear();
  assert.deepEqual(out.written, [], 'nothing to clear yet');
  progress.update('两学一做：slides.pdf');
  clock = 1500;
  progress.update('两学一做：handout.pdf');
  progress.clear();
  progress.clear();
  assert.deepEqual(out.written, ['\r\u001b[2K… 两学一做：slides.pdf  0.0 s', '\r\u001b[2K… 两学一做：handout.pdf  1.5 s', '\r\u001b[2K']);
});

test('createProgress: silent when not a terminal or quiet', () => {
  for (const options of [{ isTTY: false }, { isTTY: true, quiet: true }]) {
    const out = stream();
    const progress = createProgress({ stream: out, ...options });
    progress.update('两学一做：slides.pdf');
    progress.clear();
    assert.deepEqual(out.written, []);
  }
});

test('truncateToColumns: wide characters count two', () => {
  assert.equal(truncateToColumns('两学一做 abc', 5), '两学');
  assert.equal(truncateToColumns('abc', 10), 'abc');
  const out = stream(21);
  createProgress({ stream: out, isTTY: true, now: () => 0 }).update('一二三四五六七八九十一二三四五');
  assert.equal(out.written[0], '\r\u001b[2K… 一二三四五六七八九');
});
