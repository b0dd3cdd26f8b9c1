// cards: a parallel enumeration (政治合格、执行纪律合格…; 带头…、带头…) is a set of cards, not a sentence.
// When the items share a head or a tail, the title names the set the way Party documents do: “四个合格”.

import { isBalanced, splitClauses, visibleLength } from '../clauses.ts';
import { chineseCount } from '../numerals.ts';
import { plain } from '../emphasis.ts';
import { marksOf } from './marks.ts';
import type { LayoutRule } from './rule.ts';

const MIN_CARDS = 3;
const MAX_CARDS = 6;
const MAX_CARD_LENGTH = 12;
/** Without a shared head or tail to name the set, only short items read as cards rather than as a list. */
const MAX_UNNAMED_CARD_LENGTH = 6;
/** Verbs that introduce the set in the text (做到“四个合格”) and read well before the set's name. */
/** A preposition opening the lead-in words: they frame the list rather than name it. */
const FRAME = /^(对|在|于|从|向|为|把|将|被|给|跟|同|与|和)/u;
const INTRODUCING_VERB = /(做到|坚持|实现|推动|推进|增强|坚定|践行|落实|树牢|强化|突出|把握|围绕)$/u;

export const cardsLayout: LayoutRule = (chunk) => {
  const opening = chunk.sentences[0];
  for (const { mark, sentence } of marksOf(chunk.sentences, 'enumeration')) {
    const items = mark.items.map((item) => item.trim());
    if (items.length < MIN_CARDS || items.length > MAX_CARDS) continue;
    if (items.some((item) => visibleLength(item) < 2 || visibleLength(item) > MAX_CARD_LENGTH)) continue;
    const named = setName(items, mark.head);
    // An unnamed list is the slide's point only when it opens the chunk; later in a long chunk it is a detail.
    if (!named && (sentence !== opening || items.some((item) => visibleLength(item) > MAX_UNNAMED_CARD_LENGTH))) continue;
    const before = sentence.text.slice(0, mark.start);
    const verb = INTRODUCING_VERB.exec(before)?.[1];
    // The lead-in words name the list only when the list ends their clause (保障第一书记选得准、…、干得好。);
    // in 是推进思想建党、组织建党、制度治党的有力抓手 they are half a sentence.
    const endsClause = /^等?([，。；！？]|$)/u.test(sentence.text.slice(mark.end));
    const lead = endsClause ? introduction(before) : undefined;
    // A title from the article's structure (a run-in head: 第二，…) says which point this is; a set name would hide it.
    const title = chunk.structural === true ? chunk.title : named ? `${verb ?? ''}${named}` : chunk.ownTitle ? chunk.title : (lead ?? chunk.title);
    return {
      layout: 'cards',
      blocks: [
        { kind: 'heading', level: 2, runs: plain(title) },
        { kind: 'list', ordered: false, items: items.map(plain) },
      ],
    };
  }
  return undefined;
};

/** “四个合格” from items sharing the tail 合格, “三个带头” from the head 带头; undefined when nothing is shared. */
export function setName(items: readonly string[], head?: string): string | undefined {
  const count = chineseCount(items.length);
  if (head && visibleLength(head) >= 2) return `“${count}个${head}”`;
  const tail = commonSuffix(items);
  return visibleLength(tail) >= 2 ? `“${count}个${tail}”` : undefined;
}

function commonSuffix(items: readonly string[]): string {
  const [first, ...rest] = items.map((item) => [...item]);
  if (first === undefined) return '';
  let length = 0;
  while (length < first.length && rest.every((item) => item.length > length && item[item.length - 1 - length] === first[first.length - 1 - length])) {
    length++;
  }
  // The shared tail must be less than a whole item, or the items are the same word.
  return length > 0 && rest.every((item) => item.length > length) ? first.slice(first.length - length).join('') : '';
}

/** The words that lead into the list within its clause (保障第一书记 in 保障第一书记选得准、下得去…). */
function introduction(before: string): string | undefined {
  const clause = splitClauses(before + '。').pop();
  if (clause === undefined) return undefined;
  const length = visibleLength(clause);
  // 对党规党纪 (不知、不懂、不敬畏) frames the list; it names nothing alone.
  return length >= 4 && length <= 20 && isBalanced(clause) && !FRAME.test(clause) ? clause : undefined;
}
