// Chromium's process, started by us rather than by puppeteer.launch, so that it can start before the
// browser driver has even been loaded: a command that will print (build, check) starts Chromium first
// thing, and Chromium's second-or-so of starting runs on the other core while Node loads puppeteer-core
// and writes the deck (src/cli.ts, `startBrowserEarly`). puppeteer then connects over the same pipe
// launch would have used (see connectOverPipe in browser.ts).
//
// Only Node built-ins here: this module is loaded by the command line before anything heavy.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * Our flags, on top of puppeteer's own (PUPPETEER_DEFAULT_ARGS):
 * --no-sandbox: Chromium refuses to run as root (containers, CI) without it; we only load our own files.
 * The rest keep a machine with no network quiet and fast: no update checks, sync, first-run UI or QUIC.
 * --disable-dev-shm-usage: Docker's 64 MB /dev/shm crashes Chromium on large pages.
 * --font-render-hinting=none: the same glyph metrics in screen layout and PDF.
 * --disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup: Chromium 15x preloads the address bar's
 *   pop-ups (two renderers running web apps) even when headless, where no address bar exists; on two
 *   cores that took 0.3 s from a bare launch-print-close and 0.6 s from printing a 28-slide deck
 *   (merged with puppeteer's own --disable-features by browserCommandLine).
 * --disable-features=SpareRendererForSitePerProcess: Chromium starts a spare renderer beside the first
 *   tab's, for a tab that may come (0.13 s of CPU, in the second Chromium is starting and Node is busy).
 *   A build or check works in the first tab; without it, 11 interleaved runs each: check 2.28 → 2.16 s,
 *   the example's build 3.31 → 3.18 s and 3.10 → 3.07 s, 300 slides (whose second print tab now starts
 *   its own renderer) 6.49 → 6.46 s.
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
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
];

/**
 * What puppeteer.launch({ headless: true, pipe: true }) passes to Chromium (puppeteer-core 24.43, from
 * `puppeteer.defaultArgs()`), without the profile folder and the first page's URL, which are added per
 * launch. Written out because this module must not load puppeteer-core; a test compares it with
 * puppeteer's own list, so an upgrade that changes it fails there, not in a user's PDF. Among them:
 * --export-tagged-pdf and --generate-pdf-document-outline, which the tagged slides PDF needs.
 */
export const PUPPETEER_DEFAULT_ARGS: readonly string[] = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

/**
 * The whole command line: puppeteer's flags, ours (each flag once; the --disable-features lists merged),
 * the profile, the debugging pipe and a blank first page.
 */
export function browserCommandLine(userDataDir: string): string[] {
  const features: string[] = [];
  const args: string[] = [];
  for (const arg of [...PUPPETEER_DEFAULT_ARGS, ...BROWSER_ARGS]) {
    if (arg.startsWith('--disable-features=')) {
      for (const feature of arg.slice('--disable-features='.length).split(',')) if (!features.includes(feature)) features.push(feature);
    } else if (!args.includes(arg)) {
      args.push(arg);
    }
  }
  return [...args, `--disable-features=${features.join(',')}`, `--user-data-dir=${userDataDir}`, '--remote-debugging-pipe', 'about:blank'];
}

/** The last this-many characters of Chromium's stderr are kept, to explain a browser that would not start. */
const STDERR_TAIL = 4000;

/** A Chromium process we started, with its debugging pipe. */
export interface BrowserProcess {
  readonly child: ChildProcess;
  readonly executablePath: string;
  readonly userDataDir: string;
  /** We write commands here (Chromium's fd 3) … */
  readonly pipeWrite: Writable;
  /** … and read its answers here (fd 4), each message ending with a NUL byte. */
  readonly pipeRead: Readable;
  /** True once the process has exited (or could not be started). */
  exited(): boolean;
  /** Resolves when the process has exited or could not be started; with the spawn error, if any. */
  readonly ended: Promise<Error | undefined>;
  /** The end of what Chromium wrote to stderr (why it would not start, usually). */
  stderrTail(): string;
  /** Kills the process (its whole group on POSIX), waits for it briefly, removes the profile. */
  dispose(): Promise<void>;
}

/**
 * Starts Chromium at once (synchronously: the process is on its way when this returns). A missing or
 * unusable executable does not throw here; `ended` resolves with the error and the caller reports it.
 * On POSIX the browser leads its own process group, so killing the group ends its renderers too.
 */
export function spawnBrowser(executablePath: string, env?: Record<string, string>): BrowserProcess {
  // A fresh profile every time: no locks held by another Chromium, no state carried between runs.
  const userDataDir = mkdtempSync(join(tmpdir(), 'dangke-chrome-'));
  const child = spawn(executablePath, browserCommandLine(userDataDir), {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
  let exited = false;
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL);
  });
  const ended = new Promise<Error | undefined>((resolve) => {
    child.once('error', (error) => {
      exited = true;
      resolve(error);
    });
    child.once('exit', () => {
      exited = true;
      resolve(undefined);
    });
  });
  // Not this process's business to keep alive: a command that ends without using the browser exits.
  child.unref();
  const pipeWrite = child.stdio[3] as Writable;
  const pipeRead = child.stdio[4] as Readable;
  // A browser that dies closes the pipe under us; that is reported through `ended`, not as a stray error.
  pipeWrite.on('error', () => undefined);
  pipeRead.on('error', () => undefined);
  // If this process exits without disposing of it (an error, a test that ends), the browser goes too.
  const killOnExit = (): void => {
    killProcessGroup(child);
    try {
      rmSync(userDataDir, { recursive: true, force: true });
    } catch {
      // best effort: a temporary folder
    }
  };
  process.once('exit', killOnExit);
  let disposed: Promise<void> | undefined;
  return {
    child,
    executablePath,
    userDataDir,
    pipeWrite,
    pipeRead,
    exited: () => exited,
    ended,
    stderrTail: () => stderr,
    dispose: () => {
      disposed ??= (async () => {
        process.off('exit', killOnExit);
        if (!exited) {
          killProcessGroup(child);
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
          clearTimeout(timer);
        }
        // Whatever of the group is left (a renderer that outlived the main process) goes too.
        killProcessGroup(child);
        pipeWrite.destroy();
        pipeRead.destroy();
        // Chromium may still be flushing its profile for a moment after exit; retry instead of failing.
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
      })();
      return disposed;
    },
  };
}

/** SIGKILL to the browser's process group (POSIX), else to the process; nothing when it is gone. */
export function killProcessGroup(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') child.kill('SIGKILL');
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: nothing of the group is left.
  }
}
