// The lint rules `check` runs without a browser, in the order their findings are listed.
import type { CheckDiagnostic, Rule, RuleContext } from '../context.ts';
import { missingImages } from './images.ts';
import { unknownLayout } from './layout-class.ts';
import { missingGlyphs } from './missing-glyphs.ts';
import { missingNotes } from './missing-notes.ts';
import { notesTooLong } from './notes-timing.ts';

export const RULES: readonly Rule[] = [missingImages, unknownLayout, missingNotes, notesTooLong, missingGlyphs];

export function lintDeck(context: RuleContext, rules: readonly Rule[] = RULES): CheckDiagnostic[] {
  return rules.flatMap((rule) => rule.check(context));
}
