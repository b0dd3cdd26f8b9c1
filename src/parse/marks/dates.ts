// Mark rule "dates": dates and periods, for timeline slides. Only real calendar dates: a four-digit year
// (1000–2199) with 年, optionally month and day; a month-day pair (6月1日); a span of years (1919—1949年,
// 2016年2月至2017年3月); a decade (20世纪80年代, 上世纪80年代, 90年代). Durations (28年, 15年来, 5000多年) are numbers, and era
// names (十八大以来) are not dates: they cannot be placed on a time axis by themselves.

import type { DateMark, DatePoint, Mark } from '../../article/model.ts';
import type { MarkRule } from './rule.ts';

const YEAR = '(1\\d{3}|2[01]\\d{2})';
const MONTH = '(\\d{1,2})';
const DAY = '(\\d{1,2})';
/** A year, a year-month or a full date, ending in 年, 月 or 日. */
const POINT = `${YEAR}年(?:${MONTH}月(?:${DAY}日)?)?`;
/** "1919—1949年": the first year of a span may omit its 年. */
const BARE_OR_FULL = `${YEAR}(?:年(?:${MONTH}月(?:${DAY}日)?)?)?`;
const RANGE_DASH = '\\s*(?:—{1,2}|–|－|-|~|～|至|到)\\s*';

interface Pattern {
  regex: RegExp;
  build: (match: RegExpExecArray) => Pick<DateMark, 'from' | 'to'> | undefined;
}

// A digit or 多/余 right after a year means it was a count (2000多年), not a year; a digit or "." before
// it means it is the tail of a longer number.
const NOT_AFTER = '(?<![\\d.．])';
const NOT_BEFORE = '(?![\\d多余])';

const PATTERNS: readonly Pattern[] = [
  {
    regex: new RegExp(`${NOT_AFTER}${BARE_OR_FULL}${RANGE_DASH}${POINT}${NOT_BEFORE}`, 'gu'),
    build: (m) => period(point(m[1], m[2], m[3]), point(m[4], m[5], m[6])),
  },
  {
    regex: new RegExp(`${NOT_AFTER}(\\d{2})世纪(?:(\\d)0年代)?(?:(初|中|末)(?:期|叶)?)?`, 'gu'),
    build: (m) => {
      const century = Number(m[1]);
      if (century < 1 || century > 22) return undefined;
      const base = (century - 1) * 100;
      if (m[2] !== undefined) return { from: { year: base + Number(m[2]) * 10 }, to: { year: base + Number(m[2]) * 10 + 9 } };
      return { from: { year: base + 1 }, to: { year: base + 100 } };
    },
  },
  {
    // 80年代 / 上世纪80年代: without a century, the twentieth is meant (these texts look back on it).
    regex: new RegExp(`(?:上世纪|上个世纪)?${NOT_AFTER}(\\d)0年代`, 'gu'),
    build: (m) => ({ from: { year: 1900 + Number(m[1]) * 10 }, to: { year: 1900 + Number(m[1]) * 10 + 9 } }),
  },
  {
    regex: new RegExp(`${NOT_AFTER}${POINT}${NOT_BEFORE}`, 'gu'),
    build: (m) => single(point(m[1], m[2], m[3])),
  },
  {
    regex: new RegExp(`${NOT_AFTER}${MONTH}月${DAY}日`, 'gu'),
    build: (m) => single(point(undefined, m[1], m[2])),
  },
];

export const dates: MarkRule = (text) => {
  const out: DateMark[] = [];
  // Characters a mark already covers: checking each match against every earlier mark was quadratic on a
  // long run of dates; a match is short, so checking its own characters is not.
  const taken = new Uint8Array(text.length);
  for (const { regex, build } of PATTERNS) {
    for (const match of text.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.subarray(start, end).includes(1)) continue; // a longer pattern took it
      const value = build(match as RegExpExecArray);
      if (value === undefined) continue;
      out.push({ kind: 'date', text: match[0], start, end, ...value });
      taken.fill(1, start, end);
    }
  }
  return out.sort((a, b) => a.start - b.start) satisfies Mark[];
};

function point(year: string | undefined, month: string | undefined, day: string | undefined): DatePoint | undefined {
  const out: DatePoint = {};
  if (year !== undefined) out.year = Number(year);
  if (month !== undefined) {
    const value = Number(month);
    if (value < 1 || value > 12) return undefined;
    out.month = value;
  }
  if (day !== undefined) {
    const value = Number(day);
    if (value < 1 || value > 31) return undefined;
    out.day = value;
  }
  return out;
}

function single(from: DatePoint | undefined): Pick<DateMark, 'from'> | undefined {
  return from === undefined ? undefined : { from };
}

function period(from: DatePoint | undefined, to: DatePoint | undefined): Pick<DateMark, 'from' | 'to'> | undefined {
  if (from === undefined || to === undefined || from.year === undefined || to.year === undefined) return undefined;
  // A span runs forward; "2024-2019" is not a period but two numbers with a dash.
  if (to.year < from.year) return undefined;
  return { from, to };
}
