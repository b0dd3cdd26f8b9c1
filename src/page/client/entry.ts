// Runs in the browser, bundled by esbuild into one classic script (assets/deck.js).
// It reads the reveal.js config the page embedded as JSON (so the page needs no inline JS of its own),
// copies the deck footer with the slide number into every slide (so it prints on every PDF page and
// layouts can hide it),
// scales down slides that would overflow (fit.ts), puts the speaker view into Chinese (speaker-view.ts),
// and starts reveal.js with the speaker-notes plugin once the bundled fonts are loaded.
import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import type { RevealConfig } from 'reveal.js';
import { installFit, leafSlides } from './fit.ts';
import { localizePauseOverlay, localizeSpeakerView } from './speaker-view.ts';

const CONFIG_ID = 'dangke-config';
const FOOTER_ID = 'dangke-footer';

function readConfig(): RevealConfig {
  const element = document.getElementById(CONFIG_ID);
  if (!element?.textContent) return {};
  return JSON.parse(element.textContent) as RevealConfig;
}

/** Longest we hold the deck back for its fonts: a broken font file must never stop the lecture. */
const FONT_WAIT_MS = 3000;

/**
 * Loads every @font-face of the page (the bundled subsets: three small local files). Text is then laid
 * out once, in its real font, before reveal measures anything and before the fit measures the slides;
 * a font that only started loading when text first needed it could change line breaks after the fit.
 */
function loadFonts(): Promise<void> {
  const loads: Promise<unknown>[] = [];
  document.fonts.forEach((face) => {
    loads.push(face.load().catch(() => undefined));
  });
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, FONT_WAIT_MS));
  return Promise.race([Promise.all(loads).then(() => undefined), timeout]);
}

/** Each slide gets its own footer with its number "c / t" (the same count reveal's 'c/t' shows). */
function copyFooterIntoSlides(): void {
  const footer = document.getElementById(FOOTER_ID);
  if (!footer) return;
  const slides = leafSlides();
  slides.forEach((slide, index) => {
    const copy = footer.cloneNode(true) as HTMLElement;
    copy.removeAttribute('id');
    copy.removeAttribute('hidden');
    copy.setAttribute('aria-hidden', 'true');
    const number = document.createElement('span');
    number.className = 'dangke-footer-number';
    number.textContent = `${index + 1} / ${slides.length}`;
    copy.prepend(number);
    slide.appendChild(copy);
  });
  footer.remove();
}

const isPrint = /print-pdf/i.test(window.location.search);
const config = readConfig();
// In the print view reveal.js makes each page (1 + margin) times the slide size; a zero margin keeps
// the PDF page exactly the slide's aspect ratio (1280×720 px = 960×540 pt for 16:9).
if (isPrint) config.margin = 0;

copyFooterIntoSlides();
localizeSpeakerView();

// The global reveal.js users and third-party plugins expect (and tests use to ask the deck questions).
(window as unknown as { Reveal: typeof Reveal }).Reveal = Reveal;

/** Set on <html> when slides may be laid out: base.css lays out none before (see there). */
const LAYOUT_CLASS = 'dangke-layout';
const allowLayout = (): void => document.documentElement.classList.add(LAYOUT_CLASS);
/**
 * In the print view the slides stay unlaid-out until reveal has built its pages: reveal moves every slide
 * into a page of its own, so a layout before that is thrown away (for 300 slides, two whole-deck layouts,
 * about 0.4 s). reveal measures the slides' heights only to split a slide over pages (we allow one page)
 * and to centre it, so with `center` the slides are shown as soon as the fonts are in, as on screen.
 */
const layoutAtPdfReady = isPrint && config.center !== true;

const root = document.querySelector<HTMLElement>('.reveal');
if (root) {
  // Registered before the fit's own listener, so the slides are laid out when the fit measures them.
  if (layoutAtPdfReady) root.addEventListener('pdf-ready', allowLayout);
  installFit(Reveal, root, { isPrint, display: typeof config.display === 'string' ? config.display : 'block' });
  root.addEventListener('ready', localizePauseOverlay);
}

void loadFonts().then(() => {
  if (!layoutAtPdfReady) allowLayout();
  return Reveal.initialize({ ...config, plugins: [Notes] });
});
