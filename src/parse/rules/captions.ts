// Rule "captions": photo captions left in the text by the web page the article was copied from. They
// describe a picture the lecture will not show, so they are kept out of the body (Article.captions).
//
// Signals, from strongest to weakest:
// - a photo credit in brackets at the end: "…景山（2024年7月20日摄）。", "（新华社记者 张三 摄）";
// - a picture marker: （无人机照片）, （资料图片）, （新华社发）, a line opening with 图为 / 图：;
// - a short single-sentence line opening with a full date, "2024年7月14日，乌兰牧骑队员…表演。" — body
//   paragraphs that open with a date are longer or carry more than one sentence.

import type { Block, ParseRule } from '../state.ts';
import { charLength, SENTENCE_END_MARKS } from '../text.ts';

const MAX_CAPTION_LENGTH = 150;
const MAX_DATED_CAPTION_LENGTH = 60;

const PHOTO_MARKERS: readonly RegExp[] = [
  /[（(][^（）()]*摄[）)][。.]?$/,
  // "新华社记者 张三 摄": names of 2–4 characters, so "记者深入一线拍摄。" in running text does not match.
  /(?:记者|通讯员)\s*[\p{Script=Han}·]{2,4}(?:\s+[\p{Script=Han}·]{2,4})*\s*摄[。.]?$/u,
  /[（(](?:无人机照片|资料图片|资料照片|图片来源[：:][^（）()]*|新华社发[^（）()]*|本报记者[^（）()]*摄|视觉中国)[）)]/,
  /^(?:图为|图：|图:|图片：|上图：|下图：|左图：|右图：|题图：)/,
];

/** A full date followed by what happened: a date alone on a line is a letter's sign-off, not a caption. */
const OPENS_WITH_FULL_DATE = /^\d{4}年\d{1,2}月\d{1,2}日[，,\s]?\S{4,}/;

export const captions: ParseRule = (state) => {
  for (const block of state.blocks) {
    if (block.kind !== 'text') continue;
    if (block.markdown?.kind === 'image' || isCaption(block)) block.kind = 'caption';
  }
};

function isCaption(block: Block): boolean {
  const text = block.text;
  const length = charLength(text);
  if (length > MAX_CAPTION_LENGTH || block.markdown !== undefined) return false;
  if (PHOTO_MARKERS.some((marker) => marker.test(text))) return true;
  // A colon after a date introduces speech or a list ("…日，总书记指出："): that is reporting, not a caption.
  return (
    OPENS_WITH_FULL_DATE.test(text) &&
    length <= MAX_DATED_CAPTION_LENGTH &&
    !/[：:]/.test(text) &&
    endsAsOneSentence(text)
  );
}

function sentenceMarkCount(text: string): number {
  let count = 0;
  for (const char of text) if (SENTENCE_END_MARKS.has(char)) count++;
  return count;
}

/** Either no end mark at all (a label-like caption) or a single one, at the very end. */
function endsAsOneSentence(text: string): boolean {
  const count = sentenceMarkCount(text);
  return count === 0 || (count === 1 && SENTENCE_END_MARKS.has(text[text.length - 1]!));
}
