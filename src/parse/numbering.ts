// Numbering families of Chinese documents: 第一部分 / 一、 / （一） / 1. / （1） / ①. Shared by the title rule
// (a numbered first line is a heading, not a title) and the headings rule (families give heading levels).

const CHINESE_NUMERAL = '[一二三四五六七八九十百零〇两]+';

interface NumberingFamily {
  name: string;
  pattern: RegExp;
}

/** The numbering families, tried in this order; the name is the family key used for nesting. */
const NUMBERING_FAMILIES: readonly NumberingFamily[] = [
  // The unit word is captured: 第一章 and 第一节 are different families (章 above 节).
  {
    name: 'cn-ordinal',
    pattern: new RegExp(`^第${CHINESE_NUMERAL}(部分|章|节|篇|讲|单元|编|课)(?:[\\s、：:．.]|$)`),
  },
  { name: 'cn-dun', pattern: new RegExp(`^${CHINESE_NUMERAL}[、．]`) },
  { name: 'cn-paren', pattern: new RegExp(`^[（(]${CHINESE_NUMERAL}[）)]`) },
  { name: 'arabic-paren', pattern: /^[（(]\d{1,2}[）)]/ },
  { name: 'arabic', pattern: /^\d{1,2}(?:[、．]|\.(?!\d))/ },
  { name: 'circled', pattern: /^[①-⑳]/ },
];

/** The numbering family a line opens with ("cn-dun" for 一、…), or undefined. 第一章 and 第一节 differ. */
export function numberingFamilyOf(text: string): string | undefined {
  for (const family of NUMBERING_FAMILIES) {
    const match = family.pattern.exec(text);
    if (match === null) continue;
    const rest = text.slice(match[0].length).trim();
    if (rest === '' && family.name !== 'cn-ordinal') return undefined;
    return match[1] === undefined ? family.name : `${family.name}-${match[1]}`;
  }
  return undefined;
}
