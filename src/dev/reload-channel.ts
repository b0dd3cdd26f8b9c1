// The reload channel: Server-Sent Events from the dev server to every open page. The state is one small
// record, the number of the last good build and the current error (if any); each page receives it when it
// connects and after every rebuild, and decides itself: show the error overlay, or reload when the build
// it shows is not the latest (reveal.js's hash keeps the slide in the URL, so a reload stays on it).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface DevProblem {
  file: string;
  line?: number;
  message: string;
  hint?: string;
}

export interface DevState {
  /** Number of the last successful build; 0 before the first. */
  build: number;
  /** The error of the latest rebuild, if it failed; the page keeps showing the last good build. */
  error?: DevProblem;
}

/** A comment line every so often keeps proxies and idle timers from closing the stream. */
const HEARTBEAT_MS = 15_000;

export interface ReloadChannel {
  handle(request: IncomingMessage, response: ServerResponse): void;
  publish(state: DevState): void;
  readonly state: DevState;
  readonly clients: number;
  close(): void;
}

export function createReloadChannel(initial: DevState = { build: 0 }): ReloadChannel {
  const clients = new Set<ServerResponse>();
  let state = initial;
  const frame = (): string => `event: state\ndata: ${JSON.stringify(state)}\n\n`;
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    handle(request, response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Connection: 'keep-alive',
      });
      response.write(`retry: 500\n${frame()}`);
      clients.add(response);
      const forget = (): void => {
        clients.delete(response);
      };
      request.on('close', forget);
      response.on('close', forget);
    },
    publish(next) {
      state = next;
      const data = frame();
      for (const client of clients) client.write(data);
    },
    get state() {
      return state;
    },
    get clients() {
      return clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
