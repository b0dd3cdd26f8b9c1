// What the dev server adds to the page it serves (never to the files in dist/): a small client that
// listens on the reload channel, reloads the page after a good rebuild and shows an error overlay after a
// bad one; and a Content-Security-Policy that lets that client connect back to the server.
import { escapeHtml } from '../page/html-escape.ts';

export const DEV_PREFIX = '/__dangke/';
export const CLIENT_PATH = `${DEV_PREFIX}client.js`;
export const EVENTS_PATH = `${DEV_PREFIX}events`;
export const OVERLAY_ID = 'dangke-dev-overlay';

/**
 * The reload client, as served at CLIENT_PATH. Plain ES5-style script (it is not bundled); the overlay is
 * built with textContent only, so no message can inject markup.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  var shown = Number(script && script.getAttribute('data-build')) || 0;
  var overlay = null;
  var hide = function () {
    if (overlay) { overlay.remove(); overlay = null; }
  };
  var show = function (problem) {
    hide();
    overlay = document.createElement('div');
    overlay.id = '${OVERLAY_ID}';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(30,0,0,.92);color:#fff;' +
      'font:20px/1.6 "Dangke Sans",system-ui,sans-serif;padding:48px 64px;overflow:auto;text-align:left;';
    var title = document.createElement('h1');
    title.style.cssText = 'font-size:32px;margin:0 0 24px;color:#ffd7d7;';
    title.textContent = '幻灯片有错误，仍显示上一次正确的版本';
    var place = document.createElement('p');
    place.style.cssText = 'margin:0 0 12px;font-weight:700;';
    place.textContent = '位置：' + problem.file + (problem.line ? ':' + problem.line + '（第 ' + problem.line + ' 行）' : '');
    var message = document.createElement('pre');
    message.style.cssText = 'white-space:pre-wrap;margin:0 0 16px;font:inherit;';
    message.textContent = problem.message;
    overlay.appendChild(title);
    overlay.appendChild(place);
    overlay.appendChild(message);
    if (problem.hint) {
      var hint = document.createElement('p');
      hint.style.cssText = 'margin:0 0 16px;color:#ddd;';
      hint.textContent = '提示：' + problem.hint;
      overlay.appendChild(hint);
    }
    var footer = document.createElement('p');
    footer.style.cssText = 'margin:32px 0 0;color:#bbb;font-size:16px;';
    footer.textContent = '改正后保存文件，页面会自动刷新。';
    overlay.appendChild(footer);
    document.body.appendChild(overlay);
  };
  var events = new EventSource('${EVENTS_PATH}');
  events.addEventListener('state', function (event) {
    var state = JSON.parse(event.data);
    if (state.error) { show(state.error); return; }
    if (state.build !== shown) { location.reload(); return; }
    hide();
  });
})();
`;

/** The page's CSP with connect-src 'self' added (the policy forbids connections otherwise). */
export function allowConnectSelf(policy: string): string {
  const directives = policy.split(';').map((part) => part.trim()).filter((part) => part !== '');
  const kept = directives.filter((directive) => !/^connect-src(\s|$)/i.test(directive));
  return [...kept, "connect-src 'self'"].join('; ');
}

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

/** The served copy of the deck's index.html: CSP widened for the channel, the client added before </body>. */
export function injectDevClient(html: string, build: number): string {
  const withCsp = html.replace(CSP_META, (_whole, before: string, policy: string, after: string) => `${before}${allowConnectSelf(policy)}${after}`);
  const tag = `<script src="${CLIENT_PATH}" data-build="${build}"></script>`;
  const close = withCsp.lastIndexOf('</body>');
  return close === -1 ? `${withCsp}\n${tag}\n` : `${withCsp.slice(0, close)}${tag}\n${withCsp.slice(close)}`;
}

/** The page shown while the deck has never built: just the title and the client, which shows the error. */
export function placeholderPage(title: string): string {
  return injectDevClient(
    [
      '<!doctype html>',
      '<html lang="zh-CN">',
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'unsafe-inline'">`,
      `<title>${escapeHtml(title)}</title>`,
      '</head>',
      '<body>',
      '<p>正在等待幻灯片构建成功……</p>',
      '</body>',
      '</html>',
      '',
    ].join('\n'),
    0,
  );
}
