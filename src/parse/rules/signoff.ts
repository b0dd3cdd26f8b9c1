// Rule "signoff": a report's, letter's or notice's sign-off at its very end, the issuing body on one line
// and the date on the next (中共青山县凤凰村支部委员会 / 2024年12月28日), or the date alone, says who issued
// the text and when. Nobody reads it aloud as part of a lecture, and drafted as body it became a slide of its
// own, so it leaves the body for Article.signoff.
// Only at the end: the last text of the article (credit lines such as 责任编辑：… may follow), after a
// paragraph that ends like prose; the date is a whole date on a line of its own; the body's line is short,
// unpunctuated, and ends in a word that names a body (委员会, 党支部, 办公室, 人民政府 …).
// Runs before "credits", so that a source note glued to the last paragraph is still found there.

import type { Block, ParseRule, ParseState } from '../state.ts';
import { isCreditLine } from './credits.ts';
import { charLength, endsLikeProse, joinWrappedLines } from '../text.ts';

const CN_DIGIT = '[〇零一二三四五六七八九]';
const CN_NUMBER = '[一二三四五六七八九十]{1,3}';
const FULL_DATE = new RegExp(`^(?:\\d{4}|${CN_DIGIT}{4})年(?:\\d{1,2}|${CN_NUMBER})月(?:\\d{1,2}|${CN_NUMBER})日$`);
const ISSUING_BODY =
  /^[\p{Script=Han}\d（）()·]{2,40}?(?:委员会|党委|党组|工委|纪委|党支部|支部|党总支|总支|办公室|办公厅|人民政府|政府|局|厅|部|院|学校|大学|公司|集团|中心|协会|联合会|工会|团委|妇联|社区|村委会|居委会)$/u;
const MAX_BODY_LENGTH = 40;

export const signoff: ParseRule = (state) => {
  const lastIndex = lastTextIndex(state);
  const last = state.blocks[lastIndex];
  if (last === undefined || last.markdown !== undefined) return;
  const lines = last.lines.map((line) => line.text);
  if (!isDateLine(lines[lines.length - 1]!)) return;
  const bodyLine = lines.length > 1 && isIssuingBody(lines[lines.length - 2]!);
  const taken = lines.slice(bodyLine ? -2 : -1);

  if (taken.length < lines.length) {
    // A hard-wrapped last paragraph that runs on into the sign-off: cut its last line or two off.
    const suffix = taken.reduce(joinWrappedLines, '');
    if (!last.text.endsWith(suffix)) return;
    const rest = last.text.slice(0, last.text.length - suffix.length).trimEnd();
    if (!finishedProse(rest)) return;
    last.text = rest;
    last.lines = last.lines.slice(0, last.lines.length - taken.length);
    state.signoff.push(...taken);
    return;
  }

  // The date alone on its block: the issuing body may be the block before it.
  const before = previousText(state, lastIndex);
  const bodyBlock =
    !bodyLine && before !== undefined && before.lines.length === 1 && before.markdown === undefined && isIssuingBody(before.text) ? before : undefined;
  const prose = previousText(state, bodyBlock === undefined ? lastIndex : lastIndex - 1);
  if (prose === undefined || !finishedProse(prose.text)) return;
  if (bodyBlock !== undefined) {
    bodyBlock.kind = 'credit';
    state.signoff.push(bodyBlock.text);
  }
  last.kind = 'credit';
  state.signoff.push(...taken);
};

/** The last block still waiting to be classified, passing over credit lines and separators after it. */
function lastTextIndex(state: ParseState): number {
  for (let index = state.blocks.length - 1; index >= 0; index -= 1) {
    const block = state.blocks[index]!;
    if (block.kind === 'separator' || (block.kind === 'text' && isCreditLine(block.text))) continue;
    return block.kind === 'text' ? index : -1;
  }
  return -1;
}

function previousText(state: ParseState, index: number): Block | undefined {
  const block = state.blocks[index - 1];
  return block?.kind === 'text' ? block : undefined;
}

/** Ends like prose, also when a bracketed note (a source the credits rule cuts off later) follows. */
function finishedProse(text: string): boolean {
  if (!/[）)]$/.test(text)) return endsLikeProse(text);
  // Not a regular expression: searching every "（" for its "）" would be quadratic on a run of them.
  const open = Math.max(text.lastIndexOf('（'), text.lastIndexOf('('));
  return endsLikeProse(open > 0 ? text.slice(0, open) : text);
}

function isDateLine(text: string): boolean {
  return FULL_DATE.test(text.replace(/\s+/g, ''));
}

function isIssuingBody(text: string): boolean {
  return charLength(text) <= MAX_BODY_LENGTH && ISSUING_BODY.test(text.replace(/\s+/g, ''));
}
