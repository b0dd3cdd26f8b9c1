// Mark rule "documents": titles in 《…》 (documents, books, newspapers): 《关于…的意见》. The drafter can
// name them on a slide, and they must never be cut in the middle when a sentence is shortened.

import type { DocumentTitleMark } from '../../article/model.ts';
import type { MarkRule } from './rule.ts';

/** Nested titles use 〈〉 inside 《》, so a 《 inside is a typo: stop there rather than swallow text. */
const DOCUMENT_TITLE = /《([^《》\n]{1,80})》/gu;

export const documents: MarkRule = (text) =>
  [...text.matchAll(DOCUMENT_TITLE)].map(
    (match): DocumentTitleMark => ({
      kind: 'document',
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
      title: match[1]!.trim(),
    }),
  );
