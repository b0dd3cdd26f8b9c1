// `npm install` runs this once dependencies are in place. Its whole output is a line or two in Chinese:
//   1. the browser and Chinese font PDFs need: found, or installed with apt-get (its output goes to a
//      log file), or the command to install them by hand (scripts/install-system-deps.ts);
//   2. the command line compiled to plain JavaScript so the npm scripts start at once (scripts/compile-cli.ts;
//      when this fails the npm scripts still work, through tsx, and compile on their next run), and the
//      deck's script (reveal.js and our client) bundled into its cache, so that the first build does not
//      bundle it (src/page/bundle.ts; a failure here only leaves that to the first build).
// Never fails the install.
import { join } from 'node:path';
import { bundleClientScript } from '../src/page/bundle.ts';
import { compileCli, PROJECT_ROOT } from './compile-cli.ts';
import { installSystemDeps } from './install-system-deps.ts';

function say(line: string): void {
  process.stdout.write(`[dangke] ${line}\n`);
}

let systemDeps: ReturnType<typeof installSystemDeps> | 'error';
try {
  systemDeps = installSystemDeps(join(PROJECT_ROOT, 'node_modules', '.cache', 'dangke', 'apt-get.log'));
} catch (error) {
  systemDeps = 'error';
  say(`检查浏览器和中文字体时出错，已跳过（${error instanceof Error ? error.message : String(error)}）。`);
}

let compiled: boolean;
try {
  await Promise.all([compileCli(), bundleClientScript().catch(() => undefined)]);
  compiled = true;
} catch (error) {
  compiled = false;
  say(`预编译命令行未成功，npm run 命令仍可使用，只是启动稍慢（${error instanceof Error ? error.message.split('\n')[0] : String(error)}）。`);
}

if (compiled) {
  const found = systemDeps === 'ready' ? '浏览器和中文字体已就绪，' : '';
  say(`${found}命令已准备好。试一试：npm run build`);
}
process.exitCode = 0;
