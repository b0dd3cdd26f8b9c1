// reveal.js's print view (?print-pdf) lays out one .pdf-page per slide and then fires "pdf-ready".
// We record that event from before the page's own scripts run (the event can fire before we could
// attach a listener after load), then wait for it and for the fonts: never for a fixed pause.
import type { Page } from 'puppeteer-core';
import { ExitCode, UserError } from '../errors.ts';

const READY_FLAG = '__dangkePdfReady';

export async function recordPdfReady(page: Page): Promise<void> {
  await page.evaluateOnNewDocument((flag: string) => {
    // The event bubbles from reveal's root element up to window; capture it there.
    window.addEventListener('pdf-ready', () => {
      (window as unknown as Record<string, boolean>)[flag] = true;
    }, true);
  }, READY_FLAG);
}

export async function waitForPrintReady(page: Page, timeoutMs: number, pageErrors: readonly string[]): Promise<void> {
  try {
    await page.waitForFunction((flag: string) => (window as unknown as Record<string, boolean>)[flag] === true, {
      timeout: timeoutMs,
      polling: 'raf',
    }, READY_FLAG);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
  } catch (error) {
    const errors = pageErrors.length > 0 ? ` Errors in the page: ${pageErrors.join(' | ')}` : '';
    throw new UserError(`The deck did not finish its print layout within ${timeoutMs / 1000} s.${errors}`, {
      hint: 'Open the deck in a browser with ?print-pdf after index.html to see what goes wrong.',
      exitCode: ExitCode.browser,
      cause: error,
    });
  }
}
