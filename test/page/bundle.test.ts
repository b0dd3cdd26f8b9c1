import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundleRevealScript, revealCss } from '../../src/page/bundle.ts';

// URLs reveal.js carries in its code that load nothing: a regex in the bundled Markdown parser of the
// notes plugin and that parser's project link in a comment/string.
const INERT_URLS = new Set(['http://', 'https://github.com/markedjs/marked']);

test('bundleRevealScript: one classic, minified IIFE script with reveal.js and the notes plugin', async () => {
  const script = await bundleRevealScript();
  assert.match(script.slice(0, 40), /^"use strict";\(\(\)=>\{/);
  assert.doesNotMatch(script, /^\s*(import|export)\s/m, 'no ES module syntax: file:// blocks module scripts');
  assert.match(script, /reveal\.js - Speaker View/, 'notes plugin included');
  assert.match(script, /dangke-config/, 'our entry included');
  assert.ok(script.length < 400_000, `minified (${script.length} bytes)`);
});

test('bundleRevealScript: cached, so a second call costs nothing', async () => {
  const first = bundleRevealScript();
  assert.equal(bundleRevealScript(), first);
  assert.equal(await first, await bundleRevealScript());
});

test('bundleRevealScript: the only URLs are inert ones inside reveal.js code', async () => {
  const urls = (await bundleRevealScript()).match(/https?:\/\/[\w./-]*/g) ?? [];
  for (const url of urls) {
    assert.ok([...INERT_URLS].some((inert) => url === inert || url.startsWith(`${inert}`)), `unexpected URL ${url}`);
  }
});

test('revealCss: reset.css then reveal.css, no imports, no remote url()', async () => {
  const css = await revealCss();
  assert.ok(css.indexOf('html,body,div') < css.indexOf('.reveal'), 'reset first');
  assert.match(css, /\.reveal \.slides/);
  assert.doesNotMatch(css, /@import|https?:/);
});
