// Titles shortened toward one line of the title band (TITLE_AIM characters). A long topic clause is not cut
// at a character count, which would end it mid-thought ("…纠正党内各种错误"); it loses whole parts that a
// lecturer drops when titling a slide by hand, each a part that leaves a phrase standing on its own:
// - a clause that only sets the scene before the point: "15年来，长三角各领域的融合正不断深入" → the second
//   clause;
// - the predicate after a topic set off by a comma: "坚持真理、坚守理想，是伟大建党精神的灵魂" → the topic;
// - a second clause that adds to the first: "浙江是文化教育大省，有着深厚的文化底蕴" → the first;
// - an exhortation's "we must": "我们要坚持问题导向" → "坚持问题导向";
// - a reporting frame: "古田会议决议提出要纠正党内各种错误思想" → "纠正党内各种错误思想".
// Inside a clause a part is dropped only where Intl.Segmenter finds a word boundary (要求… never loses its
// 要), and no result ends on a word that wants more after it (的, 和, 与, 、) or leaves a quote open.

import { isBalanced, splitClauses, stripTrailingPunctuation, visibleLength } from './clauses.ts';
import { MAX_TITLE_LENGTH, MIN_TITLE_LENGTH } from './limits.ts';
import { leansOnContext } from './standalone.ts';
import { isHalfThought, isSceneSetting } from './title.ts';
import { endsDangling, isFramePhrase } from './dangling.ts';
import { speaksAsSpeaker, withoutSubject } from './title-subject.ts';

/** Titles aim at this length (one line of the title band); up to MAX_TITLE_LENGTH when nothing shorter stands. */
export const TITLE_AIM = 18;

/** Longest text (UTF-16 units) searched for a shorter title. */
const MAX_SHORTENED = 80;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** "我们要…", "各级党组织必须…": the exhortation's subject and modal; the rest is what is to be done. */
const EXHORTATION = /^(我们|各级党组织|各级党委|各地|全党|广大党员|党员干部)?(一定要|必须|务必|应当|应该|需要|还要|更要|要)/u;
/** "X提出要…", "X强调…": who said it; the rest is what was said. The speaker is 2–12 characters. */
const REPORTED = /^(.{2,12}?)(提出|指出|强调|要求|表示|认为|明确)(要|必须)?/u;
/** A clause that only announces words to come: "实践表明", "…在学习笔记中写道", "记者从…获悉". */
const ANNOUNCES = /(如下|指出|强调|表示|写道|说道|谈道|坦言|表明|显示|证明|认为|提出|明确|所说|来说|据统计|据了解|据介绍|获悉|了解到|得知|介绍|透露|作出决定|作出部署|告诉我们|启示我们)$/u;
/** "…老党员说": who speaks, not what. Never a title; a bullet only with the quotation it introduces (bullets.ts). */
const SAYS = /(?<![小学传演游据说])说$/u;
/** Words a title never ends on: they want a word after them. */
const DANGLING_END = /[的和与及或、]$/u;
/**
 * 从… with no 到/向/至/转 after it: the span is cut before it ends (长三角地区正在从最初的产业、贸易分工 | 逐步转向…).
 * 从严, 从实, 从此… are words of their own.
 */
const OPEN_SPAN = /从(?!严|实|容|头|而|此|来|未|不|事|小|快|重|宽|优|细|根本|源头|中|政)(?![^，]*[到向至转])[^，]*$/u;
/** Frames that open a clause: a purpose (为…), a course of events (随着…), a setting (在…); no point of their own. */
const FRAME_OPENER = /^(为了|为|随着|在|通过|按照|根据|围绕|对于|作为)/u;

/** The text with its first `prefixLength` UTF-16 units dropped, when that falls on a word boundary. */
function afterWordBoundary(text: string, prefixLength: number): string | undefined {
  if (prefixLength <= 0 || prefixLength >= text.length) return undefined;
  for (const segment of segmenter.segment(text)) {
    if (segment.index === prefixLength) return text.slice(prefixLength);
    if (segment.index > prefixLength) return undefined;
  }
  return undefined;
}

/** The clause stands as a title: not a scene, a frame, half a pair, or words leaning on ones before them. */
export function standsAsTitle(text: string, maxLength = MAX_TITLE_LENGTH): boolean {
  const length = visibleLength(text);
  return (
    length >= MIN_TITLE_LENGTH &&
    length <= maxLength &&
    isBalanced(text) &&
    !isHalfThought(text) &&
    !ANNOUNCES.test(text) &&
    !SAYS.test(text) &&
    !DANGLING_END.test(text) &&
    !isSceneSetting(text) &&
    !endsDangling(text) &&
    !OPEN_SPAN.test(text)
  );
}

/** The clause only announces words to come (实践表明, 他强调): on a slide it says nothing alone. */
export function announces(clause: string): boolean {
  return ANNOUNCES.test(clause);
}

/** The clause only says who speaks (一名老党员说). */
export function saysWho(clause: string): boolean {
  return SAYS.test(clause);
}

/** A clause that opens with a frame (为…, 随着…, 在…) or leans on words before it: no title alone. */
export function isFrameOrLeaning(clause: string): boolean {
  return FRAME_OPENER.test(clause) || leansOnContext(clause) || isSceneSetting(clause) || ANNOUNCES.test(clause);
}

/**
 * Shorter forms of one clause (no comma inside): without "我们要…", without "X提出要…", without
 * the speaker or an unnamed many as subject (一些地方还把…: title-subject.ts).
 */
function shorterClauses(clause: string): string[] {
  const forms: string[] = [];
  const exhortation = EXHORTATION.exec(clause);
  if (exhortation !== null) {
    const rest = afterWordBoundary(clause, exhortation[0].length);
    if (rest !== undefined) forms.push(rest);
  }
  const reported = FRAME_OPENER.test(clause) ? null : REPORTED.exec(clause);
  if (reported !== null) {
    const rest = afterWordBoundary(clause, reported[0].length);
    if (rest !== undefined) forms.push(rest);
  }
  const predicate = withoutSubject(clause);
  if (predicate !== undefined && !leansOnContext(predicate)) forms.push(predicate);
  return forms;
}

/** Shorter forms of a title, in the order a lecturer would reach for them; each still a whole phrase. */
export function shorterForms(title: string): string[] {
  const clauses = splitClauses(title);
  const forms: string[] = [];
  if (clauses.length > 1) {
    // Clauses that set the scene or announce words to come (实践表明，…) before the point: the point alone.
    let first = 0;
    while (first < clauses.length - 1 && (isSceneSetting(clauses[first]!) || isFramePhrase(clauses[first]!) || ANNOUNCES.test(clauses[first]!))) first += 1;
    const point = clauses.slice(first);
    if (first > 0) forms.push(point.join('，'));
    // "X，是Y": the clauses before the first one that leans on them are the topic, kept whole (its first
    // clause alone would be half of "不怕牺牲、英勇斗争，对党忠诚、不负人民").
    const leaning = point.findIndex((clause, index) => index > 0 && leansOnContext(clause));
    if (leaning > 0) forms.push(point.slice(0, leaning).join('，'));
    // Else the first clause, when it makes a point of its own.
    else if (point[0] !== undefined && !isFrameOrLeaning(point[0])) forms.push(point[0]);
    for (const form of [...forms]) if (!form.includes('，')) forms.push(...shorterClauses(form));
  } else {
    forms.push(...shorterClauses(title));
  }
  return forms.map((form) => stripTrailingPunctuation(form));
}

/**
 * The title a clause or sentence gives: itself when it is at most TITLE_AIM long, else its first shorter
 * form that is, else itself or a shorter form up to `maxLength`; undefined when nothing stands as a title.
 */
export function titleFrom(text: string, maxLength = MAX_TITLE_LENGTH): string | undefined {
  // A sentence this long holds no title a lecturer would find by dropping parts (and is not searched: linear time).
  if (text.length > MAX_SHORTENED) return undefined;
  const whole = stripTrailingPunctuation(text.trim());
  // A title never speaks as the speaker (我和大家一起学习…) when a form without it stands.
  const speaks = speaksAsSpeaker(whole);
  // Short enough as it is: no shorter form is looked for (they cost a word segmentation each).
  if (!speaks && standsAsTitle(whole, TITLE_AIM)) return whole;
  const forms = shorterForms(whole);
  const candidates = speaks ? [...forms, whole] : [whole, ...forms];
  return candidates.find((form) => standsAsTitle(form, TITLE_AIM)) ?? candidates.find((form) => standsAsTitle(form, maxLength));
}

/**
 * A heading as a slide title: whole when it fits the aim; a long one ("…时期（1949—1978年）：在执政考验中坚守
 * 本色", "坚持真理、坚守理想，是伟大建党精神的灵魂") by its part after the colon or its topic, else whole.
 */
export function headingTitle(heading: string): string {
  if (visibleLength(heading) <= TITLE_AIM) return heading;
  const colon = heading.indexOf('：');
  const after = colon > 0 ? heading.slice(colon + 1).trim() : '';
  if (standsAsTitle(after, TITLE_AIM)) return after;
  return titleFrom(heading) ?? heading;
}
