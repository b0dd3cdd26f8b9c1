// Mark rule "quotations": speech attributed to a speaker, for quote slides: 习近平总书记…强调，…;
// 习近平总书记提出“学史明理…”; 古人讲“以史为鉴，可以知兴替”.
//
// Precise rather than greedy. A quotation needs a speaker AND a speech verb, in that order, in one sentence:
// - the verb is followed by a quotation mark (提出“…”) or a colon — then any speech verb will do; or by a
//   comma (强调，… or 强调，“…。” quoting the rest of the sentence) — then only verbs that cannot be nouns (强调, 指出, 表示, 说 …): "作出重要指示批示，为…"
//   uses 批示 as a noun, and "按照部署要求，" 要求;
// - the speaker is a known name (with or without a title), a collective voice (党中央, 古人), or a person
//   phrase ending in a title (总书记, 书记, 主任, 教授 …) that opens a clause.
// The quote is the quoted text when the verb is followed by “…” (direct), else the rest of the sentence.

import type { Mark, QuotationMark } from '../../article/model.ts';
import { HAN, type MarkRule } from './rule.ts';

/** Leaders and exemplars Party-study texts quote; a small list, not tied to any one article. */
const NAMES = [
  '习近平', '毛泽东', '邓小平', '周恩来', '刘少奇', '朱德', '任弼时', '陈云', '江泽民', '胡锦涛', '李大钊', '陈独秀',
  '孙中山', '鲁迅', '雷锋', '焦裕禄', '谷文昌', '杨善洲', '廖俊波', '黄文秀', '张桂梅', '钱学森', '邓稼先', '袁隆平',
  '马克思', '恩格斯', '列宁',
];
const TITLES = [
  '总书记', '主席', '总理', '委员长', '副主席', '书记', '部长', '局长', '省长', '市长', '县长', '主任', '校长', '院长',
  '教授', '院士', '代表', '委员', '专家', '负责人', '队长', '同志', '先生', '老师', '支书', '发言人',
];
const COLLECTIVE = ['党中央', '中共中央', '毛主席', '总书记', '古人', '古语', '前人', '先贤', '老一辈革命家', '俗话'];

/** Verbs that may introduce speech; longest first so 强调指出 wins over 强调. */
const VERBS = [
  '语重心长地说', '深情地说', '强调指出', '深刻指出', '明确指出', '郑重宣告', '深刻阐明', '强调', '指出', '表示', '提出',
  '要求', '号召', '寄语', '宣布', '宣告', '说道', '写道', '谈到', '讲到', '指示', '批示', '认为', '勉励', '嘱托',
  '告诫', '所说', '说过', '说', '讲', '云', '曰',
];
/** Verbs that are never nouns, so "VERB，…" is reported speech. */
const COMMA_VERBS: ReadonlySet<string> = new Set([
  '语重心长地说', '深情地说', '强调指出', '深刻指出', '明确指出', '郑重宣告', '强调', '指出', '表示', '宣布', '宣告',
  '说道', '写道', '谈到', '讲到', '认为', '说', '所说', '说过',
]);

const NAMED_SPEAKER = new RegExp(`(?:${NAMES.join('|')})(?:${TITLES.join('|')})?`, 'gu');
const COLLECTIVE_SPEAKER = new RegExp(`(?:${COLLECTIVE.join('|')})`, 'gu');
/** A titled person opening a clause: 中央组织部负责人, 一位支部书记. */
const TITLED_SPEAKER = new RegExp(`(?<=^|[，,：:；;（(”」])(?:${HAN}){1,10}?(?:${TITLES.join('|')})`, 'gu');
const VERB_AFTER = new RegExp(`(${VERBS.join('|')})(?:道)?\\s*([：:，,]\\s*[“「]|[“「]|[：:，,])`, 'gu');
/** After a closing quote mark: nothing, or only the sentence's end marks. */
const ONLY_END_MARKS = /^[。！？!?；;…]*$/u;

const OWN_VOICE = /(?:可以|应该|来|就是|换句话|或者|不用|再|那么|所以)$/u;

/** The speaker must be close to the verb: further away, the sentence has moved on to something else. */
const MAX_SPEAKER_GAP = 60;
/** Longer than any speaker the patterns match: a titled one is up to 10 characters and a title. */
const MAX_SPEAKER_LENGTH = 10 + Math.max(...[...NAMES, ...COLLECTIVE, ...TITLES].map((word) => word.length)) * 2;

export const quotations: MarkRule = (text) => {
  const out: QuotationMark[] = [];
  for (const verbMatch of text.matchAll(VERB_AFTER)) {
    const verb = verbMatch[1]!;
    const after = verbMatch[2]!;
    let direct = /[“「]/.test(after);
    const comma = /[，,]/.test(after);
    if (comma && !COMMA_VERBS.has(verb)) continue;
    const verbStart = verbMatch.index;
    // 可以说，/ 总的来说，/ 换句话说， are the writer's own voice, whoever was named before.
    if ((verb === '说' || verb === '讲') && OWN_VOICE.test(text.slice(0, verbStart))) continue;
    // Quoted speech inside an earlier quotation of this sentence is part of that one.
    if (out.some((mark) => mark.end > verbStart)) continue;
    const speaker = speakerBefore(text, verbStart);
    if (speaker === undefined) continue;
    let quoteStart = verbStart + verbMatch[0].length;
    let quote: string;
    let end: number;
    // 强调，“…。” quotes the rest of the sentence whole; 指出，“两学一做”是… only opens with a quoted term,
    // and is reported speech running on after it.
    const close = direct ? closingQuote(text, quoteStart - 1) : -1;
    if (direct && comma && (close < 0 || !ONLY_END_MARKS.test(text.slice(close + 1)))) {
      direct = false;
      quoteStart -= 1;
    }
    if (direct) {
      if (close < 0) continue;
      quote = text.slice(quoteStart, close);
      end = close + 1;
    } else {
      // The lookbehind starts the match only where a run of end marks starts: without it a long run not at
      // the end is rescanned from each of its characters (quadratic).
      const body = text.slice(quoteStart).replace(/(?<![。！？!?；;…])[。！？!?；;…]+[”’」』]*$/u, '');
      quote = body.trim();
      end = quoteStart + body.length;
    }
    if (quote === '') continue;
    out.push({ kind: 'quotation', text: text.slice(speaker.start, end), start: speaker.start, end, speaker: speaker.text, verb, quote, direct });
  }
  return out satisfies Mark[];
};

/** The speaker nearest before the verb, within MAX_SPEAKER_GAP characters. */
function speakerBefore(text: string, verbStart: number): { text: string; start: number } | undefined {
  const before = text.slice(0, verbStart);
  // Only a speaker ending within the gap counts, so the search starts that far back, not at the start of
  // the text: searching all of it for every verb was quadratic on a long run of 说：“. Searching from an
  // index (lastIndex) rather than in a slice keeps the lookbehind of TITLED_SPEAKER seeing the real text.
  const from = Math.max(0, verbStart - MAX_SPEAKER_GAP - MAX_SPEAKER_LENGTH);
  let best: { text: string; start: number } | undefined;
  for (const pattern of [NAMED_SPEAKER, COLLECTIVE_SPEAKER, TITLED_SPEAKER]) {
    pattern.lastIndex = from;
    for (let match = pattern.exec(before); match !== null; match = pattern.exec(before)) {
      if (match[0] === '') pattern.lastIndex += 1;
      const candidate = { text: match[0], start: match.index };
      if (verbStart - (candidate.start + candidate.text.length) > MAX_SPEAKER_GAP) continue;
      // The named forms win over a titled phrase that only contains them ("时任浙江省委书记习近平" ends in a name).
      if (best === undefined || candidate.start + candidate.text.length > best.start + best.text.length) best = candidate;
    }
  }
  return best;
}

/** Index of the quote mark closing the one at `open`, honouring nesting; -1 when it never closes. */
function closingQuote(text: string, open: number): number {
  const opener = text[open]!;
  const closer = opener === '“' ? '”' : '」';
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === opener) depth++;
    else if (text[index] === closer && --depth === 0) return index;
  }
  return -1;
}
