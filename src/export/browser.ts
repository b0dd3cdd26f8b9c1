// Starts a headless browser for the length of one piece of work and always closes it again.
// Started lazily (only when something needs it), never kept in a module-level singleton.
//
// Faults are bounded and end in a UserError (exit code "browser"), never in a hang or a stray process:
// - a browser that does not answer while starting is killed after the launch timeout
//   (DANGKE_BROWSER_TIMEOUT_MS, default 30 s) and started once more before giving up;
// - a browser that crashes, or stops answering, during the work is reported as such (and, for work that
//   asks for it with `retryOnCrash`, started once more and the work redone);
// - whatever happens, the browser's whole process group is killed and its temporary profile removed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { ProtocolError, TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { ExitCode, UserError, isUserError } from '../errors.ts';
import { BROWSER_HINT, requireBrowser } from './find-browser.ts';
import { guardNetwork } from './network-guard.ts';

/** How long a browser may take to start and answer, unless DANGKE_BROWSER_TIMEOUT_MS says otherwise. */
const DEFAULT_LAUNCH_TIMEOUT_MS = 30_000;
export const LAUNCH_TIMEOUT_ENV = 'DANGKE_BROWSER_TIMEOUT_MS';
/** How long one call to the browser may take, unless the work asks for longer (WithBrowserOptions). */
const PROTOCOL_TIMEOUT_MS = 120_000;
const CLOSE_TIMEOUT_MS = 5_000;
/** Attempts to start the browser: a slow or crashed first start often succeeds the second time. */
const LAUNCH_ATTEMPTS = 2;

/**
 * --no-sandbox: Chromium refuses to run as root (containers, CI) without it; we only load our own files.
 * The rest keep a machine with no network quiet and fast: no update checks, sync, first-run UI or QUIC.
 * --disable-dev-shm-usage: Docker's 64 MB /dev/shm crashes Chromium on large pages.
 * --font-render-hinting=none: the same glyph metrics in screen layout and PDF.
 * --disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup: Chromium 15x preloads the address bar's
 *   pop-ups (two renderers running web apps) even when headless, where no address bar exists; on two
 *   cores that took 0.3 s from a bare launch-print-close and 0.6 s from printing a 28-slide deck
 *   (puppeteer merges this list with its own --disable-features).
 */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

export interface WithBrowserOptions {
  /** The browser to run; found with requireBrowser() when not given. */
  executablePath?: string;
  /**
   * Environment variables for the browser on top of this process's own, e.g. FONTCONFIG_FILE to run it
   * with no system fonts (the test that the deck's bundled fonts suffice).
   */
  env?: Record<string, string>;
  /**
   * Redo the work once in a new browser when the browser crashes during it. Only for work that can safely
   * run twice (e.g. exports that overwrite their files atomically); off by default.
   */
  retryOnCrash?: boolean;
  /**
   * How long one call to the browser may take, when the work needs more than the default 2 minutes (a big
   * deck: see protocolTimeoutForDecks in timeouts.ts). puppeteer fixes it when the browser starts.
   */
  protocolTimeoutMs?: number;
}

/** The launch timeout: DANGKE_BROWSER_TIMEOUT_MS when it is a positive number, else 30 s. */
export function launchTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env[LAUNCH_TIMEOUT_ENV]);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_LAUNCH_TIMEOUT_MS;
}

export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>, options: WithBrowserOptions = {}): Promise<T> {
  const executablePath = options.executablePath ?? requireBrowser();
  const attempts = options.retryOnCrash === true ? 2 : 1;
  for (let attempt = 1; ; attempt += 1) {
    const session = await startBrowser(executablePath, options.env, Math.max(PROTOCOL_TIMEOUT_MS, options.protocolTimeoutMs ?? 0));
    try {
      return await fn(session.browser);
    } catch (error) {
      const crashed = !session.browser.connected || session.exited();
      if (crashed && attempt < attempts) continue;
      throw explainFailure(error, crashed, executablePath);
    } finally {
      await session.dispose();
    }
  }
}

/** What a guarded page saw: script errors (for messages) and the non-local URLs it tried (all blocked). */
export interface PageWatch {
  readonly pageErrors: readonly string[];
  readonly blockedRequests: readonly string[];
}

/**
 * A new page for `fn`, its script errors collected and its network guarded; closed afterwards, also on errors.
 * The page opens behind the browser's first tab: it is only ever printed, and headless Chromium gives a tab
 * in the background no animation frames, so the deck is not also painted for a screen nobody sees and
 * composited by the browser (about 0.1 s of a build; print-ready.ts paces reveal's frames by timers).
 */
export async function withGuardedPage<T>(browser: Browser, fn: (page: Page, watch: PageWatch) => Promise<T>): Promise<T> {
  const page = await browser.newPage({ background: true });
  try {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
    const network = await guardNetwork(page);
    return await fn(page, { pageErrors, blockedRequests: network.blocked });
  } finally {
    await page.close().catch(() => undefined);
  }
}

interface BrowserSession {
  browser: Browser;
  /** True once the browser's main process has exited. */
  exited(): boolean;
  /** Closes the browser (killing its process group if it does not close in time) and removes its profile. */
  dispose(): Promise<void>;
}

async function startBrowser(executablePath: string, env: Record<string, string> | undefined, protocolTimeoutMs: number): Promise<BrowserSession> {
  const timeoutMs = launchTimeoutMs();
  let lastError: unknown;
  for (let attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt += 1) {
    // A fresh profile every time: no locks held by another Chromium, no state carried between runs.
    const userDataDir = await mkdtemp(join(tmpdir(), 'dangke-chrome-'));
    const removeProfile = (): Promise<void> =>
      // Chromium may still be flushing its profile for a moment after exit; retry instead of failing.
      rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
    try {
      const browser = await launchWithin(executablePath, userDataDir, env, timeoutMs, protocolTimeoutMs);
      const child = browser.process();
      let exited = child === null || child.exitCode !== null || child.signalCode !== null;
      child?.once('exit', () => {
        exited = true;
      });
      return {
        browser,
        exited: () => exited,
        dispose: async () => {
          await shutDown(browser, CLOSE_TIMEOUT_MS);
          await removeProfile();
        },
      };
    } catch (error) {
      await removeProfile();
      lastError = error;
      if (!worthRetrying(error)) break;
    }
  }
  throw launchError(executablePath, lastError, timeoutMs);
}

class LaunchTimeout extends Error {}

/**
 * puppeteer.launch, bounded. With `pipe: true` puppeteer's own `timeout` does not cover a browser that
 * starts but never answers on the pipe (the wait is then the protocol timeout, minutes); the abort signal
 * makes puppeteer kill the browser's process group, and the race makes sure we stop waiting either way.
 */
async function launchWithin(
  executablePath: string,
  userDataDir: string,
  env: Record<string, string> | undefined,
  timeoutMs: number,
  protocolTimeoutMs: number,
): Promise<Browser> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const launching = puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    // A copy: puppeteer takes --disable-features out of the array it is given (to merge it with its own).
    args: [...BROWSER_ARGS],
    userDataDir,
    timeout: timeoutMs,
    protocolTimeout: protocolTimeoutMs,
    signal: controller.signal,
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new LaunchTimeout(`no answer within ${timeoutMs / 1000} s`));
      reject(new LaunchTimeout(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([launching, timedOut]);
  } catch (error) {
    // A launch that completes after we gave up must not leave a browser running.
    launching.then((late) => closeWithin(late, CLOSE_TIMEOUT_MS), () => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A timeout or a browser that died while starting may do better on a second try; a missing file will not. */
function worthRetrying(error: unknown): boolean {
  if (error instanceof LaunchTimeout || error instanceof TimeoutError) return true;
  const message = error instanceof Error ? error.message : String(error);
  if (/not found|ENOENT|EACCES|EPERM|ENOEXEC|spawn/i.test(message)) return false;
  return true;
}

function launchError(executablePath: string, error: unknown, timeoutMs: number): UserError {
  const tried = LAUNCH_ATTEMPTS > 1 && worthRetrying(error) ? `（试了 ${LAUNCH_ATTEMPTS} 次）` : '';
  const reason =
    error instanceof LaunchTimeout || error instanceof TimeoutError
      ? `${timeoutMs / 1000} 秒内没有响应`
      : error instanceof Error
        ? (error.message.split('\n')[0] ?? error.message)
        : String(error);
  return new UserError(`无法启动浏览器 ${executablePath}${tried}：${reason}`, {
    hint: `${BROWSER_HINT}\n如果电脑较慢，可以多给它一些启动时间：${LAUNCH_TIMEOUT_ENV}=60000`,
    exitCode: ExitCode.browser,
    cause: error,
  });
}

/**
 * The work failed. A UserError is the work's own message and passes on, as does any other error while the
 * browser is healthy (a bug shows as one). A crash, a lost connection or a browser that stopped answering
 * is the browser's failure: a UserError with exit code "browser".
 */
function explainFailure(error: unknown, crashed: boolean, executablePath: string): unknown {
  if (isUserError(error) && !crashed) return error;
  const browserFault = crashed || error instanceof ProtocolError || error instanceof TimeoutError;
  if (!browserFault) return error;
  const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const what = crashed ? '意外退出了' : '不再响应了';
  return new UserError(`导出时浏览器 ${executablePath} ${what}（${detail}）。没有写出不完整的文件。`, {
    hint: '请再运行一次命令。如果一直失败，请检查内存和磁盘空间是否够用，或用 CHROME_PATH=/path/to/chrome 换一个浏览器试试。',
    exitCode: ExitCode.browser,
    cause: error,
  });
}

/**
 * Ends a browser whose work is done. Its profile is a temporary folder, removed right after, so there is
 * nothing for it to save: on POSIX its process group is killed rather than asked to close, which Chromium
 * takes 0.2–0.4 s to do, time every build would wait at its end. Windows has no process groups; there
 * the browser is asked to close (and killed if it does not).
 */
async function shutDown(browser: Browser, ms: number): Promise<void> {
  const child = browser.process();
  if (child === null || process.platform === 'win32') return closeWithin(browser, ms);
  if (child.exitCode === null && child.signalCode === null) {
    let timer: NodeJS.Timeout | undefined;
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      timer = setTimeout(resolve, ms);
    });
    killGroup(browser);
    await exited;
    clearTimeout(timer);
  }
  // Whatever of the group is left (a renderer that outlived the main process) goes too.
  killGroup(browser);
}

async function closeWithin(browser: Browser, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    const outcome = await Promise.race([browser.close().then(() => 'closed' as const), timeout]);
    if (outcome === 'timeout') killGroup(browser);
  } catch {
    killGroup(browser);
  } finally {
    clearTimeout(timer);
  }
  // The main process may be gone while a renderer or zygote it started lingers: end the whole group.
  killGroup(browser);
}

/** SIGKILL to the browser's process group (puppeteer starts it as a group leader on POSIX), else to it. */
function killGroup(browser: Browser): void {
  const child = browser.process();
  const pid = child?.pid;
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') child?.kill('SIGKILL');
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: nothing of the group is left.
  }
}
