// Content slides: the paragraphs of one section (or of the lead) turned into slides with a title,
// a few bullets and, in the notes, every sentence of those paragraphs in order.
// Long paragraphs continue on further slides; short neighbours share one.

import type { Paragraph, RunInMark, Sentence } from '../article/model.ts';
import type { Block, DraftSlide } from '../deck/model.ts';
import { cardsLayout } from './layouts/cards.ts';
import { quoteLayout } from './layouts/quote.ts';
import type { LayoutChoice, LayoutRule } from './layouts/rule.ts';
import { statsLayout } from './layouts/stats.ts';
import { stripTrailingPunctuation, visibleLength } from './clauses.ts';
import { pickBullets } from './bullets.ts';
import { emphasise, keyTerms, plain } from './emphasis.ts';
import { MAX_BULLET_LENGTH, MAX_NOTES_PER_SLIDE, MIN_BULLET_LENGTH, SHORT_PARAGRAPH } from './limits.ts';
import { speakingSeconds } from './timing.ts';
import { baseTitle, chooseTitle, type ChosenTitle, CONTINUED_SUFFIX, TitleBook } from './slide-titles.ts';
import { setName } from './layouts/cards.ts';
import { chineseNumeral } from './numerals.ts';
import { markParallelOpenings, type ParallelGroup } from './parallel.ts';
import { headingTitle, titleFrom } from './short-title.ts';
import { pictureSlide, type PlacedFigure } from './pictures.ts';
import { announcedTopic, itemMarks, itemPlaces, openingItem, withClosingItemsMarked } from './enumeration-items.ts';

/** A run of sentences that one slide carries, with the paragraphs they came from. */
interface Chunk {
  sentences: Sentence[];
  /** Notes: one entry per paragraph touched, each the sentences of that paragraph in this chunk. */
  notes: string[];
  from: string[];
  /** True when the chunk continues a paragraph begun on the previous slide. */
  continued: boolean;
  /** Parallel points (parallel.ts) the chunk opens: all of a run that fits one slide, or one point of a longer run. */
  parallel?: { group: ParallelGroup; ordinal: number; together: boolean };
  /** Id of the paragraph the chunk holds alone because a picture follows it: drafted as the picture's slide. */
  picture?: string;
}

/** Tried in order on every chunk; the first that answers sets the layout, else it is a points slide. */
const LAYOUT_RULES: readonly LayoutRule[] = [quoteLayout, cardsLayout, statsLayout];

export interface ContentOptions {
  /** Titles used so far in the deck (slide-titles.ts); a fresh book when the slides stand alone. */
  titles?: TitleBook;
  /** The first slide takes the heading as its title (a sub-heading no divider shows). */
  headingFirst?: boolean;
  /** Paragraph id → the picture that follows it (pictures.ts): that paragraph is spoken on the picture's slide. */
  pictured?: ReadonlyMap<string, PlacedFigure>;
  /** The slides are the lead's and the fallback title is the article's: after the first slide it comes last. */
  lead?: boolean;
}

export function contentSlides(paragraphs: readonly Paragraph[], fallbackTitle: string, options: ContentOptions = {}): DraftSlide[] {
  const book = options.titles ?? new TitleBook();
  const slides: DraftSlide[] = [];
  let previousTitle = fallbackTitle;
  let previousContinued = false;
  const pictured = options.pictured ?? new Map<string, PlacedFigure>();
  const chunks = chunkParagraphs(paragraphs, new Set(pictured.keys()));
  for (const [index, chunk] of chunks.entries()) {
    const picture = chunk.picture === undefined ? undefined : pictured.get(chunk.picture);
    if (picture !== undefined) {
      slides.push(pictureSlide(picture.figure, picture.src, chunk.notes, chunk.from));
      continue;
    }
    // Items of a numbered run on this slide (一是…二是…) are its bullets, each with its number; the title is
    // then none of them. A slide that goes on with a run begun on the slide before is titled as its continuation.
    const items = enumerationBullets(chunk.sentences);
    const first = chunk.sentences[0];
    const before = chunks[index - 1];
    const opening = first === undefined ? undefined : openingItem(first);
    const continuesRun = first !== undefined && before !== undefined && opening !== undefined && continuesEnumeration(first, before.sentences);
    // A run announced at the end of the slide before (…要在以下几个方面下功夫。) is titled by what it announced.
    const announcement = opening?.ordinal === 1 ? before?.sentences[before.sentences.length - 1]?.text : undefined;
    const chosen: ChosenTitle = parallelTitle(chunk, book, fallbackTitle) ?? chooseTitle(
      {
        sentences: chunk.sentences,
        continued: chunk.continued || (items !== undefined && continuesRun),
        heading: fallbackTitle,
        headingFirst: options.headingFirst === true && index === 0,
        headingLast: options.lead === true && index > 0,
        previousTitle,
        previousContinued,
        avoid: items === undefined ? [] : [...items, ...itemMarks(chunk.sentences).map((mark) => mark.head)],
        ...(items !== undefined && announcement !== undefined ? { runTopic: announcedTopic(announcement) } : {}),
      },
      book,
    );
    const view = { sentences: chunk.sentences, title: chosen.title, ownTitle: chosen.own, structural: chosen.structural === true };
    // A run of points on one slide is the slide's point: its heads are the bullets, whatever else the text holds.
    const rules: readonly LayoutRule[] = chunk.parallel?.together === true || items !== undefined ? [] : LAYOUT_RULES;
    const choice = rules.reduce<LayoutChoice | undefined>((found, rule) => found ?? rule(view), undefined) ?? pointsLayout(chunk.sentences, chosen.title, items);
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

/**
 * A chunk opening parallel points is titled by them: a run on one slide by its shared words as a set
 * (“三个必须”, as Party documents name such sets), or by the section heading when the shared word names
 * nothing (要…要…: “三个要”); one point of a longer run by its place and head (（二）坚持问题导向).
 */
function parallelTitle(chunk: Chunk, book: TitleBook, heading: string): ChosenTitle | undefined {
  const parallel = chunk.parallel;
  if (parallel === undefined || chunk.continued) return undefined;
  const { group, ordinal, together } = parallel;
  const title = together
    ? visibleLength(group.shared) >= 2
      ? setName(group.heads, group.shared)
      : headingTitle(heading)
    : `（${chineseNumeral(ordinal)}）${titleFrom(group.heads[ordinal - 1] ?? '') ?? group.shared}`;
  return title !== undefined && book.available(title) ? { title, own: true, structural: true } : undefined;
}

/** The title a slide shows (a layout rule's choice, which for cards may name the set instead), as text. */
export function shownTitle(slide: { blocks: readonly Block[] }): string | undefined {
  const heading = slide.blocks.find((block) => block.kind === 'heading' && block.level === 2);
  return heading?.kind === 'heading' ? heading.runs.map((run) => run.text).join('') : undefined;
}

function pointsLayout(sentences: readonly Sentence[], title: string, items: readonly string[] | undefined): LayoutChoice {
  const bullets = items ?? pickBullets(sentences.map((sentence) => sentence.text), baseTitle(title));
  const terms = keyTerms(sentences);
  return {
    layout: 'points',
    blocks: [
      { kind: 'heading', level: 2, runs: plain(title) },
      ...(bullets.length > 0 ? [{ kind: 'list' as const, ordered: false, items: bullets.map((bullet) => emphasise(bullet, terms)) }] : []),
    ],
  };
}

/** Most points an enumeration shows as bullets; beyond this the slide would be the paragraph itself. */
const MAX_ENUMERATION_BULLETS = 6;

/**
 * 一是…二是…三是… (or 第一…第二…) in the chunk: one bullet per point, all of them, in order, each the
 * marker with its head ("二是联系实际"); undefined when the chunk holds fewer than two points or a point is
 * too long or too short for a bullet.
 */
function enumerationBullets(sentences: readonly Sentence[]): string[] | undefined {
  const points = itemMarks(sentences);
  if (points.length < 2 || points.length > MAX_ENUMERATION_BULLETS) return undefined;
  const bullets = points.map((point) => stripTrailingPunctuation(point.text));
  if (bullets.some((bullet) => visibleLength(bullet) > MAX_BULLET_LENGTH || visibleLength(bullet) < MIN_BULLET_LENGTH)) return undefined;
  return bullets;
}

/** A section's last chunk shorter than this (in characters) joins the one before it. */
const SHORT_TAIL = 40;

/** How much longer than usual a slide may grow to keep an enumeration's points together. */
const ENUMERATION_STRETCH = 1.6;

/** The sentence opens the next point (二是…, 第三，…, 其次…) of an enumeration begun in `before`. */
function continuesEnumeration(sentence: Sentence, before: readonly Sentence[]): boolean {
  const opening = (sentence.marks ?? []).find((mark): mark is RunInMark => mark.kind === 'run-in' && mark.start === 0);
  if (opening === undefined || opening.ordinal < 2) return false;
  return before.some((earlier) => (earlier.marks ?? []).some((mark) => mark.kind === 'run-in' && mark.ordinal === opening.ordinal - 1));
}

/** Groups sentences into slide-sized chunks without reordering or dropping any. */
export function chunkParagraphs(sectionParagraphs: readonly Paragraph[], pictured: ReadonlySet<string> = new Set()): Chunk[] {
  const { paragraphs, points } = markParallelOpenings(withClosingItemsMarked(sectionParagraphs));
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let currentLength = 0;
  /** The chunk holds a run of parallel points that fits one slide: it takes every point and is not split. */
  let holdsRun = false;

  for (const [index, paragraph] of paragraphs.entries()) {
    const sentences = paragraph.sentences;
    const places = itemPlaces(sentences);
    const paragraphLength = visibleLength(paragraph.text);
    const point = points[index];
    // Measured once per run, at its first point, and only for runs short enough to share a slide (linear time).
    const measured = point !== undefined && point.ordinal === 1 && point.group.heads.length <= MAX_ENUMERATION_BULLETS;
    const runLength = measured ? paragraphs.slice(index, index + point.group.heads.length).reduce((sum, each) => sum + visibleLength(each.text), 0) : 0;
    const together = measured && runLength <= MAX_NOTES_PER_SLIDE * ENUMERATION_STRETCH;
    const endsRun = holdsRun && (point === undefined || point.ordinal === 1);
    if (endsRun) holdsRun = false;
    // A paragraph a picture follows is spoken on the picture's slide, alone, when it fits one slide; a point of a
    // parallel run stays with its run.
    const forPicture = pictured.has(paragraph.id) && point === undefined && paragraphLength <= MAX_NOTES_PER_SLIDE;
    const afterPicture = current?.picture !== undefined;
    // A short paragraph may join the slide before it when both are short together; a later point of a run that
    // fits one slide always joins it; a run's first point may join a short introduction (…有以下几点。).
    const joinsPrevious =
      holdsRun ||
      (current !== undefined &&
        !current.continued &&
        !endsRun &&
        !forPicture &&
        !afterPicture &&
        (point === undefined || point.ordinal === 1) &&
        currentLength < SHORT_PARAGRAPH &&
        currentLength + (together ? runLength : paragraphLength) <= (together ? MAX_NOTES_PER_SLIDE * ENUMERATION_STRETCH : MAX_NOTES_PER_SLIDE));
    if (!joinsPrevious) {
      current = { sentences: [], notes: [], from: [], continued: false };
      chunks.push(current);
      currentLength = 0;
    }
    if (forPicture) current!.picture = paragraph.id;
    if (point !== undefined && (point.ordinal === 1 || !holdsRun)) {
      current!.parallel = { group: point.group, ordinal: point.ordinal, together };
      holdsRun = together;
    }
    let notesOfParagraph = '';
    /** The item (一是…) being read fits the slide it began on: its later sentences stay there. */
    let itemFits = false;
    for (const [at, sentence] of sentences.entries()) {
      const length = visibleLength(sentence.text);
      const place = places[at]!;
      // An item of a numbered run is measured whole when it opens: a slide ends before it or after it.
      const need = place.opens?.length ?? length;
      const full = currentLength + need > MAX_NOTES_PER_SLIDE;
      // 一是…二是…三是…: the next point stays with the ones before it when the rest of the run fits there too
      // (a slide may then grow a little longer than usual); else the run splits here, between two items, rather
      // than leave its last item alone on the next slide. An item's later sentences stay with its opening unless
      // the item is longer than a slide.
      const restOfRun = place.opens?.rest ?? length;
      const keepsTogether =
        holdsRun ||
        (place.inside && itemFits) ||
        (current !== undefined && continuesEnumeration(sentence, current.sentences) && currentLength + restOfRun <= MAX_NOTES_PER_SLIDE * ENUMERATION_STRETCH);
      if (current !== undefined && currentLength > 0 && full && !keepsTogether) {
        if (notesOfParagraph !== '') current.notes.push(notesOfParagraph);
        notesOfParagraph = '';
        current = { sentences: [], notes: [], from: [], continued: true };
        chunks.push(current);
        currentLength = 0;
      }
      if (place.opens !== undefined) itemFits = currentLength + need <= MAX_NOTES_PER_SLIDE * ENUMERATION_STRETCH;
      current!.sentences.push(sentence);
      if (!current!.from.includes(paragraph.id)) current!.from.push(paragraph.id);
      notesOfParagraph += sentence.text;
      currentLength += length;
    }
    if (notesOfParagraph !== '') current!.notes.push(notesOfParagraph);
    // The paragraph after a run's last point starts afresh.
    if (point !== undefined && point.ordinal === point.group.heads.length) holdsRun = false;
  }
  return withShortTailJoined(chunks.filter((chunk) => chunk.sentences.length > 0));
}

/**
 * A few words left at the end of a section (a signature, a date, a closing line) join the slide before
 * them rather than stand for seconds on a slide of their own.
 */
function withShortTailJoined(chunks: Chunk[]): Chunk[] {
  const last = chunks[chunks.length - 1];
  const previous = chunks[chunks.length - 2];
  // A picture's slide speaks its own paragraph and nothing else.
  if (last === undefined || previous === undefined || last.picture !== undefined || previous.picture !== undefined) return chunks;
  const length = (chunk: Chunk): number => chunk.sentences.reduce((sum, sentence) => sum + visibleLength(sentence.text), 0);
  if (length(last) >= SHORT_TAIL || length(previous) + length(last) > MAX_NOTES_PER_SLIDE * ENUMERATION_STRETCH) return chunks;
  const [first, ...rest] = last.notes;
  // A tail that continues the previous slide's last paragraph continues its note too.
  if (last.continued && first !== undefined && previous.notes.length > 0) previous.notes[previous.notes.length - 1] += first;
  else if (first !== undefined) previous.notes.push(first);
  previous.notes.push(...rest);
  previous.sentences.push(...last.sentences);
  for (const id of last.from) if (!previous.from.includes(id)) previous.from.push(id);
  return chunks.slice(0, -1);
}
