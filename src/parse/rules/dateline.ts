// Rule "dateline": wire copy opens its first paragraph with a dateline, "新华社北京6月1日电（记者 张三）".
// It says who filed the story and where, like a byline, so it goes to the credits and the paragraph keeps
// the rest.

import type { ParseRule } from '../state.ts';
import { textBlocks } from '../state.ts';

const NEWS_AGENCY = '(?:新华社|中新社|本报|人民网|新华网|央视网|央广网|光明网|中国新闻网)';
/**
 * Agency, place, date (the year is optional), 电/讯, then an optional bracketed reporter:
 * "新华社北京6月1日电（记者 张三）", "新华社北京2024年6月1日电".
 */
export const DATELINE = new RegExp(
  `^${NEWS_AGENCY}[\\p{Script=Han}]{0,12}?(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日(?:电|讯)(?:\\s*[（(][^（）()]{1,30}[）)])?`,
  'u',
);

export const dateline: ParseRule = (state) => {
  const first = textBlocks(state)[0];
  if (first === undefined) return;
  const match = DATELINE.exec(first.text);
  if (match === null) return;
  // Keep document order: after credit lines above the paragraph (制图：… at the top), before those below it.
  const creditsAbove = state.blocks.slice(0, state.blocks.indexOf(first)).filter((block) => block.kind === 'credit');
  state.credits.splice(creditsAbove.length, 0, match[0].trim());
  first.text = first.text.slice(match[0].length).trim();
  if (first.text === '') first.kind = 'separator';
};
