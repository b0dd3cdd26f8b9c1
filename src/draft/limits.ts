// Sizes the drafter keeps to so that every slide fits its frame at the theme's type size.
// At 1280×720 with ~40px body type a line holds about 26 Chinese characters.

/** Longest slide title, in characters: one line of the title band. */
export const MAX_TITLE_LENGTH = 20;
/** Shortest title that still says something. */
export const MIN_TITLE_LENGTH = 4;
/** Longest bullet: two lines at the body size. */
export const MAX_BULLET_LENGTH = 40;
/** Shortest bullet worth showing. */
export const MIN_BULLET_LENGTH = 4;
/** Bullets on one content slide. */
export const MAX_BULLETS = 4;
/** Spoken characters one content slide carries before the paragraph continues on the next slide. */
export const MAX_NOTES_PER_SLIDE = 280;
/** A slide whose script is shorter than this (about 30 s) takes the next paragraph of its section too. */
export const SHORT_PARAGRAPH = 110;
/** Speaking pace of a lecturer reading the script, in characters per minute. */
export const CHARACTERS_PER_MINUTE = 220;
