// Two views of a deck.
// - DraftDeck: what the drafter produces from an article (structured, every text known to be article text).
// - SourceDeck: what is read back from slides/<name>.md after people edited it (Markdown per slide).
// The Markdown file sits between them and is the source of truth once written.

export type Layout =
  | 'cover'
  | 'agenda'
  | 'divider'
  | 'points'
  | 'cards'
  | 'stats'
  | 'quote'
  | 'timeline'
  | 'closing'
  | 'end'
  | 'picture';

export interface FrontMatter {
  title: string;
  subtitle?: string;
  column?: string;
  speaker?: string;
  organization?: string;
  date?: string;
  /** Theme folder name under themes/. */
  theme?: string;
  /** "16:9" (default) or "4:3". */
  aspect?: string;
  /** Planned length of the lecture in minutes; feeds reveal.js's pacing timer. */
  duration?: number;
  /** Article the deck was drafted from, relative to the project. */
  source?: string;
  /** Keys we do not know are kept, so nothing the user wrote is lost. */
  [key: string]: unknown;
}

/** A run of inline text; `strong` marks key terms shown in bold. Text is plain (unescaped) article text. */
export interface Run {
  text: string;
  strong?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  | { kind: 'quote'; runs: Run[]; cite?: string }
  /** A picture: `src` is relative to the deck's Markdown file. */
  | { kind: 'image'; src: string; alt: string };

export interface DraftSlide {
  layout: Layout;
  /** Extra classes that vary a layout, e.g. ["two-columns"] on a long agenda. */
  classes?: string[];
  blocks: Block[];
  /** Speaker notes: the lecture script, one entry per spoken paragraph. */
  notes: string[];
  /** Seconds this slide takes to speak. */
  timing?: number;
  /** Ids of the article paragraphs the slide came from. */
  from: string[];
}

export interface DraftDeck {
  frontMatter: FrontMatter;
  slides: DraftSlide[];
}

/** One slide as read from the Markdown file. */
export interface SourceSlide {
  /** Markdown of the slide body, without its notes and without the `.slide` attribute comment. */
  body: string;
  /** Speaker notes Markdown (after `Note:`), "" when none. */
  notes: string;
  /** Attributes from `<!-- .slide: key="value" … -->`, e.g. { class: "cover", "data-timing": "45" }. */
  attributes: Record<string, string>;
  /** 1-based line in the Markdown file where the slide starts. */
  line: number;
  /** Slides below this one (separated by `--`), reveal.js vertical slides. */
  vertical: SourceSlide[];
}

export interface SourceDeck {
  /** The Markdown file it was read from (for messages). */
  file: string;
  frontMatter: FrontMatter;
  slides: SourceSlide[];
}

/** The deck rendered to HTML, ready for a page around it. */
export interface RenderedDeck {
  frontMatter: FrontMatter;
  /** `<section>` elements, one per horizontal slide (vertical slides nested), notes in `<aside class="notes">`. */
  sectionsHtml: string;
  /** Number of slides including vertical ones: the number of PDF pages. */
  slideCount: number;
  /** Top-level section headings for PDF bookmarks and the handout. */
  sectionTitles: string[];
}
