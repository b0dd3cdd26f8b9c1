// What the drafter writes into the front matter for the lecturer to replace ("speaker: 主讲人",
// "organization: 党支部"): a role, not a name. Outputs filed as records (script.md, the handout's header,
// a PDF's author) must not print it as if it were someone's name.

/** Front-matter values that stand for "to be filled in", by key. src/draft/index.ts writes the first of each. */
const PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  speaker: ['主讲人', '讲课人', '报告人', '姓名', '某某', 'XXX', 'xxx', '×××'],
  organization: ['党支部', '党组织', '单位', '某党支部', 'XX党支部', '×××党支部'],
  date: ['日期', 'XXXX年XX月XX日', '××××年××月××日'],
};

/** True when `value` of front-matter `key` is a placeholder the lecturer has not replaced yet. */
export function isPlaceholder(key: string, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return PLACEHOLDERS[key]?.includes(value.trim()) === true;
}

/** The front matter's `key` as text, or undefined when it is missing, blank or still a placeholder. */
export function filledIn(frontMatter: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = frontMatter[key];
  if (typeof value !== 'string' || value.trim() === '' || isPlaceholder(key, value)) return undefined;
  return value.trim();
}
