// `dev [deck]`: live preview. Builds the deck into a private folder, serves it on 127.0.0.1, watches
// slides/, themes/ and the deck's folder, rebuilds after each save and tells the open pages over the
// reload channel: they reload (staying on their slide) or show the error overlay. Stops when `signal`
// aborts or close() is called. The CLI prints the URL; nothing here prints except through the reporter.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { ExitCode, UserError } from '../errors.ts';
import { listDeckFiles, pathExists } from '../fs/list.ts';
import { DEFAULT_THEMES_DIR } from '../page/theme.ts';
import { DIST_DIR, SLIDES_DIR, deckName } from '../paths.ts';
import type { Reporter } from '../report.ts';
import { devFonts } from './fonts.ts';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, injectDevClient, placeholderPage } from './overlay.ts';
import { createPdfWorker, type PdfWorker } from './pdf.ts';
import { createRebuilder, type RebuildOutcome } from './rebuild.ts';
import { createReloadChannel } from './reload-channel.ts';
import { startDevServer, type RouteHandler } from './server.ts';
import { createDevSite } from './site.ts';
import { outermostFolders, watchFolders } from './watcher.ts';
import { createReadStream } from 'node:fs';

export interface DevOptions {
  root: string;
  /** Deck file (or name in slides/); default: the most recently edited deck in slides/. */
  deck?: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Re-export dist/<name>/slides.pdf in the background after each good rebuild. */
  pdf?: boolean;
  /** Themes folder (tests); default <repo>/themes. */
  themesDir?: string;
}

export interface DevSession {
  url: string;
  close(): Promise<void>;
  /** Resolves after the rebuild that answers the changes seen so far (for tests and benchmarks). */
  settled(): Promise<RebuildOutcome | undefined>;
  /** Pages connected to the reload channel now. */
  readonly pages: number;
}

export async function devCommand(options: DevOptions, reporter: Reporter, signal?: AbortSignal): Promise<DevSession> {
  const deckFile = await chooseDeck(options.root, options.deck, reporter);
  const shownFile = relative(options.root, deckFile) || deckFile;
  const themesDir = options.themesDir ?? DEFAULT_THEMES_DIR;
  const outDir = await mkdtemp(join(tmpdir(), 'dangke-dev-'));
  const fonts = devFonts();
  const site = createDevSite(outDir, fonts, themesDir);
  const rebuilder = createRebuilder({ deckFile, shownFile, site, themesDir });
  const channel = createReloadChannel();
  const pdf: PdfWorker | undefined = options.pdf
    ? createPdfWorker({ root: options.root, deckFile, shownFile, outDir: join(options.root, DIST_DIR, deckName(deckFile)), reporter })
    : undefined;

  // Rebuilds run one at a time; changes during a rebuild ask for exactly one more.
  let running: Promise<RebuildOutcome | undefined> | undefined;
  let again = false;
  let last: RebuildOutcome | undefined;
  let closed = false;
  const report = (outcome: RebuildOutcome, first: boolean): void => {
    if (!outcome.ok) {
      const { problem } = outcome;
      reporter.diagnostic({ severity: 'error', file: problem.file, ...(problem.line ? { line: problem.line } : {}), message: problem.message });
      if (problem.hint) reporter.info(`提示：${problem.hint}`);
      reporter.info('浏览器中显示了错误；改正并保存后会自动恢复。');
      channel.publish({ build: channel.state.build, error: problem });
      return;
    }
    if (first || outcome.changed || channel.state.error) {
      for (const diagnostic of outcome.diagnostics) reporter.diagnostic(diagnostic);
      channel.publish({ build: channel.state.build + 1 });
    }
    reporter.info(`${first ? '已构建' : '已重新构建'} ${shownFile}（${outcome.deck.slideCount} 张，${outcome.ms} ms）`);
    pdf?.schedule(outcome.deck);
  };
  const rebuildLoop = async (first: boolean): Promise<RebuildOutcome | undefined> => {
    do {
      again = false;
      if (closed) return last;
      last = await rebuilder.rebuild();
      if (!closed) report(last, first);
      first = false;
    } while (again);
    return last;
  };
  const schedule = (): Promise<RebuildOutcome | undefined> => {
    if (running) {
      again = true;
      return running;
    }
    running = rebuildLoop(false).finally(() => {
      running = undefined;
    });
    return running;
  };

  running = rebuildLoop(true).finally(() => {
    running = undefined;
  });
  await running;

  const routes = new Map<string, RouteHandler>([
    [EVENTS_PATH, (request, response) => channel.handle(request, response)],
    [
      CLIENT_PATH,
      (request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
        response.end(request.method === 'HEAD' ? undefined : CLIENT_SCRIPT);
      },
    ],
    ...fonts.map((font): [string, RouteHandler] => [
      font.route,
      async (request, response) => {
        const info = await stat(font.file);
        // The font never changes while the server runs: cached by the browser across reloads.
        response.writeHead(200, {
          'Content-Type': 'font/ttf',
          'Content-Length': String(info.size),
          'Cache-Control': 'public, max-age=86400, immutable',
          'X-Content-Type-Options': 'nosniff',
        });
        if (request.method === 'HEAD') response.end();
        else createReadStream(font.file).on('error', () => response.destroy()).pipe(response);
      },
    ]),
  ]);

  let server;
  try {
    server = await startDevServer({
      root: outDir,
      ...(options.port === undefined ? {} : { port: options.port }),
      routes,
      transformIndex: (html) => injectDevClient(html, channel.state.build),
      fallbackIndex: () => placeholderPage(shownFile),
    });
  } catch (error) {
    await pdf?.close();
    channel.close();
    await rm(outDir, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`无法在 127.0.0.1:${options.port ?? 0} 上启动预览服务器（${code ?? String(error)}）。`, {
      hint: code === 'EADDRINUSE' ? '该端口已被占用：换一个 --port，或不加 --port 自动选择空闲端口。' : '请检查网络设置。',
      exitCode: ExitCode.output,
      cause: error,
    });
  }

  const slidesDir = join(options.root, SLIDES_DIR);
  const folders = [dirname(deckFile), themesDir];
  if (await pathExists(slidesDir)) folders.push(slidesDir);
  const watcher = watchFolders(outermostFolders(folders.map((folder) => resolve(folder))), () => void schedule(), {
    onError: (error) => reporter.diagnostic({ severity: 'warning', message: `监视文件变化时出错：${error.message}` }),
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      closed = true;
      watcher.close();
      channel.close();
      await server.close();
      await running?.catch(() => undefined);
      await pdf?.close();
      await rm(outDir, { recursive: true, force: true, maxRetries: 3 });
    })();
    return closing;
  };
  if (signal) {
    if (signal.aborted) await close();
    else signal.addEventListener('abort', () => void close(), { once: true });
  }
  return {
    url: server.url,
    close,
    settled: async () => (running ? running : last),
    get pages() {
      return channel.clients;
    },
  };
}

/** The deck to preview: the file given (or slides/<name>.md for a bare name), else the newest deck. */
async function chooseDeck(root: string, deck: string | undefined, reporter: Reporter): Promise<string> {
  if (deck !== undefined) {
    const candidates = [resolve(root, deck), resolve(root, SLIDES_DIR, deck.endsWith('.md') ? deck : `${deck}.md`)];
    for (const candidate of candidates) {
      const info = await stat(candidate).catch(() => undefined);
      if (info?.isFile()) return candidate;
    }
    throw new UserError(`找不到幻灯片文件 ${deck}。`, { hint: `请给出 ${SLIDES_DIR}/ 中的 .md 文件或其名称。`, exitCode: ExitCode.input });
  }
  const decks = await listDeckFiles(root);
  if (decks.length === 0) {
    throw new UserError(`没有可预览的幻灯片：${SLIDES_DIR}/ 中没有 .md 文件。`, { hint: '先运行 npm run build 起草幻灯片。', exitCode: ExitCode.input });
  }
  const dated = await Promise.all(decks.map(async (file) => ({ file, time: (await stat(file)).mtimeMs })));
  dated.sort((a, b) => b.time - a.time);
  const chosen = dated[0]!.file;
  if (decks.length > 1) reporter.info(`预览最近修改的 ${relative(root, chosen)}；要预览其他幻灯片，请在命令后写上文件名。`);
  return chosen;
}
