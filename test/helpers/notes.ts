import assert from 'node:assert/strict';
import { bodyParagraphs, type Article } from '../../src/article/model.ts';

/**
 * Every sentence of the article's body is found in the notes, in order: nothing of the article is lost
 * from the lecture script. `normalise` lets callers compare text extracted from HTML or PDF.
 */
export function assertSentencesInNotes(article: Article, notes: string, normalise: (text: string) => string = (text) => text): void {
  const haystack = normalise(notes);
  let cursor = 0;
  for (const paragraph of bodyParagraphs(article)) {
    for (const sentence of paragraph.sentences) {
      const needle = normalise(sentence.text);
      const found = haystack.indexOf(needle, cursor);
      assert.ok(found >= 0, `sentence missing or out of order in the notes: ${sentence.text}`);
      cursor = found + needle.length;
    }
  }
}
