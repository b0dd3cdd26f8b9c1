// reveal.js's print view (?print-pdf) lays out one .pdf-page per slide and then fires "pdf-ready".
// We record that event from before the page's own scripts run (the event can fire before we could
// attach a listener after load), then wait for it and for the fonts: never for a fixed pause.
//
// Animation frames are paced by timers in the page we print. reveal's print layout waits for three frames
// (to let layout settle; it measures synchronously anyway), but headless Chromium gives a tab no frames
// at all while another tab is in front of it, and the print view's page opens in the background on
// purpose (withGuardedPage in browser.ts: no painting for a screen nobody sees). Without timers it would
// wait for ever. The page is never shown, so a frame there means nothing but "later".
import type { Page } from 'puppeteer-core';
import { ExitCode, UserError } from '../errors.ts';

const READY_FLAG = '__dangkePdfReady';

/** Call before loading the print view: records pdf-ready and paces animation frames by timers. */
export async function preparePrintView(page: Page): Promise<void> {
  await page.evaluateOnNewDocument((flag: string) => {
    // The event bubbles from reveal's root element up to window; capture it there.
    window.addEventListener('pdf-ready', () => {
      (window as unknown as Record<string, boolean>)[flag] = true;
    }, true);
    window.requestAnimationFrame = (callback: FrameRequestCallback): number => window.setTimeout(() => callback(performance.now()), 0);
    window.cancelAnimationFrame = (handle: number): void => window.clearTimeout(handle);
  }, READY_FLAG);
}

export async function waitForPrintReady(page: Page, timeoutMs: number, pageErrors: readonly string[]): Promise<void> {
  try {
    await page.waitForFunction((flag: string) => (window as unknown as Record<string, boolean>)[flag] === true, {
      timeout: timeoutMs,
      // Woken by the fit's marks on every slide, which follow pdf-ready at once (not by frames: see above).
      polling: 'mutation',
    }, READY_FLAG);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
  } catch (error) {
    const errors = pageErrors.length > 0 ? `页面中的错误：${pageErrors.join(' | ')}` : '';
    throw new UserError(`幻灯片的打印排版在 ${timeoutMs / 1000} 秒内没有完成。${errors}`, {
      hint: '在浏览器中打开 index.html 并在地址后加上 ?print-pdf，看看哪里出了问题。',
      exitCode: ExitCode.browser,
      cause: error,
    });
  }
}
