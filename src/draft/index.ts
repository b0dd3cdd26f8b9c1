// Draft: Article -> DraftDeck. Pure and deterministic: the same article and options give the same deck.

import type { Article, Section } from '../article/model.ts';
import type { DraftDeck, DraftSlide, FrontMatter } from '../deck/model.ts';
import { ok, type Result } from '../diagnostics.ts';
import { contentSlides, shownTitle } from './content.ts';
import { agendaSlide, closingSlide, coverSlide, dividerSlide, endSlide, MAX_RECAP_POINTS, questionsSlide } from './frame.ts';
import { displayHeading } from './headings.ts';
import { timelineSlide } from './layouts/timeline.ts';
import { isOutline, outlineSlides } from './outline.ts';
import { picturesByParagraph, withPictures, type PlacedFigure } from './pictures.ts';
import { leadTitle } from './lead-title.ts';
import { discussionQuestions } from './questions.ts';
import { allParagraphs, chapterSlides, isRulesText } from './rules-text.ts';
import { MAX_TITLE_LENGTH } from './limits.ts';
import { baseTitle, TitleBook } from './slide-titles.ts';

export interface DraftOptions {
  speaker?: string;
  organization?: string;
  date?: string;
  theme?: string;
  /** Path of the article, as the deck should record it. */
  source?: string;
  /** Pictures placed beside the deck: figure id → path relative to the deck file. Others get no slide. */
  pictures?: ReadonlyMap<string, string>;
}

export const DEFAULT_SPEAKER = '主讲人';
export const DEFAULT_ORGANIZATION = '党支部';

export function draftDeck(article: Article, options: DraftOptions = {}): Result<DraftDeck> {
  const { title, subtitle } = splitHeadline(article.title.trim() || '党课', article.subtitle);
  const headings = article.sections.map((section) => displayHeading(section.heading));

  const slides: DraftSlide[] = [];
  const frontMatter = buildFrontMatter(article, title, subtitle, options);
  slides.push(coverSlide(frontMatter));
  if (headings.length > 1) slides.push(agendaSlide(headings));
  const timeline = timelineSlide(article, headings);
  if (timeline) slides.push(timeline);
  const titles = new TitleBook();
  const pictured = picturesByParagraph(article.figures ?? [], options.pictures);
  // A rules text (第X章 / 第X条) is summarised per chapter (rules-text.ts), not drafted article by article.
  const rules = isRulesText(article);
  // The lead has no heading: when its text offers no title, the article's title stands over it (lead-title.ts).
  const lead = leadTitle(title);
  slides.push(...(rules ? chapterSlides(article.lead, lead, titles) : contentSlides(article.lead, lead, { titles, pictured, lead: true })));
  article.sections.forEach((section, index) => {
    const heading = headings[index] ?? section.heading;
    const divided = headings.length > 1;
    if (divided) slides.push(dividerSlide(index, heading, index === 0));
    slides.push(...(rules ? chapterSlides(allParagraphs(section), heading, titles) : sectionSlides(section, heading, titles, !divided, pictured)));
  });
  slides.push(closingSlide(headings.length > 1 ? { sections: headings } : { points: recapPoints(slides) }));
  if (headings.length > 1) slides.push(questionsSlide(discussionQuestions(headings)));
  slides.push(endSlide());
  const drafted = options.pictures === undefined ? slides : withPictures(slides, article.figures ?? [], options.pictures);

  const totalSeconds = drafted.reduce((sum, slide) => sum + (slide.timing ?? 0), 0);
  const deck: DraftDeck = {
    frontMatter: { ...frontMatter, duration: Math.max(1, Math.ceil(totalSeconds / 60)) },
    slides: drafted,
  };
  return ok(deck, [
    { severity: 'info', message: `${drafted.length} 张幻灯片，讲稿约 ${Math.ceil(totalSeconds / 60)} 分钟` },
  ]);
}

/**
 * A section's own paragraphs, then each sub-section's. A heading no divider shows (a sub-heading, or the one
 * heading of an undivided article) is the title of its first slide and the fallback after that.
 */
function sectionSlides(section: Section, heading: string, titles: TitleBook, headingFirst: boolean, pictured: ReadonlyMap<string, PlacedFigure>): DraftSlide[] {
  if (isOutline(section)) return outlineSlides(section, heading, titles);
  const slides = contentSlides(section.paragraphs, heading, { titles, headingFirst, pictured });
  for (const sub of section.sections) slides.push(...sectionSlides(sub, displayHeading(sub.heading), titles, true, pictured));
  return slides;
}

/**
 * A headline "主题——副题" reads better on a cover as a title and a subtitle line, as editors set it by hand;
 * an explicit subtitle from the article wins.
 */
export function splitHeadline(headline: string, subtitle: string): { title: string; subtitle: string } {
  if (subtitle) return { title: headline, subtitle };
  const dash = headline.indexOf('——');
  const main = dash > 0 ? headline.slice(0, dash).trim() : '';
  const dek = dash > 0 ? headline.slice(dash + 2).trim() : '';
  return main && dek ? { title: main, subtitle: dek } : { title: headline, subtitle: '' };
}

function buildFrontMatter(article: Article, title: string, subtitle: string, options: DraftOptions): FrontMatter {
  const frontMatter: FrontMatter = { title };
  if (subtitle) frontMatter.subtitle = subtitle;
  if (article.column) frontMatter.column = article.column;
  frontMatter.speaker = options.speaker ?? DEFAULT_SPEAKER;
  frontMatter.organization = options.organization ?? DEFAULT_ORGANIZATION;
  if (options.date) frontMatter.date = options.date;
  frontMatter.theme = options.theme ?? 'dangzheng';
  frontMatter.aspect = '16:9';
  if (options.source) frontMatter.source = options.source;
  return frontMatter;
}

/** The longest title a 结语 recaps: a run-in head may take two lines of the title band (slide-titles.ts). */
const MAX_RECAP_POINT_LENGTH = 2 * MAX_TITLE_LENGTH;

/**
 * What a deck without sections recaps in its 结语: the titles of its content slides (those drafted from the
 * article's paragraphs), each once and without "（续）", in order, at most MAX_RECAP_POINTS of them. A title
 * longer than a title should be (a heading the article wrote as a whole sentence, or worse) is left out: a
 * recap is a list of short points, and a huge heading copied twice more doubled the deck's text.
 */
function recapPoints(slides: readonly DraftSlide[]): string[] {
  const points: string[] = [];
  for (const slide of slides) {
    if (slide.from.length === 0 || slide.layout === 'cover') continue;
    const title = baseTitle(shownTitle(slide) ?? '');
    if (title !== '' && [...title].length <= MAX_RECAP_POINT_LENGTH && !points.includes(title)) points.push(title);
  }
  return points.slice(0, MAX_RECAP_POINTS);
}
