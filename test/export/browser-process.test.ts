// The Chromium command line dangke starts the browser with (src/export/browser-process.ts) must stay what
// puppeteer.launch would pass plus our own flags: the list is written out (the module may not load
// puppeteer-core), so this compares it with the installed puppeteer's own defaults.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, PUPPETEER_DEFAULT_ARGS, browserCommandLine } from '../../src/export/browser-process.ts';

test("PUPPETEER_DEFAULT_ARGS is the installed puppeteer-core's headless default command line", () => {
  const theirs = puppeteer.defaultArgs({ headless: true, args: [], userDataDir: '/tmp/profile' });
  assert.deepEqual(
    [...PUPPETEER_DEFAULT_ARGS],
    theirs.filter((arg) => !arg.startsWith('--user-data-dir=') && arg !== 'about:blank'),
  );
});

test('browserCommandLine: every flag once, one merged --disable-features, the profile, the pipe, a blank page', () => {
  const args = browserCommandLine('/tmp/配置 profile');
  assert.equal(new Set(args).size, args.length, 'no flag twice');
  const features = args.filter((arg) => arg.startsWith('--disable-features='));
  assert.equal(features.length, 1);
  for (const feature of ['Translate', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'SpareRendererForSitePerProcess']) assert.ok(features[0]!.split(/[=,]/).includes(feature), feature);
  for (const flag of BROWSER_ARGS.filter((arg) => !arg.startsWith('--disable-features='))) assert.ok(args.includes(flag), flag);
  // What the tagged slides PDF and its outline need.
  assert.ok(args.includes('--export-tagged-pdf') && args.includes('--generate-pdf-document-outline'));
  assert.ok(args.includes('--user-data-dir=/tmp/配置 profile'));
  assert.ok(args.includes('--remote-debugging-pipe'));
  assert.equal(args.at(-1), 'about:blank');
  // Every launch gets the same flags (a shared array edited by the first launch once lost one).
  assert.deepEqual(browserCommandLine('/tmp/配置 profile'), args);
});
