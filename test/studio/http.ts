// Requests for the studio tests with full control of method, headers and body (no browser, no fetch
// rules), so cross-origin writes, missing tokens and hostile parameters reach the server as sent.
import { request } from 'node:http';

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export function send(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, Connection: 'close', ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
        response.on('error', reject);
      },
    );
    outgoing.setTimeout(20_000, () => outgoing.destroy(new Error(`timeout: ${method} ${path}`)));
    // A server that refuses a large body early may close before it is all sent: that is an answer too.
    outgoing.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve({ status: -1, body: '', headers: {} }) : reject(error)));
    if (options.body !== undefined) outgoing.end(options.body);
    else outgoing.end();
  });
}

/** Headers of a good writing request from the studio page itself. */
export function writer(port: number, token: string): Record<string, string> {
  return { Origin: `http://127.0.0.1:${port}`, 'X-Dangke-Token': token, 'Content-Type': 'application/json' };
}
