// `check [deck.md …] [--json]`: the deck linter. For each deck it runs the rules in src/check/rules
// (missing or unreadable images, unknown layouts, slides without notes, notes too long for their timing,
// characters the bundled fonts lack) plus the reader's own warnings (unknown front-matter keys, …), then
// opens every slide in Chromium at the deck's size and measures overflow. Every finding names the
// Markdown file and line. Errors make the CLI exit with 7; warnings alone do not.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { CheckDiagnostic } from '../check/context.ts';
import { fileLines, slidesInOrder } from '../check/context.ts';
import { errorPlace } from '../check/error-place.ts';
import { loadFontCoverage, type FontHas } from '../check/font-coverage.ts';
import { measureOverflow } from '../check/overflow.ts';
import type { Browser } from 'puppeteer-core';
import type { BrowserProcess } from '../export/browser-process.ts';
import { trace } from '../export/trace.ts';
import { lintDeck } from '../check/rules/index.ts';
import { locateThemeError } from '../check/theme-place.ts';
import type { SourceDeck } from '../deck/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { isUserError, UserError } from '../errors.ts';
import { describeFsError } from '../fs/atomic.ts';
import { listDeckFiles } from '../fs/list.ts';
import { readDeckMarkdown } from '../markdown/read.ts';
import { writeDeckSite } from '../page/write-site.ts';
import { SLIDES_DIR } from '../paths.ts';
import { renderDeck } from '../render/index.ts';
import { probeImage } from '../check/probe-image.ts';

export interface SlideReport {
  file: string;
  line: number;
  /** 1-based slide number as the deck shows it. */
  slide: number;
  overflow: boolean;
  overflowPx: number;
  problems: string[];
}

export interface CheckResult {
  slides: SlideReport[];
  diagnostics: CheckDiagnostic[];
}

export interface CheckOptions {
  root: string;
  decks: string[];
  /** Measure overflow in Chromium (default true); false runs only the rules that need no browser. */
  browser?: boolean;
  /** Chromium, started by the command line before anything was loaded (early-browser.ts); ended by the check. */
  startedBrowser?: BrowserProcess;
}

export async function checkCommand(options: CheckOptions): Promise<CheckResult> {
  try {
    return await checkDecks(options);
  } finally {
    // Unused when there was nothing to measure: the browser goes all the same.
    await options.startedBrowser?.dispose();
  }
}

async function checkDecks(options: CheckOptions): Promise<CheckResult> {
  const files = options.decks.length > 0 ? options.decks.map((deck) => resolve(options.root, deck)) : await listDeckFiles(options.root);
  if (files.length === 0) {
    throw new UserError(`没有可检查的幻灯片：${SLIDES_DIR}/ 中没有 .md 文件。`, { hint: '先运行 npm run build 起草幻灯片。' });
  }
  const work = await mkdtemp(join(tmpdir(), 'dangke-check-'));
  try {
    const prepared = prepareDecks(files, options, work);
    let slides: SlideReport[] = [];
    if (options.browser !== false) {
      // Chromium starts (about a second) while the decks are read, linted and written, not after.
      prepared.catch(() => undefined);
      const { withBrowser } = await import('../export/browser.ts');
      try {
        slides = await withBrowser(async (browser) => {
          trace('check: browser connected');
          const { built } = await prepared;
          trace('check: decks written');
          return measureDecks(browser, built);
        }, options.startedBrowser ? { started: options.startedBrowser } : {});
        trace('check: measured');
      } catch (error) {
        // A deck's own error explains more than the browser's; and when no deck reached the browser
        // (each failed to read or render, which the diagnostics say), its failure does not matter.
        const { built } = await prepared;
        if (built.length > 0) throw error;
      }
    }
    const { diagnostics } = await prepared;
    for (const slide of slides.filter((report) => report.overflow)) {
      diagnostics.push({
        rule: 'overflow',
        severity: 'error',
        file: slide.file,
        line: slide.line,
        slide: slide.slide,
        message: `第 ${slide.slide} 张幻灯片内容超出画面 ${slide.overflowPx}px：${slide.problems.join('；')}。请删减文字或拆成两张。`,
      });
    }
    return { slides, diagnostics: sortByPlace(diagnostics, files.map((file) => relative(options.root, file) || file)) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Lints every deck; writes the page of each that can be rendered (for the browser), under `work`. */
async function prepareDecks(
  files: string[],
  options: CheckOptions,
  work: string,
): Promise<{ built: { source: SourceDeck; indexHtml: string }[]; diagnostics: CheckDiagnostic[] }> {
  const fontHas = await loadFontCoverage();
  const built: { source: SourceDeck; indexHtml: string }[] = [];
  const diagnostics: CheckDiagnostic[] = [];
  for (const [position, file] of files.entries()) {
    const deck = await lintFile(file, relative(options.root, file) || file, fontHas);
    diagnostics.push(...deck.diagnostics);
    if (deck.source === undefined || options.browser === false) continue;
    const rendered = renderDeck(deck.source);
    diagnostics.push(...rendered.diagnostics.map((diagnostic) => tagged(diagnostic, 'render')));
    try {
      const { indexHtml } = await locateThemeError(file, deck.source.file, () =>
        writeDeckSite(rendered.value, join(work, String(position)), { themeName: rendered.value.frontMatter.theme }),
      );
      built.push({ source: deck.source, indexHtml });
    } catch (error) {
      if (!isUserError(error)) throw error;
      diagnostics.push(fromUserError(error, deck.source.file, 'theme'));
    }
  }
  return { built, diagnostics };
}

/** Every slide of every written deck, measured in one browser. */
async function measureDecks(browser: Browser, built: { source: SourceDeck; indexHtml: string }[]): Promise<SlideReport[]> {
  const slides: SlideReport[] = [];
  for (const { source, indexHtml } of built) {
    const ordered = slidesInOrder(source);
    for (const measured of await measureOverflow(browser, indexHtml)) {
      slides.push({
        file: source.file,
        line: ordered[measured.index]?.slide.line ?? 1,
        slide: measured.index + 1,
        overflow: measured.overflowPx > 0,
        overflowPx: measured.overflowPx,
        problems: measured.problems,
      });
    }
  }
  return slides;
}

/** Reads one deck and runs the rules that need no browser. A deck that cannot be read is one error. */
async function lintFile(file: string, shown: string, fontHas: FontHas): Promise<{ source?: SourceDeck; diagnostics: CheckDiagnostic[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { diagnostics: [{ rule: 'read', severity: 'error', file: shown, message: `无法读取幻灯片文件：${describeFsError(error)}` }] };
  }
  let read: ReturnType<typeof readDeckMarkdown>;
  try {
    read = readDeckMarkdown(text, shown);
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { diagnostics: [fromUserError(error, shown, 'front-matter')] };
  }
  const diagnostics: CheckDiagnostic[] = read.diagnostics.map((diagnostic) => tagged(diagnostic, 'read'));
  diagnostics.push(
    ...lintDeck({
      deck: read.value,
      file: shown,
      deckDir: dirname(file),
      slides: slidesInOrder(read.value),
      lines: fileLines(text),
      probeImage,
      fontHas,
    }),
  );
  return { source: read.value, diagnostics };
}

function tagged(diagnostic: Diagnostic, rule: string): CheckDiagnostic {
  return { ...diagnostic, rule };
}

/** A UserError whose message starts "file:line: " becomes a diagnostic at that place. */
function fromUserError(error: UserError, shown: string, rule: string): CheckDiagnostic {
  const place = errorPlace(error, shown);
  return {
    rule,
    severity: 'error',
    file: place.file,
    ...(place.line === undefined ? {} : { line: place.line }),
    message: place.hint ? `${place.message}（${place.hint}）` : place.message,
  };
}

/** Decks in the order given, each deck's findings by line (a stable sort keeps the rules' order on a line). */
function sortByPlace(diagnostics: CheckDiagnostic[], files: string[]): CheckDiagnostic[] {
  const order = (file: string | undefined): number => (file === undefined ? -1 : files.indexOf(file));
  return [...diagnostics].sort((a, b) => order(a.file) - order(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

