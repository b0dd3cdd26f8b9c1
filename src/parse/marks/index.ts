// The mark rules, in the order they run (one file per kind). Dates come before numbers so that a year is
// never also a figure; the rest are independent. markSentence runs them all over one sentence.

import type { Mark } from '../../article/model.ts';
import { dates } from './dates.ts';
import { documents } from './documents.ts';
import { enumerations } from './enumerations.ts';
import { numbers } from './numbers.ts';
import { quotations } from './quotations.ts';
import type { MarkRule } from './rule.ts';
import { runIns } from './run-ins.ts';
import { terms } from './terms.ts';

export interface NamedMarkRule {
  name: string;
  rule: MarkRule;
}

export const MARK_RULES: readonly NamedMarkRule[] = [
  { name: 'dates', rule: dates },
  { name: 'numbers', rule: numbers },
  { name: 'documents', rule: documents },
  { name: 'terms', rule: terms },
  { name: 'quotations', rule: quotations },
  { name: 'enumerations', rule: enumerations },
  { name: 'run-ins', rule: runIns },
];

export function markSentence(text: string): Mark[] {
  const found: Mark[] = [];
  for (const { rule } of MARK_RULES) found.push(...rule(text, found));
  // Reading order; an enclosing mark before what it encloses.
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}
