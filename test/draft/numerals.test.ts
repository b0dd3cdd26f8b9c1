import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chineseCount, chineseNumeral } from '../../src/draft/numerals.ts';

test('counts say 两 for two (两个部分), ordinals 二 (第二部分)', () => {
  assert.deepEqual([1, 2, 3, 10, 12, 22].map(chineseCount), ['一', '两', '三', '十', '十二', '二十二']);
  assert.deepEqual([1, 2, 3, 12].map(chineseNumeral), ['一', '二', '三', '十二']);
});
