import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containsRadical, isRadical, radicalsSharingGlyphs, withoutCodePoints } from '../../src/fonts/radicals.ts';

test('isRadical: table', () => {
  const cases: Array<[string, boolean]> = [
    ['⼀', true], // U+2F00 KANGXI RADICAL ONE
    ['⿕', true], // U+2FD5, last Kangxi radical
    ['⺀', true], // U+2E80, first of the supplement
    ['⺠', true], // U+2EA0, looks like 民
    ['⻔', true], // U+2ED4, looks like 门
    ['一', false],
    ['民', false],
    ['⿰', false], // U+2FF0, an ideographic description character
    ['㇐', false], // U+31D0, a CJK stroke
  ];
  for (const [char, expected] of cases) assert.equal(isRadical(char.codePointAt(0) as number), expected, char);
});

test('radicalsSharingGlyphs: only radicals whose glyph another code point also maps', () => {
  const cmap = new Map([
    [0x2f00, 7], // ⼀ shares glyph 7 with 一
    [0x4e00, 7],
    [0x2f08, 9], // ⼈ alone (its twin 人 is not in the subset)
    [0x2ea0, 11], // ⺠ shares with 民
    [0x6c11, 11],
    [0x2e81, 12], // two radicals sharing a glyph with each other only: no ideograph to protect
    [0x2e82, 12],
  ]);
  assert.deepEqual(radicalsSharingGlyphs(cmap).sort(), [0x2ea0, 0x2f00]);
  assert.deepEqual(radicalsSharingGlyphs(new Map([[0x4e00, 1]])), []);
});

test('containsRadical / withoutCodePoints', () => {
  assert.equal(containsRadical('两学一做'), false);
  assert.equal(containsRadical('两学⼀做'), true);
  assert.equal(withoutCodePoints('⼀一⼤大𠀀', [0x2f00, 0x2f24]), '一大𠀀');
});
