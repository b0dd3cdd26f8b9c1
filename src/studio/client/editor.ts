// The CodeMirror 6 editor for the slide Markdown: line numbers, undo/redo, search (in Chinese), Markdown
// highlighting plus the deck dialect (front matter, `---`/`--` separators, `Note:`, `.slide` comments),
// check's findings in the lint gutter. The studio never replaces the text while an input method is
// composing (see app.ts); this module only builds the editor.
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { lintGutter, lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, RangeSetBuilder, type Extension } from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { outline } from './outline.ts';

const PHRASES: Record<string, string> = {
  Find: '查找',
  Replace: '替换为',
  next: '下一个',
  previous: '上一个',
  all: '全部',
  'match case': '区分大小写',
  regexp: '正则表达式',
  'by word': '整词',
  replace: '替换',
  'replace all': '全部替换',
  close: '关闭',
  'current match': '当前匹配',
  'on line': '行',
  'replaced match on line $': '已替换第 $ 行的匹配',
  'replaced $ matches': '已替换 $ 处',
  'Go to line': '跳到行',
  go: '跳转',
  Diagnostics: '检查结果',
  'No diagnostics': '没有问题',
  'Folded lines': '已折叠的行',
  'Control character': '控制字符',
};

const separatorLine = Decoration.line({ class: 'cm-slide-separator' });
const frontMatterLine = Decoration.line({ class: 'cm-front-matter' });
const attributesLine = Decoration.line({ class: 'cm-slide-attributes' });
const noteMark = Decoration.mark({ class: 'cm-note-marker' });

/** Decorations of the deck dialect, from the same outline the studio navigates by. */
function dialect(view: EditorView): DecorationSet {
  const { doc } = view.state;
  const map = outline(doc.toString());
  const builder = new RangeSetBuilder<Decoration>();
  const lineKinds = new Map<number, 'front' | 'separator' | 'attributes'>();
  for (let line = 1; line <= map.frontMatterEnd; line += 1) lineKinds.set(line, 'front');
  for (const slide of map.slides) {
    if (slide.from > 1 && slide.from - 1 > map.frontMatterEnd) lineKinds.set(slide.from - 1, 'separator');
    if (slide.attributesLine !== undefined) lineKinds.set(slide.attributesLine, 'attributes');
  }
  for (const { from, to } of view.visibleRanges) {
    for (let position = from; position <= to; ) {
      const line = doc.lineAt(position);
      const kind = lineKinds.get(line.number);
      if (kind === 'front') builder.add(line.from, line.from, frontMatterLine);
      else if (kind === 'separator') builder.add(line.from, line.from, separatorLine);
      else if (kind === 'attributes') builder.add(line.from, line.from, attributesLine);
      else if (/^Note:/.test(line.text)) builder.add(line.from, line.from + 5, noteMark);
      position = line.to + 1;
    }
  }
  return builder.finish();
}

const dialectHighlighting = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = dialect(view);
    }
    update(update: ViewUpdate): void {
      if (update.docChanged || update.viewportChanged) this.decorations = dialect(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

export function createEditor(parent: HTMLElement, text: string, extra: Extension[]): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        EditorState.phrases.of(PHRASES),
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        search({ top: true }),
        markdown(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        dialectHighlighting,
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': '幻灯片 Markdown', lang: 'zh-CN' }),
        ...extra,
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap, indentWithTab]),
      ],
    }),
  });
}
