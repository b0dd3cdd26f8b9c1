// Rule "credits": lines that name who made or published the piece (版式设计：…, 制图：…, （来源：新华社）,
// （作者为…）, 本报记者 …, 责任编辑：…) are kept out of the body: nobody reads them aloud in a lecture.
// They usually sit at the end or at the top; a whole line matching one of the patterns below is a credit
// wherever it is, because the patterns are labels, not prose. A source note glued to the end of the last
// paragraph ("…新篇章。（来源：新华社）") is cut off too.

import type { ParseRule, ParseState } from '../state.ts';
import { charLength, hasSentenceMarkOutsideBrackets } from '../text.ts';

const MAX_CREDIT_LENGTH = 60;

/** Role labels followed by a colon: "版式设计：汪哲平", "（来源：新华社）". */
const CREDIT_LABELS =
  '来源|稿件来源|本文来源|信息来源|作者|记者|本报记者|通讯员|编辑|责任编辑|责编|编审|审核|审校|校对|' +
  '制图|版式设计|版面设计|美术编辑|美编|设计|摄影|视频|统筹|策划|监制|出品|整理|编译|翻译|文字|文案';

const BYLINE_ROLE = '(?:本报|新华社|人民日报|光明日报|经济日报|中新社)?(?:特约)?(?:记者|通讯员)';
const PERSON_NAME = '[\\p{Script=Han}·]{2,4}';

const WHOLE_LINE_CREDITS: readonly RegExp[] = [
  // 版式设计：汪哲平 / （来源：新华社） / 【责任编辑：…】
  new RegExp(`^[（(【\\[]?\\s*(?:${CREDIT_LABELS})\\s*[：:｜|]\\s*[^。！？]+?\\s*[）)】\\]]?$`),
  // （作者为中共中央宣传部常务副部长、国家电影局局长） / （作者系…）
  /^[（(]作者(?:为|系|是|单位)[^（）()]*[）)]$/,
  // （记者 张三） / （本报记者 李四 王五）
  /^[（(](?:本报|新华社|人民日报)?(?:特约)?(?:记者|通讯员)[^（）()]*[）)]$/,
  // 本报记者　张三　李四 / 新华社记者 王五 (a byline: names of 2–4 characters, nothing else)
  new RegExp(`^${BYLINE_ROLE}\\s*${PERSON_NAME}(?:\\s+${PERSON_NAME}){0,5}$`, 'u'),
  // 本报评论员 / 人民日报评论员 / 本报特约评论员 (an editorial's byline)
  /^(?:本报|人民日报|新华社|光明日报|经济日报|求是)?(?:特约)?评论员(?:\s+[\p{Script=Han}·]{2,4})?$/u,
  // 文/张三 / 文｜李四
  /^文\s*[/／｜|]\s*[^，。]{2,20}$/,
];

/** A source or author note glued to the end of the last paragraph. */
const GLUED_CREDIT = new RegExp(
  `[（(](?:来源|稿件来源|本文来源|作者单位|作者|记者|本报记者|通讯员|编辑|责任编辑)(?:[：:为系是]|\\s)[^（）()]{1,60}[）)]$`,
);

export const credits: ParseRule = (state) => {
  for (const block of state.blocks) {
    if (block.kind === 'text' && isCreditLine(block.text)) {
      block.kind = 'credit';
      state.credits.push(block.text);
    }
  }
  cutGluedCredit(state);
};

export function isCreditLine(text: string): boolean {
  if (charLength(text) > MAX_CREDIT_LENGTH || text === '') return false;
  return WHOLE_LINE_CREDITS.some((pattern) => pattern.test(text));
}

function cutGluedCredit(state: ParseState): void {
  const lastIndex = state.blocks.findLastIndex((block) => block.kind === 'text');
  const last = state.blocks[lastIndex];
  if (last === undefined) return;
  const match = GLUED_CREDIT.exec(last.text);
  if (match === null || match.index === 0) return;
  const before = last.text.slice(0, match.index).trim();
  // Only when what precedes is finished prose: "（记者 …）" inside a sentence is part of it.
  if (!hasSentenceMarkOutsideBrackets(before)) return;
  // Keep document order: the glued credit goes before credit lines that follow its paragraph.
  const creditLinesAfter = state.blocks.slice(lastIndex + 1).filter((block) => block.kind === 'credit').length;
  state.credits.splice(state.credits.length - creditLinesAfter, 0, match[0]);
  last.text = before;
}
