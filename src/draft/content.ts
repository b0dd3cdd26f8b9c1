// Content slides: the paragraphs of one section (or of the lead) turned into slides with a title,
// a few bullets and, in the notes, every sentence of those paragraphs in order.
// Long paragraphs continue on further slides; short neighbours share one.

import type { Paragraph, Sentence } from '../article/model.ts';
import type { DraftSlide } from '../deck/model.ts';
import { cardsLayout } from './layouts/cards.ts';
import { quoteLayout } from './layouts/quote.ts';
import type { LayoutChoice, LayoutRule } from './layouts/rule.ts';
import { statsLayout } from './layouts/stats.ts';
import { visibleLength } from './clauses.ts';
import { pickBullets } from './bullets.ts';
import { emphasise, keyTerms, plain } from './emphasis.ts';
import { MAX_NOTES_PER_SLIDE, SHORT_PARAGRAPH } from './limits.ts';
import { speakingSeconds } from './timing.ts';
import { baseTitle, chooseTitle, CONTINUED_SUFFIX, TitleBook } from './slide-titles.ts';

/** A run of sentences that one slide carries, with the paragraphs they came from. */
interface Chunk {
  sentences: Sentence[];
  /** Notes: one entry per paragraph touched, each the sentences of that paragraph in this chunk. */
  notes: string[];
  from: string[];
  /** True when the chunk continues a paragraph begun on the previous slide. */
  continued: boolean;
}

/** Tried in order on every chunk; the first that answers sets the layout, else it is a points slide. */
const LAYOUT_RULES: readonly LayoutRule[] = [quoteLayout, cardsLayout, statsLayout];

export interface ContentOptions {
  /** Titles used so far in the deck (slide-titles.ts); a fresh book when the slides stand alone. */
  titles?: TitleBook;
  /** The first slide takes the heading as its title (a sub-heading no divider shows). */
  headingFirst?: boolean;
}

export function contentSlides(paragraphs: readonly Paragraph[], fallbackTitle: string, options: ContentOptions = {}): DraftSlide[] {
  const book = options.titles ?? new TitleBook();
  const slides: DraftSlide[] = [];
  let previousTitle = fallbackTitle;
  let previousContinued = false;
  for (const [index, chunk] of chunkParagraphs(paragraphs).entries()) {
    const chosen = chooseTitle(
      {
        sentences: chunk.sentences,
        continued: chunk.continued,
        heading: fallbackTitle,
        headingFirst: options.headingFirst === true && index === 0,
        previousTitle,
        previousContinued,
      },
      book,
    );
    const view = { sentences: chunk.sentences, title: chosen.title, ownTitle: chosen.own, structural: chosen.structural === true };
    const choice = LAYOUT_RULES.reduce<LayoutChoice | undefined>((found, rule) => found ?? rule(view), undefined) ?? pointsLayout(chunk.sentences, chosen.title);
    const shown = shownTitle(choice) ?? chosen.title;
    book.use(shown);
    slides.push({
      ...choice,
      notes: chunk.notes,
      timing: speakingSeconds(chunk.notes),
      from: chunk.from,
    });
    previousTitle = baseTitle(shown);
    previousContinued = shown.endsWith(CONTINUED_SUFFIX);
  }
  return slides;
}

/** The title a layout rule put on the slide (cards may name the set instead). */
function shownTitle(choice: LayoutChoice): string | undefined {
  const heading = choice.blocks.find((block) => block.kind === 'heading' && block.level === 2);
  return heading?.kind === 'heading' ? heading.runs.map((run) => run.text).join('') : undefined;
}

function pointsLayout(sentences: readonly Sentence[], title: string): LayoutChoice {
  const bullets = pickBullets(sentences.map((sentence) => sentence.text), baseTitle(title));
  const terms = keyTerms(sentences);
  return {
    layout: 'points',
    blocks: [
      { kind: 'heading', level: 2, runs: plain(title) },
      ...(bullets.length > 0 ? [{ kind: 'list' as const, ordered: false, items: bullets.map((bullet) => emphasise(bullet, terms)) }] : []),
    ],
  };
}

/** Groups sentences into slide-sized chunks without reordering or dropping any. */
export function chunkParagraphs(paragraphs: readonly Paragraph[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let currentLength = 0;

  for (const paragraph of paragraphs) {
    const sentences = paragraph.sentences;
    const paragraphLength = visibleLength(paragraph.text);
    // A short paragraph may join the slide before it when both are short together.
    const joinsPrevious =
      current !== undefined &&
      !current.continued &&
      currentLength < SHORT_PARAGRAPH &&
      currentLength + paragraphLength <= MAX_NOTES_PER_SLIDE;
    if (!joinsPrevious) {
      current = { sentences: [], notes: [], from: [], continued: false };
      chunks.push(current);
      currentLength = 0;
    }
    let notesOfParagraph = '';
    for (const sentence of sentences) {
      const length = visibleLength(sentence.text);
      if (current !== undefined && currentLength > 0 && currentLength + length > MAX_NOTES_PER_SLIDE) {
        if (notesOfParagraph !== '') current.notes.push(notesOfParagraph);
        notesOfParagraph = '';
        current = { sentences: [], notes: [], from: [], continued: true };
        chunks.push(current);
        currentLength = 0;
      }
      current!.sentences.push(sentence);
      if (!current!.from.includes(paragraph.id)) current!.from.push(paragraph.id);
      notesOfParagraph += sentence.text;
      currentLength += length;
    }
    if (notesOfParagraph !== '') current!.notes.push(notesOfParagraph);
  }
  return chunks.filter((chunk) => chunk.sentences.length > 0);
}
