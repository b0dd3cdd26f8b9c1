// Fixture tests in the markdown-it style: test/fixtures/parse/<case>.txt|.md next to <case>.expected.json
// (a projection, see projection.ts). One test per fixture; a failure names its fixture.
// To re-create the expected files after a deliberate change: UPDATE_FIXTURES=1 node --import tsx --test …,
// then read the diff before committing it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseArticle } from '../../src/parse/index.ts';
import { decodeArticleBytes } from '../../src/read/decode.ts';
import { assertWellFormed, project } from './projection.ts';

const FIXTURES = new URL('../fixtures/parse/', import.meta.url);
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';

const inputs = readdirSync(FIXTURES).filter((name) => /\.(txt|md)$/.test(name)).sort();

test('there are parse fixtures', () => {
  assert.ok(inputs.length >= 5, `found only ${inputs.length} fixtures in ${FIXTURES.pathname}`);
});

for (const name of inputs) {
  test(`fixture ${name}`, () => {
    const format = name.endsWith('.md') ? 'md' : 'txt';
    // Through the real decoder, so CRLF fixtures exercise the same path as files from users.
    const text = decodeArticleBytes(readFileSync(new URL(name, FIXTURES)), name);
    const result = parseArticle(text, format);
    assertWellFormed(result.value);
    const actual = project(result.value);
    const expectedUrl = new URL(name.replace(/\.(txt|md)$/, '.expected.json'), FIXTURES);
    if (UPDATE || !existsSync(expectedUrl)) {
      writeFileSync(expectedUrl, JSON.stringify(actual, null, 2) + '\n');
      if (!UPDATE) assert.fail(`${name}: no expected file; wrote one, check it by hand`);
      return;
    }
    const expected: unknown = JSON.parse(readFileSync(expectedUrl, 'utf8'));
    assert.deepEqual(actual, expected, `fixture ${name} differs from ${name.replace(/\.(txt|md)$/, '.expected.json')}`);
  });
}

test('fixture crlf.txt really has CRLF line endings', () => {
  assert.ok(readFileSync(new URL('crlf.txt', FIXTURES), 'latin1').includes('\r\n'));
});
