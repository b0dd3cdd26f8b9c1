// The studio's page: a fixed shell (all text in Chinese) that the bundled script (client/app.ts) fills in.
// The per-launch token travels in a <meta>; nothing else in the page varies, so there is nothing to escape
// but the token, which is base64url.
export const TOKEN_META = 'dangke-token';

const STUDIO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // CodeMirror writes its styles into <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "frame-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function studioPageHtml(token: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new Error('studio token must be base64url');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STUDIO_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="${TOKEN_META}" content="${token}">
<title>党课工作室</title>
<link rel="stylesheet" href="/studio/app.css">
</head>
<body>
<a class="skip" href="#editor">跳到编辑区</a>
<header class="bar">
  <h1 class="brand">党课工作室</h1>
  <button type="button" id="home" hidden>← 全部幻灯片</button>
  <span id="deck-title" class="deck-title"></span>
  <span id="save-state" class="save-state" role="status" aria-live="polite"></span>
  <span class="spacer"></span>
  <span id="deck-tools" class="tools" hidden>
    <button type="button" id="save" title="Ctrl+S">保存</button>
    <button type="button" id="history-open" title="Ctrl+Shift+H">历史版本</button>
    <label class="layout">版式 <select id="layout" title="Alt+L"></select></label>
    <button type="button" id="export-pdf">导出幻灯片 PDF</button>
    <button type="button" id="export-handout">导出讲义 PDF</button>
    <button type="button" id="export-single">导出单文件</button>
  </span>
  <button type="button" id="help-open" title="F1">帮助</button>
</header>
<div id="progress" class="progress" role="status" aria-live="polite" hidden></div>
<main id="start" class="start" hidden>
  <section aria-labelledby="decks-heading">
    <h2 id="decks-heading">幻灯片</h2>
    <ul id="deck-list" class="list"></ul>
  </section>
  <section aria-labelledby="articles-heading">
    <h2 id="articles-heading">还没有幻灯片的文章</h2>
    <ul id="article-list" class="list"></ul>
    <div id="drop" class="drop">
      <p>把文章（.txt、.md 或 Word 的 .docx）拖到这里，或</p>
      <label class="file-button">选择文章文件…<input type="file" id="file" accept=".txt,.md,.docx"></label>
      <p class="hint">文章会复制到 articles/，起草幻灯片后自动打开。文件不能超过 20 MB。</p>
    </div>
  </section>
</main>
<main id="workspace" class="workspace" hidden>
  <section id="editor" class="editor" aria-label="幻灯片 Markdown"></section>
  <section class="side" aria-label="预览">
    <iframe id="stage" class="stage" tabindex="-1" title="当前幻灯片预览（点击跳到这张幻灯片的第一行）"></iframe>
    <h2 class="side-heading">讲稿（备注）</h2>
    <div id="notes" class="notes" tabindex="0" aria-label="当前幻灯片的讲稿"></div>
    <h2 class="side-heading">检查结果 <span id="finding-count"></span></h2>
    <ol id="findings" class="findings"></ol>
  </section>
  <section class="strip-wrap" aria-label="全部幻灯片">
    <iframe id="strip" class="strip" title="全部幻灯片的缩略图（点击跳到那张幻灯片）"></iframe>
  </section>
</main>
<dialog id="conflict" class="dialog wide" aria-labelledby="conflict-heading">
  <h2 id="conflict-heading">文件已在别处被修改</h2>
  <p>打开以后，<b id="conflict-file"></b> 在磁盘上被改动了（可能是用其他程序编辑，或重新起草）。两个版本都在下面，请选择保留哪一个；另一个会存入历史版本，不会丢失。</p>
  <div class="compare">
    <div><h3>我在这里的修改</h3><textarea id="conflict-mine" readonly></textarea></div>
    <div><h3>磁盘上的版本</h3><textarea id="conflict-disk" readonly></textarea></div>
  </div>
  <div class="actions">
    <button type="button" id="keep-mine">保留我的修改</button>
    <button type="button" id="take-disk">改用磁盘上的版本</button>
    <button type="button" id="conflict-later">稍后再决定</button>
  </div>
</dialog>
<dialog id="history" class="dialog wide" aria-labelledby="history-heading">
  <h2 id="history-heading">历史版本</h2>
  <p>每次保存前，被替换的版本都保存在 slides/.history/ 中（每套幻灯片最多 50 个）。</p>
  <div class="compare">
    <ol id="history-list" class="list history-list"></ol>
    <textarea id="history-text" readonly aria-label="所选版本的内容"></textarea>
  </div>
  <div class="actions">
    <button type="button" id="history-restore" disabled>恢复这个版本</button>
    <button type="button" id="history-close">关闭</button>
  </div>
</dialog>
<dialog id="help" class="dialog" aria-labelledby="help-heading">
  <h2 id="help-heading">快捷键</h2>
  <table class="keys">
    <tr><th>Ctrl+S</th><td>保存（停止输入 2 秒后也会自动保存）</td></tr>
    <tr><th>Ctrl+Z / Ctrl+Y</th><td>撤销 / 重做（Ctrl+Shift+Z 也可重做）</td></tr>
    <tr><th>Ctrl+F</th><td>查找（查找栏中也可替换）；F3 下一个；Ctrl+Alt+G 跳到某一行</td></tr>
    <tr><th>Alt+↓ / Alt+↑</th><td>下一张 / 上一张幻灯片（光标跳到它的第一行）</td></tr>
    <tr><th>F8 / Shift+F8</th><td>下一个 / 上一个检查结果</td></tr>
    <tr><th>Ctrl+Shift+M</th><td>打开检查结果列表</td></tr>
    <tr><th>Alt+L</th><td>选择当前幻灯片的版式</td></tr>
    <tr><th>Ctrl+Shift+H</th><td>历史版本</td></tr>
    <tr><th>Esc</th><td>离开编辑区（之后用 Tab 在按钮之间移动）；关闭对话框</td></tr>
    <tr><th>Tab</th><td>在编辑区中输入缩进；先按 Esc 再按 Tab 移到下一个控件</td></tr>
    <tr><th>F1</th><td>显示本帮助</td></tr>
  </table>
  <p>写法：开头 <code>---</code> 之间是设置；单独一行 <code>---</code> 分隔幻灯片，<code>--</code> 为纵向下一张；<code>Note:</code> 之后是讲稿；<code>&lt;!-- .slide: class="points" --&gt;</code> 设定版式。</p>
  <div class="actions"><button type="button" id="help-close">关闭</button></div>
</dialog>
<script src="/studio/app.js"></script>
</body>
</html>
`;
}

export const STUDIO_CSS = {
  app: `
:root { --red: #b3121b; --ink: #1f1f1f; --muted: #5f5f5f; --line: #d9d4cc; --paper: #faf8f4; --focus: #1a56c4; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { height: 100%; margin: 0; }
body { font: 15px/1.5 "Dangke Sans", system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--paper); display: flex; flex-direction: column; }
button, select, input, textarea { font: inherit; }
button, .file-button { background: #fff; border: 1px solid #b9b2a6; border-radius: 4px; padding: 3px 10px; cursor: pointer; color: var(--ink); }
button:hover, .file-button:hover { background: #f1ece4; }
button:disabled { opacity: .5; cursor: default; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; z-index: 10; background: #fff; padding: 4px 8px; }
.bar { display: flex; align-items: center; gap: 8px; padding: 6px 10px; background: var(--red); color: #fff; flex: none; min-height: 44px; flex-wrap: wrap; }
.bar button, .bar select { border-color: #e7b9b9; }
.brand { font-size: 17px; margin: 0 6px 0 0; letter-spacing: .1em; }
.deck-title { font-weight: 600; max-width: 220px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.save-state { font-size: 13px; opacity: .9; min-width: 6em; }
.spacer { flex: 1; }
.tools { display: flex; gap: 6px; align-items: center; }
.layout { font-size: 13px; }
.progress { background: #fff7d6; border-bottom: 1px solid #e8d48a; padding: 4px 12px; font-size: 13px; flex: none; white-space: pre-wrap; }
.progress a { margin-right: 1em; }
.start { padding: 16px 24px; overflow: auto; display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
.start h2 { font-size: 17px; border-bottom: 2px solid var(--red); padding-bottom: 4px; }
.list { list-style: none; padding: 0; margin: 0; }
.list li { margin: 4px 0; }
.list button { width: 100%; text-align: left; padding: 6px 10px; }
.list .meta { color: var(--muted); font-size: 12px; margin-left: .8em; }
.drop { margin-top: 16px; border: 2px dashed #b9b2a6; border-radius: 8px; padding: 16px; text-align: center; background: #fff; }
.drop.over { border-color: var(--red); background: #fff1f1; }
.file-button input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.file-button:focus-within { outline: 3px solid var(--focus); }
.hint { color: var(--muted); font-size: 13px; }
.workspace { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) minmax(360px, 42%); grid-template-rows: minmax(0, 1fr) 104px; }
.editor { grid-row: 1; grid-column: 1; min-height: 0; border-right: 1px solid var(--line); background: #fff; }
.editor .cm-editor { height: 100%; font-size: 15px; }
.editor .cm-scroller { font-family: "Noto Sans Mono CJK SC", "Dangke Sans", ui-monospace, monospace; line-height: 1.55; }
.side { grid-row: 1; grid-column: 2; display: flex; flex-direction: column; min-height: 0; padding: 8px; gap: 4px; }
.stage { width: 100%; aspect-ratio: 16 / 9; border: 1px solid var(--line); background: #ddd; flex: none; }
.stage.aspect-4x3 { aspect-ratio: 4 / 3; width: 75%; align-self: center; }
.side-heading { font-size: 13px; margin: 4px 0 0; color: var(--muted); }
.notes { flex: 1 1 30%; min-height: 48px; overflow: auto; background: #fff; border: 1px solid var(--line); padding: 4px 10px; font-size: 14px; }
.notes p { margin: .3em 0; }
.findings { flex: 1 1 25%; min-height: 40px; overflow: auto; margin: 0; padding: 0; list-style: none; background: #fff; border: 1px solid var(--line); }
.findings button { display: block; width: 100%; text-align: left; border: 0; border-bottom: 1px solid #eee; border-radius: 0; padding: 3px 8px; font-size: 13px; }
.findings .error::before { content: "错误"; color: #fff; background: #c62828; border-radius: 3px; padding: 0 4px; margin-right: 6px; font-size: 12px; }
.findings .warning::before { content: "警告"; color: #fff; background: #b26a00; border-radius: 3px; padding: 0 4px; margin-right: 6px; font-size: 12px; }
.findings .info::before { content: "提示"; color: #fff; background: #555; border-radius: 3px; padding: 0 4px; margin-right: 6px; font-size: 12px; }
.strip-wrap { grid-row: 2; grid-column: 1 / 3; border-top: 1px solid var(--line); background: #e9e5de; }
.strip { width: 100%; height: 100%; border: 0; display: block; }
.dialog { border: 1px solid #999; border-radius: 8px; padding: 16px 20px; max-width: 560px; }
.dialog.wide { max-width: 1100px; width: 92vw; }
.dialog::backdrop { background: rgba(0,0,0,.35); }
.dialog h2 { margin-top: 0; font-size: 18px; }
.compare { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.compare textarea { width: 100%; height: 44vh; font-size: 13px; }
.compare h3 { font-size: 14px; margin: 4px 0; }
.history-list { max-height: 44vh; overflow: auto; }
.history-list button[aria-pressed="true"] { background: #fde9e9; border-color: var(--red); }
.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }
.keys th { text-align: left; padding-right: 16px; white-space: nowrap; font-weight: 600; }
.keys td, .keys th { padding: 3px 8px 3px 0; vertical-align: top; }
.cm-slide-separator { color: var(--red); font-weight: 700; background: #fbeaea; }
.cm-slide-line { border-top: 1px dashed #e3b3b3; }
.cm-note-marker { color: #1a5fb4; font-weight: 700; }
.cm-slide-attributes { color: #7b3fa0; }
.cm-front-matter { color: #6b5b2a; background: #fbf6e6; }
.cm-front-matter *, .cm-slide-separator * { text-decoration: none !important; font-weight: inherit !important; color: inherit !important; font-size: inherit !important; }
.cm-current-slide { background: #fffdf3; }
`,
  preview: `
html, body { margin: 0; height: 100%; overflow: hidden; background: #ccc; }
html[data-studio-mode="stage"] .reveal .slides { position: absolute; left: 0; top: 0; right: auto; bottom: auto; margin: 0; transform-origin: 0 0; pointer-events: auto; }
html[data-studio-mode="stage"] .reveal .slides > section, html[data-studio-mode="stage"] .reveal .slides > section > section { display: none; }
html[data-studio-mode="stage"] .reveal .slides section.studio-shown { display: var(--studio-display, block) !important; position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
html[data-studio-mode="stage"] .reveal .slides > section.studio-stack { display: block !important; width: 100%; height: 100%; }
html[data-studio-mode="stage"] .reveal { cursor: pointer; }
html[data-studio-mode="strip"] { overflow-x: auto; overflow-y: hidden; background: #e9e5de; }
html[data-studio-mode="strip"] body { height: auto; overflow: visible; }
html[data-studio-mode="strip"] .reveal { position: static; width: auto; height: auto; overflow: visible; }
.studio-strip { display: flex; gap: 8px; padding: 6px 8px; align-items: flex-start; }
.studio-thumb { flex: none; position: relative; border: 2px solid transparent; border-radius: 3px; cursor: pointer; background: #fff; overflow: hidden; padding: 0; }
.studio-thumb.current { border-color: #b3121b; }
.studio-thumb.overflowing { box-shadow: 0 0 0 2px #c62828; }
.studio-thumb .reveal { position: absolute; left: 0; top: 0; transform-origin: 0 0; pointer-events: none; }
.studio-thumb .reveal .slides { position: absolute; inset: 0; margin: 0; transform: none; }
.studio-thumb .reveal .slides > section { display: var(--studio-display, block) !important; position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
.studio-thumb-number { position: absolute; left: 2px; bottom: 1px; z-index: 5; font: 11px/1.2 sans-serif; background: rgba(255,255,255,.85); padding: 0 3px; border-radius: 2px; }
.studio-thumb:focus-visible { outline: 3px solid #1a56c4; }
`,
};
