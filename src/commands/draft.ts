// `draft ARTICLE`: read and parse an article, draft a deck, write slides/<name>.md.
// The deck belongs to its editor once written. The drafter records a fingerprint of what it wrote in the
// front matter, so running it again can tell an untouched draft (regenerated in place) from an edited
// deck (left alone: the new draft goes to slides/<name>.draft.md beside it). --force overwrites an edited
// deck, but keeps a copy in slides/.backup/ first.

import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { draftDeck, type DraftOptions } from '../draft/index.ts';
import { placePictures } from './article-pictures.ts';
import { ExitCode, UserError } from '../errors.ts';
import { describeFsError, writeFileAtomic } from '../fs/atomic.ts';
import { pathExists } from '../fs/list.ts';
import { isUntouchedDraft, withFingerprint, writeDeckMarkdown } from '../markdown/write.ts';
import { parseArticle } from '../parse/index.ts';
import { deckPathFor } from '../paths.ts';
import { readArticleFile } from '../read/read-article.ts';
import type { Reporter } from '../report.ts';

export interface DraftCommandOptions extends Omit<DraftOptions, 'source'> {
  article: string;
  output?: string;
  force?: boolean;
  root: string;
  /** The time stamp in a backup's name; tests pass a fixed one. */
  now?: Date;
}

/** Where the drafter wrote, and what it did about a deck that was already there. */
export interface DraftResult {
  /** The file written: the deck, or the candidate beside an edited deck. */
  written: string;
  outcome: 'created' | 'regenerated' | 'candidate' | 'overwritten';
  /** The copy of the edited deck kept before --force overwrote it. */
  backup?: string;
}

/** Folder (inside the deck's folder) where --force keeps the decks it overwrites. */
export const BACKUP_DIR = '.backup';

export async function draftCommand(options: DraftCommandOptions, reporter: Reporter): Promise<DraftResult> {
  const output = options.output ?? deckPathFor(options.article, options.root);
  const shown = (path: string): string => relative(options.root, path) || path;

  // Read the article first: a bad article fails before any file is touched.
  const { text, format, images } = await readArticleFile(options.article);
  const parsed = parseArticle(text, format);
  const articleFile = relative(options.root, options.article) || options.article;
  const pictures = await placePictures(parsed.value.figures ?? [], images ?? [], options.article, articleFile, output);
  const drafted = draftDeck(parsed.value, {
    ...options,
    source: relative(options.root, options.article).split('\\').join('/'),
    pictures: pictures.sources,
  });
  for (const diagnostic of [...parsed.diagnostics, ...pictures.diagnostics, ...drafted.diagnostics]) {
    reporter.diagnostic({ ...diagnostic, file: diagnostic.file ?? (relative(options.root, options.article) || options.article) });
  }
  const markdown = withFingerprint(writeDeckMarkdown(drafted.value));

  const existing = await readExisting(output);
  if (existing === undefined) {
    await writeFileAtomic(output, markdown);
    reporter.info(`已生成 ${shown(output)}`);
    return { written: output, outcome: 'created' };
  }
  if (isUntouchedDraft(existing)) {
    await writeFileAtomic(output, markdown);
    reporter.info(`${shown(output)} 自起草后未被修改，已按文章重新生成。`);
    return { written: output, outcome: 'regenerated' };
  }
  if (options.force) {
    const backup = await keepBackup(output, options.now ?? new Date());
    await writeFileAtomic(output, markdown);
    reporter.info(`已用新草稿覆盖 ${shown(output)}；覆盖前的内容保存在 ${shown(backup)}。`);
    return { written: output, outcome: 'overwritten', backup };
  }
  const candidate = candidatePath(output);
  await writeFileAtomic(candidate, markdown);
  reporter.diagnostic({
    severity: 'warning',
    file: shown(output),
    message:
      `这套幻灯片在起草后已被修改，未覆盖。新的草稿写在 ${shown(candidate)}，可对照后把需要的内容复制过去；` +
      '如确要用新草稿替换，请加 --force（原文件会先备份）。',
  });
  return { written: candidate, outcome: 'candidate' };
}

/** slides/<name>.md -> slides/<name>.draft.md (listDeckFiles never builds these). */
export function candidatePath(deck: string): string {
  return join(dirname(deck), `${basename(deck, extname(deck))}.draft.md`);
}

/** slides/.backup/<name>-20261127-153000.md; a second backup in the same second gets -2, -3, … */
export async function keepBackup(deck: string, now: Date): Promise<string> {
  const dir = join(dirname(deck), BACKUP_DIR);
  const stamp = timestamp(now);
  const name = basename(deck, extname(deck));
  let backup = join(dir, `${name}-${stamp}.md`);
  for (let attempt = 2; await pathExists(backup); attempt += 1) backup = join(dir, `${name}-${stamp}-${attempt}.md`);
  try {
    await mkdir(dir, { recursive: true });
    await copyFile(deck, backup);
  } catch (error) {
    throw new UserError(`无法备份 ${deck} 到 ${backup}：${describeFsError(error)}；未覆盖原文件。`, {
      hint: '请检查磁盘空间和该目录的写入权限。',
      exitCode: ExitCode.output,
      cause: error,
    });
  }
  return backup;
}

function timestamp(date: Date): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-` +
    `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`
  );
}

/** The deck's current text, or undefined when there is no deck yet. */
async function readExisting(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`无法读取 ${path}：${describeFsError(error)}；未写入新草稿。`, {
      hint: '请检查文件权限；或用 -o 指定另一个文件。',
      exitCode: ExitCode.input,
      cause: error,
    });
  }
}
