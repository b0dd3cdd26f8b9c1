// The dev server: HTTP on 127.0.0.1 only, GET and HEAD only, serving the built deck's folder through
// resolveRequestPath (nothing outside it, no symlinks out of it) plus a few fixed routes under /__dangke/.
// The deck's index.html is rewritten as it is served (see overlay.ts); files on disk are never changed.
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mimeType } from '../page/mime.ts';
import { resolveRequestPath } from './safe-path.ts';

export const DEV_HOST = '127.0.0.1';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface DevServerOptions {
  /** The folder served (the dev build of the deck). */
  root: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Exact request paths (no query) handled by code instead of files. */
  routes: ReadonlyMap<string, RouteHandler>;
  /** Rewrites the deck's top-level index.html as it is served. */
  transformIndex(html: string): string;
  /** A page for "/" while the folder has no index.html yet (the deck never built). */
  fallbackIndex(): string;
}

export interface DevServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Sent with every response of the dev preview and the studio. */
export const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function plain(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  response.end(text);
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const root = await realpath(options.root);
  let port = 0;
  const allowedHosts = (): Set<string> => new Set([`${DEV_HOST}:${port}`, `localhost:${port}`]);

  const serveIndex = async (response: ServerResponse, head: boolean, path: string | undefined): Promise<void> => {
    const html = path === undefined ? options.fallbackIndex() : options.transformIndex(await readFile(path, 'utf8'));
    response.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(head ? undefined : html);
  };

  const serveFile = async (request: IncomingMessage, response: ServerResponse, head: boolean, path: string): Promise<void> => {
    const info = await stat(path);
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers = { ...BASE_HEADERS, 'Content-Type': mimeType(path), 'Cache-Control': 'no-cache', ETag: etag };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Length': String(info.size) });
    if (head) {
      response.end();
      return;
    }
    const stream = createReadStream(path);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return plain(response, 405, '只支持 GET 和 HEAD。', { Allow: 'GET, HEAD' });
    // DNS rebinding: a page on another site cannot talk to us under its own host name.
    if (!allowedHosts().has(String(request.headers.host ?? '').toLowerCase())) return plain(response, 403, '拒绝访问。');
    const target = request.url ?? '/';
    const head = method === 'HEAD';
    const route = options.routes.get(target.replace(/[?#].*$/s, ''));
    if (route) return route(request, response);
    const resolved = await resolveRequestPath(root, target);
    const isIndex = /^\/(?:index\.html)?(?:[?#].*)?$/s.test(target);
    if (!resolved.ok) {
      if (isIndex && resolved.status === 404) return serveIndex(response, head, undefined);
      return plain(response, resolved.status, resolved.status === 403 ? '拒绝访问。' : '找不到。');
    }
    if (isIndex) return serveIndex(response, head, resolved.path);
    return serveFile(request, response, head, resolved.path);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) plain(response, 500, '服务器内部错误。');
      else response.destroy();
    });
  });
  port = await listenOnLoopback(server, options.port);
  let closing: Promise<void> | undefined;
  return {
    url: `http://${DEV_HOST}:${port}/`,
    port,
    close() {
      closing ??= closeServer(server);
      return closing;
    },
  };
}

/**
 * Answers a malformed request with a plain 400 and listens on 127.0.0.1 only (port 0: any free one);
 * resolves with the port. The dev preview and the studio listen the same way.
 */
export async function listenOnLoopback(server: Server, port: number | undefined): Promise<number> {
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: DEV_HOST, port: port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Stops listening and ends every open connection (keep-alive sockets, live-reload streams). */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
