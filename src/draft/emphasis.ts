// Key terms in bold: figures with their unit and qualifier (近200万名) and quoted terms (“关键少数”),
// the things a listener remembers from a slide.

import type { Run } from '../deck/model.ts';

const KEY_TERM = new RegExp(
  [
    // a figure with qualifier and unit: 25.5万个, 300多万名, 近200万名, 832个
    String.raw`(?:近|约|超过|逾|共|累计)?\d+(?:\.\d+)?(?:多)?(?:万|亿|千|百)?(?:多)?(?:个|名|人|次|家|所|项|件|条|户|位|处|座|部|种|台|支|批|万|亿|元|%|％)`,
    // a quoted term
    String.raw`“[^”]{2,12}”`,
  ].join('|'),
  'gu',
);

export function emphasise(text: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const match of text.matchAll(KEY_TERM)) {
    const start = match.index ?? 0;
    if (start > last) runs.push({ text: text.slice(last, start) });
    runs.push({ text: match[0], strong: true });
    last = start + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

export function plain(text: string): Run[] {
  return [{ text }];
}
