// The title of a lead slide whose text offers none. An article's lead has no heading of its own; the words
// that stand over it are the article's title, which names what the lead introduces. A lecturer titles such a
// slide with the article's title, without the words that only say what kind of text it is (辅导提纲, 整理稿).
// "导语" is what an editor calls the lead, not what it says: the last resort, used at most once in a deck
// (slide-titles.ts).

import { titleFrom } from './short-title.ts';

/** The placeholder title of a lead slide when the article's title gives none either. */
export const LEAD_TITLE = '导语';

/**
 * Words at the end of a headline that say what kind of text it is (…党课整理稿, …辅导提纲, …讲话全文), not what it
 * is about. A report's 工作总结 or a rule's 实施细则 is kept: without it the headline names only who wrote it.
 */
const GENRE = /(（全文）|全文|辅导提纲|学习提纲|宣讲提纲|提纲|整理稿|讲稿|发言稿|讲话稿|文字稿|实录)$/u;

/** The title for the lead's slides when their own text offers none: the article's title, shortened, or 导语. */
export function leadTitle(articleTitle: string): string {
  const whole = articleTitle.trim();
  const topic = whole.replace(GENRE, '').trim();
  for (const candidate of topic === whole ? [whole] : [topic, whole]) {
    const title = titleFrom(candidate);
    if (title !== undefined) return title;
  }
  return LEAD_TITLE;
}
