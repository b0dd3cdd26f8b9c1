// Which title a content slide gets. Titles come from the article's structure first: a sub-heading not shown
// on a divider, a run-in head (第一，… / 一是… / 首先…) that opens the slide's text, then the paragraph's own
// topic clause. A deck reads badly when one title stands over slide after slide, so the drafter keeps a
// book of titles: none on more than two content slides, and "（续）" never on two slides in a row. When the
// usual titles are spent it looks inside the chunk for another clause that can stand as a title.

import type { RunInMark, Sentence } from '../article/model.ts';
import { splitClauses, stripTrailingPunctuation } from './clauses.ts';
import { MAX_TITLE_LENGTH } from './limits.ts';
import { headingTitle, isFrameOrLeaning, standsAsTitle, titleFrom } from './short-title.ts';
import { topicTitle } from './title.ts';
import { LEAD_TITLE } from './lead-title.ts';

/** No title stands over more content slides than this in one deck. */
export const MAX_TITLE_USES = 2;
export const CONTINUED_SUFFIX = '（续）';
/** A clause that points at words before it (这些影片…) or only sets a scene (在放映领域) is no title. */
const POINTS_AWAY = /^(这|那|此|其|该|在)/u;
/**
 * A run-in head is the speaker's own wording of the point (第一，加强基层党建是巩固党的执政基础的必然要求):
 * it may take the title band's two lines rather than be cut.
 */
const MAX_RUN_IN_TITLE_LENGTH = 26;
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Titles used so far in a deck, counted without their "（续）". */
export class TitleBook {
  private readonly uses = new Map<string, number>();

  available(title: string): boolean {
    const base = baseTitle(title);
    // "导语" names no topic: a lecturer rewrites it, so it stands over one slide at most.
    return (this.uses.get(base) ?? 0) < (base === LEAD_TITLE ? 1 : MAX_TITLE_USES);
  }

  use(title: string): void {
    const base = baseTitle(title);
    this.uses.set(base, (this.uses.get(base) ?? 0) + 1);
  }
}

export function baseTitle(title: string): string {
  return title.endsWith(CONTINUED_SUFFIX) ? title.slice(0, -CONTINUED_SUFFIX.length) : title;
}

export interface TitleContext {
  sentences: readonly Sentence[];
  /** The chunk continues a paragraph begun on the previous slide. */
  continued: boolean;
  /**
   * The heading of the section, the fallback; for the lead, the article's title or, when that gives none,
   * 导语 (lead-title.ts), which comes after every title the chunk's own text offers.
   */
  heading: string;
  /** The chunk opens a section whose heading no divider shows: the heading is its title. */
  headingFirst: boolean;
  /**
   * The heading is the article's title over a slide of the lead after its first (lead-title.ts): the cover and
   * the opening slide already say it, so a clause of the chunk's own text comes before it.
   */
  headingLast?: boolean;
  /** Title of the previous content slide of this section, without "（续）". */
  previousTitle: string;
  /** The previous slide's title already said "（续）". */
  previousContinued: boolean;
  /** The topic of the run of items the slide lists, from the sentence that announced it (enumeration-items.ts). */
  runTopic?: string;
  /** Titles the slide must not take: its bullets (the items of a numbered run it lists). */
  avoid?: readonly string[];
}

export interface ChosenTitle {
  title: string;
  /** Taken from the chunk's own text rather than a heading or a continuation. */
  own: boolean;
  /** A run-in head that opens the chunk. */
  structural?: boolean;
}

export function chooseTitle(context: TitleContext, book: TitleBook): ChosenTitle {
  const { sentences, continued } = context;
  const heading = headingTitle(context.heading);
  /** 导语 is no heading, nor is the article's title over a later slide of the lead: the chunk's own clauses come first. */
  const placeholder = context.heading === LEAD_TITLE || context.headingLast === true;
  const texts = sentences.map((sentence) => sentence.text);
  const candidates: ChosenTitle[] = [];
  const opening = openingRunIn(sentences[0]);
  if (opening !== undefined) candidates.push({ title: opening, own: true, structural: true });
  // A sub-heading is the article's own structure, as a run-in head is: layouts keep it.
  if (context.headingFirst && !continued) candidates.push({ title: heading, own: false, structural: true });
  if (!continued) {
    const topic = topicTitle(texts);
    if (topic !== undefined) candidates.push({ title: topic, own: true });
    if (context.runTopic !== undefined) candidates.push({ title: context.runTopic, own: true });
    if (!placeholder) candidates.push({ title: heading, own: false });
  } else if (!context.previousContinued) {
    candidates.push({ title: context.previousTitle + CONTINUED_SUFFIX, own: false });
  }
  // A slide listing a run's items speaks of them all: a clause from inside one item would title it wrongly.
  if (context.avoid !== undefined && context.avoid.length > 0) {
    if (!placeholder) candidates.push({ title: heading, own: false });
  } else for (const title of innerTitles(sentences)) if (!POINTS_AWAY.test(title)) candidates.push({ title, own: true });
  if (placeholder) candidates.push({ title: heading, own: false });
  const avoid = new Set(context.avoid ?? []);
  const found = candidates.find((candidate) => book.available(candidate.title) && !avoid.has(candidate.title));
  if (found !== undefined) return found;
  // Every title the chunk offers is spent: number the heading's parts, as lecturers do, （二）（三）…
  for (const ordinal of ORDINALS.slice(1)) {
    const numbered = `${heading}（${ordinal}）`;
    if (book.available(numbered)) return { title: numbered, own: false };
  }
  return { title: heading, own: false };
}

/** "第一，端正学习态度" / "一是读原著" when a run-in head opens the sentence. */
function openingRunIn(sentence: Sentence | undefined): string | undefined {
  const mark = sentence?.marks?.find((candidate): candidate is RunInMark => candidate.kind === 'run-in' && candidate.start === 0);
  if (mark === undefined) return undefined;
  return runInTitle(mark);
}

function runInTitle(mark: RunInMark): string | undefined {
  const whole = stripTrailingPunctuation(mark.text);
  if (fits(whole, MAX_RUN_IN_TITLE_LENGTH)) return whole;
  return fits(mark.head) ? mark.head : undefined;
}

/** Further titles the chunk's text offers, in reading order: run-in heads, topic clauses of later sentences, other clauses. */
function innerTitles(sentences: readonly Sentence[]): string[] {
  const titles: string[] = [];
  for (const sentence of sentences) {
    for (const mark of sentence.marks ?? []) {
      if (mark.kind !== 'run-in') continue;
      const title = runInTitle(mark);
      if (title !== undefined) titles.push(title);
    }
  }
  const texts = sentences.map((sentence) => sentence.text);
  for (let index = 1; index < texts.length; index += 1) {
    const topic = topicTitle(texts.slice(index));
    if (topic !== undefined) titles.push(topic);
  }
  for (const text of texts) {
    for (const clause of splitClauses(text)) {
      if (isFrameOrLeaning(clause)) continue;
      const title = titleFrom(clause);
      if (title !== undefined) titles.push(title);
    }
  }
  return titles;
}

function fits(text: string, maxLength = MAX_TITLE_LENGTH): boolean {
  return standsAsTitle(text, maxLength);
}
