// Bullets are short phrases condensed from the sentences: one bullet per sentence, made of the sentence's
// leading clauses (scene-setting dropped) for as long as they fit two lines. Whole clauses only, so a bullet
// never ends cut off in the middle of a phrase; never what the title already says.

import { isBalanced, splitClauses, visibleLength } from './clauses.ts';
import { MAX_BULLETS, MAX_BULLET_LENGTH, MIN_BULLET_LENGTH } from './limits.ts';
import { isHalfThought, isSceneSetting, leadIn } from './title.ts';

/**
 * A bullet that is only half of a pair (不仅… without its second clause, 从… without 到…, 到… without 从…)
 * says nothing alone.
 */
function isHalf(bullet: string): boolean {
  if (isHalfThought(bullet) && !bullet.includes('，')) return true;
  if (/^(再)?到/u.test(bullet)) return true;
  return /^从/u.test(bullet) && !bullet.includes('到');
}

export function pickBullets(sentences: readonly string[], title: string): string[] {
  const bullets: string[] = [];
  for (const sentence of sentences) {
    const bullet = condense(withoutLeadIn(sentence), title);
    if (bullet !== undefined && !bullets.includes(bullet)) bullets.push(bullet);
    if (bullets.length === MAX_BULLETS) break;
  }
  return bullets;
}

function withoutLeadIn(sentence: string): string {
  const opening = leadIn(sentence);
  return opening === undefined ? sentence : sentence.slice(sentence.indexOf('——') + 2);
}

/** The longest run of leading content clauses that fits a bullet, or undefined when none does. */
export function condense(sentence: string, title: string): string | undefined {
  const clauses = splitClauses(sentence).filter((clause) => !isSceneSetting(clause) && clause !== title && !title.includes(clause));
  for (let start = 0; start < clauses.length; start++) {
    let bullet = '';
    for (let end = start; end < clauses.length; end++) {
      const next = bullet === '' ? clauses[end]! : `${bullet}，${clauses[end]}`;
      if (visibleLength(next) > MAX_BULLET_LENGTH) break;
      bullet = next;
    }
    if (visibleLength(bullet) >= MIN_BULLET_LENGTH && isBalanced(bullet) && !isHalf(bullet)) return bullet;
  }
  return undefined;
}
