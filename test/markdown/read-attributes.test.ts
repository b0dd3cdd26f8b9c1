import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinClasses, parseAttributes } from '../../src/markdown/read-attributes.ts';

describe('parseAttributes', () => {
  const cases: Array<[source: string, attributes: Record<string, string>, rest: string]> = [
    ['class="cover" data-timing="45"', { class: 'cover', 'data-timing': '45' }, ''],
    ["class='a b' data-x='say \"hi\"'", { class: 'a b', 'data-x': 'say "hi"' }, ''],
    ['data-timing=45 data-auto-animate', { 'data-timing': '45', 'data-auto-animate': '' }, ''],
    [' class = "x" ', { class: 'x' }, ''],
    ['CLASS="x"', { class: 'x' }, ''],
    ['class="a" class="b a"', { class: 'a b' }, ''],
    ['data-x="1" data-x="2"', { 'data-x': '2' }, ''],
    ['data-background="背景.png"', { 'data-background': '背景.png' }, ''],
    ['', {}, ''],
    ['class="unclosed', {}, '"unclosed'],
    ['"><script> class="ok"', { class: 'ok' }, '"><script>'],
    ['a=" b"', { a: ' b' }, ''],
    ['=x class="ok"', { class: 'ok' }, '=x'],
  ];
  for (const [source, attributes, rest] of cases) {
    it(JSON.stringify(source), () => {
      const parsed = parseAttributes(source);
      assert.deepEqual(parsed.attributes, attributes);
      assert.equal(parsed.rest.includes(rest), true, `rest ${JSON.stringify(parsed.rest)}`);
      if (rest === '') assert.equal(parsed.rest, '');
    });
  }

  it('stores __proto__ as data', () => {
    const { attributes } = parseAttributes('__proto__="x"');
    assert.equal(Object.getPrototypeOf(attributes), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value, 'x');
  });

  it('joinClasses keeps each class once', () => {
    assert.equal(joinClasses(undefined, 'a'), 'a');
    assert.equal(joinClasses('a b', ' b c '), 'a b c');
  });
});
