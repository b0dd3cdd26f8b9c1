// The studio's HTTP server: 127.0.0.1 only, the Host check on every request, reads open to this machine's
// pages, writes behind the token and Origin check (guard.ts). Every file it touches is named by a safe
// name (names.ts) inside slides/, articles/ or dist/, or is one of its own fixed assets.
import { createReadStream } from 'node:fs';
import { readdir, stat, writeFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import type { FontHas } from '../check/font-coverage.ts';
import { devFonts, devFontsCss, type DevFont } from '../dev/fonts.ts';
import { BASE_HEADERS as DEV_BASE_HEADERS, closeServer, DEV_HOST, listenOnLoopback } from '../dev/server.ts';
import { resolveRequestPath } from '../dev/safe-path.ts';
import { ensureDir } from '../fs/ensure-dir.ts';
import { listDeckFiles, listFiles } from '../fs/list.ts';
import { mimeType } from '../page/mime.ts';
import { renderPageHtml } from '../page/page.ts';
import { DEFAULT_THEME, DEFAULT_THEMES_DIR } from '../page/theme.ts';
import { assetFiles, DECK_FILES, gatherPageAssets, type AssetFile } from '../page/write-site.ts';
import { ARTICLE_EXTENSIONS, deckName, DIST_DIR, SLIDES_DIR } from '../paths.ts';
import { studioScript } from './bundle.ts';
import { hostAllowed, writeRefusal } from './guard.ts';
import { createJobRunner, type Job, type JobRunner } from './jobs.ts';
import { deckFile, reallyInside, safeArticleFileName, safeName, studioFolders, type StudioFolders } from './names.ts';
import { studioPageHtml, STUDIO_CSS } from './page.ts';
import { previewDeck, previewSlide } from './preview.ts';
import { listHistory, loadDeck, readHistoryEntry, saveDeck } from './store.ts';
import { checkUpload, MAX_UPLOAD_BYTES } from './upload.ts';
import { isUserError } from '../errors.ts';
import { probeImage } from '../check/probe-image.ts';

/** Largest JSON body (a deck's text with room to spare). */
const MAX_JSON_BYTES = 8 * 1024 * 1024;

/** Files of dist/<name>/ the studio offers for download, in the order shown. */
export const OUTPUT_FILES = (name: string): string[] => ['slides.pdf', 'handout.pdf', `${name}.html`, `${name}.pptx`, 'script.docx', 'script.md'];

export interface StudioServerOptions {
  root: string;
  token: string;
  port?: number;
  themesDir?: string;
  fontHas: FontHas;
  /** Environment of the child processes (tests pass the browser timeout). */
  environment?: NodeJS.ProcessEnv;
}

export interface StudioServer {
  url: string;
  port: number;
  jobs: JobRunner;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  ...DEV_BASE_HEADERS,
  'Cache-Control': 'no-store',
  // No other site may frame the studio and trick a click onto its buttons; its own preview frames may.
  'X-Frame-Options': 'SAMEORIGIN',
  'Content-Security-Policy': "frame-ancestors 'self'",
} as const;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...BASE_HEADERS, 'Content-Type': type, ...extra });
  response.end(body);
}

function json(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

/** The request body, refusing (413) past `limit` bytes without reading the rest into memory. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new HttpError(413, '文件太大：不能超过 20 MB。'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(new HttpError(413, '文件太大：不能超过 20 MB。'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(request, MAX_JSON_BYTES);
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new HttpError(400, '请求格式不对。');
  }
}

function nameParameter(value: unknown): string {
  const name = safeName(value);
  if (name === undefined) throw new HttpError(400, '名称不合适。');
  return name;
}

function publicJob(job: Job): unknown {
  return { id: job.id, kind: job.command.kind, state: job.state, lines: job.lines.slice(-12), startedAt: job.startedAt, finishedAt: job.finishedAt };
}

export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  const folders: StudioFolders = studioFolders(options.root);
  const themesDir = options.themesDir ?? DEFAULT_THEMES_DIR;
  const fonts: DevFont[] = devFonts();
  const fontsByRoute = new Map(fonts.map((font) => [font.route, font]));
  const jobs = createJobRunner(options.root, options.environment);
  /** Saves of one deck run one after the other, so two cannot both pass the version check. */
  const saving = new Map<string, Promise<unknown>>();
  const serially = <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const previous = saving.get(name) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    saving.set(name, next);
    return next;
  };
  /** Theme files by theme name, loaded once (the studio reloads nothing while it runs). */
  const themeFiles = new Map<string, Promise<Map<string, AssetFile>>>();
  const themeAssets = (theme: string): Promise<Map<string, AssetFile>> => {
    let files = themeFiles.get(theme);
    if (!files) {
      files = gatherPageAssets({ frontMatter: { title: '', theme }, sectionsHtml: '', slideCount: 0, sectionTitles: [] }, { themesDir }).then(
        (assets) => new Map(assetFiles(assets, devFontsCss(fonts)).map((file) => [file.path, file])),
      );
      files.catch(() => themeFiles.delete(theme));
      themeFiles.set(theme, files);
    }
    return files;
  };
  let port = 0;

  const listing = async (): Promise<unknown> => {
    const decks = await Promise.all(
      (await listDeckFiles(options.root)).map(async (file) => ({ name: deckName(file), modified: (await stat(file)).mtimeMs })),
    );
    const names = new Set(decks.map((deck) => deck.name));
    const articles = (await listFiles(folders.articles, (name) => ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.startsWith('.')))
      .map((file) => ({ file: file.slice(folders.articles.length + 1), name: deckName(file) }))
      .filter((article) => !names.has(article.name) && safeArticleFileName(article.file) !== undefined);
    decks.sort((a, b) => b.modified - a.modified);
    return { decks, articles };
  };

  const outputs = async (name: string): Promise<unknown> => {
    const folder = join(folders.dist, name);
    const present: { file: string; size: number; modified: number }[] = [];
    for (const file of OUTPUT_FILES(name)) {
      const info = await stat(join(folder, file)).catch(() => undefined);
      if (info?.isFile()) present.push({ file, size: info.size, modified: info.mtimeMs });
    }
    return present;
  };

  const previewPage = async (name: string, theme: string, aspect: string, mode: string): Promise<string> => {
    const files = await themeAssets(theme);
    const themeCss = files.get(DECK_FILES.themeCss)?.data;
    const base = `/theme/${encodeURIComponent(theme)}/`;
    const html = renderPageHtml(
      { frontMatter: { title: name, aspect, theme }, sectionsHtml: '', slideCount: 0, sectionTitles: [] },
      { name: theme, css: typeof themeCss === 'string' ? themeCss : '' },
      {
        scriptFile: '/studio/preview.js',
        styles: [
          { href: `${base}${DECK_FILES.revealCss}` },
          { href: `${base}${DECK_FILES.fontsCss}`, fonts: true },
          { href: `${base}${DECK_FILES.baseCss}` },
          { href: `${base}${DECK_FILES.themeCss}` },
          { href: '/studio/preview.css' },
        ],
      },
    );
    // The preview's mode is read by its script from <html>.
    return html.replace('<html lang="zh-CN" class="', `<html lang="zh-CN" data-studio-mode="${mode === 'strip' ? 'strip' : 'stage'}" class="`);
  };

  const handleGet = async (request: IncomingMessage, response: ServerResponse, url: URL, head: boolean): Promise<void> => {
    const path = url.pathname;
    const query = url.searchParams;
    if (path === '/' || path === '/index.html') return send(response, 200, 'text/html; charset=utf-8', studioPageHtml(options.token));
    if (path === '/studio/app.js') return send(response, 200, 'text/javascript; charset=utf-8', await studioScript('app'));
    if (path === '/studio/preview.js') return send(response, 200, 'text/javascript; charset=utf-8', await studioScript('preview'));
    if (path === '/studio/app.css') return send(response, 200, 'text/css; charset=utf-8', STUDIO_CSS.app);
    if (path === '/studio/preview.css') return send(response, 200, 'text/css; charset=utf-8', STUDIO_CSS.preview);
    const font = fontsByRoute.get(path);
    if (font) {
      const info = await stat(font.file);
      response.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'font/ttf', 'Content-Length': String(info.size), 'Cache-Control': 'public, max-age=86400, immutable' });
      if (head) return void response.end();
      return void createReadStream(font.file).on('error', () => response.destroy()).pipe(response);
    }
    if (path === '/api/list') return json(response, 200, await listing());
    if (path === '/api/deck') {
      const deck = await loadDeck(folders, nameParameter(query.get('name')));
      if (!deck) throw new HttpError(404, '找不到这套幻灯片。');
      return json(response, 200, deck);
    }
    if (path === '/api/history') return json(response, 200, await listHistory(folders, nameParameter(query.get('name'))));
    if (path === '/api/history-entry') {
      const text = await readHistoryEntry(folders, nameParameter(query.get('name')), query.get('id'));
      if (text === undefined) throw new HttpError(404, '找不到这个历史版本。');
      return json(response, 200, { text });
    }
    if (path === '/api/outputs') return json(response, 200, await outputs(nameParameter(query.get('name'))));
    if (path === '/api/job') {
      const job = jobs.get(query.get('id'));
      if (!job) throw new HttpError(404, '找不到这个任务。');
      return json(response, 200, publicJob(job));
    }
    let match = /^\/theme\/([^/]+)\/(.+)$/.exec(path);
    if (match) {
      const theme = nameParameter(decodeURIComponent(match[1]!));
      const file = (await themeAssets(theme).catch(() => undefined))?.get(decodeURIComponent(match[2]!));
      if (!file) throw new HttpError(404, '找不到。');
      return send(response, 200, mimeType(file.path), typeof file.data === 'string' ? file.data : Buffer.from(file.data), { 'Cache-Control': 'no-cache' });
    }
    match = /^\/preview\/([^/]+)\/(.*)$/.exec(path);
    if (match) {
      const name = nameParameter(decodeURIComponent(match[1]!));
      if (match[2] === '') {
        const theme = safeName(query.get('theme') || DEFAULT_THEME) ?? DEFAULT_THEME;
        const aspect = query.get('aspect') === '4:3' ? '4:3' : '16:9';
        // The frame shows HTML the deck's author wrote, and it shares the studio's origin: no inline script
        // or event handler in it may run (and reach the token), only the studio's own preview script.
        const headers = { 'Content-Security-Policy': "script-src 'self'; frame-ancestors 'self'" };
        const mode = query.get('mode') ?? 'stage';
        const html = await previewPage(name, theme, aspect, mode).catch((error: unknown) => {
          if (!isUserError(error)) throw error;
          return previewPage(name, DEFAULT_THEME, aspect, mode);
        });
        return send(response, 200, 'text/html; charset=utf-8', html, headers);
      }
      // Images the deck shows, beside it in slides/ (never its hidden folders: history, backups).
      return serveFile(response, head, await resolveRequestPath(await realpath(folders.slides), `/${match[2]}`));
    }
    match = /^\/dist\/([^/]+)\/([^/]+)$/.exec(path);
    if (match) {
      const name = nameParameter(decodeURIComponent(match[1]!));
      const file = decodeURIComponent(match[2]!);
      if (!OUTPUT_FILES(name).includes(file)) throw new HttpError(404, '找不到。');
      const resolved = await resolveRequestPath(await realpath(folders.dist).catch(() => folders.dist), `/${encodeURIComponent(name)}/${encodeURIComponent(file)}`);
      return serveFile(response, head, resolved, file);
    }
    throw new HttpError(404, '找不到。');
  };

  const serveFile = async (
    response: ServerResponse,
    head: boolean,
    resolved: Awaited<ReturnType<typeof resolveRequestPath>>,
    download?: string,
  ): Promise<void> => {
    if (!resolved.ok) throw new HttpError(resolved.status, resolved.status === 403 ? '拒绝访问。' : '找不到。');
    const info = await stat(resolved.path);
    const extra: Record<string, string> = { 'Content-Length': String(info.size) };
    if (download) extra['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(download)}`;
    response.writeHead(200, { ...BASE_HEADERS, 'Content-Type': mimeType(resolved.path), ...extra });
    if (head) return void response.end();
    createReadStream(resolved.path).on('error', () => response.destroy()).pipe(response);
  };

  const handlePost = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const refusal = writeRefusal(request, port, options.token);
    if (refusal) {
      request.resume();
      throw new HttpError(403, refusal);
    }
    const path = url.pathname;
    if (path === '/api/upload') {
      const fileName = url.searchParams.get('name');
      if (safeArticleFileName(fileName) === undefined) {
        request.resume();
        throw new HttpError(400, '文件名不合适：请用 .txt、.md 或 .docx 结尾、不含 / \\ : 等符号的文件名。');
      }
      const bytes = await readBody(request, MAX_UPLOAD_BYTES);
      const checked = checkUpload(fileName, bytes);
      if (!checked.ok) throw new HttpError(checked.status, checked.message);
      const stem = await freeStem(folders, checked.stem, extname(checked.fileName));
      const article = `${stem}${extname(checked.fileName)}`;
      const target = join(folders.articles, article);
      await ensureDir(folders.articles);
      if (!(await reallyInside(folders.articles, target))) throw new HttpError(403, '拒绝访问。');
      // "wx": never over a file that appeared since freeStem looked.
      await writeFile(target, bytes, { flag: 'wx' });
      const job = jobs.start({ kind: 'draft', article: `articles/${article}` });
      return json(response, 202, { article, deck: stem, job: publicJob(job) });
    }
    const body = await readJson(request);
    if (path === '/api/render') {
      const name = nameParameter(body['name']);
      if (typeof body['text'] !== 'string') throw new HttpError(400, '请求格式不对。');
      const file = deckFile(folders, name);
      if (body['slide'] === true) return json(response, 200, previewSlide(body['text'], `${SLIDES_DIR}/${name}.md`));
      return json(response, 200, previewDeck(body['text'], `${SLIDES_DIR}/${name}.md`, file, { probeImage, fontHas: options.fontHas }));
    }
    if (path === '/api/save' || path === '/api/restore') {
      const name = nameParameter(body['name']);
      const file = deckFile(folders, name);
      if (!(await reallyInside(folders.slides, file))) throw new HttpError(403, '拒绝访问。');
      let text = body['text'];
      if (path === '/api/restore') {
        text = await readHistoryEntry(folders, name, body['id']);
        if (text === undefined) throw new HttpError(404, '找不到这个历史版本。');
      }
      if (typeof text !== 'string') throw new HttpError(400, '请求格式不对。');
      const base = typeof body['base'] === 'string' ? body['base'] : undefined;
      const content = text;
      const outcome = await serially(name, () => saveDeck(folders, name, content, base, { force: body['force'] === true }));
      if (!outcome.saved) return json(response, 409, { conflict: true, disk: outcome.disk ?? null });
      return json(response, 200, { version: outcome.version, text: content });
    }
    if (path === '/api/draft') {
      const article = safeArticleFileName(body['article']);
      if (!article) throw new HttpError(400, '文件名不合适。');
      const target = join(folders.articles, article.name);
      if (!(await reallyInside(folders.articles, target)) || !(await stat(target).catch(() => undefined))?.isFile()) {
        throw new HttpError(404, '找不到这篇文章。');
      }
      const job = jobs.start({ kind: 'draft', article: `articles/${article.name}` });
      return json(response, 202, { deck: article.stem, job: publicJob(job) });
    }
    if (path === '/api/export') {
      const name = nameParameter(body['name']);
      if (!(await loadDeck(folders, name))) throw new HttpError(404, '找不到这套幻灯片。');
      const job = jobs.start({ kind: 'build', deck: `${SLIDES_DIR}/${name}.md` });
      return json(response, 202, { job: publicJob(job), dist: `${DIST_DIR}/${name}` });
    }
    throw new HttpError(404, '找不到。');
  };

  const server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    const handle = async (): Promise<void> => {
      if (!hostAllowed(request, port)) throw new HttpError(403, '拒绝访问。');
      const target = request.url ?? '/';
      if (!target.startsWith('/') || target.startsWith('//')) throw new HttpError(400, '请求格式不对。');
      const url = new URL(target, `http://${DEV_HOST}:${port}`);
      if (method === 'GET' || method === 'HEAD') return handleGet(request, response, url, method === 'HEAD');
      if (method === 'POST') return handlePost(request, response, url);
      throw new HttpError(405, '不支持这种请求。');
    };
    handle().catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : isUserError(error) ? error.message : '服务器内部错误。';
      if (request.readable) request.resume();
      if (!response.headersSent) json(response, status, { error: message });
      else response.destroy();
    });
  });
  port = await listenOnLoopback(server, options.port);
  let closing: Promise<void> | undefined;
  return {
    url: `http://${DEV_HOST}:${port}/`,
    port,
    jobs,
    close() {
      closing ??= (async () => {
        await jobs.close();
        await closeServer(server);
      })();
      return closing;
    },
  };
}

/** "文章" or, when articles/文章.* or slides/文章.md exists, "文章-2", "文章-3", …: an upload never replaces a file. */
async function freeStem(folders: StudioFolders, stem: string, extension: string): Promise<string> {
  const taken = new Set([
    ...(await readdir(folders.articles).catch(() => [] as string[])).map((name) => deckName(name)),
    ...(await readdir(folders.slides).catch(() => [] as string[])).map((name) => deckName(name)),
  ]);
  void extension;
  if (!taken.has(stem)) return stem;
  for (let index = 2; ; index += 1) {
    const candidate = `${stem}-${index}`;
    if (!taken.has(candidate)) return candidate;
  }
}
