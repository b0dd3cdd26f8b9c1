// A clause that ends on a head still waiting for its clause: a locative or topic phrase ("全县412个党支部中",
// "在党中央的坚强领导下", "思想方面"), a time phrase ("2021年以来", "新中国成立后") or a noun clause in 的
// ("党员最关心的"). Cut there, a bullet or a title stops before its sentence says anything; the phrase belongs
// with the clause after it.

/** Time words that end a phrase saying when, not what: 以来, 期间, …后, …时. */
const TIME_HEAD = /(^[^，]{1,4}(时节|时分|时刻)|以来|期间|之际|前夕|以后|之后|以前|之前|的时候|之初|伊始|之时|(?<![落恐然最今此其背而随稍先])后|(?<![及同随当按准适过一暂临小有平那这定届])时)$/u;
/** Locative words ending a phrase that frames what follows: 中, 里, 上, 下, 方面. */
const LOCATIVE_HEAD = /(之中|当中|中|里|之上|上|之下|下|方面)$/u;
/** A frame opened by a preposition: 在…中, 于…下, 从…上, 随着…中. */
const PREPOSITION_FRAME = /^(在|于|当|从|自|就|对|随着|针对|面对|置身)/u;
/**
 * A verb that puts its object into a place (融入…中, 落实到…里, 写进…中, 用在…上): the locative then ends the
 * clause's own predicate, and the clause is complete. 在 and 于 follow a subject as often (党员在学习中，…),
 * so only after a verb that takes them.
 */
const PLACING_VERB = /.(到|入|进)|(用|写|落|放|摆|守|走|干|冲|战|建|印|刻|记|融|留|站|住|藏|挂|种|埋|体现|表现|集中|坚守|扎根|战斗|奋斗|工作|生活|奔走|活跃|贯穿|落实|反映|发生|出现|作用|聚焦|立足|致力|寓|源|植根|根植|扎|沉|处)(在|于)/u;
/** 中/里 ending a word, not a place: 集中, 心中 (…记在心中 is caught by PLACING_VERB anyway), 其中, 考虑中. */
const LOCATIVE_WORD = /(多方面|各方面|全方面|方方面面|集中|其中|命中|折中|空中|家里|这里|那里|哪里|心里|手里|村里|县里|省里|市里|镇里|乡里|城里|公里|基本上|马上|加上|向上|往上|以上|以下|之下|私下|当下|如下|天下|放下|留下|定下|打下|落下|拿下|写下|创下|立下|结下|走上|迈上|登上|跟上|赶上|爱上|称上|算上|带上|踏上)$/u;
/** 在…上 after a subject frames what follows only with these nouns (在这个问题上); 永远在路上 is whole. */
const FRAMING_NOUN_ON = /(基础|问题|会议|大会|会上|层面|意义|程度|思想|政治|行动|原则|方向|道路|征程|历史)上$/u;
/**
 * A short phrase in 上 with no 在 before it, the 上 after a noun, not a verb (经济合作上，… / 思想上，…): in
 * which respect, a frame. 走上, 跟上, 赶上 and the like end a verb and are whole.
 */
const NOUN_ON = /^[^，]{1,8}(?<![走登迈踏跟赶爱戴穿用住过喝吃冲顶迎追比摆提放加以向往马基])上$/u;
/** A noun clause in 的 (…最关心的) waits for 是…; "是…的" is a whole clause. */
const NOUN_CLAUSE = /的$/u;

/** The text's last clause ends on a head that needs a clause after it. */
export function endsDangling(clause: string): boolean {
  const text = lastClause(clause.trim());
  if (NOUN_CLAUSE.test(text)) return !text.includes('是');
  return isFramePhrase(text);
}

/**
 * The clause is a time or place phrase that frames the clause after it (新中国成立后, 全县412个党支部中,
 * 在党中央的坚强领导下): it says when or where, not what, so it is never a title and never ends a bullet.
 */
export function isFramePhrase(clause: string): boolean {
  const text = clause.trim();
  if (TIME_HEAD.test(text)) return true;
  if (!LOCATIVE_HEAD.test(text) || LOCATIVE_WORD.test(text)) return false;
  if (PREPOSITION_FRAME.test(text)) return true;
  if (PLACING_VERB.test(text)) return false;
  // 上 and 下 end many whole predicates (走上…, 沉下…, 永远在路上): only a frame in 在/于 after the subject makes
  // them dangle (凤凰村党支部在镇党委的坚强领导下, 我们在这个问题上).
  if (/下$/u.test(text)) return /[在于]/u.test(text.slice(1));
  if (/上$/u.test(text)) return /[在于]/u.test(text.slice(1)) ? framingOn(text) : NOUN_ON.test(text);
  return true;
}

/**
 * 在 or 于, then one of FRAMING_NOUN_ON's nouns and 上 at the end. Not one expression /[在于].*(…)上$/: that
 * rescans the rest of the text from every 在, quadratic on a long clause full of them (80,000 characters: 16 s).
 */
function framingOn(text: string): boolean {
  const noun = FRAMING_NOUN_ON.exec(text);
  return noun !== null && /[在于]/u.test(text.slice(0, noun.index));
}

/** The words after the text's last clause break (，；：), or all of it. */
function lastClause(text: string): string {
  const breaks = /[，；：,;:]/gu;
  let start = 0;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) start = match.index + 1;
  return text.slice(start);
}
