// Finds a Chrome, Chromium or Edge that is already installed; we never download one.
// Pure: the environment, platform and a file test are parameters, so a table test covers every platform.
import { existsSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { ExitCode, UserError } from '../errors.ts';

/** Environment variables naming a browser, in the order they win. */
export const BROWSER_ENV_VARS = ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'] as const;

const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge-stable',
  '/usr/bin/microsoft-edge',
  '/opt/microsoft/msedge/msedge',
];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

const WINDOWS_EXES = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];
// Per-user installs first (LOCALAPPDATA), then machine-wide ones.
const WINDOWS_ROOTS = ['LOCALAPPDATA', 'PROGRAMFILES', 'PROGRAMFILES(X86)'];

export const BROWSER_HINT =
  '请安装一个，例如在 Debian/Ubuntu 上：sudo apt-get install chromium fonts-noto-cjk\n' +
  '或者告诉 dangke 浏览器在哪里：CHROME_PATH=/path/to/chrome';

/** Windows environment names are case-insensitive; a plain object passed in a test is not. */
function envValue(env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform): string | undefined {
  const direct = env[name];
  if (direct !== undefined || platform !== 'win32') return direct;
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}

/** The well-known install locations for a platform, in order of preference. */
export function browserCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    const home = env['HOME'];
    const roots = ['/Applications', ...(home ? [posix.join(home, 'Applications')] : [])];
    return MAC_APPS.flatMap((app) => roots.map((root) => posix.join(root, app)));
  }
  if (platform === 'win32') {
    const roots = WINDOWS_ROOTS.map((name) => envValue(env, name, platform)).filter((root): root is string => !!root);
    return WINDOWS_EXES.flatMap((exe) => roots.map((root) => win32.join(root, exe)));
  }
  return LINUX_PATHS;
}

/**
 * The browser to use, or undefined when none is found.
 * An environment variable wins and is returned even when its file is missing: the user asked for that
 * browser, so silently taking another would hide their mistake; launching it fails with a clear message.
 */
export function findBrowser(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  exists: (path: string) => boolean,
): string | undefined {
  for (const name of BROWSER_ENV_VARS) {
    const value = envValue(env, name, platform)?.trim();
    if (value) return value;
  }
  return browserCandidates(env, platform).find((path) => exists(path));
}

/** The browser to use; a UserError (exit code "browser") with install hints when there is none. */
export function requireBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string {
  const found = findBrowser(env, platform, exists);
  if (found === undefined) {
    throw new UserError('没有找到 Chrome、Chromium 或 Edge 浏览器；导出 PDF 需要其中一个。', {
      hint: BROWSER_HINT,
      exitCode: ExitCode.browser,
    });
  }
  return found;
}
