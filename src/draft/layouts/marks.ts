import type { Mark, Sentence } from '../../article/model.ts';

/** Marks of one kind from a run of sentences, with the sentence each came from. */
export function marksOf<K extends Mark['kind']>(
  sentences: readonly Sentence[],
  kind: K,
): { mark: Extract<Mark, { kind: K }>; sentence: Sentence }[] {
  return sentences.flatMap((sentence) =>
    (sentence.marks ?? [])
      .filter((mark): mark is Extract<Mark, { kind: K }> => mark.kind === kind)
      .map((mark) => ({ mark, sentence })),
  );
}
