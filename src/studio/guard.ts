// Who may do what. Reading is open to any page the Host check lets through (only this machine reaches
// 127.0.0.1); every request that writes or runs something also needs the per-launch token the studio
// page carries and an Origin naming this server, so another site open in the same browser cannot save,
// upload or export even by guessing the port. The custom header alone forces a CORS preflight, which the
// studio never answers with permission.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-dangke-token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Host names the server answers to: DNS rebinding cannot reach it under a foreign name. */
export function hostAllowed(request: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has(String(request.headers.host ?? '').toLowerCase());
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a writing request is refused, or undefined when it may go ahead. */
export function writeRefusal(request: IncomingMessage, port: number, token: string): string | undefined {
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || !allowedHosts(port).has(origin.replace(/^http:\/\//, '').toLowerCase()) || !origin.startsWith('http://')) {
    return '拒绝：请求不是来自本机的编辑页面。';
  }
  const given = request.headers[TOKEN_HEADER];
  if (typeof given !== 'string' || !sameToken(given, token)) return '拒绝：缺少或错误的令牌，请刷新编辑页面。';
  return undefined;
}
