// Key terms in bold: figures with their unit and hedge (近200万名) and quoted terms (“关键少数”), the
// things a listener remembers from a slide. Which they are is the parser's to say (number and term marks);
// here they are only found again in the shorter text a bullet keeps.

import type { Sentence } from '../article/model.ts';
import type { Run } from '../deck/model.ts';

/**
 * Qualifiers that are the sentence's verb or adverb rather than part of the figure: 达370多万人 reads
 * "reached **370多万人**". Hedges and bounds (近, 约, 超过, 仅 …) change what the figure says and stay bold.
 */
const VERB_QUALIFIERS: ReadonlySet<string> = new Set(['达', '累计', '共']);

/** The texts of the number and quoted-term marks of these sentences, longest first (so 300多万名 beats 300多). */
export function keyTerms(sentences: readonly Sentence[]): string[] {
  const terms = new Set<string>();
  for (const sentence of sentences) {
    for (const mark of sentence.marks ?? []) {
      if (mark.kind === 'number') {
        const verb = mark.qualifier !== undefined && VERB_QUALIFIERS.has(mark.qualifier);
        terms.add(verb ? mark.value.slice(mark.qualifier!.length) : mark.value);
      } else if (mark.kind === 'term') terms.add(mark.text);
    }
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

/** The text as runs, each occurrence of a key term bold. */
export function emphasise(text: string, terms: readonly string[]): Run[] {
  const runs: Run[] = [];
  let plainStart = 0;
  let index = 0;
  while (index < text.length) {
    const term = terms.find((candidate) => candidate !== '' && text.startsWith(candidate, index));
    if (term === undefined) {
      index++;
      continue;
    }
    if (index > plainStart) runs.push({ text: text.slice(plainStart, index) });
    // Terms side by side (被誉为“上海之巅”“腾飞的东方巨龙”) make one bold run: written as two, `**a****b**`,
    // Markdown reads the four asterisks as text.
    const previous = runs[runs.length - 1];
    if (previous?.strong === true && index === plainStart) previous.text += term;
    else runs.push({ text: term, strong: true });
    index += term.length;
    plainStart = index;
  }
  if (plainStart < text.length) runs.push({ text: text.slice(plainStart) });
  return runs;
}

export function plain(text: string): Run[] {
  return [{ text }];
}
