// How long the browser's work on a deck may take, from its size: pure, so a build can work out the
// browser's protocol timeout before it loads the browser driver (see protocolTimeoutForDecks).

/**
 * How long loading and laying out the print view may take: a minute, plus 50 ms a slide (3,000 slides lay
 * out in about 10 s on an idle machine; the margin is for a loaded one). Each batch's print gets the same
 * minute plus 50 ms for each of its slides.
 */
export function printTimeoutMs(slideCount: number): number {
  return 60_000 + 50 * Math.max(0, slideCount);
}

/**
 * How long one browser call may take in a build of decks whose Markdown is at most `deckBytes` long, for
 * puppeteer's protocol timeout, which is fixed when the browser starts (before the decks are parsed, so
 * the slides are counted from the bytes). Every print and load is a batch or has its own timeout
 * (printTimeoutMs), but some calls still grow with the whole deck: fitting every notes box of the handout,
 * and, for the pictures of a deck printed in batches, its whole print view. A slide is taken to be
 * 200 bytes (decks run 500–900 bytes a slide, so this errs long), and a call gets the print view's own
 * timeout for that many slides: for a deck of 3,000 slides (2.5 MB of Markdown) about 12 minutes, which only
 * a hung browser reaches; decks under 240 KB keep the default 2 minutes (browser.ts).
 */
export function protocolTimeoutForDecks(deckBytes: number): number {
  return printTimeoutMs(Math.ceil(Math.max(0, deckBytes) / 200));
}
