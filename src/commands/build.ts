// `build [deck.md …]`: draft decks for articles that have none, then turn every deck into
// dist/<name>/ (index.html and assets) and, unless --no-pdf, slides.pdf. One browser serves all exports.

import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describeFsError } from '../fs/atomic.ts';
import { ExitCode, UserError } from '../errors.ts';
import { withBrowser } from '../export/browser.ts';
import { exportSlidesPdf } from '../export/slides-pdf.ts';
import { readDeckMarkdown } from '../markdown/read.ts';
import { writeDeckSite } from '../page/write-site.ts';
import { listDeckFiles, listFiles, pathExists } from '../fs/list.ts';
import { ARTICLES_DIR, ARTICLE_EXTENSIONS, DIST_DIR, SLIDES_DIR, deckName, deckPathFor } from '../paths.ts';
import { renderDeck } from '../render/index.ts';
import type { Reporter } from '../report.ts';
import type { RenderedDeck } from '../deck/model.ts';
import { draftCommand } from './draft.ts';

export interface BuildOptions {
  root: string;
  /** Decks to build; empty means every deck in slides/ after drafting missing ones. */
  decks: string[];
  outDir?: string;
  pdf: boolean;
}

export interface BuiltDeck {
  name: string;
  dir: string;
  indexHtml: string;
  slidesPdf?: string;
  slideCount: number;
}

export async function buildCommand(options: BuildOptions, reporter: Reporter): Promise<BuiltDeck[]> {
  const outRoot = options.outDir ?? join(options.root, DIST_DIR);
  const deckFiles = options.decks.length > 0 ? options.decks : await draftMissingAndListDecks(options.root, reporter);
  if (deckFiles.length === 0) {
    throw new UserError(`没有可构建的幻灯片：${SLIDES_DIR}/ 中没有 .md 文件，${ARTICLES_DIR}/ 中也没有文章。`, {
      hint: `把文章（.txt、.md 或 .docx）放进 ${ARTICLES_DIR}/ 后再运行 npm run build。`,
      exitCode: ExitCode.input,
    });
  }

  const rendered: { file: string; deck: RenderedDeck; built: BuiltDeck }[] = [];
  for (const file of deckFiles) {
    const deck = await renderDeckFile(file, options.root, reporter);
    const dir = join(outRoot, deckName(file));
    const { indexHtml } = await writeDeckSite(deck, dir, { themeName: deck.frontMatter.theme });
    const built: BuiltDeck = { name: deckName(file), dir, indexHtml, slideCount: deck.slideCount };
    rendered.push({ file, deck, built });
    reporter.info(`${relative(options.root, file)} → ${relative(options.root, indexHtml)}（${deck.slideCount} 张）`);
  }

  if (options.pdf) {
    await withBrowser(async (browser) => {
      for (const { deck, built } of rendered) {
        const pdfPath = join(built.dir, 'slides.pdf');
        await exportSlidesPdf(browser, built.indexHtml, pdfPath, {
          title: deck.frontMatter.title,
          aspect: deck.frontMatter.aspect,
        });
        built.slidesPdf = pdfPath;
        reporter.info(`  → ${relative(options.root, pdfPath)}`);
      }
    });
  }
  return rendered.map(({ built }) => built);
}

async function renderDeckFile(file: string, root: string, reporter: Reporter): Promise<RenderedDeck> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`无法读取幻灯片文件 ${file}：${describeFsError(error)}`, {
      hint: '请检查文件路径是否正确。',
      exitCode: ExitCode.input,
    });
  }
  const shownName = relative(root, file) || file;
  const source = readDeckMarkdown(text, shownName);
  const rendered = renderDeck(source.value);
  for (const diagnostic of [...source.diagnostics, ...rendered.diagnostics]) reporter.diagnostic(diagnostic);
  return rendered.value;
}

/** Drafts slides/<name>.md for each article without one (never touching existing decks), then lists all decks. */
async function draftMissingAndListDecks(root: string, reporter: Reporter): Promise<string[]> {
  for (const article of await listFiles(join(root, ARTICLES_DIR), (name) => ARTICLE_EXTENSIONS.some((ext) => name.endsWith(ext)))) {
    if (!(await pathExists(deckPathFor(article, root)))) await draftCommand({ article, root }, reporter);
  }
  return listDeckFiles(root);
}

