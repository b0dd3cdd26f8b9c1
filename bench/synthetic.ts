// A synthetic deck of any length for the benchmark: Chinese text cut from the example article, the
// drafter's layouts in turn, a divider every 30 slides, notes on every slide. Pure: sentences in, Markdown out.

const LAYOUTS = ['points', 'cards', 'stats', 'quote', 'timeline'] as const;
const SECTION_LENGTH = 30;

/** Sentences of a text (ending in 。！？), without very short ones. */
export function sentencesOf(text: string): string[] {
  return (text.match(/[^。！？\n]+[。！？]/gu) ?? []).map((sentence) => sentence.trim()).filter((sentence) => sentence.length >= 12);
}

function clip(text: string, length: number): string {
  const chars = [...text.replace(/[。！？]$/u, '')];
  return chars.length <= length ? chars.join('') : chars.slice(0, length).join('');
}

export function syntheticDeck(slideCount: number, sentences: readonly string[]): string {
  if (sentences.length === 0) throw new Error('no sentences to build a deck from');
  let cursor = 0;
  const next = (): string => sentences[cursor++ % sentences.length]!;
  const slides: string[] = [];
  slides.push(['<!-- .slide: class="cover" -->', '', '# 基准测试：三百张幻灯片的党课', '', '## 合成的长篇幻灯片', '', 'Note:', next()].join('\n'));
  const sections = Math.ceil((slideCount - 1) / SECTION_LENGTH);
  for (let index = 1; index < slideCount; index++) {
    const position = (index - 1) % SECTION_LENGTH;
    const section = Math.floor((index - 1) / SECTION_LENGTH);
    if (position === 0) {
      slides.push([
        '<!-- .slide: class="divider" -->',
        '',
        `## 第${section + 1}部分`,
        '',
        `# ${clip(next(), 16)}`,
        '',
        'Note:',
        `下面学习第${section + 1}部分，共${sections}部分。`,
      ].join('\n'));
      continue;
    }
    const layout = LAYOUTS[index % LAYOUTS.length]!;
    const notes = [next(), next(), next()].join('');
    let body: string;
    if (layout === 'quote') body = `> ${next()}\n\n—— 习近平总书记`;
    else if (layout === 'stats') body = `## ${clip(next(), 14)}\n\n- **${index * 3}万名** ${clip(next(), 8)}\n- **${index + 40}个** ${clip(next(), 8)}`;
    else if (layout === 'timeline') body = `## ${clip(next(), 14)}\n\n- **2016年${(index % 12) + 1}月** ${clip(next(), 14)}\n- **2017年3月** ${clip(next(), 14)}`;
    else body = `## ${clip(next(), 16)}\n\n- ${clip(next(), 22)}\n- ${clip(next(), 22)}\n- ${clip(next(), 22)}`;
    slides.push([`<!-- .slide: class="${layout}" -->`, '', body, '', 'Note:', notes].join('\n'));
  }
  const frontMatter = ['---', 'title: "三百张幻灯片"', 'subtitle: "基准测试"', 'speaker: "主讲人"', 'organization: "党支部"', 'duration: 120', '---', ''].join('\n');
  return `${frontMatter}\n${slides.join('\n\n---\n\n')}\n`;
}
