// The parsed article. JSON-serialisable on purpose: `parse --json` prints it as is and other tools read it,
// so the field names title/subtitle/column/credits/lead/sections/heading/level/paragraphs/text/sentences are fixed.

export interface Sentence {
  /** Stable id, e.g. "p3.s2": paragraph id, then 1-based sentence index. */
  id: string;
  text: string;
  /**
   * What the drafter needs from inside the sentence (dates, numbers, quotations, enumerations, quoted terms,
   * document titles, run-in heads), sorted by start. `parse` always fills it, [] when there is nothing;
   * optional only so that hand-built Sentences in tests and other stages stay valid.
   */
  marks?: Mark[];
}

// Marks: spans of a sentence's text. start/end are UTF-16 offsets into Sentence.text (end exclusive), so
// sentence.text.slice(mark.start, mark.end) === mark.text. Marks of one kind never overlap; marks of
// different kinds may (a quotation holds terms and enumerations).

interface MarkSpan {
  text: string;
  start: number;
  end: number;
}

/** A point in time as precise as the text gives it: 2016年 → { year }, 2016年2月 → { year, month }. */
export interface DatePoint {
  year?: number;
  month?: number;
  day?: number;
}

/** 2016年2月, 2024年7月14日, 6月1日; a period (1919—1949年, 20世纪80年代) has `to`. */
export interface DateMark extends MarkSpan {
  kind: 'date';
  from: DatePoint;
  to?: DatePoint;
}

/** A figure with its unit: 832个贫困县 → value "832个", amount 832, unit "个", label "贫困县". */
export interface NumberMark extends MarkSpan {
  kind: 'number';
  /** Qualifier, number, multiplier and unit as written: "近200万名", "25.5万个", "300多万名". */
  value: string;
  /** The number with 万/亿 applied: 近200万名 → 2000000. */
  amount: number;
  /** 个, 名, 人, 年, %, 倍, 亿元 …; "亿"/"万" when the multiplier is the only unit (超1亿). */
  unit: string;
  /** A word before the figure that bounds or hedges it: 近, 约, 超过, 达, 仅 … */
  qualifier?: string;
  /** 多 or 余 inside the figure (300多万名, 8万余人): "more than". */
  approx?: string;
  /** What is counted, when it follows the unit directly: 贫困县, 驻村工作队. */
  label?: string;
}

/** Speech attributed to a speaker: 习近平总书记…强调，… or 古人讲“…”. */
export interface QuotationMark extends MarkSpan {
  kind: 'quotation';
  speaker: string;
  /** The speech verb: 强调, 指出, 提出, 说 … */
  verb: string;
  /** The words said: inside the quotation marks when direct, else the reported clause(s) after the verb. */
  quote: string;
  direct: boolean;
}

/** Parallel phrases joined by 、: 政治合格、执行纪律合格、品德合格、发挥作用合格. */
export interface EnumerationMark extends MarkSpan {
  kind: 'enumeration';
  items: string[];
  /** A head every item starts with: 带头 in 带头…、带头…、带头…; 学史 in 学史明理、学史增信… */
  head?: string;
}

/** A short quoted term: “关键少数”. text keeps the quotation marks, term does not. */
export interface TermMark extends MarkSpan {
  kind: 'term';
  term: string;
}

/** A document, book or newspaper title: 《关于…的意见》. */
export interface DocumentTitleMark extends MarkSpan {
  kind: 'document';
  title: string;
}

/** A run-in head inside a paragraph: 第一，端正学习态度 / 一是读原著. text covers marker and head. */
export interface RunInMark extends MarkSpan {
  kind: 'run-in';
  /** 第一, 一是, 其一, 首先 … */
  marker: string;
  /** 1-based position the marker names. */
  ordinal: number;
  /** The clause the marker introduces, up to the next ，；。: 端正学习态度. */
  head: string;
}

export type Mark = DateMark | NumberMark | QuotationMark | EnumerationMark | TermMark | DocumentTitleMark | RunInMark;

export type MarkKind = Mark['kind'];

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
  /**
   * True when the article had no headings and the parser cut it into sections by length and topic shift;
   * the heading is then the opening phrase of the section's first paragraph, not the author's words.
   */
  generated?: boolean;
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
  /**
   * The sign-off at the end of a report, letter or notice (issuing body, date), kept out of the body; absent
   * when there is none. Optional so that hand-built Articles stay valid.
   */
  signoff?: string[];
  /**
   * Pictures of the article (Markdown `![caption](file)`, images in a Word file), in reading order; absent
   * when there are none. Optional so that hand-built Articles stay valid.
   */
  figures?: Figure[];
}

/** A picture in the article and where it stood. */
export interface Figure {
  /** "f1", "f2", … in reading order. */
  id: string;
  /** The address as written: a path relative to the article, or the name of an image inside a Word file. */
  src: string;
  /** Its caption: the image's alt text, else the caption line right after it; "" when there is none. */
  caption: string;
  /** 1-based line of the article text where the image stands (for messages). */
  line: number;
  /** Id of the body paragraph just before the picture; undefined when it comes before any. */
  after?: string;
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
