// Mark rule "run-ins": run-in heads inside a paragraph, 第一，端正学习态度。/ 一是读原著，二是联系实际.
//
// Decision: a run-in head does not make a section or split its paragraph. The paragraph stays whole (ids,
// sentences and the reading order are the author's), and each head becomes a `run-in` mark on the sentence
// that carries it, with its ordinal and the clause it introduces. A numbered line that is a sentence
// (一、坚持党的领导。这是根本。) is treated the same way, since the headings rule leaves it in the body.
// The drafter can turn a run of marked paragraphs into a points or cards slide, one head per point.

import type { RunInMark } from '../../article/model.ts';
import { chineseNumeral, type MarkRule } from './rule.ts';

const NUMERAL = '[一二三四五六七八九十]{1,3}';
/** Markers that open a sentence: 第一， / 其一， / 首先， / 一、 (a numbered sentence). */
const SENTENCE_OPENERS = new RegExp(`^(第(${NUMERAL})|其(${NUMERAL})|首先|其次|再次|(${NUMERAL})(?=、))[，、,：:]`, 'u');
/** 一是… / 二是…: at the start of a sentence or clause. */
const SHI_MARKERS = new RegExp(`(?<=^|[，,；;：:。（(])(${NUMERAL})是`, 'gu');
const HEAD_END = /[，,；;。！？!?：:]/u;
const ORDINAL_WORDS: Readonly<Record<string, number>> = { 首先: 1, 其次: 2, 再次: 3 };

export const runIns: MarkRule = (text) => {
  const out: RunInMark[] = [];
  const opener = SENTENCE_OPENERS.exec(text);
  if (opener !== null) {
    const marker = opener[1]!;
    const ordinal = ORDINAL_WORDS[marker] ?? chineseNumeral(opener[2] ?? opener[3] ?? opener[4] ?? '');
    const mark = ordinal === undefined ? undefined : runIn(text, 0, opener[0].length, marker, ordinal);
    if (mark !== undefined) out.push(mark);
  }
  for (const match of text.matchAll(SHI_MARKERS)) {
    const ordinal = chineseNumeral(match[1]!);
    if (ordinal === undefined) continue;
    const mark = runIn(text, match.index, match.index + match[0].length, match[0], ordinal);
    if (mark !== undefined && !out.some((other) => other.start < mark.end && mark.start < other.end)) out.push(mark);
  }
  return out;
};

function runIn(text: string, start: number, headStart: number, marker: string, ordinal: number): RunInMark | undefined {
  const rest = text.slice(headStart);
  const stop = HEAD_END.exec(rest);
  const head = (stop === null ? rest : rest.slice(0, stop.index)).trim();
  if (head === '') return undefined;
  const end = headStart + (stop === null ? rest.length : stop.index);
  return { kind: 'run-in', text: text.slice(start, end), start, end, marker, ordinal, head };
}
