// Bullets are short phrases condensed from the paragraph's clauses: whole clauses only, so a bullet never
// ends cut off in the middle of a phrase, and never the clause the title already says.

import { isBalanced, splitClauses, visibleLength } from './clauses.ts';
import { MAX_BULLETS, MAX_BULLET_LENGTH, MIN_BULLET_LENGTH } from './limits.ts';
import { isSceneSetting } from './title.ts';

/** At most this many bullets from one sentence, so a slide covers the whole chunk, not its opening. */
const MAX_BULLETS_PER_SENTENCE = 2;

export function pickBullets(sentences: readonly string[], title: string): string[] {
  const perSentence = sentences.map((sentence) =>
    splitClauses(sentence)
      .filter((clause) => clause !== title && !title.includes(clause))
      .filter((clause) => !isSceneSetting(clause) && isBalanced(clause))
      .filter((clause) => {
        const length = visibleLength(clause);
        return length >= MIN_BULLET_LENGTH && length <= MAX_BULLET_LENGTH;
      })
      .slice(0, MAX_BULLETS_PER_SENTENCE),
  );
  // Take the first clause of every sentence before any second one, so each sentence is represented.
  const bullets: string[] = [];
  for (let round = 0; round < MAX_BULLETS_PER_SENTENCE; round++) {
    for (const clauses of perSentence) {
      const clause = clauses[round];
      if (clause !== undefined && bullets.length < MAX_BULLETS && !bullets.includes(clause)) bullets.push(clause);
    }
  }
  // Keep the article's order on the slide.
  const order = perSentence.flat();
  return bullets.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
