// Mark rule "enumerations": parallel phrases joined by 、, for card slides: 政治合格、执行纪律合格、品德合格、
// 发挥作用合格; 带头…、带头…、带头…; 学史明理、学史增信、学史崇德、学史力行.
//
// Precise rather than greedy: at least three items, each 2–12 characters. The items between two 、 are
// exact; the first and the last run on into the clause around them (做到政治合格, 品德合格的党员), so they are
// trimmed: to the shared head when the items share one (带头…), otherwise by dropping leading words that
// lead into the list (做到, 坚持 …) or that make the item much longer than the middle ones, and at the end by
// cutting at 等 or a 的 that turns the list into a modifier. Quotation marks around a short term do not end
// an item (“两弹一星”等); around longer text they do.

import type { EnumerationMark, Mark } from '../../article/model.ts';
import { isTerm } from './terms.ts';
import { words, type MarkRule } from './rule.ts';

const MIN_ITEMS = 3;
const MIN_ITEM_LENGTH = 2;
const MAX_ITEM_LENGTH = 12;
/** An end item may be this much longer than the longest middle item before it is trimmed. */
const END_ITEM_SLACK = 1;

const BOUNDARY = /[，。！？；：,;:!?（）()《》【】\s—…“”「」‘’]/u;
/** Words that lead into a list rather than belong to its first item. */
const LEAD_INS: ReadonlySet<string> = new Set([
  '要', '做到', '坚持', '推进', '实现', '包括', '就是', '是', '有', '把', '将', '在', '对', '从', '以', '为', '了', '和',
  '提出', '具有', '体现', '形成', '呈现', '注重', '加强', '强化', '突出', '围绕', '聚焦', '通过', '着力', '努力', '不断',
  '持续', '进一步', '全面', '深入', '切实', '认真', '必须', '应当', '需要', '能够', '可以', '始终', '都', '也', '还', '又',
  '即', '如', '像', '例如', '比如', '主要', '分别', '涌现', '开展', '推动', '促进', '建立', '健全', '完善', '明确',
  '完成', '推出', '推出了', '实施', '开启', '的', '各级', '各类',
]);

export const enumerations: MarkRule = (text) => {
  const boundaries = boundaryFlags(text);
  const out: EnumerationMark[] = [];
  let clauseStart = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && !boundaries[index]) continue;
    const mark = enumerationIn(text, clauseStart, index);
    if (mark !== undefined) out.push(mark);
    clauseStart = index + 1;
  }
  return out satisfies Mark[];
};

/** Which characters end an item; quote marks around a short term do not. */
function boundaryFlags(text: string): boolean[] {
  const flags = Array.from({ length: text.length }, (_, index) => BOUNDARY.test(text[index]!));
  for (const match of text.matchAll(/[“「‘]([^“”「」‘’]*)[”」’]/gu)) {
    if (!isTerm(match[1]!)) continue;
    flags[match.index] = false;
    flags[match.index + match[0].length - 1] = false;
  }
  return flags;
}

function enumerationIn(text: string, clauseStart: number, clauseEnd: number): EnumerationMark | undefined {
  const clause = text.slice(clauseStart, clauseEnd);
  const parts = clause.split('、');
  if (parts.length < MIN_ITEMS) return undefined;
  const middle = parts.slice(1, -1);
  if (!middle.every(fits)) return undefined;
  const head = commonHead(parts.slice(1));
  const maxMiddle = Math.max(...middle.map((part) => part.length));

  // Parallel phrases are usually of one length (有理想、敢担当、能吃苦、肯奋斗): when the middle items agree
  // on it, the end items take it too, which is more reliable than word segmentation of the clause.
  const lengths = new Set(middle.map((part) => part.length));
  const lastPart = parts[parts.length - 1]!;
  const sharedLength =
    lengths.size === 1 && (middle.length >= 2 || lastPart.length === maxMiddle) ? maxMiddle : undefined;
  const first = trimFirst(parts[0]!, head, maxMiddle, sharedLength);
  const last = trimLast(lastPart, head, middle, maxMiddle, sharedLength);
  if (first === undefined || last === undefined || !fits(first) || !fits(last)) return undefined;

  const items = [first, ...middle, last];
  const start = clauseStart + parts[0]!.length - first.length;
  const end = clauseStart + clause.length - parts[parts.length - 1]!.length + last.length;
  const mark: EnumerationMark = { kind: 'enumeration', text: text.slice(start, end), start, end, items };
  const sharedHead = commonHead(items);
  if (sharedHead !== '') mark.head = sharedHead;
  return mark;
}

function fits(item: string): boolean {
  const length = [...item].length;
  return length >= MIN_ITEM_LENGTH && length <= MAX_ITEM_LENGTH;
}

/** The longest prefix (whole characters) all items start with, if shorter than each item. */
function commonHead(items: readonly string[]): string {
  if (items.length === 0) return '';
  let head = items[0]!;
  for (const item of items) {
    while (!item.startsWith(head)) head = head.slice(0, -1);
  }
  return items.every((item) => item.length > head.length) ? head : '';
}

function trimFirst(part: string, head: string, maxMiddle: number, sharedLength: number | undefined): string | undefined {
  if (head !== '') {
    const at = part.lastIndexOf(head);
    return at < 0 ? undefined : part.slice(at);
  }
  if (sharedLength !== undefined && part.length >= sharedLength) return part.slice(part.length - sharedLength);
  // Words are dropped from the front until what is left is short enough; its length is kept as a running
  // sum, since joining the words again for every one dropped was quadratic on a long first item.
  const pieces = words(part);
  let first = 0;
  let length = part.length;
  while (pieces.length - first > 1) {
    if (!LEAD_INS.has(pieces[first]!) && length <= maxMiddle + END_ITEM_SLACK) break;
    length -= pieces[first]!.length;
    first += 1;
  }
  const item = pieces.slice(first).join('');
  return LEAD_INS.has(item) ? undefined : item;
}

function trimLast(
  part: string,
  head: string,
  middle: readonly string[],
  maxMiddle: number,
  sharedLength: number | undefined,
): string | undefined {
  let item = part;
  const etc = item.indexOf('等');
  if (etc > 0) item = item.slice(0, etc);
  if (head !== '' && !item.startsWith(head)) return undefined;
  // Items sharing a tail (…合格, …学院, …性) end where the tail does: 发挥作用合格的党员 → 发挥作用合格.
  // One middle item gives only a one-character tail, a weak hint: accept its cut only when it stays short.
  const tail = middle.length >= 2 ? commonTail(middle) : middle[0]!.slice(-1);
  const maxTailCut = middle.length >= 2 ? maxMiddle + 2 : 2 * maxMiddle + 1;
  if (tail !== '') {
    const at = item.indexOf(tail, MIN_ITEM_LENGTH - 1);
    if (at >= 0 && at + tail.length <= maxTailCut) return item.slice(0, at + tail.length);
  }
  // A 的 the middle items do not have turns the list into a modifier: 多方面的精神文化 → 多方面.
  const of = item.indexOf('的');
  if (of > 0 && !middle.some((part) => part.includes('的'))) item = item.slice(0, of);
  if (item.length <= maxMiddle + END_ITEM_SLACK && !TRAILING_PARTICLE.test(item)) return item;
  if (sharedLength !== undefined && item.length <= sharedLength + END_ITEM_SLACK) return item;
  // Too long: the list has ended and the clause goes on. Keep whole words up to a 的 or the length limit.
  let kept = '';
  for (const word of words(item)) {
    if (word === '的' || kept.length + word.length > maxMiddle + END_ITEM_SLACK) break;
    kept += word;
  }
  return kept.replace(TRAILING_PARTICLE, '');
}

/** One-character words that follow a list, never end its last item: 干部学院都, 上党课为基本形式. */
const TRAILING_PARTICLE = /[都为也还相和与及是在对把将被的了等]$/u;

function commonTail(items: readonly string[]): string {
  if (items.length === 0) return '';
  let tail = items[0]!;
  for (const item of items) {
    while (!item.endsWith(tail)) tail = tail.slice(1);
  }
  return items.every((item) => item.length > tail.length) ? tail : '';
}
