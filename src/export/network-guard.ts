// The deck must never touch the network. In the browser we let only local files (and inline data) through,
// abort everything else and keep the list, so the export can report it and tests can assert it is empty.
import type { HTTPRequest, Page } from 'puppeteer-core';

export interface NetworkGuard {
  /** URLs the page tried to load that were not local, in order. */
  readonly blocked: readonly string[];
}

const LOCAL_SCHEMES = ['file:', 'data:', 'blob:', 'about:'];

export function isLocalUrl(url: string): boolean {
  return LOCAL_SCHEMES.some((scheme) => url.startsWith(scheme));
}

export async function guardNetwork(page: Page): Promise<NetworkGuard> {
  const blocked: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    if (isLocalUrl(request.url())) {
      void request.continue();
    } else {
      blocked.push(request.url());
      void request.abort('blockedbyclient');
    }
  });
  return { blocked };
}
