// A bullet must read on its own: a clause cut out of its sentence can lean on words left behind, its
// subject ("是全面从严治党的基础性工程") or the clause it continues ("也…", "并…", "而…"). Such a clause
// either gets its subject back from its own sentence, in the article's words, or stays in the notes.

import { isSceneSetting } from './title.ts';

/** Longest opening clause taken whole as the subject. */
const MAX_TOPIC = 14;

/** Words that need a subject or a clause before them. */
const LEANING = /^(是|也|就|并|而|但|即|从此|又|却|则|便|亦|且|乃|故|因而|从而|进而|于是|并且|而且|但是|然而|因此|所以)/u;

/** Openers that lack only a subject: "是…", "也是…", "就是…"; with the subject restored they stand alone. */
const PREDICATE = /^(也|就|更|还|即|则|又|才|正|都)?是/u;

/** "X是…" in an earlier clause of the sentence: X is the subject (2–14 characters, not itself leaning). */
const SUBJECT_BEFORE_SHI = /^(.{1,14}?)(也|就|更|还|正|都)?是/u;

/** A sentence that opens with a quoted name or a document title: “八八战略”立足于… */
const OPENING_NAME = /^(“[^”]{1,16}”|《[^》]{1,24}》)/u;

export function leansOnContext(clause: string): boolean {
  return LEANING.test(clause);
}

/**
 * The subject that a clause opening with 是 (也是, 就是…) left behind, found in the clauses before it in its
 * sentence: the opening clause when it is a short topic, the words before 是 in the nearest earlier "X是…" clause, else the quoted name the sentence opens
 * with. Undefined when the clause needs more than a subject, or none is found.
 */
export function restoredSubject(clause: string, earlier: readonly string[]): string | undefined {
  if (!PREDICATE.test(clause)) return undefined;
  // "“两学一做”学习教育，是…": a short opening clause set off by a comma is the topic itself.
  const opening = earlier[0];
  if (earlier.length === 1 && opening !== undefined && [...opening].length <= MAX_TOPIC && !isSceneSetting(opening) && isBalancedName(opening)) {
    return opening;
  }
  for (let index = earlier.length - 1; index >= 0; index -= 1) {
    const subject = SUBJECT_BEFORE_SHI.exec(earlier[index] ?? '')?.[1];
    if (subject !== undefined && subject.length >= 1 && !LEANING.test(subject) && isBalancedName(subject)) return subject;
  }
  return OPENING_NAME.exec(earlier[0] ?? '')?.[1];
}

function isBalancedName(text: string): boolean {
  const opens = (text.match(/[“《（]/gu) ?? []).length;
  const closes = (text.match(/[”》）]/gu) ?? []).length;
  return opens === closes && !/[，、；：]/u.test(text);
}
