// Fit: a slide whose content is taller (or wider) than the slide is scaled down until it fits, but never
// below FIT_FLOOR, so text stays readable from the back of the room. What still does not fit at the floor
// is left overflowing and marked, and the build reports it (src/export/slides-pdf.ts reads the marks).
//
// Scaling uses CSS `zoom` on the slide's content: unlike a transform, zoom shrinks the layout box too, so
// the content reflows into the space it really has (lines get longer, centring with margin:auto still
// works) and the browser's own measurements (scrollHeight, getBoundingClientRect) see the result. The
// slide is a fixed canvas (reveal scales the whole canvas to the screen), so the fit does not depend on
// the window; it runs once the fonts are loaded and reveal has laid out the deck, again for the current
// slide when it changes or the window resizes (cheap, and it catches anything that changed since), and
// in reveal's print view once its pages are built, so the PDF matches the screen.

/** The smallest scale a slide's content is given. */
export const FIT_FLOOR = 0.7;
/** Scale steps tried between 1 and the floor. */
const FIT_STEP = 0.025;
/** Slack for sub-pixel rounding, in slide pixels. */
const TOLERANCE_PX = 1;

/** On each slide: the scale its content got ("1" when it fits as it is). */
export const FIT_SCALE_ATTRIBUTE = 'data-dangke-fit';
/** On each slide: pixels still overflowing at the floor ("0" when it fits). */
export const FIT_OVERFLOW_ATTRIBUTE = 'data-dangke-overflow';
/** On <html>: "done" once every slide has been fitted (tests and the build wait for it). */
export const FIT_STATE_ATTRIBUTE = 'data-dangke-fitted';

/** How reveal shows a slide (its `display` option); used to lay out a hidden slide while measuring it. */
let slideDisplay = 'block';

/** Elements of a slide that are not content: never scaled. */
function isChrome(element: Element): boolean {
  return element.matches('.dangke-footer, aside.notes, script, style, template');
}

/** The title band: the first element when it is a heading and more content follows it. */
function titleOf(slide: HTMLElement): HTMLElement | undefined {
  const first = slide.firstElementChild;
  if (!(first instanceof HTMLElement) || !/^H[1-3]$/.test(first.tagName)) return undefined;
  const rest = Array.from(slide.children).filter((child) => child !== first && !isChrome(child));
  return rest.length > 0 ? first : undefined;
}

/** How far the slide's content reaches past the slide, or is clipped inside it, in slide pixels. */
export function slideOverflow(slide: HTMLElement): number {
  let worst = Math.max(slide.scrollHeight - slide.clientHeight, slide.scrollWidth - slide.clientWidth, 0);
  for (const element of Array.from(slide.querySelectorAll<HTMLElement>('*'))) {
    if (element.closest('aside.notes, .dangke-footer')) continue;
    const style = getComputedStyle(element);
    if (style.overflowY === 'visible' || style.textOverflow === 'ellipsis') continue;
    worst = Math.max(worst, element.scrollHeight - element.clientHeight);
  }
  return worst;
}

function setZoom(elements: readonly HTMLElement[], scale: number): void {
  for (const element of elements) element.style.zoom = scale === 1 ? '' : String(scale);
}

/** The largest scale in [floor, 1] at which the slide fits, or the floor; the elements end at that scale. */
function search(slide: HTMLElement, elements: readonly HTMLElement[]): number {
  for (let scale = 1; scale > FIT_FLOOR; scale = Math.round((scale - FIT_STEP) * 1000) / 1000) {
    setZoom(elements, scale);
    if (slideOverflow(slide) <= TOLERANCE_PX) return scale;
  }
  setZoom(elements, FIT_FLOOR);
  return FIT_FLOOR;
}

/**
 * Fits one slide and marks it. The content below the title is scaled first (titles keep one size across
 * the deck); only when that is not enough at the floor does the title scale with it.
 */
export function fitSlide(slide: HTMLElement): void {
  // reveal hides slides far from the current one (display: none); lay the slide out while measuring.
  const hidden = getComputedStyle(slide).display === 'none';
  const inlineDisplay = slide.style.display;
  if (hidden) slide.style.display = slideDisplay;
  try {
    const title = titleOf(slide);
    const content = Array.from(slide.children).filter(
      (child): child is HTMLElement => child instanceof HTMLElement && child !== title && !isChrome(child),
    );
    setZoom([...content, ...(title ? [title] : [])], 1);
    let scale = 1;
    if (slideOverflow(slide) > TOLERANCE_PX) {
      scale = search(slide, content);
      if (title && slideOverflow(slide) > TOLERANCE_PX) scale = search(slide, [...content, title]);
    }
    const overflow = Math.round(Math.max(0, slideOverflow(slide)));
    slide.setAttribute(FIT_SCALE_ATTRIBUTE, String(scale));
    slide.setAttribute(FIT_OVERFLOW_ATTRIBUTE, String(overflow > TOLERANCE_PX ? overflow : 0));
  } finally {
    if (hidden) slide.style.display = inlineDisplay;
  }
}

/** Leaf slides: sections that are not stacks of vertical slides. */
export function leafSlides(root: ParentNode = document): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('.reveal .slides section')).filter(
    (section) => section.querySelector('section') === null,
  );
}

export function fitAllSlides(): void {
  try {
    for (const slide of leafSlides()) fitSlide(slide);
  } finally {
    // Even after a failure: whoever waits for the fit (the build's report, tests) must not hang.
    document.documentElement.setAttribute(FIT_STATE_ATTRIBUTE, 'done');
  }
}

interface FitDeck {
  on(type: string, listener: (event: Event & { currentSlide?: HTMLElement }) => void): void;
  getCurrentSlide(): HTMLElement | undefined;
}

/**
 * Wires the fit into the deck's life cycle. Listens on reveal's root element, where reveal dispatches
 * "ready" and "pdf-ready", so the listeners exist before reveal starts.
 */
export function installFit(deck: FitDeck, root: HTMLElement, options: { isPrint: boolean; display?: string }): void {
  const { isPrint } = options;
  slideDisplay = options.display ?? 'block';
  // In the print view the pages exist only at "pdf-ready"; fitting at "ready" there would be wasted.
  root.addEventListener(isPrint ? 'pdf-ready' : 'ready', () => fitAllSlides());
  if (isPrint) return;
  const refitCurrent = (): void => {
    const slide = deck.getCurrentSlide();
    if (slide && slide.querySelector('section') === null) fitSlide(slide);
  };
  deck.on('slidechanged', refitCurrent);
  deck.on('resize', refitCurrent);
}
