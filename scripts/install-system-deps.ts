// Part of the npm postinstall (scripts/postinstall.ts); also runs alone: `npx tsx scripts/install-system-deps.ts`.
// Makes sure a browser (for PDFs) and a Chinese font (against tofu) are on the machine.
// Never fails `npm install`: when it cannot install, it prints the command to run and exits 0.
//   DANGKE_SKIP_SYSTEM_DEPS=1  skip entirely (CI images that bring their own browser).
import { spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findBrowser } from '../src/export/find-browser.ts';

const DEBIAN_PACKAGES = ['chromium', 'fonts-noto-cjk'];
const APT_INSTALL = `apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`;

const HINTS = [
  `  Debian/Ubuntu:  sudo apt-get update && sudo ${APT_INSTALL}`,
  '  Fedora:         sudo dnf install chromium google-noto-sans-cjk-fonts google-noto-serif-cjk-fonts',
  '  macOS:          brew install --cask chromium && brew install --cask font-noto-sans-cjk-sc font-noto-serif-cjk-sc',
  '  Or use an installed Chrome/Edge: CHROME_PATH=/path/to/chrome',
];

function say(line: string): void {
  process.stdout.write(`[dangke] ${line}\n`);
}

function hasChineseFont(): boolean {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  // No fontconfig (macOS, Windows) → cannot tell; assume the system has CJK fonts, as those systems do.
  if (result.error) return process.platform !== 'linux';
  return result.status === 0 && result.stdout.trim() !== '';
}

function isDebianLike(): boolean {
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    const fields = ['ID', 'ID_LIKE'].map((key) => new RegExp(`^${key}=("?)([^"\\n]*)\\1$`, 'm').exec(osRelease)?.[2] ?? '');
    return fields.join(' ').split(/\s+/).some((id) => id === 'debian' || id === 'ubuntu');
  } catch {
    return false;
  }
}

/**
 * Runs a command with its output going to the log file, not the terminal: apt-get prints hundreds of
 * lines nobody at `npm install` needs to read. On failure the log's last lines are shown.
 */
function runLogged(command: string, args: string[], log: string): boolean {
  appendFileSync(log, `\n$ ${command} ${args.join(' ')}\n`);
  const fd = openSync(log, 'a');
  try {
    const result = spawnSync(command, args, { stdio: ['ignore', fd, fd], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.error || result.status !== 0) {
      appendFileSync(log, `failed: ${result.error?.message ?? `exit code ${result.status}`}\n`);
      return false;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

function lastLines(file: string, count: number): string[] {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count);
  } catch {
    return [];
  }
}

function printHints(missing: string): void {
  say(`缺少${missing}：仍可生成网页幻灯片，但导出 PDF 需要浏览器。安装命令 / To install:`);
  for (const hint of HINTS) process.stdout.write(`${hint}\n`);
}

export interface Machine {
  skip: boolean;
  hasBrowser: boolean;
  hasChineseFont: boolean;
  platform: NodeJS.Platform;
  debianLike: boolean;
  root: boolean;
}

/** What to do on this machine: nothing, print the commands to run, or install with apt-get ourselves. */
export function plan(machine: Machine): 'nothing' | 'hint' | 'apt' {
  if (machine.skip || (machine.hasBrowser && machine.hasChineseFont)) return 'nothing';
  return machine.platform === 'linux' && machine.debianLike && machine.root ? 'apt' : 'hint';
}

/**
 * Checks the machine and installs what is missing when it can; says in a line or two what it found and
 * did. Returns what it did, for the postinstall summary. Never throws for a missing package.
 */
export function installSystemDeps(log: string): 'ready' | 'skipped' | 'installed' | 'hint' | 'failed' {
  const browser = findBrowser(process.env, process.platform, existsSync);
  const machine: Machine = {
    skip: process.env['DANGKE_SKIP_SYSTEM_DEPS'] === '1',
    hasBrowser: browser !== undefined,
    hasChineseFont: process.env['DANGKE_SKIP_SYSTEM_DEPS'] === '1' || hasChineseFont(),
    platform: process.platform,
    debianLike: isDebianLike(),
    root: process.getuid?.() === 0,
  };
  const action = plan(machine);
  if (action === 'nothing') return machine.skip ? 'skipped' : 'ready';
  const missing = [machine.hasBrowser ? '' : '浏览器（Chromium/Chrome/Edge）/ a browser', machine.hasChineseFont ? '' : '中文字体 / a Chinese font']
    .filter(Boolean)
    .join('、');
  if (action === 'hint') {
    printHints(missing);
    return 'hint';
  }
  mkdirSync(dirname(log), { recursive: true });
  writeFileSync(log, `dangke postinstall: apt-get install ${DEBIAN_PACKAGES.join(' ')}, ${new Date().toISOString()}\n`);
  say(`缺少${missing}：正在用 apt-get 安装 ${DEBIAN_PACKAGES.join(' ')}，约需一两分钟……`);
  if (runLogged('apt-get', ['update'], log) && runLogged('apt-get', APT_INSTALL.split(' ').slice(1), log)) {
    say(`已安装 ${DEBIAN_PACKAGES.join(' ')}（apt-get 的输出记在 ${log}）。`);
    return 'installed';
  }
  say(`未能自动安装，apt-get 的最后几行（全文在 ${log}）：`);
  for (const line of lastLines(log, 5)) process.stdout.write(`  ${line}\n`);
  say(`请手动运行 / Please run: sudo apt-get update && sudo ${APT_INSTALL}`);
  return 'failed';
}

// Run only as the postinstall script, not when a test imports plan().
if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split(/[\\/]/).pop() ?? '\0')) {
  try {
    installSystemDeps(join(tmpdir(), 'dangke-apt-get.log'));
  } catch (error) {
    say(`系统依赖检查失败，已跳过 / system dependency check failed (${error instanceof Error ? error.message : String(error)}); continuing.`);
  }
  process.exitCode = 0;
}
