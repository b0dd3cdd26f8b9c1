// Rules texts (条例、规定、办法: 第X章 / 第X条) are not lectured article by article: a regulation of 46
// articles made 90 slides. Here each chapter gets one slide, two when its script is long, whose bullets are
// the key duties of its articles with their numbers (第八条 党支部应当…). The notes still carry every
// sentence of every article, in order, split between the chapter's slides.

import type { Article, Paragraph } from '../article/model.ts';
import type { DraftSlide } from '../deck/model.ts';
import { condense } from './bullets.ts';
import { splitClauses, visibleLength } from './clauses.ts';
import { emphasise, keyTerms, plain } from './emphasis.ts';
import { MAX_BULLETS, MAX_NOTES_PER_SLIDE } from './limits.ts';
import { CONTINUED_SUFFIX, type TitleBook } from './slide-titles.ts';
import { pickEvenly } from './spread.ts';
import { speakingSeconds } from './timing.ts';

const ARTICLE_NUMBER = /^(第[一二三四五六七八九十百零〇\d]+条)[\s　:：，,]*/u;
/** Words that state a duty, a bar or a definition: the clause an article's bullet should carry. */
const DUTY = /(应当|必须|不得|严禁|禁止|负责|须|要|是)/u;
/** Clauses that say why or on what basis a rule is made, not what it requires. */
const PURPOSE = /^(为了|为|根据|依据|按照)/u;
/** Share of body paragraphs opening with 第X条 that makes an article a rules text, and the fewest such. */
const RULES_SHARE = 0.6;
const MIN_RULES_ARTICLES = 5;
/** A chapter whose script is longer than this takes two slides. */
const ONE_SLIDE_SCRIPT = MAX_NOTES_PER_SLIDE * 2;

export function isRulesText(article: Article): boolean {
  const paragraphs = [...article.lead, ...article.sections.flatMap(allParagraphs)].filter((paragraph) => paragraph.kind === 'body');
  const numbered = paragraphs.filter((paragraph) => ARTICLE_NUMBER.test(paragraph.text)).length;
  return numbered >= MIN_RULES_ARTICLES && numbered >= paragraphs.length * RULES_SHARE;
}

/** A section's paragraphs with its sub-sections', in reading order. */
export function allParagraphs(section: Article['sections'][number]): Paragraph[] {
  return [...section.paragraphs, ...section.sections.flatMap(allParagraphs)];
}

/** The slides of one chapter: one, or two when its articles make a long script; none for an empty chapter. */
export function chapterSlides(paragraphs: readonly Paragraph[], heading: string, titles: TitleBook): DraftSlide[] {
  if (paragraphs.length === 0) return [];
  const total = paragraphs.reduce((sum, paragraph) => sum + visibleLength(paragraph.text), 0);
  const parts = total > ONE_SLIDE_SCRIPT && paragraphs.length > 1 ? splitInTwo(paragraphs, total) : [paragraphs];
  return parts.map((part, index) => {
    const title = index === 0 ? heading : heading + CONTINUED_SUFFIX;
    titles.use(title);
    const terms = keyTerms(part.flatMap((paragraph) => paragraph.sentences));
    const bullets = pickEvenly(dutyBullets(part), MAX_BULLETS);
    const notes = part.map((paragraph) => paragraph.text);
    return {
      layout: 'points',
      blocks: [
        { kind: 'heading', level: 2, runs: plain(title) },
        ...(bullets.length > 0 ? [{ kind: 'list' as const, ordered: false, items: bullets.map((bullet) => emphasise(bullet, terms)) }] : []),
      ],
      notes,
      timing: speakingSeconds(notes),
      from: part.map((paragraph) => paragraph.id),
    };
  });
}

/** Two runs of whole articles, in order, about equal in script length. */
function splitInTwo(paragraphs: readonly Paragraph[], total: number): Paragraph[][] {
  let length = 0;
  let cut = 1;
  for (const [index, paragraph] of paragraphs.entries()) {
    length += visibleLength(paragraph.text);
    if (length >= total / 2) {
      cut = Math.min(Math.max(index + 1, 1), paragraphs.length - 1);
      break;
    }
  }
  return [paragraphs.slice(0, cut), paragraphs.slice(cut)];
}

/** One bullet per article that states a duty, "第八条 党支部应当…", in article order. */
function dutyBullets(paragraphs: readonly Paragraph[]): string[] {
  const bullets: string[] = [];
  for (const paragraph of paragraphs) {
    const number = ARTICLE_NUMBER.exec(paragraph.text);
    if (number === null) continue;
    const body = paragraph.text.slice(number[0].length);
    const firstSentence = body.split(/(?<=[。！？])/u)[0] ?? body;
    // The article's own words from its start, past a purpose or basis clause (为了…，根据…，制定本细则).
    const clauses = splitClauses(firstSentence);
    const start = clauses.find((clause) => !PURPOSE.test(clause)) ?? clauses[0];
    if (start === undefined) continue;
    const from = firstSentence.indexOf(start);
    const condensed = condense(firstSentence.slice(from), '') ?? condense(clauses.find((clause) => DUTY.test(clause)) ?? start, '');
    if (condensed !== undefined) bullets.push(`${number[1]} ${condensed}`);
  }
  return bullets;
}
