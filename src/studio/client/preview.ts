// Runs inside the studio's preview frames (bundled by src/studio/bundle.ts). The frame is the deck's own
// page (render/ output, the deck's theme, base.css, the fonts) without reveal.js: the studio shows one
// slide at a time ("stage") or every slide small ("strip"), so it lays the slides out itself the way
// reveal does (a fixed canvas of the deck's size, scaled to the frame) and shrinks overflowing slides
// with the deck's own fit (src/page/client/fit.ts), whose measurement is also check's overflow finding.
import { FIT_OVERFLOW_ATTRIBUTE, fitSlide, leafSlides } from '../../page/client/fit.ts';

interface DeckConfig {
  width: number;
  height: number;
  display?: string;
}

/** What the studio page hands the frame (set on this window by the parent before updates arrive). */
export interface PreviewHost {
  pick(index: number): void;
  overflow(index: number, px: number): void;
}

export interface StudioPreview {
  /** Replaces the deck's slides (no-op when unchanged) and shows slide `index` (stage) or marks it (strip). */
  update(sectionsHtml: string, index: number, footer?: { title: string; organization: string }): void;
  /**
   * Replaces slide `index` alone with `sectionHtml` (one <section>) and shows it, when the deck still has
   * `total` slides; false when it does not (slides were added or removed: a full update must follow).
   */
  patch(index: number, total: number, sectionHtml: string, footer?: { title: string; organization: string }): boolean;
  /** The shown slide's notes as HTML ("" when none). Stage only. */
  notesHtml(): string;
  /** Pixels the shown slide still overflows after the fit. Stage only. */
  overflow(): number;
}

declare global {
  interface Window {
    dangkeStudio?: StudioPreview;
    dangkeStudioHost?: PreviewHost;
  }
}

const THUMB_WIDTH = 150;

function readConfig(): DeckConfig {
  const text = document.getElementById('dangke-config')?.textContent;
  const config = text ? (JSON.parse(text) as Partial<DeckConfig>) : {};
  return { width: config.width ?? 1280, height: config.height ?? 720, display: config.display ?? 'block' };
}

const config = readConfig();
const mode = document.documentElement.getAttribute('data-studio-mode') === 'strip' ? 'strip' : 'stage';
document.documentElement.classList.add('dangke-layout');
document.documentElement.style.setProperty('--studio-display', config.display ?? 'block');
const footerTemplate = document.getElementById('dangke-footer');
footerTemplate?.remove();

/** The slide's own footer with its number, as the deck script adds it (src/page/client/entry.ts). */
function addFooter(slide: HTMLElement, index: number, total: number): void {
  if (!footerTemplate || slide.querySelector(':scope > .dangke-footer')) return;
  const copy = footerTemplate.cloneNode(true) as HTMLElement;
  copy.removeAttribute('id');
  copy.removeAttribute('hidden');
  copy.setAttribute('aria-hidden', 'true');
  const number = document.createElement('span');
  number.className = 'dangke-footer-number';
  number.textContent = `${index + 1} / ${total}`;
  copy.prepend(number);
  slide.appendChild(copy);
}

/** Puts the deck's current title and organisation into the footer template; true when they changed. */
function setFooter(footer: { title: string; organization: string } | undefined): boolean {
  if (!footerTemplate || !footer) return false;
  const title = footerTemplate.querySelector('.dangke-footer-title');
  let org = footerTemplate.querySelector('.dangke-footer-org');
  if (title?.textContent === footer.title && (org?.textContent ?? '') === footer.organization) return false;
  if (title) title.textContent = footer.title;
  if (footer.organization === '') org?.remove();
  else {
    if (!org) {
      org = document.createElement('span');
      org.className = 'dangke-footer-org';
      footerTemplate.append(org);
    }
    org.textContent = footer.organization;
  }
  return true;
}

const host = (): PreviewHost | undefined => window.dangkeStudioHost;

function stage(): StudioPreview {
  const reveal = document.querySelector<HTMLElement>('.reveal')!;
  const slides = reveal.querySelector<HTMLElement>('.slides')!;
  reveal.classList.add('ready');
  slides.style.width = `${config.width}px`;
  slides.style.height = `${config.height}px`;
  const scale = (): void => {
    const factor = Math.min(window.innerWidth / config.width, window.innerHeight / config.height);
    slides.style.transform = `scale(${factor})`;
  };
  scale();
  window.addEventListener('resize', scale);
  let html: string | undefined;
  let shown: HTMLElement | undefined;
  let shownIndex = -1;
  reveal.addEventListener('click', () => {
    if (shownIndex >= 0) host()?.pick(shownIndex);
  });
  return {
    update(sectionsHtml, index, footer) {
      let fresh = false;
      if (setFooter(footer)) html = undefined;
      if (sectionsHtml !== html) {
        slides.innerHTML = sectionsHtml;
        html = sectionsHtml;
        fresh = true;
      }
      const leaves = leafSlides();
      const slide = leaves[Math.max(0, Math.min(index, leaves.length - 1))];
      if (!fresh && slide === shown) return;
      if (shown) {
        shown.classList.remove('studio-shown', 'present');
        shown.parentElement?.classList.remove('studio-stack', 'present');
      }
      shown = slide;
      shownIndex = slide ? leaves.indexOf(slide) : -1;
      if (!slide) return;
      slide.classList.add('studio-shown', 'present');
      if (slide.parentElement?.tagName === 'SECTION') slide.parentElement.classList.add('studio-stack', 'present');
      addFooter(slide, shownIndex, leaves.length);
      fitSlide(slide);
      host()?.overflow(shownIndex, Number(slide.getAttribute(FIT_OVERFLOW_ATTRIBUTE) ?? 0));
    },
    patch(index, total, sectionHtml, footer) {
      const leaves = leafSlides();
      const old = leaves[index];
      if (leaves.length !== total || !old) return false;
      const template = document.createElement('template');
      template.innerHTML = sectionHtml;
      const fresh = template.content.querySelector('section');
      if (!fresh || template.content.children.length !== 1) return false;
      setFooter(footer);
      // The deck on screen is no longer the last full update's: the next one replaces it whole.
      html = undefined;
      old.replaceWith(fresh);
      if (shown === old) shown = undefined;
      if (shown) {
        shown.classList.remove('studio-shown', 'present');
        shown.parentElement?.classList.remove('studio-stack', 'present');
      }
      shown = fresh;
      shownIndex = index;
      fresh.classList.add('studio-shown', 'present');
      if (fresh.parentElement?.tagName === 'SECTION') fresh.parentElement.classList.add('studio-stack', 'present');
      addFooter(fresh, index, total);
      fitSlide(fresh);
      host()?.overflow(index, Number(fresh.getAttribute(FIT_OVERFLOW_ATTRIBUTE) ?? 0));
      return true;
    },
    notesHtml() {
      return shown?.querySelector(':scope > aside.notes')?.innerHTML ?? '';
    },
    overflow() {
      return Number(shown?.getAttribute(FIT_OVERFLOW_ATTRIBUTE) ?? 0);
    },
  };
}

function strip(): StudioPreview {
  const reveal = document.querySelector<HTMLElement>('.reveal')!;
  const row = document.createElement('div');
  row.className = 'studio-strip';
  row.setAttribute('role', 'list');
  reveal.replaceWith(row);
  const thumbHeight = Math.round((THUMB_WIDTH * config.height) / config.width);
  const factor = THUMB_WIDTH / config.width;
  /** Per thumbnail: the slide HTML it shows, and whether it still needs fitting. */
  const shownHtml: string[] = [];
  const thumbs: HTMLButtonElement[] = [];
  const unfitted = new Set<HTMLButtonElement>();
  let html: string | undefined;
  let current = -1;

  const fitVisible = (thumb: HTMLButtonElement): void => {
    if (!unfitted.has(thumb)) return;
    unfitted.delete(thumb);
    const slide = thumb.querySelector<HTMLElement>('section');
    if (!slide) return;
    fitSlide(slide);
    const px = Number(slide.getAttribute(FIT_OVERFLOW_ATTRIBUTE) ?? 0);
    thumb.classList.toggle('overflowing', px > 0);
    host()?.overflow(thumbs.indexOf(thumb), px);
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) fitVisible(entry.target as HTMLButtonElement);
    },
    { root: null, rootMargin: '0px 400px' },
  );

  const makeThumb = (index: number): HTMLButtonElement => {
    const thumb = document.createElement('button');
    thumb.type = 'button';
    thumb.className = 'studio-thumb';
    thumb.style.width = `${THUMB_WIDTH}px`;
    thumb.style.height = `${thumbHeight}px`;
    thumb.addEventListener('click', () => host()?.pick(thumbs.indexOf(thumb)));
    const label = document.createElement('span');
    label.className = 'studio-thumb-number';
    thumb.append(label);
    const deck = document.createElement('div');
    deck.className = 'reveal';
    deck.style.width = `${config.width}px`;
    deck.style.height = `${config.height}px`;
    deck.style.transform = `scale(${factor})`;
    const slides = document.createElement('div');
    slides.className = 'slides';
    deck.append(slides);
    thumb.append(deck);
    observer.observe(thumb);
    void index;
    return thumb;
  };

  return {
    update(sectionsHtml, index, footer) {
      if (setFooter(footer)) {
        html = undefined;
        shownHtml.fill('');
      }
      if (sectionsHtml !== html) {
        html = sectionsHtml;
        const template = document.createElement('template');
        template.innerHTML = sectionsHtml;
        // Leaf slides (not stacks of vertical ones); leafSlides() needs the .reveal .slides around them.
        const found = Array.from(template.content.querySelectorAll<HTMLElement>('section')).filter((section) => section.querySelector('section') === null);
        while (thumbs.length > found.length) {
          const thumb = thumbs.pop()!;
          observer.unobserve(thumb);
          unfitted.delete(thumb);
          thumb.remove();
          shownHtml.pop();
        }
        found.forEach((slide, position) => {
          let thumb = thumbs[position];
          if (!thumb) {
            thumb = makeThumb(position);
            thumbs.push(thumb);
            row.append(thumb);
            shownHtml.push('');
          }
          const label = thumb.querySelector('.studio-thumb-number')!;
          label.textContent = String(position + 1);
          thumb.setAttribute('aria-label', `第 ${position + 1} 张`);
          const outer = slide.outerHTML;
          if (shownHtml[position] === outer && thumb.querySelector('.dangke-footer-number')?.textContent === `${position + 1} / ${found.length}`) return;
          shownHtml[position] = outer;
          const copy = slide.cloneNode(true) as HTMLElement;
          copy.classList.add('present');
          thumb.querySelector('.slides')!.replaceChildren(copy);
          addFooter(copy, position, found.length);
          unfitted.add(thumb);
        });
        // Re-fit the changed thumbnails that are in view now (the observer only reports changes of view).
        const width = window.innerWidth;
        for (const thumb of Array.from(unfitted)) {
          const box = thumb.getBoundingClientRect();
          if (box.right > -400 && box.left < width + 400) fitVisible(thumb);
        }
      }
      if (index !== current) {
        thumbs[current]?.classList.remove('current');
        thumbs[current]?.removeAttribute('aria-current');
        current = index;
        const thumb = thumbs[index];
        if (thumb) {
          thumb.classList.add('current');
          thumb.setAttribute('aria-current', 'true');
          const box = thumb.getBoundingClientRect();
          if (box.left < 0 || box.right > window.innerWidth) thumb.scrollIntoView({ inline: 'center', block: 'nearest' });
        }
      }
    },
    patch: () => false,
    notesHtml: () => '',
    overflow: () => 0,
  };
}

window.dangkeStudio = mode === 'strip' ? strip() : stage();
document.documentElement.setAttribute('data-studio-ready', 'true');
