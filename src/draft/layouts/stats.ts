// stats: key figures with their unit and a one-line label (25.5万个 驻村工作队) are what a listener
// remembers; shown big, at most four to a slide.

import type { NumberMark } from '../../article/model.ts';
import { visibleLength } from '../clauses.ts';
import { plain } from '../emphasis.ts';
import { marksOf } from './marks.ts';
import { nounPhraseLabel } from './stat-label.ts';
import type { LayoutRule } from './rule.ts';

const MIN_FIGURES = 2;
const MAX_FIGURES = 4;
const MAX_LABEL_LENGTH = 12;
/** Units that count things people picture; years and percentages read better in a sentence. */
const COUNTED = /^(个|名|人|家|所|项|件|条|户|位|处|座|部|种|台|支|批|万|亿|元|万元|亿元|公里|千米|吨|亩|次|场|本|册)$/u;

export const statsLayout: LayoutRule = (chunk) => {
  const figures = marksOf(chunk.sentences, 'number')
    .map(({ mark }) => mark)
    .filter(isLabelledCount)
    .flatMap((mark) => {
      const label = nounPhraseLabel(mark.label);
      return label === undefined ? [] : [{ ...mark, label }];
    });
  const distinct = figures.filter((figure, index) => figures.findIndex((other) => other.value === figure.value) === index);
  if (distinct.length < MIN_FIGURES) return undefined;
  return {
    layout: 'stats',
    blocks: [
      { kind: 'heading', level: 2, runs: plain(chunk.title) },
      {
        kind: 'list',
        ordered: false,
        items: distinct.slice(0, MAX_FIGURES).map((figure) => [{ text: figure.value, strong: true }, { text: ` ${figure.label}` }]),
      },
    ],
  };
};

function isLabelledCount(mark: NumberMark): mark is NumberMark & { label: string } {
  return mark.label !== undefined && visibleLength(mark.label) >= 2 && visibleLength(mark.label) <= MAX_LABEL_LENGTH && COUNTED.test(mark.unit);
}
