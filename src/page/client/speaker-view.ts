// The speaker view in Chinese, with notes large enough to read at a glance.
// reveal.js 6's notes plugin opens a blank popup ("reveal.js - Notes") and document.write()s its own HTML
// into it; it takes no template. So we wrap window.open: when the plugin opens its popup, we let it write
// as usual and, right after (a microtask: the write is synchronous in the same call), restyle it, hand it
// the deck's bundled fonts and replace its English labels. The plugin's script keeps running untouched;
// texts it rewrites later (clock, layout label, connection errors) are translated by an observer.
import { LABELS as L } from './labels.ts';

const SPEAKER_WINDOW_NAME = 'reveal.js - Notes';
const FONTS_SELECTOR = '[data-dangke-fonts]';
const STYLE_ID = 'dangke-speaker-style';

/** Fixed labels of the plugin's HTML: selector → Chinese text. */
const LABELS: ReadonlyArray<readonly [string, string]> = [
  ['#upcoming-slide .label', L.upcoming],
  ['.speaker-controls-time .reset-button', L.resetTimer],
  ['.speaker-controls-time .pacing-title', L.pacing],
  ['.speaker-controls-notes .label', L.notes],
];

/** Texts the plugin writes at run time, matched whole or by their start. */
const MESSAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Loading speaker view/, L.loading],
  [/^Cross origin error/, L.crossOrigin],
  [/^Error connecting to main window/, L.disconnected],
];

const LAYOUTS: Record<string, string> = {
  Default: L.layoutDefault,
  Wide: L.layoutWide,
  Tall: L.layoutTall,
  'Notes only': L.layoutNotesOnly,
};

/** Readable notes, Chinese fonts, calm colours; reveal's own layout is kept. */
const SPEAKER_CSS = `
body {
  font-family: "Dangke Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #1f2328;
  background: #fff;
  line-break: strict;
}
.speaker-controls-time .label,
.speaker-controls-pace .label,
.speaker-controls-notes .label {
  text-transform: none;
  font-size: 0.8em;
  font-weight: 700;
  letter-spacing: 0.1em;
  color: #8a1c14;
}
.speaker-controls-notes .value {
  /* reveal shrinks the panel's type in narrow windows (down to 12px); notes stay readable regardless. */
  font-size: max(28px, 1.6em);
  line-height: 1.7;
  text-align: left;
  text-wrap: pretty;
}
.speaker-controls-notes .value p { margin: 0 0 0.6em; }
.speaker-controls-notes .value strong { color: #8a1c14; }
.speaker-controls-time .timer, .speaker-controls-time .clock { font-variant-numeric: tabular-nums; }
.speaker-controls-time .pacing.ahead { color: #0b5cad; }
.speaker-controls-time .pacing.on-track { color: #17772f; }
.speaker-controls-time .pacing.behind { color: #b3261e; }
.overlay-element { font-size: 15px; }
/* The next slide starts below the labels laid over its pane ("下一张", and the layout menu at the window's top
 * right in the default layout), which otherwise cover the top of its title band. !important: the plugin
 * sets this pane's padding per layout with more specific rules. */
#upcoming-slide { padding-top: 46px !important; }
#connection-status { font-size: 22px; }
`;

function translate(text: string): string | undefined {
  for (const [pattern, chinese] of MESSAGES) if (pattern.test(text.trim())) return chinese;
  return undefined;
}

/** "09:41 AM" (the plugin's en-US clock) → "09:41"; "01:05 PM" → "13:05". */
export function clock24(text: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})\s*([AP])M$/i.exec(text.trim());
  if (!match) return undefined;
  const hours = (Number(match[1]) % 12) + (match[3]!.toUpperCase() === 'P' ? 12 : 0);
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/** The label of the "Time" heading is a text node before the reset button. */
function relabelTime(doc: Document): void {
  const heading = doc.querySelector('.speaker-controls-time > h4.label');
  const first = heading?.firstChild;
  if (first && first.nodeType === Node.TEXT_NODE) first.textContent = `${L.elapsed} `;
}

function relabelLayout(doc: Document): void {
  for (const option of Array.from(doc.querySelectorAll('.speaker-layout-dropdown option'))) {
    const chinese = LAYOUTS[option.textContent ?? ''];
    if (chinese) option.textContent = chinese;
  }
  const label = doc.querySelector('.speaker-layout-label');
  if (label && /^Layout/.test(label.textContent ?? '')) {
    const name = (label.textContent ?? '').replace(/^Layout:?\s*/, '');
    label.textContent = `${L.layout}：${LAYOUTS[name] ?? name}`;
  }
}

/** Gives the popup the same @font-face rules as the deck (a link by absolute URL, or the inline CSS). */
function shareFonts(doc: Document): void {
  for (const source of Array.from(document.querySelectorAll(FONTS_SELECTOR))) {
    if (source instanceof HTMLLinkElement) {
      const link = doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = source.href;
      doc.head.appendChild(link);
    } else if (source instanceof HTMLStyleElement) {
      const style = doc.createElement('style');
      style.textContent = source.textContent;
      doc.head.appendChild(style);
    }
  }
}

/** Texts the plugin's script changes later: keep them Chinese. */
function observe(doc: Document): void {
  const status = doc.getElementById('connection-status');
  const clock = doc.querySelector('.clock-value');
  const layout = doc.querySelector('.speaker-layout-label');
  const observer = new MutationObserver(() => {
    if (status) {
      const chinese = translate(status.textContent ?? '');
      if (chinese && status.textContent !== chinese) status.textContent = chinese;
    }
    if (clock) {
      const time = clock24(clock.textContent ?? '');
      if (time && clock.textContent !== time) clock.textContent = time;
    }
    if (layout && /^Layout/.test(layout.textContent ?? '')) relabelLayout(doc);
  });
  for (const target of [status, clock, layout]) {
    if (target) observer.observe(target, { childList: true, characterData: true, subtree: true });
  }
}

/** Localises the popup once its HTML is there; true when it was. */
function localize(popup: Window): boolean {
  let doc: Document;
  try {
    doc = popup.document;
  } catch {
    return true; // not ours to touch (another origin): leave it as the plugin made it
  }
  if (!doc.getElementById('speaker-controls') || !doc.head) return false;
  if (doc.getElementById(STYLE_ID)) return true;
  doc.documentElement.lang = 'zh-CN';
  doc.title = `${L.speakerTitle} · ${document.title}`;
  shareFonts(doc);
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = SPEAKER_CSS;
  doc.head.appendChild(style);
  for (const [selector, text] of LABELS) {
    const element = doc.querySelector(selector);
    if (element) element.textContent = text;
  }
  relabelTime(doc);
  relabelLayout(doc);
  const status = doc.getElementById('connection-status');
  if (status) status.textContent = translate(status.textContent ?? '') ?? status.textContent;
  observe(doc);
  return true;
}

/** Retries for a moment in case the popup's HTML is not written yet (it is, with reveal 6). */
function localizeSoon(popup: Window, attempts = 20): void {
  if (popup.closed || localize(popup) || attempts <= 0) return;
  setTimeout(() => localizeSoon(popup, attempts - 1), 50);
}

/** Installs the window.open wrapper; call before reveal starts (the plugin may open the popup at once). */
export function localizeSpeakerView(): void {
  const open = window.open.bind(window);
  window.open = (url?: string | URL, target?: string, features?: string): Window | null => {
    const popup = open(url, target, features);
    if (popup && target === SPEAKER_WINDOW_NAME) queueMicrotask(() => localizeSoon(popup));
    return popup;
  };
}

/** reveal's black-screen overlay carries an English "Resume presentation" button. */
export function localizePauseOverlay(): void {
  const button = document.querySelector('.reveal .pause-overlay .resume-button');
  if (button) button.textContent = L.resume;
}
