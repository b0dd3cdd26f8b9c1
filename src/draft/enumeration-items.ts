// The items of a numbered run (一是…二是…, 第一，…第二，…, 首先…其次…最后…): each item is the sentence that opens
// with its marker and the sentences after it, up to the next item's marker or the end of its paragraph. A slide
// may end between items, never inside one, so that "三是…" is never spoken half on one slide and half on the
// next, and the slides that share a run show the numbers of the items they hold.

import type { Paragraph, RunInMark, Sentence } from '../article/model.ts';
import { splitClauses, visibleLength } from './clauses.ts';
import { announces, titleFrom } from './short-title.ts';

/** "最后，…" closes a run the parser numbered (首先…其次…): the parser leaves it unmarked, being also a closing word. */
const CLOSING_MARKER = /^最后[，,]/u;
const CLOSING_WORD = '最后';

/** The run-in head the sentence opens with (第三，… / 三是… / 其次，…), if any. */
export function openingItem(sentence: Sentence): RunInMark | undefined {
  return sentence.marks?.find((mark): mark is RunInMark => mark.kind === 'run-in' && mark.start === 0);
}

/**
 * The items of the first numbered run in the sentences, in reading order: the run-in heads of the first one's
 * kind with rising numbers. A run nested inside an item (第二，…要…要…要…) is the item's own text, not more items.
 */
export function itemMarks(sentences: readonly Sentence[]): RunInMark[] {
  const all = sentences.flatMap((sentence) => (sentence.marks ?? []).filter((mark): mark is RunInMark => mark.kind === 'run-in'));
  const first = all[0];
  if (first === undefined) return [];
  const kind = markerKind(first.marker);
  const items: RunInMark[] = [];
  for (const mark of all) if (markerKind(mark.marker) === kind && mark.ordinal > (items[items.length - 1]?.ordinal ?? 0)) items.push(mark);
  return items;
}

/** Markers that number one run together: 第三 and 首先/其次/最后 mix in speech; 三是 and 其三 are runs of their own. */
function markerKind(marker: string): string {
  if (/^(第|首先|其次|再次|最后)/u.test(marker)) return 'ordinal';
  if (/是$/u.test(marker)) return 'shi';
  if (/^其/u.test(marker)) return 'qi';
  return marker;
}

/**
 * The paragraphs with "最后，…" marked as the run's next item when it follows an item numbered two or more
 * (其次…／再次…／第四…) in the same section: copies, the article is not changed.
 */
export function withClosingItemsMarked(paragraphs: readonly Paragraph[]): Paragraph[] {
  let lastOrdinal = 0;
  let lastParagraph = -2;
  return paragraphs.map((paragraph, at) => {
    // The closing item follows its run in the same paragraph or the next one; later, 最后 closes something else.
    if (at > lastParagraph + 1) lastOrdinal = 0;
    const sentences = paragraph.sentences.map((sentence) => {
      const opening = openingItem(sentence);
      if (opening !== undefined) {
        lastOrdinal = opening.ordinal;
        lastParagraph = at;
        return sentence;
      }
      if (lastOrdinal < 2 || !CLOSING_MARKER.test(sentence.text)) return sentence;
      const offset = CLOSING_WORD.length + 1;
      const head = splitClauses(sentence.text.slice(offset))[0];
      if (head === undefined) return sentence;
      const end = offset + sentence.text.slice(offset).indexOf(head) + head.length;
      const mark: RunInMark = { kind: 'run-in', text: sentence.text.slice(0, end), start: 0, end, marker: CLOSING_WORD, ordinal: lastOrdinal + 1, head };
      lastOrdinal = 0; // 最后 ends the run
      return { ...sentence, marks: [mark, ...(sentence.marks ?? [])] };
    });
    return { ...paragraph, sentences };
  });
}

/** Where a sentence stands in the numbered items of its paragraph. */
export interface ItemPlace {
  /**
   * The sentence opens an item: `length` is the whole item's (this sentence and the rest of the item), `rest`
   * the length of the run from here to the paragraph's end (this item and every later one).
   */
  opens?: { mark: RunInMark; length: number; rest: number };
  /** The sentence continues an item opened earlier in the paragraph. */
  inside: boolean;
}

/** For each sentence of a paragraph, whether it opens an item (with the item's length) or continues one. */
export function itemPlaces(sentences: readonly Sentence[]): ItemPlace[] {
  const places: ItemPlace[] = sentences.map(() => ({ inside: false }));
  const lengths = sentences.map((sentence) => visibleLength(sentence.text));
  let rest = lengths.reduce((sum, length) => sum + length, 0);
  let open = -1;
  sentences.forEach((sentence, index) => {
    const mark = openingItem(sentence);
    const length = lengths[index]!;
    if (mark !== undefined) {
      open = index;
      places[index] = { opens: { mark, length, rest }, inside: false };
    } else if (open >= 0) {
      places[index] = { inside: true };
      places[open]!.opens!.length += length;
    }
    rest -= length;
  });
  return places;
}

/** A clause that announces a list to come: 要在以下几个方面下功夫, 我体会要做到三点, 总结如下. */
const ANNOUNCES_LIST = /(以下|如下|几点|几个方面|[两三四五六七八九十]点|[两三四五六七八九十]个方面|[两三四五六七八九十]项)/u;

/**
 * The topic of a run, from the sentence that announced it ("他认为，抓好理论学习，要在以下几个方面下功夫" →
 * 抓好理论学习): the sentence without who said it and without the announcing clause, as a title. Undefined
 * when the sentence announces no list or nothing else in it stands as a title.
 */
export function announcedTopic(sentence: string): string | undefined {
  const clauses = splitClauses(sentence);
  if (!clauses.some((clause) => ANNOUNCES_LIST.test(clause))) return undefined;
  const topic = clauses.filter((clause) => !ANNOUNCES_LIST.test(clause) && !announces(clause));
  return topic.length === 0 ? undefined : titleFrom(topic.join('，'));
}
