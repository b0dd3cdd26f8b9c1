// npm postinstall: make sure a browser (for PDFs) and a Chinese font (against tofu) are on the machine.
// Never fails `npm install`: when it cannot install, it prints the command to run and exits 0.
//   DANGKE_SKIP_SYSTEM_DEPS=1  skip entirely (CI images that bring their own browser).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

function run(command: string, args: string[]): boolean {
  say(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error || result.status !== 0) {
    say(`failed: ${command} ${args.join(' ')} (${result.error?.message ?? `exit code ${result.status}`})`);
    return false;
  }
  return true;
}

function printHints(missing: string): void {
  say(`${missing} missing: dangke can build decks, but PDF export or Chinese glyphs need them. To install:`);
  for (const hint of HINTS) process.stdout.write(`${hint}\n`);
}

function main(): void {
  if (process.env['DANGKE_SKIP_SYSTEM_DEPS'] === '1') return;
  const browser = findBrowser(process.env, process.platform, existsSync);
  const font = hasChineseFont();
  if (browser !== undefined && font) return;

  const missing = [browser === undefined ? 'a browser (Chromium/Chrome/Edge)' : '', font ? '' : 'a Chinese font']
    .filter(Boolean)
    .join(' and ');
  const isRoot = process.getuid?.() === 0;
  if (process.platform !== 'linux' || !isDebianLike() || !isRoot) {
    printHints(missing);
    return;
  }
  say(`${missing} missing: installing ${DEBIAN_PACKAGES.join(' ')} with apt-get.`);
  if (!run('apt-get', ['update']) || !run('apt-get', APT_INSTALL.split(' ').slice(1))) {
    say(`Could not install them. Run by hand: ${APT_INSTALL}`);
  }
}

try {
  main();
} catch (error) {
  say(`system dependency check failed (${error instanceof Error ? error.message : String(error)}); continuing.`);
}
process.exitCode = 0;
