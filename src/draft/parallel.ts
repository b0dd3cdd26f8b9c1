// Parallel openings: paragraphs (or sentences of one paragraph) that open with the same words, 坚持…／坚持…／
// 坚持…, 必须…／必须…, 着力…／着力…, are an enumeration the author left unnumbered, read like 一是…二是…三是….
// They are found here and marked as run-in heads (the first clause of each point), so the drafter keeps them
// together and in order as it does numbered points: on one slide when they fit, each point's head a bullet and
// the set named by its shared words (“三个必须”); else one point a slide, titled （一）…（二）….

import type { Paragraph, RunInMark, Sentence } from '../article/model.ts';
import { splitClauses, visibleLength } from './clauses.ts';

/** Fewer openings than this are a coincidence of style, not a list. */
export const MIN_PARALLEL_POINTS = 3;
/** A point's opening clause longer than this is a sentence, not a head. */
const MAX_HEAD_LENGTH = 24;
const MIN_HEAD_LENGTH = 4;
/**
 * Openings that set out duties or principles in Party prose: a verb or a modal said again and again. A repeated
 * subject (支部…／支部…／支部…) tells a story instead, and the segmenter gives no part of speech to tell the two
 * apart, so the openings that enumerate are named here.
 */
const ENUMERATING = new Set([
  '坚持', '必须', '着力', '聚焦', '加强', '推动', '推进', '强化', '突出', '注重', '深化', '健全', '完善', '持续', '始终',
  '围绕', '抓好', '抓住', '做到', '坚定', '树立', '弘扬', '发挥', '提升', '增强', '构建', '打造', '牢记', '践行', '落实',
  '把握', '带头', '敢于', '善于', '勇于', '更加', '全面', '不断', '切实', '深入', '扎实', '大力', '积极', '统筹', '筑牢',
  '锚定', '瞄准', '紧扣', '立足', '守住', '严守', '严格', '传承', '用好', '管好', '建好',
]);
/** The one-character modal that opens parallel duties (要…要…要…), when it is a word of its own (not 要求). */
const MODAL = '要';
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** One run of parallel openings, over paragraphs of a section or sentences of one paragraph. */
export interface ParallelGroup {
  /** The words every point opens with: 坚持, 必须, 着力, 要. */
  shared: string;
  /** Each point's head: its first clause (坚持政治引领). */
  heads: string[];
}

/** The words a unit shares with the next, as an enumeration's opening; undefined when they are no list. */
function sharedOpening(a: string, b: string): string | undefined {
  const first = a.slice(0, 2);
  if (ENUMERATING.has(first) && b.startsWith(first)) return first;
  if (a.startsWith(MODAL) && b.startsWith(MODAL) && firstWord(a) === MODAL && firstWord(b) === MODAL) return MODAL;
  return undefined;
}

function firstWord(text: string): string {
  for (const segment of segmenter.segment(text)) return segment.segment;
  return '';
}

function headOf(text: string): string | undefined {
  const clause = splitClauses(text)[0];
  if (clause === undefined) return undefined;
  const length = visibleLength(clause);
  return length >= MIN_HEAD_LENGTH && length <= MAX_HEAD_LENGTH ? clause : undefined;
}

/**
 * Runs of at least MIN_PARALLEL_POINTS consecutive texts opening with the same words, each with a head:
 * [start index, count, group] in order.
 */
export function parallelRuns(texts: readonly string[]): { start: number; group: ParallelGroup }[] {
  const runs: { start: number; group: ParallelGroup }[] = [];
  let index = 0;
  while (index < texts.length) {
    const opening = index + 1 < texts.length ? sharedOpening(texts[index]!, texts[index + 1]!) : undefined;
    let end = index;
    const heads: string[] = [];
    if (opening !== undefined) {
      while (end < texts.length && texts[end]!.startsWith(opening) && (opening !== MODAL || firstWord(texts[end]!) === MODAL)) {
        const head = headOf(texts[end]!);
        if (head === undefined) break;
        heads.push(head);
        end += 1;
      }
    }
    if (opening !== undefined && heads.length >= MIN_PARALLEL_POINTS) {
      runs.push({ start: index, group: { shared: opening, heads } });
      index = end;
    } else {
      index += 1;
    }
  }
  return runs;
}

function withHeadMark(sentence: Sentence, head: string, ordinal: number, shared: string): Sentence {
  const marks = sentence.marks ?? [];
  // A numbered head the parser found (一是…) already says which point this is.
  if (marks.some((mark) => mark.kind === 'run-in' && mark.start === 0)) return sentence;
  const mark: RunInMark = { kind: 'run-in', text: head, start: 0, end: head.length, marker: shared, ordinal, head };
  return { ...sentence, marks: [mark, ...marks] };
}

/** Where each paragraph of a section stands in a parallel run: its group and 1-based ordinal. */
export interface ParallelPoint {
  group: ParallelGroup;
  ordinal: number;
}

/**
 * The section's paragraphs with their parallel openings marked as run-in heads (copies; the article is not
 * changed), and for each paragraph that opens a point of a run across paragraphs, its place in the run.
 */
export function markParallelOpenings(paragraphs: readonly Paragraph[]): { paragraphs: Paragraph[]; points: (ParallelPoint | undefined)[] } {
  const marked = paragraphs.map((paragraph) => ({ ...paragraph, sentences: [...paragraph.sentences] }));
  const points: (ParallelPoint | undefined)[] = paragraphs.map(() => undefined);
  for (const { start, group } of parallelRuns(paragraphs.map((paragraph) => paragraph.sentences[0]?.text ?? ''))) {
    group.heads.forEach((head, at) => {
      const paragraph = marked[start + at]!;
      paragraph.sentences[0] = withHeadMark(paragraph.sentences[0]!, head, at + 1, group.shared);
      points[start + at] = { group, ordinal: at + 1 };
    });
  }
  // Sentences of one paragraph: 着力…。着力…。着力….
  for (const paragraph of marked) {
    for (const { start, group } of parallelRuns(paragraph.sentences.map((sentence) => sentence.text))) {
      group.heads.forEach((head, at) => {
        paragraph.sentences[start + at] = withHeadMark(paragraph.sentences[start + at]!, head, at + 1, group.shared);
      });
    }
  }
  return { paragraphs: marked, points };
}
