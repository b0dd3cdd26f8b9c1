// The parse stage: article text -> Article. Pure, and total: any string gives an Article (possibly empty)
// plus diagnostics; it never throws. Problems a person should look at come back as diagnostics.

import type { Article } from '../article/model.ts';
import type { Result } from '../diagnostics.ts';
import { ok } from '../diagnostics.ts';
import { assembleArticle } from './assemble.ts';
import { PARSE_RULES } from './pipeline.ts';
import { createState, type SourceFormat } from './state.ts';

export { splitSentences } from './rules/sentences.ts';
export { PARSE_RULES } from './pipeline.ts';

export function parseArticle(text: string, format: SourceFormat = 'txt'): Result<Article> {
  const state = createState(typeof text === 'string' ? text : '', format);
  for (const { rule } of PARSE_RULES) rule(state);
  const article = assembleArticle(state);
  return ok(article, state.diagnostics);
}
