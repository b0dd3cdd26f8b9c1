import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isKnownKey, KEY_RULES } from '../../src/markdown/front-matter-keys.ts';

describe('front matter key rules', () => {
  const cases: Array<[key: string, value: unknown, expected: unknown]> = [
    ['title', '标题', '标题'],
    ['title', 3, undefined],
    ['date', '2026-11-27', '2026-11-27'],
    // Only a `%YAML 1.1` parse would produce a Date; it still comes back as the day written.
    ['date', new Date('2026-11-27T00:00:00Z'), '2026-11-27'],
    ['date', new Date('invalid'), undefined],
    ['aspect', '16:9', '16:9'],
    ['aspect', '4:3', '4:3'],
    ['aspect', 969, undefined],
    ['duration', 45, 45],
    ['duration', Number.POSITIVE_INFINITY, undefined],
    ['duration', Number.NaN, undefined],
  ];
  for (const [key, value, expected] of cases) {
    it(`${key}: ${String(value)} -> ${String(expected)}`, () => {
      assert.equal(KEY_RULES[key]?.check(value), expected);
    });
  }

  it('knows its keys and nothing from Object.prototype', () => {
    assert.ok(isKnownKey('source'));
    assert.ok(!isKnownKey('toString'));
    assert.ok(!isKnownKey('__proto__'));
  });
});
