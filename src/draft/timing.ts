import { CHARACTERS_PER_MINUTE } from './limits.ts';
import { visibleLength } from './clauses.ts';

/** A slide shown at all is on screen for at least this long. */
const MIN_SLIDE_SECONDS = 5;

/** Seconds it takes to speak the notes at a lecturer's pace. */
export function speakingSeconds(notes: readonly string[]): number {
  const characters = notes.reduce((sum, note) => sum + visibleLength(note.replace(/\s/gu, '')), 0);
  return Math.max(MIN_SLIDE_SECONDS, Math.round((characters / CHARACTERS_PER_MINUTE) * 60));
}
