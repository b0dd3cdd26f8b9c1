// `parse ARTICLE [--json]`: show how dangke reads an article's structure.

import { relative } from 'node:path';
import type { Article, Section } from '../article/model.ts';
import { parseArticle } from '../parse/index.ts';
import { readArticleFile } from '../read/read-article.ts';
import type { Reporter } from '../report.ts';

export async function parseCommand(options: { article: string; json: boolean; root: string }, reporter: Reporter): Promise<void> {
  const { text, format } = await readArticleFile(options.article);
  const parsed = parseArticle(text, format);
  for (const diagnostic of parsed.diagnostics) reporter.diagnostic({ ...diagnostic, file: diagnostic.file ?? (relative(options.root, options.article) || options.article) });
  reporter.out(options.json ? JSON.stringify(parsed.value, null, 2) : outline(parsed.value));
}

/** A human-readable outline: title, column, sections with paragraph counts, credits. */
export function outline(article: Article): string {
  const lines = [`标题：${article.title}`];
  if (article.subtitle) lines.push(`副题：${article.subtitle}`);
  if (article.column) lines.push(`栏目：${article.column}`);
  lines.push(`导语：${article.lead.length} 段`);
  const visit = (sections: Section[], depth: number): void => {
    for (const section of sections) {
      lines.push(`${'  '.repeat(depth)}${'#'.repeat(section.level)} ${section.heading}（${section.paragraphs.length} 段）`);
      visit(section.sections, depth + 1);
    }
  };
  visit(article.sections, 0);
  if (article.captions.length > 0) lines.push(`图片说明：${article.captions.length} 条`);
  if (article.credits.length > 0) lines.push(`署名：${article.credits.join('；')}`);
  if (article.signoff !== undefined) lines.push(`落款：${article.signoff.join('；')}`);
  return lines.join('\n');
}
