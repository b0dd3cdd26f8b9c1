// Which tab to work in. Types only from puppeteer-core: check's overflow measure imports this without
// loading the driver.
import type { Browser, Page } from 'puppeteer-core';

const claimed = new WeakSet<Browser>();
const firstTabs = new WeakSet<Page>();
/** The page events the work in a tab listens to (withGuardedPage, the network guard). */
const WORK_EVENTS = ['request', 'pageerror'] as const;

/**
 * A tab to work in: the browser's own first tab (about:blank) the first time, whose renderer started with
 * the browser (a new tab's renderer takes 0.2–0.4 s to start, on the critical path of every build and
 * check); later a new tab, in the background when asked (see withGuardedPage).
 */
export async function openTab(browser: Browser, options: { background: boolean }): Promise<Page> {
  if (!claimed.has(browser)) {
    claimed.add(browser);
    const blank = (await browser.pages()).find((page) => page.url() === 'about:blank');
    if (blank) {
      firstTabs.add(blank);
      return blank;
    }
  }
  return browser.newPage(options);
}

/**
 * Done with a tab from openTab. The browser's first tab is emptied, not closed: while it is in front, the
 * tabs opened after it stay in the background (unpainted); closed, the next one would be shown. Emptying
 * is not awaited: nothing waits for the old document to go.
 */
export async function closeTab(page: Page): Promise<void> {
  if (firstTabs.has(page)) {
    // Only the listeners work in it adds: removeAllListeners() without a name also drops puppeteer's own
    // (its events are not all public names), and Chromium then closed the tab as it emptied (seen under
    // load, about one run in two), so the next tab opened in front.
    for (const event of WORK_EVENTS) page.removeAllListeners(event);
    page.goto('about:blank').catch(() => undefined);
    return;
  }
  await page.close().catch(() => undefined);
}
