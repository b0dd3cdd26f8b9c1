// timeline: when three or more dated events run through the article (2016年2月 → 2016年4月 → 2017年3月),
// one slide shows them in order near the start, so listeners see the course of events before the detail.

import type { Article, DateMark, Sentence } from '../../article/model.ts';
import { bodyParagraphs } from '../../article/model.ts';
import { markSentence } from '../../parse/marks/index.ts';
import type { DraftSlide } from '../../deck/model.ts';
import { splitClauses, visibleLength } from '../clauses.ts';
import { plain } from '../emphasis.ts';
import { pickEvenly } from '../spread.ts';
import { speakingSeconds } from '../timing.ts';

const MIN_EVENTS = 3;
/** The timeline runs across the slide: more than four columns leave each too narrow for its label. */
const MAX_EVENTS = 4;
const MAX_LABEL_LENGTH = 32;
const TIMELINE_TITLE = '历程回顾';
/** Longer than a plain month (2016年12月 is 8): the theme sets such dates smaller, on two lines. */
const LONG_WHEN = 8;
/** A long document title inside an event is named by its kind: 印发《关于…的意见》 → 印发意见. */
const DOCUMENT_KIND = /《[^》]*?(方案|意见|通知|决定|条例|规定|办法|纲要|规划|决议|报告|讲话|准则|规则)》/u;

interface TimelineEvent {
  /** What the timeline shows as the point in time: 2016年2月, 1919—1949年, 党的十八大至今. */
  when: string;
  label: string;
}

export function timelineSlide(article: Article, headings: readonly string[]): DraftSlide | undefined {
  const fromHeadings = datedHeadings(headings);
  const events = fromHeadings.length >= MIN_EVENTS ? fromHeadings : datedEvents(bodyParagraphs(article).flatMap((paragraph) => paragraph.sentences));
  if (events.length < MIN_EVENTS) return undefined;
  const shown = pickEvenly(events, MAX_EVENTS);
  const notes = [`我们先用一条时间线，把握这一历程的几个关键节点：${shown.map((event) => `${event.when}，${event.label}`).join('；')}。`];
  return {
    layout: 'timeline',
    ...(shown.some((event) => visibleLength(event.when) > LONG_WHEN) ? { classes: ['long-dates'] } : {}),
    blocks: [
      { kind: 'heading', level: 2, runs: plain(TIMELINE_TITLE) },
      { kind: 'list', ordered: false, items: shown.map((event) => [{ text: event.when, strong: true }, { text: ` ${event.label}` }]) },
    ],
    notes,
    timing: speakingSeconds(notes),
    from: [],
  };
}

/**
 * Sentences that open with a month-precise date (after an optional lead-in "…——") are events;
 * one event per date, kept only while the dates run forward in time.
 */
export function datedEvents(sentences: readonly Sentence[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let lastDate: DateMark | undefined;
  for (const sentence of sentences) {
    const date = (sentence.marks ?? []).find((mark): mark is DateMark => mark.kind === 'date');
    if (!date || date.to || date.from.year === undefined || date.from.month === undefined) continue;
    const before = sentence.text.slice(0, date.start);
    if (before !== '' && !before.endsWith('——')) continue;
    const label = eventLabel(sentence.text.slice(date.end));
    if (label === undefined) continue;
    if (lastDate && compare(lastDate, date) >= 0) continue;
    lastDate = date;
    events.push({ when: date.text, label });
  }
  return events;
}

/**
 * Sections named by periods (新民主主义革命时期（1919—1949年）：开天辟地) are the article's own timeline.
 * When most headings carry a date, each heading's bracketed part (or its date) is the point in time and
 * the rest of the heading the label; the last period is often named, not dated (（党的十八大至今）).
 */
export function datedHeadings(headings: readonly string[]): TimelineEvent[] {
  const dated = headings.filter((heading) => markSentence(heading).some((mark) => mark.kind === 'date'));
  if (dated.length < MIN_EVENTS) return [];
  const events: TimelineEvent[] = [];
  for (const heading of headings) {
    const bracket = /[（(]([^（）()]{2,16})[）)]/u.exec(heading);
    const date = markSentence(heading).find((mark): mark is DateMark => mark.kind === 'date');
    const when = bracket?.[1] ?? date?.text;
    if (when === undefined) return [];
    const cut = bracket ?? { index: date!.start, 0: date!.text };
    const label = (heading.slice(0, cut.index) + heading.slice(cut.index + cut[0].length)).replace(/[：:，,\s]+/gu, ' ').trim();
    if (visibleLength(label) < 2 || visibleLength(label) > MAX_LABEL_LENGTH) return [];
    events.push({ when, label });
  }
  return events;
}

function eventLabel(rest: string): string | undefined {
  const clause = splitClauses(rest)[0];
  if (clause === undefined) return undefined;
  const label = visibleLength(clause) > MAX_LABEL_LENGTH ? clause.replace(DOCUMENT_KIND, '$1') : clause;
  return visibleLength(label) <= MAX_LABEL_LENGTH && visibleLength(label) >= 4 ? label : undefined;
}

function compare(a: DateMark, b: DateMark): number {
  return (a.from.year ?? 0) - (b.from.year ?? 0) || (a.from.month ?? 0) - (b.from.month ?? 0) || (a.from.day ?? 0) - (b.from.day ?? 0);
}
