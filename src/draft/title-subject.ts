// The subject a slide title can do without. Reports and lectures open their points with who did it: "一些地方还
// 把主题党日搬到了项目一线和科研院所", "我和大家一起学习党的作风建设的历史". On a slide the subject is either the
// speaker (a title never says "我") or an unnamed many (一些地方, 不少高校) that says nothing the slide needs;
// what they do is the point: "把主题党日搬到了项目一线和科研院所", "学习党的作风建设的历史".
// Only these two kinds of subject are dropped, never a named one (青山市委…, 习近平总书记…): a named subject
// is part of the point.

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The speaker, alone or with the audience: 我, 我们, 我和大家, 我同大家; not 我们党, 我国, 我县 (ours, not the speaker). */
const SPEAKER = /^(我们|咱们|我)((和|同|与|跟)(大家|同志们|各位同志|各位))?(?![党国省市县区乡镇村军校院所厂局部委办司])/u;
/** An unnamed many: 一些地方, 不少高校, 许多基层党组织, 有的支部, 各地. The noun after it is 1–6 characters. */
const MANY = /^(大多数|一些|不少|许多|很多|部分|多数|有的|有些|各个|每个|众多|各)/u;
const MAX_NOUN = 6;
/**
 * Adverbs between the subject and its verb (一些地方还…, 我和大家一起…), dropped with the subject. Longest first:
 * the alternation takes the first that matches.
 */
const ADVERB = /^(进一步|已经|正在|先后|纷纷|相继|陆续|普遍|一起|共同|一道|再次|率先|主动|积极|专门|不断|始终|一直|还|也|都|均|已|正|又|更)/u;
/** A disposal marker opens the predicate right after the subject (一些地方把…): the subject ends before it. */
const DISPOSAL = /^(把|将)/u;
/**
 * What the speaker does in a lecture (我和大家一起学习…, 我们坚持…): after 我/我们 these open the predicate. Any other
 * word may still be the subject's (我们共产党人…, 我们支部…, 我们的…), so the subject is kept.
 */
const SPEAKER_VERB = /^(学习|重温|回顾|谈谈|谈|讲讲|讲|交流|分享|汇报|探讨|围绕|坚持|牢记|践行|弘扬|传承|走进|来到|要|必须|应当|一定要)/u;

/**
 * The clause without the speaker or an unnamed many as its subject, and the adverbs after it; undefined when
 * it has no such subject, or dropping it would cut inside a word.
 */
export function withoutSubject(clause: string): string | undefined {
  const speaker = SPEAKER.exec(clause);
  if (speaker !== null) return predicateAfter(clause, speaker[0].length, wordBoundaries(clause), SPEAKER_VERB);
  const many = MANY.exec(clause);
  // Most clauses have neither subject: they are not segmented (Intl.Segmenter is the costly part).
  if (many === null) return undefined;
  const boundaries = wordBoundaries(clause);
  // The noun is as short as lets an adverb or 把/将 follow it at a word boundary: 一些|地方|还…
  for (let end = many[0].length + 1; end <= many[0].length + MAX_NOUN && end < clause.length; end += 1) {
    if (!boundaries.has(end)) continue;
    const predicate = predicateAfter(clause, end, boundaries, DISPOSAL);
    if (predicate !== undefined) return predicate;
  }
  return undefined;
}

/**
 * The text after the subject that ends at `start` and the adverbs after it. Where the subject ends is a guess
 * (it may go on: 一些地方党委…, 我们支部…), so an adverb must follow it, or a word that `opener` knows opens a
 * predicate.
 */
function predicateAfter(clause: string, start: number, boundaries: { has(offset: number): boolean }, opener: RegExp): string | undefined {
  let at = start;
  for (let adverb = ADVERB.exec(clause.slice(at)); adverb !== null; adverb = ADVERB.exec(clause.slice(at))) at += adverb[0].length;
  const rest = clause.slice(at);
  if (rest.length === 0 || (at === start && !opener.test(rest))) return undefined;
  // The segmenter joins a one-character adverb to 把 (还把): a boundary after the 把 also shows the adverb ended.
  const onBoundary = boundaries.has(at) || (DISPOSAL.test(rest) && boundaries.has(at + 1));
  return onBoundary ? rest : undefined;
}

/**
 * Whether Intl.Segmenter starts a word at an offset of the text. The text is segmented only as far as asked
 * (the subject and its adverbs lie in its opening characters): segmenting is the costly part of drafting.
 */
function wordBoundaries(text: string): { has(offset: number): boolean } {
  const segments = segmenter.segment(text)[Symbol.iterator]();
  const starts = new Set<number>([text.length]);
  let reached = -1;
  return {
    has(offset: number): boolean {
      while (reached < offset) {
        const next = segments.next();
        if (next.done === true) break;
        reached = next.value.index;
        starts.add(reached);
      }
      return starts.has(offset);
    },
  };
}

/** The clause speaks as the speaker (我…, 我们…, 我和大家…): a title never does when it can do without. */
export function speaksAsSpeaker(clause: string): boolean {
  return SPEAKER.test(clause);
}
