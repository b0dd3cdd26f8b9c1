// What the print view measured on each slide, as plain JSON: the PowerPoint writer's only input besides the
// deck's front matter and notes. Boxes are in slide pixels (the deck's canvas, 1280×720 for 16:9), relative
// to the slide's top-left corner, after the deck's fit scaled the content (src/page/client/fit.ts).
// Made by src/export/measure-slides.ts in the browser; turned into Open XML by the modules beside this one.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What a text is, for the typeface table (fonts.ts): titles, body text, quotations, big figures. */
export type TextRole = 'title' | 'body' | 'quote' | 'figure';

export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** "rrggbb" */
  color: string;
  /** Font size in slide pixels after the fit's zoom. */
  sizePx: number;
  /** Letter spacing in slide pixels (0 when normal). */
  spacingPx: number;
  /** This run shows the slide's number ("3" of "3 / 28"): written as PowerPoint's slide-number field. */
  slideNumber?: boolean;
  /** A line break (<br>) before this run. */
  breakBefore?: boolean;
}

export interface TextParagraph {
  runs: TextRun[];
  align: 'left' | 'center' | 'right' | 'justify';
  /** Line height in slide pixels. */
  lineHeightPx: number;
  /** The list nesting of a bullet paragraph (0 = top level). */
  level: number;
  /** A bullet drawn by the theme before the paragraph: carried over as a paragraph bullet (a:buChar). */
  bullet?: { char: string; color: string; sizePx: number };
  /** Distance from the text box's left edge to the text, in slide pixels (room for the bullet). */
  indentPx: number;
  /** Space above the paragraph, slide pixels (set when paragraphs of a list share one text box). */
  spaceBeforePx: number;
  /** Where the paragraph (its bullet included) starts, from the text box's left edge, slide px. */
  leftPx?: number;
  /** Where the paragraph's lines end, from the text box's right edge, slide px. */
  rightPx?: number;
  /** Its lines end in explicit breaks where the browser ended them (items: item-shapes.ts), so it need not wrap. */
  linesBroken?: boolean;
}

export interface TextBlock {
  /** The box the browser's lines occupy. */
  box: Box;
  /** The most the box may grow to (its container's content box), for slack against wider fonts. */
  room: Box;
  role: TextRole;
  paragraphs: TextParagraph[];
  /** Same value for the items of one list: the writer puts them into one text box. */
  listKey?: string;
  /** One line in the browser: kept on one line (no wrapping) in Office, whose fonts are a little wider. */
  singleLine?: boolean;
  /** True for the footer line (slide number, short title). */
  footer?: boolean;
  /**
   * Index (in MeasuredSlide.shapes) of the filled or outlined box this text sits in: the card, the agenda
   * number, the footer's number pill. The writer puts the text into that shape when it can (shape-text.ts).
   */
  container?: number;
  /**
   * Same number for the pieces of one item of a layout that draws no box round it: a stat's figure and label,
   * a timeline entry's date and text, an agenda row, a quotation and its attribution. The writer makes the
   * item's text one shape, grouped with the item's own shapes (item-shapes.ts).
   */
  item?: number;
}

export interface GradientStop {
  /** Position along the gradient, 0–1. */
  at: number;
  /** "rrggbb" */
  color: string;
  alpha: number;
}

export interface Gradient {
  /** linear: along a line at `angle` (CSS degrees: 180 runs down); radial: from the shape's centre outwards. */
  kind: 'linear' | 'radial';
  angle: number;
  stops: GradientStop[];
}

export interface Shape {
  box: Box;
  /** custom: the `polygons`, in slide px (the rays of the red slides). */
  kind: 'rect' | 'ellipse' | 'custom';
  /** Fill "rrggbb" and its opacity (0–1); none when absent. */
  fill?: { color: string; alpha: number };
  /** A gradient fill (instead of `fill`). */
  gradient?: Gradient;
  /** For kind 'custom': closed polygons, slide px. */
  polygons?: { x: number; y: number }[][];
  /** An outline all round (CSS border of equal sides). */
  line?: { color: string; widthPx: number; alpha: number };
  /** Corner radius, slide pixels. */
  radiusPx: number;
  /** Clockwise rotation in degrees (the points' diamond markers). */
  rotation: number;
  /** Shapes drawn for one element (its shadow, its box, its odd border sides) share this number. */
  element?: number;
  /** The item (TextBlock.item) this shape is drawn for: a stat's rule, a timeline entry's dot, an agenda row's number. */
  item?: number;
  /** Drawn for the footer (its rule, the number's pill): grouped with the footer's text. */
  footer?: boolean;
  /** For an element's own box: the box its text may use (inside its border and padding). */
  content?: Box;
  /**
   * The element's computed background-image when it is a gradient, and its background colour under it (`fill`
   * holds that colour, or the gradient's first colour when there is none).
   */
  css?: { image: string; base?: { color: string; alpha: number } };
  /** For an element's own box: where the layout puts its content vertically (CSS flex/grid centring). */
  anchor?: 'top' | 'middle' | 'bottom';
}

export interface Picture {
  box: Box;
  /** A file: URL the page loaded, or undefined when the image did not load (a placeholder is drawn). */
  url?: string;
  /** What the Markdown asked for (the src attribute), for the placeholder and the warning. */
  src: string;
  alt: string;
}

export interface MeasuredSlide {
  /** The slide's classes (layout first, e.g. ["cards"] or ["agenda", "two-columns"]). */
  classes: string[];
  /** Index into MeasuredDeck.backgrounds; -1 for a plain colour (backgroundColor). */
  background: number;
  /** "rrggbb" when the slide's background is one plain colour. */
  backgroundColor?: string;
  /** The slide's background as a linear gradient (CSS that PowerPoint can say natively: no picture). */
  backgroundGradient?: Gradient;
  /** The background's ornaments as shapes (bands, glows, rays, the slide's ::before/::after), under all else. */
  ornaments?: Shape[];
  /** In painting order: shapes first, then pictures, then text. */
  shapes: Shape[];
  pictures: Picture[];
  texts: TextBlock[];
}

export interface MeasuredDeck {
  width: number;
  height: number;
  /**
   * One picture per distinct slide background that has no native form (the slide with its content hidden),
   * PNG or JPEG bytes; usually none.
   */
  backgrounds: Uint8Array[];
  slides: MeasuredSlide[];
  /** The theme's colours ("rrggbb"), for the presentation's colour scheme. */
  colors: { ink: string; accent: string; accent2: string; paper: string };
}
