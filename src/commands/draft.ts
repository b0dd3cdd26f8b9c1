// `draft ARTICLE`: read and parse an article, draft a deck, write slides/<name>.md.
// The deck belongs to its editor once written: an existing file is never replaced without --force.

import { relative } from 'node:path';
import { draftDeck, type DraftOptions } from '../draft/index.ts';
import { ExitCode, UserError } from '../errors.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { pathExists } from '../fs/list.ts';
import { writeDeckMarkdown } from '../markdown/write.ts';
import { parseArticle } from '../parse/index.ts';
import { deckPathFor } from '../paths.ts';
import { readArticleFile } from '../read/read-article.ts';
import type { Reporter } from '../report.ts';

export interface DraftCommandOptions extends Omit<DraftOptions, 'source'> {
  article: string;
  output?: string;
  force?: boolean;
  root: string;
}

export async function draftCommand(options: DraftCommandOptions, reporter: Reporter): Promise<string> {
  const output = options.output ?? deckPathFor(options.article, options.root);
  if (!options.force && (await pathExists(output))) {
    throw new UserError(`${output} 已存在，未覆盖（其中可能有您修改过的内容）。`, {
      hint: '如确需重新生成，请加 --force；或用 -o 指定另一个文件。',
      exitCode: ExitCode.exists,
    });
  }
  const { text, format } = await readArticleFile(options.article);
  const parsed = parseArticle(text, format);
  const drafted = draftDeck(parsed.value, {
    ...options,
    source: relative(options.root, options.article).split('\\').join('/'),
  });
  for (const diagnostic of [...parsed.diagnostics, ...drafted.diagnostics]) {
    reporter.diagnostic({ ...diagnostic, file: diagnostic.file ?? options.article });
  }
  await writeFileAtomic(output, writeDeckMarkdown(drafted.value));
  reporter.info(`已生成 ${relative(options.root, output) || output}`);
  return output;
}

