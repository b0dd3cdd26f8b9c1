// Character counts, as a reader counts them: a rare CJK character outside the BMP (a surrogate pair in
// UTF-16) is one character; a lone surrogate, which broken text can hold, is one too (as `[...text]` counts).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { charLength } from '../../src/parse/text.ts';
import { visibleLength } from '../../src/draft/clauses.ts';

const CASES: readonly [string, number][] = [
  ['', 0],
  ['党课', 2],
  ['𠀀', 1],
  ['𠀀字𠀀', 3],
  ['a\uD800', 2],
  ['\uDC00a', 2],
  ['\uD800\uD800\uDC00', 2],
  ['\uD800\uDC00\uDC00', 2],
  ['\uDC00\uD800', 2],
];

describe('character length', () => {
  for (const [text, expected] of CASES) {
    it(`${JSON.stringify(text)} has ${expected}`, () => {
      assert.equal(charLength(text), expected);
      assert.equal(visibleLength(text), expected);
      assert.equal([...text].length, expected);
    });
  }
});
