// `build [deck.md …]`: draft decks for articles that have none, then turn every deck into
// dist/<name>/ (index.html and assets, script.md) plus the formats asked for (src/commands/formats.ts):
// the single file, script.docx, and, unless --no-pdf, slides.pdf and handout.pdf (and the slide pictures).
// One browser serves all exports; it starts while the first deck's page is still being written.
// script.docx needs no browser: in a build with one it is written while the browser prints the deck.

import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileLines } from '../check/context.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { copyDeckImages } from '../page/deck-images.ts';
import { writeSingleFile } from '../page/single-file.ts';
import { describeFsError } from '../fs/atomic.ts';
import { ExitCode, UserError } from '../errors.ts';
import type { ExportedDeck } from '../export/export-deck.ts';
import { writeLectureScript } from '../script/write-script.ts';
import { DEFAULT_HANDOUT_PER_PAGE, parseHandoutPerPage, type HandoutPerPage } from '../export/handout-layout.ts';
import type { Progress } from '../export/progress.ts';
import type { BrowserProcess } from '../export/browser-process.ts';
import { protocolTimeoutForDecks } from '../export/timeouts.ts';
import { trace } from '../export/trace.ts';
import { readDeckMarkdown } from '../markdown/read.ts';
import { writeDeckSite } from '../page/write-site.ts';
import { listDeckFiles, listFiles, pathExists } from '../fs/list.ts';
import { ARTICLES_DIR, ARTICLE_EXTENSIONS, DIST_DIR, SLIDES_DIR, deckName, deckPathFor } from '../paths.ts';
import { renderDeck } from '../render/index.ts';
import type { Reporter } from '../report.ts';
import type { RenderedDeck, SourceDeck } from '../deck/model.ts';
import { draftCommand } from './draft.ts';
import { DEFAULT_FORMATS, needsBrowser, withoutBrowser, type OutputFormat } from './formats.ts';
import { withFolderLock } from '../fs/lock.ts';
import { IMAGES_DIR, OVERVIEW_PNG, type SlideImages } from '../export/slide-images.ts';
import { locateThemeError } from '../check/theme-place.ts';

export interface BuildOptions {
  root: string;
  /** Decks to build; empty means every deck in slides/ after drafting missing ones. */
  decks: string[];
  outDir?: string;
  pdf: boolean;
  /** Slides per handout page from `--handout`; overrides the front matter's `handout:` (default 2). */
  handout?: HandoutPerPage;
  /** A progress line on a terminal (see src/export/progress.ts); nothing when absent. */
  progress?: Progress;
  /** What to write besides index.html and script.md (default html, pdf, pptx, docx); `pdf: false` drops the browser's. */
  formats?: ReadonlySet<OutputFormat>;
  /** Chromium, started by the command line before anything was loaded (early-browser.ts); ended by the build. */
  startedBrowser?: BrowserProcess;
}

export interface BuiltDeck {
  name: string;
  dir: string;
  indexHtml: string;
  slidesPdf?: string;
  handoutPdf?: string;
  /** dist/<name>/<name>.pptx, when written. */
  pptx?: string;
  /** dist/<name>/<name>.html: the whole deck in one file, for a USB stick (format html). */
  singleHtml?: string;
  scriptMd: string;
  /** dist/<name>/script.docx (format docx). */
  scriptDocx?: string;
  /** images/001.png …, overview.png, <name>-long.png (format images). */
  images?: SlideImages;
  slideCount: number;
}

export async function buildCommand(options: BuildOptions, reporter: Reporter): Promise<BuiltDeck[]> {
  const outRoot = options.outDir ?? join(options.root, DIST_DIR);
  // Two builds into one output folder take turns, so neither prunes or half-overwrites what the other wrote.
  try {
    return await withFolderLock(outRoot, () => buildInto(outRoot, options, reporter), {
      onWait: () => reporter.info(`另一个构建正在写入 ${relative(options.root, outRoot) || outRoot}，等它完成……`),
    });
  } finally {
    // Unused when the build failed before printing (or printed nothing): the browser goes all the same.
    await options.startedBrowser?.dispose();
  }
}

async function buildInto(outRoot: string, options: BuildOptions, reporter: Reporter): Promise<BuiltDeck[]> {
  const deckFiles = options.decks.length > 0 ? options.decks : await draftMissingAndListDecks(options.root, reporter);
  if (deckFiles.length === 0) {
    throw new UserError(`没有可构建的幻灯片：${SLIDES_DIR}/ 中没有 .md 文件，${ARTICLES_DIR}/ 中也没有文章。`, {
      hint: `把文章（.txt、.md 或 .docx）放进 ${ARTICLES_DIR}/ 后再运行 npm run build。`,
      exitCode: ExitCode.input,
    });
  }

  const progress = options.progress;
  const formats = options.pdf ? (options.formats ?? DEFAULT_FORMATS) : withoutBrowser(options.formats ?? DEFAULT_FORMATS);
  const usesBrowser = needsBrowser(formats);
  // The browser driver and the PDF library load only for a build that prints; asked for before the pages
  // are written so that loading them overlaps the writing. The driver is awaited alone so that Chromium
  // starts as soon as it is there; the PDF code finishes loading while Chromium starts.
  const loadingBrowser = usesBrowser ? import('../export/browser.ts') : undefined;
  const loadingExport = usesBrowser ? import('../export/export-deck.ts') : undefined;
  loadingBrowser?.catch(() => undefined);
  loadingExport?.catch(() => undefined);
  // Pages are written one deck after another while the browser starts; each export waits for its own deck.
  // Without a browser, script.docx is written with the page; with one, while the browser prints.
  const sites = writeSites(deckFiles, outRoot, options.root, reporter, progress, { singleFile: formats.has('html'), docx: formats.has('docx') && !usesBrowser });
  if (loadingBrowser === undefined || loadingExport === undefined) {
    const decks = await sites;
    progress?.clear();
    return decks.map(({ built }) => built);
  }
  // If the browser cannot start, the pages are still written; their errors come first.
  sites.catch(() => undefined);
  const { withBrowser } = await loadingBrowser;
  // A big deck's calls to the browser take longer; puppeteer fixes their timeout when it starts the browser.
  const deckBytes = Math.max(0, ...(await Promise.all(deckFiles.map((file) => stat(file).then((info) => info.size, () => 0)))));
  // Exports only write whole files (write, then rename), so after a browser crash the work can start over once.
  // The browser is closed as soon as the last deck is printed: handouts are composed while it shuts down.
  const printed = await withBrowser(async (browser) => {
    const { printDeck } = await loadingExport;
    trace('build: browser connected');
    const decks = await sites;
    trace('build: pages written');
    const finishing: Promise<ExportedDeck>[] = [];
    const documents: Promise<void>[] = [];
    for (const { deck, source, built, lines } of decks) {
      if (formats.has('docx')) {
        // Node's share of the build while Chromium loads and prints this deck; awaited with the handouts.
        const written = writeScriptDocx(source, built.dir).then((path) => {
          built.scriptDocx = path;
        });
        written.catch(() => undefined);
        documents.push(written);
      }
      const handout = handoutPerPage(options.handout, source);
      const deckPrinted = await printDeck(browser, deck, source, built.dir, {
        handout,
        indexHtml: built.indexHtml,
        writeScript: false,
        pptx: formats.has('pptx'),
        sourceLines: lines,
        images: formats.has('images'),
        name: built.name,
        onProgress: (step, state) => {
          if (state === 'start') progress?.update(`${built.name}：${step === 'images' ? '图片' : step}`);
        },
      });
      // Composed while the next deck prints; observed at once so a failure there is never unhandled.
      const finished = deckPrinted.finish();
      finished.catch(() => undefined);
      finishing.push(finished);
    }
    return { decks, finishing, documents };
  }, { retryOnCrash: true, protocolTimeoutMs: protocolTimeoutForDecks(deckBytes), ...(options.startedBrowser ? { started: options.startedBrowser } : {}) }).catch(async (error: unknown) => {
    await sites; // a deck's own error explains more than the browser's
    throw error;
  });
  const exports = await Promise.all(printed.finishing);
  await Promise.all(printed.documents);
  progress?.clear();
  printed.decks.forEach(({ source, built }, index) => {
    const exported = exports[index]!;
    for (const diagnostic of [...exported.diagnostics, ...fitDiagnostics(source, exported.fits)]) reporter.diagnostic(diagnostic);
    built.slidesPdf = exported.slidesPdf;
    built.handoutPdf = exported.handoutPdf;
    if (exported.pptx) built.pptx = exported.pptx;
    if (exported.images) built.images = exported.images;
    reporter.info(
      `  → ${relative(options.root, exported.slidesPdf)}（${exported.pages.slides} 页）、` +
        `handout.pdf（${exported.pages.handout} 页，每页 ${exported.handoutPerPage} 张）、script.md${built.scriptDocx === undefined ? '' : '、script.docx'}` +
        (exported.pptx ? `、${basename(exported.pptx)}` : ''),
    );
    if (exported.images) {
      const { slides, long } = exported.images;
      reporter.info(`  → ${IMAGES_DIR}/（${slides.length} 张图片）、${OVERVIEW_PNG}、${long.map((path) => basename(path)).join('、')}${long.length > 1 ? `（幻灯片较多，长图分成 ${long.length} 张）` : ''}`);
    }
  });
  return printed.decks.map((entry) => entry.built);
}

interface SiteEntry {
  deck: RenderedDeck;
  source: SourceDeck;
  built: BuiltDeck;
  /** The deck file's lines (warnings name them). */
  lines: string[];
}

interface SiteOutputs {
  /** dist/<name>/<name>.html. */
  singleFile: boolean;
  /** script.docx with the page (builds without a browser). */
  docx: boolean;
}

async function writeSites(deckFiles: string[], outRoot: string, root: string, reporter: Reporter, progress: Progress | undefined, outputs: SiteOutputs): Promise<SiteEntry[]> {
  const entries: SiteEntry[] = [];
  for (const file of deckFiles) {
    const name = deckName(file);
    progress?.update(`${name}：index.html`);
    const { deck, source, text } = await renderDeckFile(file, root, reporter);
    const dir = join(outRoot, name);
    // An unknown theme is reported at the deck's `theme:` line, not just by name.
    const { indexHtml, assets } = await locateThemeError(file, relative(root, file) || file, () => writeDeckSite(deck, dir, { themeName: deck.frontMatter.theme }));
    const lines = fileLines(text);
    await copyDeckImages(source, lines, dirname(file), dir);
    const single = outputs.singleFile ? await writeSingleFile(deck, join(dir, `${name}.html`), { assets, assetsBaseDir: dirname(file) }) : undefined;
    const scriptMd = await writeLectureScript(source, dir);
    const scriptDocx = outputs.docx ? await writeScriptDocx(source, dir) : undefined;
    entries.push({
      deck,
      source,
      lines,
      built: { name, dir, indexHtml, scriptMd, slideCount: deck.slideCount, ...(single ? { singleHtml: single.file } : {}), ...(scriptDocx ? { scriptDocx } : {}) },
    });
    progress?.clear();
    const written = [
      `${relative(root, indexHtml)}（${deck.slideCount} 张）`,
      ...(single ? [`${name}.html（单文件，${Math.round(single.bytes / 1024)} KB）`] : []),
      ...(scriptDocx ? ['script.md、script.docx'] : []),
    ];
    reporter.info(`${relative(root, file)} → ${written.join('、')}`);
  }
  return entries;
}

/**
 * Slides the deck's fit had to shrink are worth a line; slides that overflow even at the floor scale are
 * warnings at the slide's Markdown line, so the editor knows where to cut.
 */
function fitDiagnostics(source: SourceDeck, fits: readonly { scale: number; overflowPx: number }[]): Diagnostic[] {
  const lines = source.slides.flatMap((slide) => [slide, ...slide.vertical]).map((slide) => slide.line);
  return fits.flatMap((fit, index): Diagnostic[] => {
    const percent = Math.round(fit.scale * 100);
    if (fit.overflowPx > 0) {
      return [{ severity: 'warning', file: source.file, line: lines[index] ?? 1, message: `第 ${index + 1} 张幻灯片缩小到 ${percent}% 仍超出画面 ${Math.round(fit.overflowPx)}px，请删减文字或拆成两张。` }];
    }
    if (fit.scale < 1) {
      return [{ severity: 'info', file: source.file, line: lines[index] ?? 1, message: `第 ${index + 1} 张幻灯片内容较多，已缩小到 ${percent}% 以适应画面。` }];
    }
    return [];
  });
}

/** `--handout` first, then the deck's `handout:` (a bad value there is the author's to fix), else 2. */
function handoutPerPage(fromCli: HandoutPerPage | undefined, source: SourceDeck): HandoutPerPage {
  if (fromCli !== undefined) return fromCli;
  const value = source.frontMatter['handout'];
  if (value === undefined || value === null) return DEFAULT_HANDOUT_PER_PAGE;
  const parsed = parseHandoutPerPage(value);
  if (parsed === undefined) {
    throw new UserError(`${source.file}：front matter 中 handout: ${JSON.stringify(value)} 无效。`, {
      hint: 'handout: 取 1、2 或 3（讲义每页的幻灯片张数）。',
      exitCode: ExitCode.input,
    });
  }
  return parsed;
}

async function renderDeckFile(file: string, root: string, reporter: Reporter): Promise<{ deck: RenderedDeck; source: SourceDeck; text: string }> {
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
  return { deck: rendered.value, source: source.value, text };
}

/** Drafts slides/<name>.md for each article without one (never touching existing decks), then lists all decks. */
async function draftMissingAndListDecks(root: string, reporter: Reporter): Promise<string[]> {
  for (const article of await listFiles(join(root, ARTICLES_DIR), (name) => ARTICLE_EXTENSIONS.some((ext) => name.endsWith(ext)))) {
    if (!(await pathExists(deckPathFor(article, root)))) await draftCommand({ article, root }, reporter);
  }
  return listDeckFiles(root);
}

/** script.docx; the Word library loads only for a build that writes one. */
async function writeScriptDocx(source: SourceDeck, dir: string): Promise<string> {
  const { writeScriptDocx: write } = await import('../office/docx/write-script-docx.ts');
  return write(source, dir);
}
