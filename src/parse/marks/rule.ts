// The shape every mark rule shares (one rule per file, like the parse rules): the sentence text and the
// marks found by the rules that ran before it, in, the marks of its own kind out. Earlier marks let a rule
// stay out of spans that are already something else (a year is a date, not a number).

import type { Mark } from '../../article/model.ts';
import { segmentsInWindows } from '../../text/word-segments.ts';

export type MarkRule = (text: string, found: readonly Mark[]) => Mark[];

export function overlaps(start: number, end: number, marks: readonly Mark[], kind?: Mark['kind']): boolean {
  return marks.some((mark) => (kind === undefined || mark.kind === kind) && mark.start < end && start < mark.end);
}

/** Han characters only: labels, names and items are Chinese words. */
export const HAN = '\\p{Script=Han}';

/** Words of a Chinese text (ICU's dictionary segmentation, built into Node, a piece at a time). */
export function words(text: string): string[] {
  return Array.from(segmentsInWindows(text), (segment) => segment.segment);
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20; undefined for anything else. Ordinals of run-in heads stay small. */
export function chineseNumeral(text: string): number | undefined {
  if (text === '') return undefined;
  if (text.length === 1 && text in CHINESE_DIGITS) return CHINESE_DIGITS[text];
  const match = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (match === null) return undefined;
  return (match[1] === undefined ? 1 : CHINESE_DIGITS[match[1]]!) * 10 + (match[2] === undefined ? 0 : CHINESE_DIGITS[match[2]]!);
}
