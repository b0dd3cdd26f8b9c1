// The slide title says the paragraph's point in the article's own words.
// How editors condense this prose by hand (see DESIGN.md): a short opening sentence is the title;
// a lead-in before "——" is the title; otherwise the first clause that carries the point.
// A title is a whole clause or sentence, or a part of one that stands alone (short-title.ts): never cut in
// the middle of a word.

import { splitClauses, stripTrailingPunctuation } from './clauses.ts';
import { standsAsTitle, TITLE_AIM, titleFrom } from './short-title.ts';
import { isFramePhrase } from './dangling.ts';
import { speaksAsSpeaker } from './title-subject.ts';

/** Clauses that only set the scene (a time, a place, a frame) and make no point of their own. */
const SCENE_SETTING = [
  // Bounded runs: with open ones a long string of digits matches each run in every split (cubic time).
  /^(上世纪|本世纪)?[\d〇零一二三四五六七八九十百千两]{1,8}(年|年代)?[\d一二三四五六七八九十]{0,3}(月)?[\d一二三四五六七八九十]{0,3}(日)?$/u,
  // A span of dates and nothing else: 2009年至2021年.
  /^[\d〇零一二三四五六七八九十百千两年月日至到—～-]+$/u,
  /(以来|年来|以后|之后|期间|时期|初期|末期|中期|年代|年末|年初|年底|当时|之际|前夕|的时候|时)$/u,
  /^在.{1,24}(中|上|下|里|时|前|后)$/u,
  /^(同时|此外|另外|其中|目前|近年来|多年来|连日来|近日|日前|近期|连日|此前|近来|如今|当前|今天|今日|因此|所以|但是|然而|而且|总之|比如|例如|首先|其次|最后|一方面|另一方面|实践证明|事实证明|历史证明|众所周知)$/u,
];

/** A clause that opens a correlative pair (不仅…更…) is half a thought: never a title on its own. */
const HALF_THOUGHT = /^(.{0,12})(不仅|不但|不只|虽然|尽管|如果|假如|只有|只要|因为|由于|既|无论|不管)/u;

const LEAD_IN = /^(.{2,30}?)——/u;
/**
 * A clause opening with a preposition and followed by more of its sentence sets the place, the course, the
 * purpose or the standard of what follows (在青山市一家国有企业，… / 随着数字化发展，… / 对照上级要求和群众期盼，…
 * / 从党政机关到企事业单位，… / 为提高政府行政效率，… / 电影作为…的重要组成部分，…): the point is in the
 * clauses after it.
 */
const PLACE_FRAME = /^(在|随着|对照|按照|根据|面对|针对|经过|通过|为了|为(?=提高|更好|进一步|加快|推动|促进|确保|切实|深入|全面|加强|实现)|从.{1,12}到|[^，]{1,8}?作为)/u;
/** A news story's source, before the news: 记者从中央组织部获悉, 记者了解到, 据介绍. */
const NEWS_SOURCE = /^(记者.{0,16}(获悉|了解到|得知|注意到)|据(了解|介绍|悉|统计|报道|不完全统计))$/u;
/** The speaker turning to the audience (同志们，… / 同志们、朋友们：…) before the point; a sentence of its own in a transcript. */
const VOCATIVE = /^((同志们|朋友们|各位同志|亲爱的同志们|各位党员同志)[、，,：:！!]\s*)+/u;
/**
 * A speech's salutation as a sentence of its own: 尊敬的各位领导、同志们： / 各位代表： / 同学们！ Only addressees,
 * so 一位老同志说： is none. Tested on short sentences only (the nested repetition on a long run would backtrack).
 */
const SALUTATION = /^((尊敬的|亲爱的|各位|全体)?[\u4e00-\u9fa5]{0,6}(领导|同志们|同志|朋友们|同学们|代表们|代表|来宾|嘉宾|党员)[、，,\s]*)+[：:！!]$/u;
const MAX_SALUTATION = 30;
/**
 * A lecture names its theme in quotes: 今天，我以“…”为题… / 围绕“…”这个题目… The quoted words are the title a
 * lecturer gives the opening slide.
 */
const THEME = /(以|围绕)“([^“”]{2,30})”(这个|这一|的)?(为题|为主题|题目|主题|课题|话题)/u;

/** The sentence only turns to the audience (同志们： / 尊敬的各位领导、同志们：): the point is in the next one. */
function isSalutation(sentence: string): boolean {
  const text = sentence.trim();
  if (stripTrailingPunctuation(text.replace(VOCATIVE, '')) === '') return true;
  return text.length <= MAX_SALUTATION && SALUTATION.test(text);
}

export function isSceneSetting(clause: string): boolean {
  return SCENE_SETTING.some((pattern) => pattern.test(clause));
}

/** The clause opens with a preposition that frames what follows it in its sentence (在…, 随着…, 从…到…). */
export function opensWithFrame(clause: string): boolean {
  return PLACE_FRAME.test(clause);
}

export function isHalfThought(clause: string): boolean {
  return HALF_THOUGHT.test(clause);
}

/** The lead-in of a sentence that opens with "…——", e.g. 学党章党规、学系列讲话，做合格党员——2016年2月… */
export function leadIn(sentence: string): string | undefined {
  const match = LEAD_IN.exec(sentence)?.[1];
  return match === undefined ? undefined : stripTrailingPunctuation(match);
}

/**
 * The title of a slide made from a paragraph, or undefined when the paragraph offers none
 * (the caller then falls back to the section heading).
 */
export function topicTitle(sentences: readonly string[]): string | undefined {
  // A transcript's "同志们：" is a sentence of its own: the point is in the sentence after it.
  const spoken = sentences.findIndex((sentence) => !isSalutation(sentence));
  if (spoken > 0) return topicTitle(sentences.slice(spoken));
  const first = sentences[0];
  if (first === undefined || spoken < 0) return undefined;

  const theme = THEME.exec(first)?.[2];
  const themeTitle = theme === undefined ? undefined : titleFrom(theme);
  if (themeTitle !== undefined) return themeTitle;

  const opening = leadIn(first);
  const openingTitle = opening === undefined ? undefined : titleFrom(opening);
  if (openingTitle !== undefined) return openingTitle;

  // A short opening sentence followed by more text is a summary line: 富口袋也要富脑袋。 Unless the speaker says
  // it (今天，我和大家一起学习…): its clauses then give the title without him.
  const whole = stripTrailingPunctuation(first.trim().replace(VOCATIVE, ''));
  if (sentences.length > 1 && standsAsTitle(whole, TITLE_AIM) && !splitClauses(whole).some(speaksAsSpeaker)) return whole;

  const clauses = splitClauses(first.trim().replace(VOCATIVE, ''));
  for (const [at, clause] of clauses.entries()) {
    // When or where (新中国成立后，… / 在青山市一家国有企业，…) frames the point that follows it.
    // Where the news came from (记者从…获悉, 据了解) makes no point of its own either.
    if (isSceneSetting(clause) || isFramePhrase(clause) || (PLACE_FRAME.test(clause) && at < clauses.length - 1) || NEWS_SOURCE.test(clause)) continue;
    // The first clause with content is the point, shortened toward one line; a later one would change the subject.
    return titleFrom(clause) ?? (sentences.length > 1 ? titleFrom(whole) : undefined);
  }
  return undefined;
}
