// Rule "wire-title": wire copy often opens with the dateline and the headline on one line,
// "新华社北京6月1日电 题：坚持不懈推进理论武装". The dateline says who filed the story (a credit, like the
// dateline rule's); the part after 题： is the title, so the title-block rule (which runs next) must see
// only that part.

import type { ParseRule } from '../state.ts';
import { textBlocks } from '../state.ts';
import { DATELINE } from './dateline.ts';

const HEADLINE_LABEL = /^\s*题\s*[：:]\s*(\S.*)$/u;

export const wireTitle: ParseRule = (state) => {
  if (state.title !== '') return;
  const first = textBlocks(state)[0];
  if (first === undefined) return;
  const dateline = DATELINE.exec(first.text);
  if (dateline === null) return;
  const headline = HEADLINE_LABEL.exec(first.text.slice(dateline[0].length));
  if (headline === null) return;
  const creditsAbove = state.blocks.slice(0, state.blocks.indexOf(first)).filter((block) => block.kind === 'credit');
  state.credits.splice(creditsAbove.length, 0, dateline[0].trim());
  first.text = headline[1]!.trim();
};
