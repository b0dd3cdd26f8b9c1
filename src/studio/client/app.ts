// The studio page: the start view (decks, articles without one, upload) and the workspace (editor,
// preview of the slide under the cursor with its notes, thumbnails, check's findings, layout picker,
// exports, saving with conflict handling and history). Bundled by src/studio/bundle.ts.
import { setDiagnostics, type Diagnostic as LintDiagnostic, nextDiagnostic } from '@codemirror/lint';
import { EditorSelection } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { ApiError, followJob, getJson, postFile, postJson, type JobView } from './api.ts';
import { createEditor } from './editor.ts';
import { layoutOf, outline, slideAlone, slideAt, withLayout, type Outline } from './outline.ts';
import type { StudioPreview } from './preview.ts';

interface DeckText {
  name: string;
  text: string;
  version: string;
}
interface Finding {
  line: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  rule: string;
}
type RenderResult =
  | { ok: true; sectionsHtml: string; theme: string; aspect: string; footer: { title: string; organization: string }; slides: { number: number; line: number; classes: string; title: string }[]; findings: Finding[] }
  | { ok: false; findings: Finding[] };

const LAYOUTS: [string, string][] = [
  ['', '（普通）'],
  ['cover', '封面'],
  ['agenda', '目录'],
  ['divider', '部分标题'],
  ['points', '要点'],
  ['cards', '卡片'],
  ['stats', '数字'],
  ['quote', '引言'],
  ['timeline', '时间线'],
  ['closing', '结语'],
  ['end', '结束'],
];
/** Pause after a keystroke before the slide under the cursor is redrawn (coalesces a burst of input). */
const SLIDE_DELAY_MS = 10;
/** Pause after the last keystroke before the whole deck is rendered and checked again. */
const RENDER_DELAY_MS = 250;
const AUTOSAVE_DELAY_MS = 2000;
/** The thumbnails follow later than the big preview: they are many and the big one matters first. */
const STRIP_DELAY_MS = 300;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const els = {
  home: $<HTMLButtonElement>('home'),
  deckTitle: $('deck-title'),
  saveState: $('save-state'),
  tools: $('deck-tools'),
  save: $<HTMLButtonElement>('save'),
  layout: $<HTMLSelectElement>('layout'),
  progress: $('progress'),
  start: $('start'),
  deckList: $('deck-list'),
  articleList: $('article-list'),
  drop: $('drop'),
  file: $<HTMLInputElement>('file'),
  workspace: $('workspace'),
  editor: $('editor'),
  stage: $<HTMLIFrameElement>('stage'),
  strip: $<HTMLIFrameElement>('strip'),
  notes: $('notes'),
  findings: $('findings'),
  findingCount: $('finding-count'),
  conflict: $<HTMLDialogElement>('conflict'),
  conflictFile: $('conflict-file'),
  conflictMine: $<HTMLTextAreaElement>('conflict-mine'),
  conflictDisk: $<HTMLTextAreaElement>('conflict-disk'),
  history: $<HTMLDialogElement>('history'),
  historyList: $('history-list'),
  historyText: $<HTMLTextAreaElement>('history-text'),
  historyRestore: $<HTMLButtonElement>('history-restore'),
  help: $<HTMLDialogElement>('help'),
};

for (const [value, label] of LAYOUTS) els.layout.append(new Option(label, value));

// ---------------------------------------------------------------- messages

function showProgress(text: string, links: { href: string; label: string }[] = []): void {
  els.progress.hidden = false;
  els.progress.replaceChildren(document.createTextNode(text));
  for (const link of links) {
    const anchor = document.createElement('a');
    anchor.href = link.href;
    anchor.textContent = link.label;
    anchor.setAttribute('download', '');
    els.progress.append(' ', anchor);
  }
}
function hideProgress(): void {
  els.progress.hidden = true;
}
function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : '连接编辑服务失败：请确认 npm run dev 仍在运行。';
}

// ---------------------------------------------------------------- the open deck

interface OpenDeck {
  name: string;
  view: EditorView;
  /** Version of the file on disk the editor's text was last loaded from or saved as. */
  version: string;
  /** The text as last saved (or loaded): the editor is dirty when it differs. */
  savedText: string;
  map: Outline;
  current: number;
  result?: Extract<RenderResult, { ok: true }>;
  /** The text `result` was rendered from. */
  resultText?: string;
  overflow: Map<number, number>;
  conflict: boolean;
  theme: string;
  aspect: string;
}

let deck: OpenDeck | undefined;
let renderTimer: ReturnType<typeof setTimeout> | undefined;
let stripTimer: ReturnType<typeof setTimeout> | undefined;
let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
let rendering = false;
let renderAgain = false;
let saving: Promise<void> | undefined;
let pendingDiagnostics: LintDiagnostic[] | undefined;

const isDirty = (): boolean => deck !== undefined && deck.view.state.doc.toString() !== deck.savedText;

function updateSaveState(text?: string): void {
  if (!deck) return;
  els.saveState.textContent = text ?? (deck.conflict ? '未保存：文件在别处被修改' : isDirty() ? '未保存' : '已保存');
}

function framePreview(frame: HTMLIFrameElement): StudioPreview | undefined {
  return (frame.contentWindow as (Window & { dangkeStudio?: StudioPreview }) | null)?.dangkeStudio;
}

/** Loads both preview frames for the deck's theme and shape; resolves when their scripts are ready. */
function loadFrames(name: string, theme: string, aspect: string): Promise<void> {
  const query = (mode: string): string => `/preview/${encodeURIComponent(name)}/?${new URLSearchParams({ theme: theme || 'dangzheng', aspect, mode })}`;
  els.stage.classList.toggle('aspect-4x3', aspect === '4:3');
  const load = (frame: HTMLIFrameElement, mode: string): Promise<void> =>
    new Promise((resolve) => {
      frame.addEventListener(
        'load',
        () => {
          const window = frame.contentWindow as (Window & { dangkeStudioHost?: unknown }) | null;
          if (window) {
            window.dangkeStudioHost = { pick: pickSlide, overflow: noteOverflow };
            window.addEventListener('keydown', onKey);
          }
          resolve();
        },
        { once: true },
      );
      frame.src = query(mode);
    });
  return Promise.all([load(els.stage, 'stage'), load(els.strip, 'strip')]).then(() => undefined);
}

function pickSlide(index: number): void {
  if (!deck) return;
  const slide = deck.map.slides[index];
  if (!slide) return;
  const line = deck.view.state.doc.line(Math.min(slide.first, deck.view.state.doc.lines));
  deck.view.dispatch({ selection: EditorSelection.cursor(line.from), effects: EditorView.scrollIntoView(line.from, { y: 'start', yMargin: 40 }) });
  deck.view.focus();
}

function noteOverflow(index: number, px: number): void {
  if (!deck) return;
  const before = deck.overflow.get(index) ?? 0;
  if (px > 0) deck.overflow.set(index, px);
  else deck.overflow.delete(index);
  if (before !== px) showFindings();
}

/** check's findings plus the overflow the preview measured, by line. */
function allFindings(): Finding[] {
  if (!deck) return [];
  const own = deck.result?.findings ?? lastFailure;
  const overflow: Finding[] = [];
  for (const [index, px] of deck.overflow) {
    const slide = deck.map.slides[index];
    if (!slide) continue;
    overflow.push({
      line: slide.first,
      severity: 'error',
      rule: 'overflow',
      message: `第 ${index + 1} 张幻灯片内容超出画面 ${px}px（已缩小到最小字号仍放不下）。请删减文字或拆成两张。`,
    });
  }
  return [...own, ...overflow].sort((a, b) => a.line - b.line);
}
let lastFailure: Finding[] = [];

function showFindings(): void {
  if (!deck) return;
  const findings = allFindings();
  const { doc } = deck.view.state;
  const diagnostics: LintDiagnostic[] = findings.map((finding) => {
    const line = doc.line(Math.min(Math.max(1, finding.line), doc.lines));
    return { from: line.from, to: line.to, severity: finding.severity, message: finding.message, source: finding.rule };
  });
  // Never touch the editor while an input method composes: apply once the composition ends.
  if (deck.view.composing) pendingDiagnostics = diagnostics;
  else deck.view.dispatch(setDiagnostics(deck.view.state, diagnostics));
  els.findingCount.textContent = findings.length === 0 ? '（没有问题）' : `（${findings.length} 条，F8 逐条查看）`;
  els.findings.replaceChildren(
    ...findings.map((finding) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = finding.severity;
      button.textContent = `第 ${finding.line} 行：${finding.message}`;
      button.addEventListener('click', () => {
        if (!deck) return;
        const line = deck.view.state.doc.line(Math.min(finding.line, deck.view.state.doc.lines));
        deck.view.dispatch({ selection: EditorSelection.cursor(line.from), effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
        deck.view.focus();
      });
      item.append(button);
      return item;
    }),
  );
}

/** Shows the slide under the cursor (and its notes) from the last rendered deck. */
function showCurrent(): void {
  if (!deck?.result) return;
  const stage = framePreview(els.stage);
  if (!stage) return;
  stage.update(deck.result.sectionsHtml, deck.current, deck.result.footer);
  showNotes(stage);
  const layout = layoutOf(deck.result.slides[deck.current]?.classes ?? '');
  if (els.layout.value !== layout) els.layout.value = LAYOUTS.some(([value]) => value === layout) ? layout : '';
  document.documentElement.setAttribute('data-preview-slide', String(deck.current));
}

let notesShown: string | undefined;
function showNotes(stage: StudioPreview): void {
  const notes = stage.notesHtml();
  if (notes === notesShown) return;
  notesShown = notes;
  els.notes.innerHTML = notes === '' ? '<p class="hint">这张幻灯片没有讲稿。在幻灯片末尾加一行 Note:，其后写讲稿。</p>' : notes;
}

function scheduleStrip(): void {
  clearTimeout(stripTimer);
  stripTimer = setTimeout(() => {
    if (deck?.result) framePreview(els.strip)?.update(deck.result.sectionsHtml, deck.current, deck.result.footer);
  }, STRIP_DELAY_MS);
}

async function render(): Promise<void> {
  if (!deck) return;
  if (rendering) {
    renderAgain = true;
    return;
  }
  rendering = true;
  const open = deck;
  try {
    do {
      renderAgain = false;
      const text = open.view.state.doc.toString();
      const { body } = await postJson<RenderResult>('/api/render', { name: open.name, text });
      if (deck !== open) return;
      // Typed into meanwhile: this result would put back older text (and findings at old lines); the
      // render scheduled by that typing follows.
      if (open.view.state.doc.toString() !== text && open.result) continue;
      if (!body.ok) {
        lastFailure = body.findings;
        open.result = undefined;
        showFindings();
        continue;
      }
      lastFailure = [];
      if (body.theme !== open.theme || body.aspect !== open.aspect) {
        open.theme = body.theme;
        open.aspect = body.aspect;
        await loadFrames(open.name, body.theme, body.aspect);
      }
      open.result = body;
      open.resultText = text;
      // Slides moved: overflow measured before belongs to whatever slide is there now; measure again.
      open.overflow.clear();
      showCurrent();
      showFindings();
      scheduleStrip();
      document.documentElement.setAttribute('data-rendered', String(Number(document.documentElement.getAttribute('data-rendered') ?? 0) + 1));
    } while (renderAgain && deck === open);
  } catch (error) {
    showProgress(errorText(error));
  } finally {
    rendering = false;
  }
}

function scheduleRender(delay = RENDER_DELAY_MS): void {
  clearTimeout(renderTimer);
  renderTimer = setTimeout(() => void render(), delay);
}

type SlideResult = { ok: true; sectionHtml: string; theme: string; aspect: string; footer: { title: string; organization: string } } | { ok: false };
let slideTimer: ReturnType<typeof setTimeout> | undefined;
let slideRendering = false;
let slideAgain = false;

/**
 * The fast path while typing: only the slide under the cursor (with the front matter) goes to the
 * renderer, and the preview swaps that one slide. The whole deck follows after a pause (render()).
 */
async function renderSlide(): Promise<void> {
  if (!deck) return;
  if (slideRendering) {
    slideAgain = true;
    return;
  }
  slideRendering = true;
  const open = deck;
  try {
    do {
      slideAgain = false;
      const text = open.view.state.doc.toString();
      const map = outline(text);
      const index = open.current;
      const alone = slideAlone(text, map, index);
      if (alone === undefined || !open.result) return scheduleRender(0);
      const { body } = await postJson<SlideResult>('/api/render', { name: open.name, text: alone, slide: true });
      if (deck !== open) return;
      if (!body.ok || body.theme !== open.theme || body.aspect !== open.aspect) return scheduleRender(0);
      const stage = framePreview(els.stage);
      if (!stage?.patch(index, map.slides.length, body.sectionHtml, body.footer)) return scheduleRender(0);
      showNotes(stage);
      document.documentElement.setAttribute('data-rendered', String(Number(document.documentElement.getAttribute('data-rendered') ?? 0) + 1));
    } while (slideAgain && deck === open);
  } catch (error) {
    showProgress(errorText(error));
  } finally {
    slideRendering = false;
  }
}

function scheduleSlide(): void {
  clearTimeout(slideTimer);
  slideTimer = setTimeout(() => void renderSlide(), SLIDE_DELAY_MS);
}

function followCursor(): void {
  if (!deck) return;
  const line = deck.view.state.doc.lineAt(deck.view.state.selection.main.head).number;
  const index = slideAt(deck.map, line);
  if (index === deck.current) return;
  deck.current = index;
  // The last full render is older than the text (only the edited slide was redrawn since): render now.
  if (deck.resultText !== deck.view.state.doc.toString()) return scheduleRender(0);
  showCurrent();
  scheduleStrip();
}

// ---------------------------------------------------------------- saving

async function save(options: { force?: boolean; text?: string } = {}): Promise<void> {
  if (!deck) return;
  while (saving) await saving;
  const open = deck;
  const text = options.text ?? open.view.state.doc.toString();
  if (!options.force && text === open.savedText && !open.conflict) return updateSaveState();
  clearTimeout(autosaveTimer);
  updateSaveState('正在保存…');
  saving = (async () => {
    try {
      const { status, body } = await postJson<{ version: string } | { conflict: true; disk: DeckText | null }>('/api/save', {
        name: open.name,
        text,
        base: open.version,
        force: options.force === true,
      });
      if (status === 409 && 'conflict' in body) {
        open.conflict = true;
        showConflict(text, body.disk);
        return;
      }
      if ('version' in body) {
        open.version = body.version;
        open.savedText = text;
        open.conflict = false;
      }
    } catch (error) {
      showProgress(`保存失败：${errorText(error)}您的修改仍在编辑区中，请稍后再按 Ctrl+S。`);
    } finally {
      saving = undefined;
      updateSaveState();
    }
  })();
  await saving;
}

function scheduleAutosave(): void {
  clearTimeout(autosaveTimer);
  if (deck?.conflict) return;
  autosaveTimer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
}

let conflictDisk: DeckText | null = null;
function showConflict(mine: string, disk: DeckText | null): void {
  if (!deck) return;
  conflictDisk = disk;
  els.conflictFile.textContent = `slides/${deck.name}.md`;
  els.conflictMine.value = mine;
  els.conflictDisk.value = disk?.text ?? '（磁盘上的文件已被删除）';
  if (!els.conflict.open) els.conflict.showModal();
  // Both sides open where they first differ, so the change is in view without searching.
  const mineLines = mine.split('\n');
  const diskLines = (disk?.text ?? '').split('\n');
  let first = 0;
  while (first < mineLines.length && mineLines[first] === diskLines[first]) first += 1;
  for (const area of [els.conflictMine, els.conflictDisk]) {
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (first - 3) * lineHeight);
  }
}

/** Replaces the editor's whole text as one undoable change (never while an input method composes). */
function replaceText(text: string): void {
  if (!deck) return;
  const { view } = deck;
  const apply = (): void => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  };
  if (view.composing) view.contentDOM.addEventListener('compositionend', () => setTimeout(apply), { once: true });
  else apply();
}

$('keep-mine').addEventListener('click', () => {
  els.conflict.close();
  void save({ force: true });
});
$('take-disk').addEventListener('click', async () => {
  els.conflict.close();
  if (!deck) return;
  const open = deck;
  const disk = conflictDisk;
  // Keep what was typed: it is saved once (so it lands in the history), then the disk's text goes back.
  await save({ force: true, text: els.conflictMine.value });
  if (disk) {
    await save({ text: disk.text });
    if (deck === open) replaceText(disk.text);
  }
  updateSaveState();
});
$('conflict-later').addEventListener('click', () => {
  els.conflict.close();
  updateSaveState();
});

// ---------------------------------------------------------------- history

let historyChoice: string | undefined;
async function openHistory(): Promise<void> {
  if (!deck) return;
  const open = deck;
  const entries = await getJson<{ id: string; time: string; size: number }[]>('/api/history', { name: open.name });
  historyChoice = undefined;
  els.historyRestore.disabled = true;
  els.historyText.value = entries.length === 0 ? '还没有历史版本：保存后，被替换的版本会出现在这里。' : '';
  els.historyList.replaceChildren(
    ...entries.map((entry) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('aria-pressed', 'false');
      button.textContent = `${new Date(entry.time).toLocaleString('zh-CN')}（${entry.size} 字）`;
      button.addEventListener('click', async () => {
        for (const other of Array.from(els.historyList.querySelectorAll('button'))) other.setAttribute('aria-pressed', 'false');
        button.setAttribute('aria-pressed', 'true');
        const { text } = await getJson<{ text: string }>('/api/history-entry', { name: open.name, id: entry.id });
        els.historyText.value = text;
        historyChoice = entry.id;
        els.historyRestore.disabled = false;
      });
      item.append(button);
      return item;
    }),
  );
  els.history.showModal();
  (els.historyList.querySelector('button') ?? $('history-close')).focus();
}
els.historyRestore.addEventListener('click', async () => {
  if (!deck || !historyChoice) return;
  const open = deck;
  // What is in the editor now is saved first, so restoring puts it into the history too.
  await save();
  if (open.conflict) return;
  const { status, body } = await postJson<{ version: string; text: string } | { conflict: true; disk: DeckText | null }>('/api/restore', {
    name: open.name,
    id: historyChoice,
    base: open.version,
  });
  els.history.close();
  if (status === 409 && 'conflict' in body) {
    open.conflict = true;
    showConflict(open.view.state.doc.toString(), body.disk);
    return;
  }
  if ('version' in body) {
    open.version = body.version;
    open.savedText = body.text;
    replaceText(body.text);
    updateSaveState('已恢复所选版本');
  }
});
$('history-open').addEventListener('click', () => void openHistory());
$('history-close').addEventListener('click', () => els.history.close());

// ---------------------------------------------------------------- layout picker

els.layout.addEventListener('change', () => {
  if (!deck) return;
  const { view } = deck;
  const map = outline(view.state.doc.toString());
  const slide = map.slides[slideAt(map, view.state.doc.lineAt(view.state.selection.main.head).number)];
  if (!slide) return;
  const layout = els.layout.value;
  if (slide.attributesLine !== undefined) {
    const line = view.state.doc.line(slide.attributesLine);
    view.dispatch({ changes: { from: line.from, to: line.to, insert: withLayout(line.text, layout) } });
  } else if (layout !== '') {
    const line = view.state.doc.line(slide.first);
    view.dispatch({ changes: { from: line.from, insert: `${withLayout(undefined, layout)}\n\n` } });
  }
  view.focus();
});

// ---------------------------------------------------------------- exports

const OUTPUT_LABELS: Record<string, string> = { 'slides.pdf': '幻灯片 PDF', 'handout.pdf': '讲义 PDF', 'script.md': '讲稿（Markdown）', 'script.docx': '讲稿（Word）' };
function outputLabel(name: string, file: string): string {
  if (file === `${name}.html`) return '单文件网页';
  if (file === `${name}.pptx`) return 'PowerPoint';
  return OUTPUT_LABELS[file] ?? file;
}

function jobText(job: JobView, what: string): string {
  const seconds = Math.round((Date.now() - (job.startedAt ?? Date.now())) / 1000);
  const last = job.lines[job.lines.length - 1];
  if (job.state === 'queued') return `${what}：排队等候…`;
  return `${what}：进行中（${seconds} 秒）${last ? ` —— ${last}` : ''}`;
}

async function exportDeck(wanted: string): Promise<void> {
  if (!deck) return;
  const open = deck;
  await save();
  if (open.conflict) return;
  try {
    const { body } = await postJson<{ job: JobView }>('/api/export', { name: open.name });
    const job = await followJob(body.job, (update) => showProgress(jobText(update, '正在导出')));
    if (job.state !== 'done') {
      showProgress(`导出失败：${job.lines.slice(-3).join(' ') || '请在终端查看原因。'}`);
      return;
    }
    const outputs = await getJson<{ file: string }[]>('/api/outputs', { name: open.name });
    const links = outputs.map(({ file }) => ({ href: `/dist/${encodeURIComponent(open.name)}/${encodeURIComponent(file)}`, label: outputLabel(open.name, file) }));
    showProgress(`导出完成（dist/${open.name}/）：`, links);
    const target = links.find((link) => link.href.endsWith(`/${encodeURIComponent(wanted === 'single' ? `${open.name}.html` : wanted)}`));
    if (target) {
      const anchor = document.createElement('a');
      anchor.href = target.href;
      anchor.download = '';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    }
  } catch (error) {
    showProgress(`导出失败：${errorText(error)}`);
  }
}
$('export-pdf').addEventListener('click', () => void exportDeck('slides.pdf'));
$('export-handout').addEventListener('click', () => void exportDeck('handout.pdf'));
$('export-single').addEventListener('click', () => void exportDeck('single'));
els.save.addEventListener('click', () => void save());

// ---------------------------------------------------------------- opening a deck

async function openDeck(name: string): Promise<void> {
  closeDeck();
  let loaded: DeckText;
  try {
    loaded = await getJson<DeckText>('/api/deck', { name });
  } catch (error) {
    showProgress(errorText(error));
    location.hash = '';
    return;
  }
  els.start.hidden = true;
  els.workspace.hidden = false;
  els.tools.hidden = false;
  els.home.hidden = false;
  els.deckTitle.textContent = `slides/${name}.md`;
  document.title = `${name} - 党课工作室`;
  const view = createEditor(els.editor, loaded.text, [
    EditorView.updateListener.of((update) => {
      if (!deck || update.view !== deck.view) return;
      if (update.docChanged) {
        deck.map = outline(update.state.doc.toString());
        scheduleSlide();
        scheduleRender();
        scheduleAutosave();
        updateSaveState();
      }
      if (update.docChanged || update.selectionSet) followCursor();
    }),
    EditorView.domEventHandlers({
      compositionend: () => {
        setTimeout(() => {
          if (deck && pendingDiagnostics) {
            deck.view.dispatch(setDiagnostics(deck.view.state, pendingDiagnostics));
            pendingDiagnostics = undefined;
          }
        });
      },
    }),
    keymap.of([
      { key: 'Mod-s', preventDefault: true, run: () => (void save(), true) },
      { key: 'Alt-ArrowDown', run: () => (moveSlide(1), true) },
      { key: 'Alt-ArrowUp', run: () => (moveSlide(-1), true) },
    ]),
  ]);
  deck = {
    name,
    view,
    version: loaded.version,
    savedText: loaded.text,
    map: outline(loaded.text),
    current: 0,
    overflow: new Map(),
    conflict: false,
    theme: '\0',
    aspect: '\0',
  };
  updateSaveState();
  followCursor();
  await render();
  view.focus();
}

function moveSlide(step: number): void {
  if (!deck) return;
  pickSlide(Math.max(0, Math.min(deck.map.slides.length - 1, deck.current + step)));
}

function closeDeck(): void {
  clearTimeout(renderTimer);
  clearTimeout(slideTimer);
  notesShown = undefined;
  clearTimeout(autosaveTimer);
  clearTimeout(stripTimer);
  if (!deck) return;
  deck.view.destroy();
  deck = undefined;
  els.stage.removeAttribute('src');
  els.strip.removeAttribute('src');
  els.notes.replaceChildren();
  els.findings.replaceChildren();
}

// ---------------------------------------------------------------- start view

async function showStart(): Promise<void> {
  if (deck && isDirty()) await save();
  closeDeck();
  els.workspace.hidden = true;
  els.tools.hidden = true;
  els.home.hidden = true;
  els.start.hidden = false;
  els.deckTitle.textContent = '';
  els.saveState.textContent = '';
  document.title = '党课工作室';
  let list: { decks: { name: string; modified: number }[]; articles: { file: string; name: string }[] };
  try {
    list = await getJson('/api/list');
  } catch (error) {
    showProgress(errorText(error));
    return;
  }
  els.deckList.replaceChildren(
    ...(list.decks.length === 0
      ? [Object.assign(document.createElement('li'), { className: 'hint', textContent: 'slides/ 中还没有幻灯片。' })]
      : list.decks.map((entry) => {
          const item = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = entry.name;
          const meta = document.createElement('span');
          meta.className = 'meta';
          meta.textContent = `修改于 ${new Date(entry.modified).toLocaleString('zh-CN')}`;
          button.append(meta);
          button.addEventListener('click', () => {
            location.hash = `#deck=${encodeURIComponent(entry.name)}`;
          });
          item.append(button);
          return item;
        })),
  );
  els.articleList.replaceChildren(
    ...(list.articles.length === 0
      ? [Object.assign(document.createElement('li'), { className: 'hint', textContent: 'articles/ 中的文章都已起草了幻灯片。' })]
      : list.articles.map((article) => {
          const item = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = `起草：${article.file}`;
          button.addEventListener('click', () => void draft(article.file));
          item.append(button);
          return item;
        })),
  );
  (els.deckList.querySelector('button') ?? els.file).focus();
}

async function runDraft(start: () => Promise<{ deck: string; job: JobView }>): Promise<void> {
  try {
    const { deck: name, job } = await start();
    const done = await followJob(job, (update) => showProgress(jobText(update, '正在起草幻灯片')));
    if (done.state !== 'done') {
      showProgress(`起草失败：${done.lines.slice(-4).join(' ') || '请在终端查看原因。'}`);
      return;
    }
    hideProgress();
    location.hash = `#deck=${encodeURIComponent(name)}`;
  } catch (error) {
    showProgress(`无法起草：${errorText(error)}`);
  }
}

function draft(file: string): Promise<void> {
  return runDraft(async () => (await postJson<{ deck: string; job: JobView }>('/api/draft', { article: file })).body);
}

function upload(file: File): Promise<void> {
  if (file.size > 20 * 1024 * 1024) {
    showProgress('文件太大：文章不能超过 20 MB。');
    return Promise.resolve();
  }
  showProgress(`正在上传 ${file.name}…`);
  return runDraft(() => postFile<{ deck: string; job: JobView }>(`/api/upload?${new URLSearchParams({ name: file.name })}`, file));
}

els.file.addEventListener('change', () => {
  const file = els.file.files?.[0];
  els.file.value = '';
  if (file) void upload(file);
});
els.drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  els.drop.classList.add('over');
});
els.drop.addEventListener('dragleave', () => els.drop.classList.remove('over'));
els.drop.addEventListener('drop', (event) => {
  event.preventDefault();
  els.drop.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  if (file) void upload(file);
});
// A file dropped anywhere else must not make the browser leave the studio (and the unsaved text).
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());

// ---------------------------------------------------------------- page-wide keys and routing

els.home.addEventListener('click', () => {
  location.hash = '';
});
$('help-open').addEventListener('click', () => els.help.showModal());
$('help-close').addEventListener('click', () => els.help.close());
/** The page-wide shortcuts; also listened for inside the preview frames, which get their own key events. */
function onKey(event: KeyboardEvent): void {
  if (event.key === 'F1') {
    event.preventDefault();
    if (!els.help.open) els.help.showModal();
  } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
    event.preventDefault();
    void save();
  } else if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === 'h' && deck) {
    event.preventDefault();
    void openHistory();
  } else if (event.altKey && event.key.toLowerCase() === 'l' && deck) {
    event.preventDefault();
    els.layout.focus();
  } else if (event.key === 'F8' && deck && !deck.view.hasFocus) {
    event.preventDefault();
    nextDiagnostic(deck.view);
    deck.view.focus();
  }
}
window.addEventListener('keydown', onKey);
window.addEventListener('beforeunload', (event) => {
  if (!isDirty()) return;
  event.preventDefault();
  event.returnValue = '';
});

function route(): void {
  const match = /^#deck=(.+)$/.exec(location.hash);
  if (match) void openDeck(decodeURIComponent(match[1]!));
  else void showStart();
}
window.addEventListener('hashchange', route);
route();

// For tests and the benchmark: the open editor.
(window as unknown as { dangkeStudioEditor: () => EditorView | undefined }).dangkeStudioEditor = () => deck?.view;
