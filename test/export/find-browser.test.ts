import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExitCode, UserError } from '../../src/errors.ts';
import { browserCandidates, findBrowser, requireBrowser } from '../../src/export/find-browser.ts';

const nothingExists = (): boolean => false;
const only = (...paths: string[]) => (path: string): boolean => paths.includes(path);

interface Case {
  name: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists: (path: string) => boolean;
  expected: string | undefined;
}

const WIN_ENV = {
  LOCALAPPDATA: 'C:\\Users\\张三\\AppData\\Local',
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
};

const cases: Case[] = [
  { name: 'CHROME_PATH wins over everything', env: { CHROME_PATH: '/opt/my chrome/chrome', PUPPETEER_EXECUTABLE_PATH: '/x' }, platform: 'linux', exists: only('/usr/bin/chromium'), expected: '/opt/my chrome/chrome' },
  { name: 'PUPPETEER_EXECUTABLE_PATH next', env: { PUPPETEER_EXECUTABLE_PATH: '/x/chrome' }, platform: 'linux', exists: only('/usr/bin/chromium'), expected: '/x/chrome' },
  { name: 'an env var naming a missing file is returned, not skipped', env: { CHROME_PATH: '/missing/chrome' }, platform: 'linux', exists: nothingExists, expected: '/missing/chrome' },
  { name: 'an empty env var is ignored', env: { CHROME_PATH: '  ' }, platform: 'linux', exists: only('/usr/bin/chromium'), expected: '/usr/bin/chromium' },
  { name: 'linux: Debian chromium', env: {}, platform: 'linux', exists: only('/usr/bin/chromium', '/usr/bin/google-chrome'), expected: '/usr/bin/chromium' },
  { name: 'linux: chromium-browser (Ubuntu)', env: {}, platform: 'linux', exists: only('/usr/bin/chromium-browser'), expected: '/usr/bin/chromium-browser' },
  { name: 'linux: Google Chrome', env: {}, platform: 'linux', exists: only('/usr/bin/google-chrome-stable'), expected: '/usr/bin/google-chrome-stable' },
  { name: 'linux: snap', env: {}, platform: 'linux', exists: only('/snap/bin/chromium'), expected: '/snap/bin/chromium' },
  { name: 'linux: Edge', env: {}, platform: 'linux', exists: only('/usr/bin/microsoft-edge'), expected: '/usr/bin/microsoft-edge' },
  { name: 'freebsd uses the unix paths', env: {}, platform: 'freebsd', exists: only('/usr/bin/chromium'), expected: '/usr/bin/chromium' },
  { name: 'macOS: Chrome', env: { HOME: '/Users/li' }, platform: 'darwin', exists: only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'), expected: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' },
  { name: 'macOS: per-user Chromium', env: { HOME: '/Users/li' }, platform: 'darwin', exists: only('/Users/li/Applications/Chromium.app/Contents/MacOS/Chromium'), expected: '/Users/li/Applications/Chromium.app/Contents/MacOS/Chromium' },
  { name: 'macOS: Edge', env: {}, platform: 'darwin', exists: only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'), expected: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge' },
  { name: 'windows: per-user Chrome first', env: WIN_ENV, platform: 'win32', exists: only('C:\\Users\\张三\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'), expected: 'C:\\Users\\张三\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe' },
  { name: 'windows: Chrome in Program Files', env: WIN_ENV, platform: 'win32', exists: only('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'), expected: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe' },
  { name: 'windows: Edge in Program Files (x86)', env: WIN_ENV, platform: 'win32', exists: only('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'), expected: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' },
  { name: 'windows: env names are case-insensitive', env: { ProgramFiles: 'D:\\Apps' }, platform: 'win32', exists: only('D:\\Apps\\Google\\Chrome\\Application\\chrome.exe'), expected: 'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe' },
  { name: 'windows: Chrome preferred over Edge', env: WIN_ENV, platform: 'win32', exists: only('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'), expected: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe' },
  { name: 'linux: none', env: {}, platform: 'linux', exists: nothingExists, expected: undefined },
  { name: 'macOS: none', env: {}, platform: 'darwin', exists: nothingExists, expected: undefined },
  { name: 'windows: none', env: WIN_ENV, platform: 'win32', exists: nothingExists, expected: undefined },
  { name: 'windows: no env at all', env: {}, platform: 'win32', exists: () => true, expected: undefined },
];

for (const c of cases) {
  test(`findBrowser: ${c.name}`, () => {
    assert.equal(findBrowser(c.env, c.platform, c.exists), c.expected);
  });
}

test('browserCandidates: linux starts with Debian chromium, all absolute', () => {
  const paths = browserCandidates({}, 'linux');
  assert.equal(paths[0], '/usr/bin/chromium');
  assert.ok(paths.every((path) => path.startsWith('/')));
});

test('requireBrowser: none found → UserError with exit code "browser" and both hints', () => {
  assert.throws(
    () => requireBrowser({}, 'linux', nothingExists),
    (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.exitCode, ExitCode.browser);
      assert.match(error.message, /Chrome、Chromium 或 Edge/);
      assert.match(error.hint ?? '', /sudo apt-get install chromium fonts-noto-cjk/);
      assert.match(error.hint ?? '', /CHROME_PATH=\/path\/to\/chrome/);
      return true;
    },
  );
});

test('requireBrowser: returns what findBrowser finds', () => {
  assert.equal(requireBrowser({}, 'linux', only('/usr/bin/chromium')), '/usr/bin/chromium');
});
