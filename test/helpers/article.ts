// Small hand-made articles for drafter tests, built without the parser so the drafter is tested alone.

import type { Article, Paragraph, Section } from '../../src/article/model.ts';

let counter = 0;

/** A paragraph whose sentences split on 。！？ (good enough for hand-written test text). */
export function paragraph(text: string): Paragraph {
  counter += 1;
  const id = `p${counter}`;
  const sentences = (text.match(/[^。！？]+[。！？]?/gu) ?? []).map((sentence, index) => ({ id: `${id}.s${index + 1}`, text: sentence }));
  return { id, text, kind: 'body', sentences };
}

export function section(heading: string, texts: string[], sections: Section[] = [], level = 2): Section {
  return { heading, level, paragraphs: texts.map(paragraph), sections };
}

export function article(parts: Partial<Article> & { sections: Section[] }): Article {
  return { title: '测试文章', subtitle: '', column: '', credits: [], lead: [], captions: [], ...parts };
}

export function resetIds(): void {
  counter = 0;
}
