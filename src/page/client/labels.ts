// Every Chinese text the deck script itself puts on screen (speaker view, black-screen button). Kept in
// one place because the bundled font subsets must hold these characters too: on a machine without
// Chinese fonts, a label whose characters are not in the subset would show as empty boxes.
// (write-site.ts adds clientCharacters() to the deck's own characters when it subsets the fonts.)

export const LABELS = {
  upcoming: '下一张',
  resetTimer: '点击重新计时',
  pacing: '进度：本张剩余时间',
  notes: '讲稿',
  elapsed: '已用时间',
  speakerTitle: '演讲者视图',
  loading: '正在打开演讲者视图……',
  crossOrigin: '无法连接：演讲者视图只能从同一个幻灯片文件打开。',
  disconnected: '与放映窗口的连接中断，请关闭本窗口后在放映窗口中再按 S 键。',
  layout: '布局',
  layoutDefault: '默认',
  layoutWide: '宽屏',
  layoutTall: '竖排',
  layoutNotesOnly: '仅讲稿',
  resume: '继续放映',
} as const;

/** The characters of every label, for the font subsetter. */
export function clientCharacters(): string {
  return Object.values(LABELS).join('');
}
