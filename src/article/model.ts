// The parsed article. JSON-serialisable on purpose: `parse --json` prints it as is and other tools read it,
// so the field names title/subtitle/column/credits/lead/sections/heading/level/paragraphs/text/sentences are fixed.

export interface Sentence {
  /** Stable id, e.g. "p3.s2": paragraph id, then 1-based sentence index. */
  id: string;
  text: string;
}

export type ParagraphKind = 'body' | 'caption';

export interface Paragraph {
  /** Stable id "p1", "p2", … numbered in reading order over the whole article (lead first). */
  id: string;
  text: string;
  kind: ParagraphKind;
  sentences: Sentence[];
}

export interface Section {
  heading: string;
  /** 2 for a top-level section (the title is level 1), 3 for a sub-section, … */
  level: number;
  paragraphs: Paragraph[];
  sections: Section[];
}

export interface Article {
  title: string;
  subtitle: string;
  /** Column tag such as 辉煌历程, from "（辉煌历程）" after the title; "" when there is none. */
  column: string;
  /** Credit lines kept out of the body: 版式设计：…, （来源：新华社）, bylines. */
  credits: string[];
  /** Paragraphs before the first heading. */
  lead: Paragraph[];
  sections: Section[];
  /** Photo captions, kept out of the body. */
  captions: Paragraph[];
}

/** Every body paragraph in reading order: lead, then sections depth-first. */
export function bodyParagraphs(article: Article): Paragraph[] {
  const out: Paragraph[] = [...article.lead];
  const visit = (sections: Section[]): void => {
    for (const section of sections) {
      out.push(...section.paragraphs);
      visit(section.sections);
    }
  };
  visit(article.sections);
  return out;
}
