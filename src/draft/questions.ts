// 思考题: two or three discussion questions built from the section headings, for the branch's discussion
// after the lecture. A heading that is an action (把…/推动…) asks "how do we do it here"; a heading that is
// a principle or a topic (人民至上) asks what it means for one's own work.

import { pickEvenly } from './spread.ts';

const MAX_QUESTIONS = 3;

/** Headings that start like an action a branch can take. */
const ACTION_START = /^(把|将|为|以|用|向|从|让|使|在|推动|推进|坚持|加强|做|做好|做到|抓|抓好|落实|贯彻|提高|增强|提升|发挥|建设|打造|服务|走|打破|主动|深化|弘扬|传承|守护|担负|筑牢|夯实|激发|引导|保障|强化|完善|发展|实现|建立|健全|聚焦|扎根|深入|践行|坚守|坚定|树立|牢记|勇于|敢于|善于|永葆|赓续|凝聚|汇聚)/u;

/** A heading naming a process to advance (…常态化制度化, …现代化) asks how to push it forward. */
const PROCESS_END = /化$/u;

export function discussionQuestions(headings: readonly string[]): string[] {
  return pickEvenly(headings, MAX_QUESTIONS).map((heading) => {
    if (ACTION_START.test(heading)) return `结合本支部实际，我们应当如何${heading}？`;
    if (PROCESS_END.test(heading)) return `结合本支部实际，我们应当如何推进${heading}？`;
    return `如何理解“${nestQuotes(heading)}”？结合本职工作谈谈体会。`;
  });
}

/** Quotation marks inside a quotation become single ones, as Chinese typesetting nests them. */
function nestQuotes(text: string): string {
  return text.replace(/“/gu, '‘').replace(/”/gu, '’');
}
