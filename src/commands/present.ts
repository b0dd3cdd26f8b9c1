// `present [deck]`: open the built deck in the system's browser, fullscreen where the browser allows, to
// lecture from. Builds it first (without the PDF) when dist/<name>/index.html is missing or older than the
// deck's Markdown. The browser is started detached, so the terminal is free at once.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExitCode, UserError } from '../errors.ts';
import { findBrowser } from '../export/find-browser.ts';
import { listDeckFiles } from '../fs/list.ts';
import { DIST_DIR, SLIDES_DIR, deckName } from '../paths.ts';
import type { Reporter } from '../report.ts';
import { buildCommand } from './build.ts';

export interface PresentOptions {
  root: string;
  /** A deck: its Markdown (slides/<name>.md) or its name; default: the deck in slides/ edited last. */
  deck?: string;
}

/** A program and its arguments, exactly as they will be started. */
export interface OpenCommand {
  command: string;
  args: string[];
}

/** What presentCommand needs from the machine; tests replace each part. */
export interface PresentDependencies {
  /** Starts the command without waiting for it; default: spawn, detached, unref'ed. */
  open?: (command: OpenCommand) => Promise<void>;
  /** Builds decks; default: buildCommand. */
  build?: typeof buildCommand;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  exists?: (path: string) => boolean;
}

/** Chrome, Chromium and Edge all take these: fullscreen (F11 leaves it), in a window of its own. */
export const FULLSCREEN_ARGS = ['--start-fullscreen', '--new-window'];

/**
 * How to open url: a Chromium-family browser with its fullscreen switch when one is installed (the same
 * finder as the PDF export), else whatever the system opens web pages with.
 */
export function openCommandFor(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, exists: (path: string) => boolean): OpenCommand {
  const browser = findBrowser(env, platform, exists);
  if (browser !== undefined) return { command: browser, args: [...FULLSCREEN_ARGS, url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title, so give it an empty one.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Starts the browser detached from this process, so quitting the terminal leaves the lecture running. */
export function spawnDetached(command: OpenCommand): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command.command, command.args, { detached: true, stdio: 'ignore', windowsHide: false });
    child.once('error', (error) => {
      reject(
        new UserError(`无法启动浏览器 ${command.command}：${error.message}`, {
          hint: '可以直接双击打开 dist/<名称>/index.html，或用 CHROME_PATH 指定浏览器。',
          exitCode: ExitCode.browser,
          cause: error,
        }),
      );
    });
    child.once('spawn', () => {
      child.unref();
      resolvePromise();
    });
  });
}

async function modifiedMs(path: string): Promise<number | undefined> {
  return stat(path).then((info) => info.mtimeMs, () => undefined);
}

/** The deck's Markdown file (it may not exist) and its name. */
async function chooseDeck(root: string, deck: string | undefined, reporter: Reporter): Promise<{ file: string; name: string }> {
  if (deck !== undefined && deck.trim() !== '') {
    const given = deck.trim();
    if (/\.md$/i.test(given)) {
      const file = isAbsolute(given) ? given : resolve(root, given);
      return { file, name: deckName(file) };
    }
    const name = deckName(given);
    return { file: join(root, SLIDES_DIR, `${name}.md`), name };
  }
  const decks = await listDeckFiles(root);
  if (decks.length === 0) {
    throw new UserError(`没有可放映的幻灯片：${SLIDES_DIR}/ 中没有 .md 文件。`, {
      hint: '先运行 npm run build，或指定幻灯片：npm run present -- slides/名称.md',
      exitCode: ExitCode.input,
    });
  }
  // Several decks: the one edited last is the one about to be given.
  const dated = await Promise.all(decks.map(async (file) => ({ file, time: (await modifiedMs(file)) ?? 0 })));
  dated.sort((a, b) => b.time - a.time || a.file.localeCompare(b.file));
  const chosen = dated[0]!.file;
  if (decks.length > 1) reporter.info(`${SLIDES_DIR}/ 中有 ${decks.length} 套幻灯片，放映最近修改的 ${relative(root, chosen)}。`);
  return { file: chosen, name: deckName(chosen) };
}

export async function presentCommand(options: PresentOptions, reporter: Reporter, dependencies: PresentDependencies = {}): Promise<void> {
  const { root } = options;
  const build = dependencies.build ?? buildCommand;
  const open = dependencies.open ?? spawnDetached;
  const { file, name } = await chooseDeck(root, options.deck, reporter);
  let indexHtml = join(root, DIST_DIR, name, 'index.html');

  const [sourceTime, builtTime] = await Promise.all([modifiedMs(file), modifiedMs(indexHtml)]);
  if (sourceTime === undefined && builtTime === undefined) {
    throw new UserError(`找不到幻灯片 ${relative(root, file) || file}，也没有构建好的 ${relative(root, indexHtml)}。`, {
      hint: '请检查名称，或先运行 npm run build。',
      exitCode: ExitCode.input,
    });
  }
  if (sourceTime !== undefined && (builtTime === undefined || builtTime < sourceTime)) {
    reporter.info(builtTime === undefined ? `还没有构建 ${name}，先构建（不含 PDF）……` : `${relative(root, file)} 已修改，重新构建（不含 PDF）……`);
    const [built] = await build({ root, decks: [file], pdf: false }, reporter);
    if (built) indexHtml = built.indexHtml;
  }

  // "#/": the first slide, whatever slide the hash of an earlier session pointed at.
  const url = `${pathToFileURL(indexHtml).href}#/`;
  const command = openCommandFor(url, dependencies.env ?? process.env, dependencies.platform ?? process.platform, dependencies.exists ?? existsSync);
  await open(command);
  reporter.out(`放映 ${relative(root, indexHtml) || indexHtml}：按 S 打开演讲者视图，F11 或 Esc 退出全屏，B 黑屏。`);
}
