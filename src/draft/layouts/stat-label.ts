// The label under a figure on a numbers slide must read as a noun phrase: "50多名 党员", not "50多名 党员发展到".
// The parser's label is the Han run after the measure word, cut at common stop words; here it is cut again
// at the first word (ICU's dictionary, via Intl.Segmenter) that starts a predicate, and refused when what
// is left still ends in a word that wants an object.

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words that begin what is said about the counted thing, not the thing itself. */
const PREDICATE_WORDS = new Set([
  '到', '至', '为', '向', '从', '由', '对', '给', '让', '使', '把', '被', '已', '已经', '共', '均', '都', '也', '还', '又', '仍',
  '发展', '增长', '增加', '增至', '提高', '达', '达到', '超过', '突破', '选派', '累计', '扩大', '减少', '下降', '上升', '变为',
  '成为', '实现', '完成', '参与', '参加', '走', '来', '去', '在', '是', '有', '的', '了', '着',
]);

/** The noun phrase of a figure's label, or undefined when none is left. */
export function nounPhraseLabel(label: string): string | undefined {
  let kept = '';
  for (const { segment } of segmenter.segment(label)) {
    if (PREDICATE_WORDS.has(segment)) break;
    kept += segment;
  }
  return [...kept].length >= 2 ? kept : undefined;
}
