// Figures that say whether a drafted deck is one a lecturer keeps (issue 15, items 1–3), computed from a
// DraftDeck: how often a title repeats, how many "（续）" slides follow each other, bullets that lean on a
// subject not on the slide or end before their clause does, numbers slides whose labels are not noun phrases,
// and seconds of script per content slide. Pure; the test over the fixture articles asserts the limits.

import type { Block, DraftDeck, DraftSlide, Run } from '../../src/deck/model.ts';
import { endsDangling } from '../../src/draft/dangling.ts';
import { isSceneSetting } from '../../src/draft/title.ts';

export const CONTENT_LAYOUTS = new Set(['points', 'cards', 'stats', 'quote']);
export const CONTINUED = '（续）';
/** Words that need a subject or a clause before them: a bullet opening with one leans on the sentence it came from. */
export const LEANING_OPENERS = /^(是|也|就|并|而|但|即|从此|又|却|则|便|亦|且|从而|进而|因而|于是)/u;

export interface LectureFigures {
  contentSlides: number;
  /** The title most content slides share, with how many. */
  mostRepeatedTitle: { title: string; count: number };
  /** Longest run of consecutive content slides whose title ends in （续）. */
  longestContinuedRun: number;
  /** Bullets (points and cards items) that open with a leaning word. */
  leaningBullets: string[];
  /** Bullets (points and cards items) that end on a head still waiting for its clause (…党支部中, …以来). */
  danglingBullets: string[];
  /** Content titles that say when or where instead of what: 新中国成立后, 随着数字化发展, 对照上级要求…. */
  frameTitles: string[];
  /** Stats items whose label (the text after the figure) ends in a verb or preposition, not a noun phrase. */
  danglingStatLabels: string[];
  /** Script seconds per content slide, averaged. */
  secondsPerContentSlide: number;
}

export function lectureFigures(deck: DraftDeck): LectureFigures {
  const content = deck.slides.filter((slide) => CONTENT_LAYOUTS.has(slide.layout));
  const titles = content.map(slideTitle).filter((title) => title !== '');
  const counts = new Map<string, number>();
  for (const title of titles) {
    const base = title.endsWith(CONTINUED) ? title.slice(0, -CONTINUED.length) : title;
    counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  let mostRepeatedTitle = { title: '', count: 0 };
  for (const [title, count] of counts) if (count > mostRepeatedTitle.count) mostRepeatedTitle = { title, count };

  let longestContinuedRun = 0;
  let run = 0;
  for (const slide of deck.slides) {
    run = slideTitle(slide).endsWith(CONTINUED) ? run + 1 : 0;
    longestContinuedRun = Math.max(longestContinuedRun, run);
  }

  const bullets = content.filter((slide) => slide.layout === 'points' || slide.layout === 'cards').flatMap(listItems);
  const leaningBullets = bullets.filter((item) => LEANING_OPENERS.test(item));
  const danglingBullets = bullets.filter(endsDangling);
  const danglingStatLabels = content
    .filter((slide) => slide.layout === 'stats')
    .flatMap(statItems)
    .filter(({ label }) => DANGLING_END.test(label) || label === '')
    .map(({ figure, label }) => `${figure} ${label}`);

  const frameTitles = [...counts.keys()].filter((title) => endsDangling(title) || isSceneSetting(title) || FRAME_TITLE.test(title));

  const seconds = content.reduce((sum, slide) => sum + (slide.timing ?? 0), 0);
  return {
    contentSlides: content.length,
    mostRepeatedTitle,
    longestContinuedRun,
    leaningBullets,
    danglingBullets,
    frameTitles,
    danglingStatLabels,
    secondsPerContentSlide: content.length === 0 ? 0 : seconds / content.length,
  };
}

/**
 * A title opening with a preposition that frames a point it does not hold. (从…到… is left out: as an author's
 * heading, 从海洋资源大省到海洋经济强省, it is the section's theme.)
 */
const FRAME_TITLE = /^(随着|对照|按照|根据|面对|针对|经过|通过|为了)/u;

/** A label ending in a verb or a preposition that still wants its object: 党员发展到, 累计选派. */
const DANGLING_END = /(到|至|为|向|从|在|和|与|及|的|了|着|达|有|是|将|把|被|对|于|给|让|使|选派|发展|增加|增长|提高|达到|超过|突破)$/u;

function text(runs: readonly Run[]): string {
  return runs.map((run) => run.text).join('');
}

export function slideTitle(slide: DraftSlide): string {
  const heading = slide.blocks.find((block): block is Extract<Block, { kind: 'heading' }> => block.kind === 'heading' && block.level === 2);
  return heading === undefined ? '' : text(heading.runs);
}

function listItems(slide: DraftSlide): string[] {
  return slide.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map(text) : []));
}

function statItems(slide: DraftSlide): { figure: string; label: string }[] {
  return slide.blocks.flatMap((block) =>
    block.kind === 'list'
      ? block.items.map((runs) => ({
          figure: runs.filter((run) => run.strong === true).map((run) => run.text).join(''),
          label: runs.filter((run) => run.strong !== true).map((run) => run.text).join('').trim(),
        }))
      : [],
  );
}
