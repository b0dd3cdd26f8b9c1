// --pdf while previewing: after each good rebuild, write the real deck (subset fonts, as `build` does)
// to dist/<name>/ and re-export slides.pdf there, in the background, with one browser kept warm for the
// whole session. Saves that arrive during an export coalesce into one more export of the latest deck.
import { join, relative } from 'node:path';
import { locateThemeError } from '../check/theme-place.ts';
import type { RenderedDeck } from '../deck/model.ts';
import { isUserError } from '../errors.ts';
import { withBrowser } from '../export/browser.ts';
import { exportSlidesPdf } from '../export/slides-pdf.ts';
import { writeDeckSite } from '../page/write-site.ts';
import type { Reporter } from '../report.ts';

export interface PdfWorker {
  schedule(deck: RenderedDeck): void;
  /** Resolves when no export is running or waiting (for tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function createPdfWorker(options: { root: string; deckFile: string; shownFile: string; outDir: string; reporter: Reporter }): PdfWorker {
  const { reporter } = options;
  let pending: RenderedDeck | undefined;
  let busy = false;
  let closed = false;
  let wake: (() => void) | undefined;
  const idleWaiters: (() => void)[] = [];
  const settle = (): void => {
    if (pending === undefined && !busy) for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const exportOne = async (browser: Parameters<Parameters<typeof withBrowser>[0]>[0], deck: RenderedDeck): Promise<void> => {
    const started = performance.now();
    try {
      const { indexHtml } = await locateThemeError(options.deckFile, options.shownFile, () =>
        writeDeckSite(deck, options.outDir, { themeName: deck.frontMatter.theme }),
      );
      const pdfPath = join(options.outDir, 'slides.pdf');
      await exportSlidesPdf(browser, indexHtml, pdfPath, { title: deck.frontMatter.title, aspect: deck.frontMatter.aspect });
      reporter.info(`已更新 ${relative(options.root, pdfPath) || pdfPath}（${((performance.now() - started) / 1000).toFixed(1)} 秒）`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reporter.diagnostic({ severity: 'warning', file: options.shownFile, message: `PDF 导出失败：${message}` });
    }
  };

  const done = withBrowser(async (browser) => {
    while (!closed) {
      const deck = pending;
      if (deck === undefined) {
        settle();
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      pending = undefined;
      busy = true;
      await exportOne(browser, deck);
      busy = false;
    }
  }).catch((error: unknown) => {
    const message = isUserError(error) ? error.message : error instanceof Error ? error.message : String(error);
    reporter.diagnostic({ severity: 'warning', message: `无法启动浏览器导出 PDF，预览不受影响：${message}` });
    closed = true;
  }).finally(() => {
    pending = undefined;
    busy = false;
    settle();
  });

  return {
    schedule(deck) {
      if (closed) return;
      pending = deck;
      wake?.();
    },
    idle() {
      if (pending === undefined && !busy) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closed = true;
      pending = undefined;
      wake?.();
      await done;
    },
  };
}
