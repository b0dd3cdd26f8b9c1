// Starts a headless browser for the length of one piece of work and always closes it again.
// Started lazily (only when something needs it), never kept in a module-level singleton.
//
// Faults are bounded and end in a UserError (exit code "browser"), never in a hang or a stray process:
// - a browser that does not answer while starting is killed after the launch timeout
//   (DANGKE_BROWSER_TIMEOUT_MS, default 30 s) and started once more before giving up;
// - a browser that crashes, or stops answering, during the work is reported as such (and, for work that
//   asks for it with `retryOnCrash`, started once more and the work redone);
// - whatever happens, the browser's whole process group is killed and its temporary profile removed.
import type { Browser, ConnectionTransport, Page } from 'puppeteer-core';
import { driver, ProtocolError, TimeoutError } from './puppeteer-connect.ts';
import { ExitCode, UserError, isUserError } from '../errors.ts';
import { BROWSER_ARGS, killProcessGroup, spawnBrowser, type BrowserProcess } from './browser-process.ts';
import { BROWSER_HINT, requireBrowser } from './find-browser.ts';
import { guardNetwork } from './network-guard.ts';
import { closeTab, openTab } from './open-tab.ts';
import { trace } from './trace.ts';

export { closeTab, openTab };

export { BROWSER_ARGS };

/** How long a browser may take to start and answer, unless DANGKE_BROWSER_TIMEOUT_MS says otherwise. */
const DEFAULT_LAUNCH_TIMEOUT_MS = 30_000;
export const LAUNCH_TIMEOUT_ENV = 'DANGKE_BROWSER_TIMEOUT_MS';
/** How long one call to the browser may take, unless the work asks for longer (WithBrowserOptions). */
const PROTOCOL_TIMEOUT_MS = 120_000;
const CLOSE_TIMEOUT_MS = 5_000;
/** Attempts to start the browser: a slow or crashed first start often succeeds the second time. */
const LAUNCH_ATTEMPTS = 2;
/** puppeteer.launch's default page size, kept for pages that set none (check measures at its own size). */
const DEFAULT_VIEWPORT = { width: 800, height: 600 };

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
   * A browser the command started before loading puppeteer (see startBrowserEarly in early-browser.ts):
   * the first attempt connects to it instead of starting another. withBrowser owns it from then on and
   * always ends it, also when it is not used.
   */
  started?: BrowserProcess;
  /**
   * How long one call to the browser may take, when the work needs more than the default 2 minutes (a big
   * deck: see protocolTimeoutForDecks in timeouts.ts). puppeteer fixes it when it connects.
   */
  protocolTimeoutMs?: number;
}

/** The launch timeout: DANGKE_BROWSER_TIMEOUT_MS when it is a positive number, else 30 s. */
export function launchTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env[LAUNCH_TIMEOUT_ENV]);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_LAUNCH_TIMEOUT_MS;
}

export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>, options: WithBrowserOptions = {}): Promise<T> {
  try {
    const executablePath = options.executablePath ?? requireBrowser();
    // The browser started early is used only when it is the one asked for, as it was started (no extra env).
    const early = options.started?.executablePath === executablePath && options.env === undefined ? options.started : undefined;
    const protocolTimeoutMs = Math.max(PROTOCOL_TIMEOUT_MS, options.protocolTimeoutMs ?? 0);
    const attempts = options.retryOnCrash === true ? 2 : 1;
    for (let attempt = 1; ; attempt += 1) {
      const session = await startBrowser(executablePath, options.env, protocolTimeoutMs, attempt === 1 ? early : undefined);
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
  } finally {
    // Ended in every case (disposing is idempotent): also when it was not used (no browser found, another asked for).
    await options.started?.dispose();
  }
}

/** What a guarded page saw: script errors (for messages) and the non-local URLs it tried (all blocked). */
export interface PageWatch {
  readonly pageErrors: readonly string[];
  readonly blockedRequests: readonly string[];
}

/**
 * A page for `fn`, its script errors collected and its network guarded; closed (or emptied) afterwards, also on errors.
 * The first is the browser's own blank tab (openTab: its renderer is already running, which saves more
 * than painting a visible tab costs); later ones open behind it, where headless Chromium gives a tab no
 * animation frames, so the deck is not also painted for a screen nobody sees (print-ready.ts paces
 * reveal's frames by timers, so either works).
 */
export async function withGuardedPage<T>(browser: Browser, fn: (page: Page, watch: PageWatch) => Promise<T>): Promise<T> {
  const page = await openTab(browser, { background: true });
  trace('page: tab open');
  try {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
    const network = await guardNetwork(page);
    return await fn(page, { pageErrors, blockedRequests: network.blocked });
  } finally {
    await closeTab(page);
  }
}

interface BrowserSession {
  browser: Browser;
  /** True once the browser's main process has exited. */
  exited(): boolean;
  /** Closes the browser (killing its process group if it does not close in time) and removes its profile. */
  dispose(): Promise<void>;
}

/** The Chromium process behind a browser withBrowser started (for tests: its pid, its profile). */
const processes = new WeakMap<Browser, BrowserProcess>();

export function browserProcessOf(browser: Browser): BrowserProcess | undefined {
  return processes.get(browser);
}

/**
 * Starts Chromium (or takes the one started early) and connects puppeteer to it, bounded by the launch
 * timeout; a start that fails in a way worth retrying is tried once more with a fresh process.
 */
async function startBrowser(
  executablePath: string,
  env: Record<string, string> | undefined,
  protocolTimeoutMs: number,
  early: BrowserProcess | undefined,
): Promise<BrowserSession> {
  const timeoutMs = launchTimeoutMs();
  let lastError: unknown;
  for (let attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt += 1) {
    const spawned = attempt === 1 && early ? early : spawnBrowser(executablePath, env);
    try {
      const browser = await connectWithin(spawned, timeoutMs, protocolTimeoutMs);
      processes.set(browser, spawned);
      // puppeteer attaches to the browser's first tab only when asked (0.2–0.4 s); asked now, the attaching
      // overlaps whatever the caller still does before its first page (a build: writing the pages).
      browser.pages().catch(() => undefined);
      return {
        browser,
        exited: spawned.exited,
        dispose: async () => {
          await shutDown(browser, spawned, CLOSE_TIMEOUT_MS);
          await spawned.dispose();
        },
      };
    } catch (error) {
      await spawned.dispose();
      lastError = error;
      if (!worthRetrying(error)) break;
    }
  }
  throw launchError(executablePath, lastError, timeoutMs);
}

class LaunchTimeout extends Error {}

/** A browser that could not be started or stopped before it answered, with what it said on stderr. */
class LaunchFailure extends Error {}

/**
 * puppeteer's side of Chromium's --remote-debugging-pipe: messages out on fd 3 and in on fd 4, each ended
 * by a NUL byte (what puppeteer.launch({ pipe: true }) sets up itself). Incoming messages are handed on
 * one per macrotask, as puppeteer's own pipe does, so that a burst of events never starves other work.
 */
function pipeTransport(spawned: BrowserProcess): ConnectionTransport {
  let pending: Buffer[] = [];
  let closed = false;
  const transport: ConnectionTransport = {
    send(message: string) {
      if (closed) return;
      spawned.pipeWrite.write(message);
      spawned.pipeWrite.write('\0');
    },
    close() {
      endOnce();
    },
  };
  // Once, however it ends: puppeteer's connection then fails every call still waiting for an answer and
  // clears its protocol timers (a failed start left one, which kept the process alive for two minutes).
  const endOnce = (): void => {
    if (closed) return;
    closed = true;
    transport.onclose?.();
  };
  spawned.pipeRead.on('data', (chunk: Buffer) => {
    let end = chunk.indexOf(0);
    if (end === -1) {
      pending.push(chunk);
      return;
    }
    let message = Buffer.concat([...pending, chunk.subarray(0, end)]).toString('utf8');
    pending = [];
    for (;;) {
      const text = message;
      setImmediate(() => {
        if (!closed) transport.onmessage?.(text);
      });
      const start = end + 1;
      end = chunk.indexOf(0, start);
      if (end === -1) {
        if (start < chunk.length) pending.push(chunk.subarray(start));
        break;
      }
      message = chunk.toString('utf8', start, end);
    }
  });
  spawned.pipeRead.once('close', endOnce);
  return transport;
}

/**
 * Connects puppeteer to the started process, bounded: a browser that never answers on the pipe is given
 * up after `timeoutMs` (puppeteer itself would wait for the protocol timeout, minutes), and one that exits
 * or cannot be started at all ends the wait at once, with what it wrote to stderr.
 */
async function connectWithin(spawned: BrowserProcess, timeoutMs: number, protocolTimeoutMs: number): Promise<Browser> {
  let timer: NodeJS.Timeout | undefined;
  const transport = pipeTransport(spawned);
  const connecting = driver.connect({ transport, defaultViewport: DEFAULT_VIEWPORT, protocolTimeout: protocolTimeoutMs });
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LaunchTimeout(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    void spawned.ended.then((error) => {
      const said = spawned.stderrTail().trim().split('\n').slice(-3).join(' ');
      reject(error ?? new LaunchFailure(`the browser exited while starting${said ? `: ${said}` : ''}`));
    });
  });
  try {
    return await Promise.race([connecting, failed]);
  } catch (error) {
    // A connection that completes after we gave up must not keep a handle open; one still connecting
    // must not wait out its protocol timeout (a browser that could not even be started never closes
    // its pipe), so the transport is closed, which fails its calls at once.
    connecting.then((late) => late.disconnect(), () => undefined);
    transport.close();
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
 * nothing for it to save: on POSIX its process group is killed (BrowserProcess.dispose) rather than asked
 * to close, which Chromium takes 0.2–0.4 s to do, time every build would wait at its end. Windows has no
 * process groups; there the browser is asked to close (and killed if it does not).
 */
async function shutDown(browser: Browser, spawned: BrowserProcess, ms: number): Promise<void> {
  if (process.platform !== 'win32' || spawned.exited()) {
    killProcessGroup(spawned.child);
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    await Promise.race([browser.close().then(() => 'closed' as const), timeout]);
  } catch {
    // killed below
  } finally {
    clearTimeout(timer);
  }
  killProcessGroup(spawned.child);
}
