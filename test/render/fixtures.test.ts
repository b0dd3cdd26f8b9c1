// Fixture tests in the markdown-it style: test/fixtures/render/<case>.md is read and rendered, and the
// sections must equal <case>.html. A failure names its fixture.
// Run with UPDATE_FIXTURES=1 to write the .html files from the current output (then review the diff).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readDeckMarkdown } from '../../src/markdown/read.ts';
import { renderDeck } from '../../src/render/index.ts';

const DIR = fileURLToPath(new URL('../fixtures/render/', import.meta.url));
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';

describe('render fixtures', () => {
  const cases = readdirSync(DIR).filter((name) => name.endsWith('.md')).sort();
  assert.ok(cases.length > 0, `no fixtures in ${DIR}`);
  for (const name of cases) {
    const base = name.slice(0, -'.md'.length);
    it(`fixture ${base}`, () => {
      const markdown = readFileSync(join(DIR, name), 'utf8');
      const html = renderDeck(readDeckMarkdown(markdown, name).value).value.sectionsHtml;
      const expectedFile = join(DIR, `${base}.html`);
      if (UPDATE) writeFileSync(expectedFile, html);
      assert.equal(html, readFileSync(expectedFile, 'utf8'), `fixture ${base}.md does not render to ${base}.html`);
    });
  }
});
