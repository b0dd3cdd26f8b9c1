// timeline: when three or more dated events run through the article (2016年2月 → 2016年4月 → 2017年3月),
// one slide shows them in order near the start, so listeners see the course of events before the detail.

import type { Article, DateMark, Sentence } from '../../article/model.ts';
import { bodyParagraphs } from '../../article/model.ts';
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
/** A long document title inside an event is named by its kind: 印发《关于…的意见》 → 印发意见. */
const DOCUMENT_KIND = /《[^》]*?(方案|意见|通知|决定|条例|规定|办法|纲要|规划|决议|报告|讲话|准则|规则)》/u;

interface TimelineEvent {
  date: DateMark;
  label: string;
}

export function timelineSlide(article: Article): DraftSlide | undefined {
  const events = datedEvents(bodyParagraphs(article).flatMap((paragraph) => paragraph.sentences));
  if (events.length < MIN_EVENTS) return undefined;
  const shown = pickEvenly(events, MAX_EVENTS);
  const notes = [`我们先用一条时间线，把握这一历程的几个关键节点：${shown.map((event) => `${event.date.text}，${event.label}`).join('；')}。`];
  return {
    layout: 'timeline',
    blocks: [
      { kind: 'heading', level: 2, runs: plain(TIMELINE_TITLE) },
      { kind: 'list', ordered: false, items: shown.map((event) => [{ text: event.date.text, strong: true }, { text: ` ${event.label}` }]) },
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
  for (const sentence of sentences) {
    const date = (sentence.marks ?? []).find((mark): mark is DateMark => mark.kind === 'date');
    if (!date || date.to || date.from.year === undefined || date.from.month === undefined) continue;
    const before = sentence.text.slice(0, date.start);
    if (before !== '' && !before.endsWith('——')) continue;
    const label = eventLabel(sentence.text.slice(date.end));
    if (label === undefined) continue;
    const last = events[events.length - 1];
    if (last && compare(last.date, date) >= 0) continue;
    events.push({ date, label });
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
