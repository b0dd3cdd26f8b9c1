// Mark rule "numbers": figures with a unit, for stats slides (近200万名, 25.5万个驻村工作队, 300多万名).
//
// Precise rather than greedy: Arabic digits only (一个民族 and 八八战略 are words, not statistics), and a
// figure needs a unit (个, 名, 人, %, 倍, 年 …) or a 万/亿 multiplier; a bare "34" says nothing on a slide.
// Ordinals (第34届) and digits that belong to a date are left alone. What is counted (the label) is the noun
// right after a measure word, cut before the verb or particle that follows it.

import type { Mark, NumberMark } from '../../article/model.ts';
import { HAN, overlaps, words, type MarkRule } from './rule.ts';

/** Words in front of a figure that say it is approximate or a bound. Longest first. */
const QUALIFIERS = ['将近', '接近', '超过', '多达', '不到', '不足', '大约', '约为', '近', '约', '超', '逾', '达', '仅', '共', '累计'];

/** Units after the number (and after 万/亿). Longest first, so 个百分点 wins over 个. */
const UNITS = [
  '个百分点', '百分点', '平方公里', '平方米', '千瓦时', '万千瓦', '人次', '周年', '个月', '公里', '千米', '公顷', '千瓦',
  '美元', '元', '%', '％', '倍', '年', '天', '小时', '岁', '个', '名', '位', '家', '所', '项', '条', '件', '次', '人',
  '户', '座', '部', '本', '篇', '场', '批', '支', '种', '类', '处', '吨', '亩', '米', '辆', '艘', '架', '台', '套',
  '首', '集', '张', '期', '册', '卷', '门', '块', '栋', '间', '幅', '届', '颗', '枚', '只', '头', '份', '册',
];

/** Measure words: what follows them is the thing counted (832个贫困县). 人, 年, % are complete by themselves. */
const MEASURE_WORDS: ReadonlySet<string> = new Set([
  '个', '名', '位', '家', '所', '项', '条', '件', '座', '部', '本', '篇', '场', '批', '支', '种', '类', '处', '户',
  '辆', '艘', '架', '台', '套', '首', '集', '张', '期', '册', '卷', '门', '块', '栋', '间', '幅', '届', '颗', '枚',
  '只', '头', '份',
]);

const MULTIPLIERS: Readonly<Record<string, number>> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3, 百: 1e2 };

/** Where a label stops: particles, conjunctions, and verbs that commonly follow a counted noun. */
const LABEL_STOPS = [
  '的', '和', '与', '及', '同', '在', '都', '已', '将', '把', '被', '从', '为', '是', '等', '中', '里', '以上', '左右',
  '全部', '实现', '涉及', '参加', '参与', '达到', '超过', '累计', '先后', '分别', '相继', '高度', '一道', '一起', '共同',
  '建成', '成为', '获得', '开展', '进行', '完成', '入选', '纳入', '增长', '占', '达', '获', '有', '奋战', '走', '得到',
  '取得', '列入', '签署', '建立', '举办', '出台', '发布', '设立', '开设', '拥有', '走向', '来自', '组成', '形成', '脱贫', '摘帽', '提高', '提升', '增加', '减少', '下降', '上升', '覆盖', '投入', '落户', '参观', '观看',
];
const MAX_LABEL_LENGTH = 6;

const NUMBER = new RegExp(
  `(?<![\\d.．第])(${QUALIFIERS.join('|')})?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(多|余)?(万亿|亿|万|千|百)?(多|余)?` +
    `(${UNITS.map(escape).join('|')})?(多|余)?`,
  'gu',
);

export const numbers: MarkRule = (text, found) => {
  const out: NumberMark[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const [, qualifier, digits, approx1, multiplier, approx2, unit, approx3] = match;
    // A number needs a unit, or at least a 万/亿 that makes it a quantity.
    if (unit === undefined && (multiplier === undefined || multiplier === '百' || multiplier === '千')) continue;
    const start = match.index;
    let end = start + match[0].length;
    // Digits that belong to a date (2016年, 7月14日) are the date's.
    if (overlaps(start, end, found)) continue;
    const amount = Number(digits!.replace(/,/g, '')) * (multiplier === undefined ? 1 : MULTIPLIERS[multiplier]!);
    if (!Number.isFinite(amount)) continue;
    const value = text.slice(start, end);
    const approx = approx1 ?? approx2 ?? approx3;
    const mark: NumberMark = {
      kind: 'number',
      text: value,
      start,
      end,
      value,
      amount,
      unit: unit ?? multiplier!,
    };
    if (qualifier !== undefined) mark.qualifier = qualifier;
    if (approx !== undefined) mark.approx = approx;
    if (unit !== undefined && MEASURE_WORDS.has(unit)) {
      const label = labelAfter(text.slice(end));
      if (label !== undefined) {
        mark.label = label;
        end += label.length;
        mark.end = end;
        mark.text = text.slice(start, end);
      }
    }
    out.push(mark);
  }
  return out satisfies Mark[];
};

/** The counted noun after a measure word: Han characters up to a stop word, at most MAX_LABEL_LENGTH. */
export function labelAfter(rest: string): string | undefined {
  const run = new RegExp(`^${HAN}+`, 'u').exec(rest)?.[0] ?? '';
  let cut = run.length;
  for (let index = 1; index < run.length; index++) {
    if (LABEL_STOPS.some((stop) => run.startsWith(stop, index))) {
      cut = index;
      break;
    }
  }
  // A stop word right at the start (832个的…) means there is no noun to take.
  if (LABEL_STOPS.some((stop) => run.startsWith(stop))) return undefined;
  let label = run.slice(0, cut);
  if (label.length > MAX_LABEL_LENGTH) {
    // No stop word close enough: keep whole words up to the limit, never half a word.
    let kept = '';
    for (const word of words(label)) {
      if (kept.length + word.length > MAX_LABEL_LENGTH) break;
      kept += word;
    }
    label = kept;
  }
  return label.length >= 1 ? label : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
