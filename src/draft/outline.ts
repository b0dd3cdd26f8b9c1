// An outline (辅导提纲): a section made only of short sub-sections, （一）…（二）…（三）…, each a heading and a
// paragraph or two. One slide per sub-section would show a heading and a line for twenty seconds each;
// instead the points share a slide (two when long) that lists them in order as its bullets, and the notes
// say each point's heading before its text.

import type { Section } from '../article/model.ts';
import type { DraftSlide } from '../deck/model.ts';
import { visibleLength } from './clauses.ts';
import { plain } from './emphasis.ts';
import { displayHeading } from './headings.ts';
import { MAX_BULLET_LENGTH, MAX_NOTES_PER_SLIDE, SHORT_PARAGRAPH } from './limits.ts';
import { chineseNumeral } from './numerals.ts';
import { CONTINUED_SUFFIX, type TitleBook } from './slide-titles.ts';
import { speakingSeconds } from './timing.ts';

const MIN_POINTS = 2;

function scriptLength(section: Section): number {
  return section.paragraphs.reduce((sum, paragraph) => sum + visibleLength(paragraph.text), 0);
}

/** The section is an outline: little text of its own, then only short sub-sections without sub-sections of theirs. */
export function isOutline(section: Section): boolean {
  return (
    scriptLength(section) < SHORT_PARAGRAPH &&
    section.sections.length >= MIN_POINTS &&
    section.sections.every((sub) => sub.sections.length === 0 && sub.paragraphs.length > 0 && scriptLength(sub) < SHORT_PARAGRAPH)
  );
}

export function outlineSlides(section: Section, heading: string, titles: TitleBook): DraftSlide[] {
  const groups: Section[][] = [];
  let length = 0;
  for (const sub of section.sections) {
    const subLength = scriptLength(sub);
    const last = groups[groups.length - 1];
    if (last !== undefined && length + subLength <= MAX_NOTES_PER_SLIDE) {
      last.push(sub);
      length += subLength;
    } else {
      groups.push([sub]);
      length = subLength;
    }
  }
  let ordinal = 0;
  return groups.map((group, index) => {
    const title = index === 0 ? heading : heading + CONTINUED_SUFFIX;
    titles.use(title);
    const points = group.map((sub) => `（${chineseNumeral((ordinal += 1))}）${displayHeading(sub.heading)}`);
    // The section's own opening words, if any, come first: they introduce the points.
    const opening = index === 0 ? section.paragraphs : [];
    const notes = [
      ...opening.map((paragraph) => paragraph.text),
      ...group.flatMap((sub, at) => [`${points[at]}。`, ...sub.paragraphs.map((paragraph) => paragraph.text)]),
    ];
    const bullets = points.filter((point) => visibleLength(point) <= MAX_BULLET_LENGTH);
    return {
      layout: 'points',
      blocks: [
        { kind: 'heading', level: 2, runs: plain(title) },
        ...(bullets.length > 0 ? [{ kind: 'list' as const, ordered: false, items: bullets.map(plain) }] : []),
      ],
      notes,
      timing: speakingSeconds(notes),
      from: [...opening, ...group.flatMap((sub) => sub.paragraphs)].map((paragraph) => paragraph.id),
    };
  });
}
