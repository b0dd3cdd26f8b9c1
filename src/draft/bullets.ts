// Bullets are short phrases condensed from the sentences: each sentence's clauses (scene-setting dropped)
// packed into runs that fit two lines, at most two runs a sentence. Whole clauses only, so a bullet never
// ends cut off in the middle of a phrase or on a head still waiting for its clause; never what the title
// already says.

import { isBalanced, splitClauses, stripTrailingPunctuation, visibleLength } from './clauses.ts';
import { MAX_BULLETS, MAX_BULLET_LENGTH, MIN_BULLET_LENGTH } from './limits.ts';
import { leansOnContext, restoredSubject } from './standalone.ts';
import { announces, saysWho } from './short-title.ts';
import { endsDangling } from './dangling.ts';
import { isHalfThought, isSceneSetting, leadIn, opensWithFrame } from './title.ts';

/** A long sentence may give two bullets; more would turn the slide into the paragraph itself. */
const MAX_BULLETS_PER_SENTENCE = 2;

export function pickBullets(sentences: readonly string[], title: string): string[] {
  const bullets: string[] = [];
  for (const sentence of sentences) {
    // "“…。”一名老党员说。": who spoke goes with the quotation the bullet before shows, when both fit.
    const speaker = attribution(sentence);
    const last = bullets[bullets.length - 1];
    if (speaker !== undefined && last !== undefined && last.endsWith('”') && visibleLength(last + speaker) <= MAX_BULLET_LENGTH) {
      bullets[bullets.length - 1] = last + speaker;
      continue;
    }
    for (const bullet of condenseAll(withoutLeadIn(sentence), title).slice(0, MAX_BULLETS_PER_SENTENCE)) {
      if (bullets.length < MAX_BULLETS && !bullets.includes(bullet)) bullets.push(bullet);
    }
  }
  return bullets;
}

/** The sentence only says who spoke (一名有着40年党龄的老党员说。): that clause, else undefined. */
function attribution(sentence: string): string | undefined {
  // Most sentences end otherwise: they are not split again (condenseAll splits them).
  if (!saysWho(stripTrailingPunctuation(sentence))) return undefined;
  const clauses = splitClauses(sentence);
  return clauses.length === 1 && saysWho(clauses[0]!) ? clauses[0] : undefined;
}

function withoutLeadIn(sentence: string): string {
  return leadIn(sentence) === undefined ? sentence : sentence.slice(sentence.indexOf('——') + 2);
}

/** The first bullet a sentence gives, or undefined when none fits. */
export function condense(sentence: string, title: string): string | undefined {
  return condenseAll(sentence, title)[0];
}

/**
 * The sentence's content clauses packed greedily into bullets of at most two lines, in order. A clause that
 * leans on words before it never opens a bullet: it joins the bullet before it, gets its subject back from
 * its sentence (standalone.ts), or is left to the notes.
 */
export function condenseAll(sentence: string, title: string): string[] {
  const all = withDanglingHeadsJoined(splitClauses(sentence));
  const bullets: string[] = [];
  let current = '';
  /** Every clause in `current` only frames the ones after it (从…到…, 在…): alone they say nothing. */
  let framesOnly = false;
  const flush = (): void => {
    if (visibleLength(current) >= MIN_BULLET_LENGTH && isBalanced(current) && !isHalf(current) && !endsDangling(current) && !framesOnly) bullets.push(current);
    current = '';
  };
  all.forEach((written, index) => {
    if (isSceneSetting(written) || isLocativeFrame(written) || announces(written)) return;
    // "…一名老党员说。" after the quotation it closes: alone on a slide it says only who spoke.
    if (saysWho(written) && index === all.length - 1) return;
    // What the title says is not said again, unless the next clause leans on it and could not get its subject
    // back otherwise ("坚持和落实好“三会一课”制度，是…基本功" after 实践表明), or it stands between a frame and
    // the clauses that go on from it (在一些农村地区，党员志愿者组成田间服务队，帮助群众抢收抢种): without it the
    // bullet would be the frame and a predicate with no subject.
    const next = all[index + 1];
    const neededByNext = next !== undefined && leansOnContext(next) && restoredSubject(next, all.slice(0, index + 1)) === undefined;
    const betweenFrameAndRest = next !== undefined && current !== '' && framesOnly;
    if ((written === title || title.includes(written)) && !neededByNext && !betweenFrameAndRest) return;
    let clause = written;
    if (current === '' && leansOnContext(clause)) {
      const subject = restoredSubject(clause, all.slice(0, index));
      if (subject === undefined) return; // leans on what is not on the slide: the notes say it
      clause = subject + clause;
    }
    if (visibleLength(clause) > MAX_BULLET_LENGTH) {
      flush(); // a clause too long for a bullet is left to the notes
      return;
    }
    const joined = current === '' ? clause : `${current}，${clause}`;
    if (visibleLength(joined) > MAX_BULLET_LENGTH) {
      flush();
      if (leansOnContext(clause)) {
        const subject = restoredSubject(clause, all.slice(0, index));
        if (subject === undefined || visibleLength(subject + clause) > MAX_BULLET_LENGTH) return;
        clause = subject + clause;
      }
      current = clause;
    } else {
      current = joined;
    }
    // A span with figures (从200亩试种到如今3000多亩连片茶园) is a fact worth a bullet, not a frame.
    const frame = opensWithFrame(written) && !/\d/u.test(written) && index < all.length - 1;
    framesOnly = (current === clause ? true : framesOnly) && frame;
  });
  flush();
  return bullets;
}

/**
 * A clause ending on a head that waits for the next clause (全县412个党支部中，已有386个…) is one unit with
 * it, so that a bullet never ends on the head. A head that only sets the scene is left alone: the loop drops it.
 */
function withDanglingHeadsJoined(clauses: readonly string[]): string[] {
  const units: string[] = [];
  let pending = '';
  for (const clause of clauses) {
    const unit = pending === '' ? clause : `${pending}，${clause}`;
    const dropped = pending === '' && (isSceneSetting(clause) || isLocativeFrame(clause) || announces(clause));
    if (!dropped && endsDangling(clause)) {
      pending = unit;
      continue;
    }
    units.push(unit);
    pending = '';
  }
  if (pending !== '') units.push(pending);
  return units;
}

/** "…的殿堂里": where something happens, not what happens; the clause after it carries the point. */
function isLocativeFrame(clause: string): boolean {
  return /的[^，、]{1,6}里$/u.test(clause);
}

/**
 * A bullet that is only half of a pair (不仅… without its second clause, 从… without 到…, 到… without 从…)
 * says nothing alone.
 */
function isHalf(bullet: string): boolean {
  if (isHalfThought(bullet) && !bullet.includes('，')) return true;
  if (/^(再)?到/u.test(bullet)) return true;
  return /^从/u.test(bullet) && !bullet.includes('到');
}
