// The PowerPoint file's measurements, taken from the print view the slides PDF was printed from: after the
// deck's fit (src/page/client/fit.ts), so every box and font size is the one the PDF shows.
//
// On the already-printed page, before the handout is loaded into it:
// 1. Backgrounds: what paints each slide's background (its own background layers, its ::before/::after, the
//    page under it) is read as computed CSS and written natively where PowerPoint can say it
//    (src/office/pptx/css-background.ts: colours, linear gradients, bands, glows, rays, frame rules). Only a
//    background with no native form is photographed (with the slide's content hidden), once per distinct one.
// 2. One page.evaluate that walks every slide and returns the plain JSON model (src/office/pptx/slide-model.ts):
//    text blocks with their runs, shapes (boxes with a fill or border), pictures. The theme's ::before/::after
//    ornaments (card numbers, agenda numbers, timeline dots, quote marks) have no element to measure, so they
//    are first copied into real spans with the same computed style; the page is thrown away afterwards (the
//    handout is loaded into it), so this changes nothing anyone sees.
//
// DANGKE_TRACE_PPTX=1 prints how long each step took to stderr.
import type { Page } from 'puppeteer-core';
import { nativeBackground, type BackgroundDescription, type NativeBackground } from '../office/pptx/css-background.ts';
import type { MeasuredDeck, MeasuredSlide } from '../office/pptx/slide-model.ts';

/** Class that hides a slide's content for its background picture. */
const BACKGROUND_ONLY = 'dangke-background-only';

/**
 * tsx compiles this module with esbuild's keepNames, which wraps functions defined inside the measuring
 * function in `__name(fn, "name")`; that helper does not exist in the page, so give it an identity there.
 */
const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((target) => target);';

/** Where a slide's background comes from: native (fill and ornament shapes) or the index of its picture. */
interface BackgroundPlan {
  /** Per slide: its background picture's index, or -1 when it is native. */
  indexOf: number[];
  native: (NativeBackground | undefined)[];
  /** Per background picture: a slide showing it. */
  shots: number[];
}

/**
 * Native where CSS allows (css-background.ts), a picture where it does not: the slides that need a picture are
 * grouped by their description, one picture per group.
 */
export function planBackgrounds(descriptions: readonly BackgroundDescription[]): BackgroundPlan {
  const plan: BackgroundPlan = { indexOf: [], native: [], shots: [] };
  const byKey = new Map<string, { native: NativeBackground | undefined; shot: number }>();
  descriptions.forEach((description, index) => {
    const key = JSON.stringify(description);
    let known = byKey.get(key);
    if (!known) {
      const native = nativeBackground(description);
      known = { native, shot: native ? -1 : plan.shots.length };
      if (!native) plan.shots.push(index);
      byKey.set(key, known);
    }
    plan.indexOf.push(known.shot);
    plan.native.push(known.native);
  });
  return plan;
}

export async function measureSlides(page: Page, width: number, height: number): Promise<MeasuredDeck> {
  const trace = process.env.DANGKE_TRACE_PPTX ? (label: string, since: number) => process.stderr.write(`[pptx] ${label}: ${(performance.now() - since).toFixed(0)} ms\n`) : undefined;
  const started = performance.now();
  await page.evaluate(NAME_HELPER);
  const plan = planBackgrounds(await page.evaluate(describeBackgrounds));
  // Handed over as one JSON string: the browser's protocol returns a string several times faster than the
  // same model as an object (300 slides, 2 MB of JSON: ~0.2 s against ~0.5 s).
  const json = (await page.evaluate(`JSON.stringify((${measureInPage.toString()})())`)) as string;
  const slides = JSON.parse(json) as ReturnType<typeof measureInPage>;
  trace?.('measure the page', started);
  const shotsStarted = performance.now();
  const backgrounds = plan.shots.length > 0 ? await photographBackgrounds(page, plan.shots) : [];
  trace?.(`${plan.shots.length} background pictures`, shotsStarted);
  const colors = await page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    const read = (name: string, fallback: string): string => {
      const value = style.getPropertyValue(name).trim().replace(/^#/, '');
      return /^[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : fallback;
    };
    return { ink: read('--dk-ink', '222222'), accent: read('--dk-red', 'a4000f'), accent2: read('--dk-gold-line', 'd9a93f'), paper: read('--dk-paper', 'ffffff') };
  });
  trace?.('measureSlides in all', started);
  return {
    width,
    height,
    backgrounds,
    slides: slides.map((slide, index) => {
      const native = plan.native[index];
      const fill = native?.fill;
      return {
        ...slide,
        background: plan.indexOf[index] ?? -1,
        ...(fill && 'color' in fill ? { backgroundColor: fill.color } : {}),
        ...(fill && 'gradient' in fill ? { backgroundGradient: fill.gradient } : {}),
        ...(native && native.ornaments.length > 0 ? { ornaments: native.ornaments } : {}),
      };
    }),
    colors,
  };
}

/** One JPEG per background that has no native form: the slide with its content hidden. */
async function photographBackgrounds(page: Page, shots: readonly number[]): Promise<Uint8Array[]> {
  // On a page cut down to the slides photographed (a 300-slide print view is 216,000 px tall; each screenshot
  // would make Chromium paint its way through it).
  const clips = await page.evaluate(
    (shotSlides: number[], className: string) => {
      const style = document.createElement('style');
      style.textContent = `.reveal .slides section.${className} > *, .reveal .slides .pdf-page:has(> section.${className}) > :not(section, .slide-background) { visibility: hidden !important; }`;
      document.head.appendChild(style);
      const all = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section')).filter((s) => s.querySelector('section') === null);
      const pages = all.map((slide) => (slide.closest('.pdf-page') as HTMLElement | null) ?? slide);
      const keep = new Set(shotSlides.map((index) => pages[index]));
      for (const page of new Set(pages)) if (!keep.has(page)) page.style.display = 'none';
      for (const index of shotSlides) all[index]?.classList.add(className);
      return shotSlides.map((index) => {
        const rect = pages[index]!.getBoundingClientRect();
        return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height };
      });
    },
    [...shots],
    BACKGROUND_ONLY,
  );
  const backgrounds: Uint8Array[] = [];
  // A page in the background gets no frames (see print-ready.ts), and a screenshot waits for one.
  await page.bringToFront();
  for (const clip of clips) {
    // Scrolled into the viewport; puppeteer takes the clip in document coordinates and cuts it to the viewport.
    await page.evaluate((y: number) => window.scrollTo(0, y), clip.y);
    // JPEG: backgrounds are gradients and textures, and Chromium encodes a JPEG several times faster than a PNG.
    backgrounds.push(await page.screenshot({ type: 'jpeg', quality: 90, clip, captureBeyondViewport: false }));
  }
  return backgrounds;
}

/** Runs in the page: what paints each slide's background (css-background.ts turns it into shapes). */
function describeBackgrounds(): BackgroundDescription[] {
  const slides = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section')).filter((s) => s.querySelector('section') === null);
  const transparent = (color: string): boolean => /rgba\([^)]*,\s*0\)|transparent/.test(color);
  const paints = (style: CSSStyleDeclaration): boolean =>
    !(style.content === 'none' || style.content === 'normal' || style.display === 'none' || style.visibility === 'hidden') &&
    !(style.backgroundImage === 'none' && transparent(style.backgroundColor) && style.boxShadow === 'none' &&
      ['Top', 'Right', 'Bottom', 'Left'].every((side) => parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) === 0 || style.getPropertyValue(`border-${side.toLowerCase()}-style`) === 'none'));
  return slides.map((slide) => {
    const page = (slide.closest('.pdf-page') as HTMLElement | null) ?? slide;
    const pageRect = page.getBoundingClientRect();
    const slideRect = slide.getBoundingClientRect();
    const own = getComputedStyle(slide);
    const backdrop = page.querySelector('.slide-background');
    const backdropPlain = !backdrop || [backdrop, ...Array.from(backdrop.querySelectorAll('*'))].every((element) => {
      const style = getComputedStyle(element);
      return style.backgroundImage === 'none' && transparent(style.backgroundColor);
    });
    // The colour under a transparent slide: the first ancestor that has one.
    let pageColor = 'rgba(0, 0, 0, 0)';
    for (let element: Element | null = slide.parentElement; element; element = element.parentElement) {
      const style = getComputedStyle(element);
      if (style.backgroundImage !== 'none') break;
      if (!transparent(style.backgroundColor)) {
        pageColor = style.backgroundColor;
        break;
      }
    }
    const pseudos: BackgroundDescription['pseudos'] = [];
    for (const where of ['::before', '::after']) {
      const style = getComputedStyle(slide, where);
      if (!paints(style)) continue;
      const placed = style.position === 'absolute' || style.position === 'fixed';
      const n = (name: string): number => parseFloat(style.getPropertyValue(name)) || 0;
      const borderBox = style.boxSizing === 'border-box';
      const w = n('width') + (borderBox ? 0 : n('padding-left') + n('padding-right') + n('border-left-width') + n('border-right-width'));
      const h = n('height') + (borderBox ? 0 : n('padding-top') + n('padding-bottom') + n('border-top-width') + n('border-bottom-width'));
      const box = placed && style.width.endsWith('px') && style.height.endsWith('px') && style.left.endsWith('px') && style.top.endsWith('px')
        ? { x: slideRect.left - pageRect.left + n('left'), y: slideRect.top - pageRect.top + n('top'), w, h }
        : undefined;
      pseudos.push({
        ...(box ? { box } : {}),
        color: style.backgroundColor,
        image: style.backgroundImage,
        borders: ['top', 'right', 'bottom', 'left'].map((side) => ({ width: n(`border-${side}-width`), style: style.getPropertyValue(`border-${side}-style`), color: style.getPropertyValue(`border-${side}-color`) })),
        radius: n('border-top-left-radius'),
        transformed: style.transform !== 'none',
        shadow: style.boxShadow,
        opacity: Number(style.opacity),
      });
    }
    const sizes = [own.backgroundSize, own.backgroundRepeat, own.backgroundPosition].join(' ');
    const defaultLayers = own.backgroundImage === 'none' || splitLayers(own.backgroundSize).every((size) => size === 'auto' || size === 'auto auto');
    return {
      width: pageRect.width,
      height: pageRect.height,
      color: own.backgroundColor,
      // A layer sized or placed other than over the whole slide has no native form: no image then, a picture.
      image: defaultLayers ? own.backgroundImage : `url(sized: ${sizes})`,
      borderless: ['Top', 'Right', 'Bottom', 'Left'].every((side) => parseFloat(own.getPropertyValue(`border-${side.toLowerCase()}-width`)) === 0) && Math.abs(slideRect.left - pageRect.left) + Math.abs(slideRect.top - pageRect.top) < 0.5 && Math.abs(slideRect.width - pageRect.width) + Math.abs(slideRect.height - pageRect.height) < 0.5,
      pageColor,
      backdropPlain,
      pseudos,
    };
  });

  function splitLayers(value: string): string[] {
    return value.split(',').map((part) => part.trim());
  }
}

/** Runs in the page: every slide's text, shapes and pictures (see slide-model.ts). */
function measureInPage(): Omit<MeasuredSlide, 'background'>[] {
  type Box = { x: number; y: number; w: number; h: number };
  const slides = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section')).filter((s) => s.querySelector('section') === null);

  // ---- 1. The theme's ::before/::after become real spans (all styles read first, then the page changed). ----
  const cjkDigits = '〇一二三四五六七八九';
  const counterText = (value: number, kind: string): string => {
    const style = kind.trim();
    if (style === 'decimal-leading-zero') return value < 10 ? `0${value}` : String(value);
    if (style === 'cjk-decimal') {
      if (value <= 10) return value === 10 ? '十' : cjkDigits[value]!;
      if (value < 20) return `十${cjkDigits[value - 10]}`;
      return String(value).split('').map((d) => cjkDigits[Number(d)]).join('');
    }
    return String(value);
  };
  const contentText = (content: string, element: Element): string | undefined => {
    if (content === 'none' || content === 'normal') return undefined;
    const position = element.parentElement ? Array.from(element.parentElement.children).filter((c) => c.tagName === element.tagName).indexOf(element) + 1 : 1;
    let text = '';
    const pattern = /"((?:[^"\\]|\\.)*)"|counter\(\s*([^,)]+)\s*(?:,\s*([^)]+))?\)/g;
    for (const match of content.matchAll(pattern)) {
      if (match[1] !== undefined) text += match[1].replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/\\(.)/g, '$1');
      else text += counterText(position, match[3] ?? 'decimal');
    }
    return text;
  };
  // What lays out and paints a theme's ornament (copying all ~350 computed properties costs 10× more).
  const sides = ['top', 'right', 'bottom', 'left'];
  const copied = [
    'display', 'position', 'box-sizing', 'width', 'height', 'min-width', 'min-height', 'max-width', 'max-height',
    ...sides, ...sides.flatMap((side) => [`margin-${side}`, `padding-${side}`, `border-${side}-width`, `border-${side}-style`, `border-${side}-color`]),
    'border-top-left-radius', 'border-top-right-radius', 'border-bottom-left-radius', 'border-bottom-right-radius',
    'background-color', 'background-image', 'box-shadow', 'opacity', 'transform', 'transform-origin', 'z-index',
    'flex-grow', 'flex-shrink', 'flex-basis', 'align-self', 'order', 'float', 'vertical-align',
    'align-items', 'justify-content', 'flex-direction', 'text-align', 'white-space', 'line-height',
    'font-family', 'font-size', 'font-weight', 'font-style', 'letter-spacing', 'color',
  ];
  const copies: { element: Element; where: 'before' | 'after'; text: string; style: [string, string][] }[] = [];
  for (const slide of slides) {
    for (const element of Array.from(slide.querySelectorAll('*'))) {
      if (element.closest('aside.notes, script, style')) continue;
      for (const where of ['before', 'after'] as const) {
        const computed = getComputedStyle(element, `::${where}`);
        const text = contentText(computed.content, element);
        if (text === undefined || computed.display === 'none') continue;
        const style: [string, string][] = [];
        for (const name of copied) style.push([name, computed.getPropertyValue(name)]);
        copies.push({ element, where, text, style });
      }
    }
  }
  const off = document.createElement('style');
  off.textContent = '.dangke-no-before::before { content: none !important; } .dangke-no-after::after { content: none !important; }';
  document.head.appendChild(off);
  for (const copy of copies) {
    const span = document.createElement('span');
    span.setAttribute('data-dangke-pseudo', copy.where);
    for (const [name, value] of copy.style) span.style.setProperty(name, value);
    span.textContent = copy.text;
    if (copy.where === 'before') copy.element.prepend(span);
    else copy.element.append(span);
    copy.element.classList.add(`dangke-no-${copy.where}`);
  }

  // ---- 2. Walk every slide. ----
  const hex = (css: string): { color: string; alpha: number } | undefined => {
    const match = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(css);
    if (!match) return undefined;
    const alphaText = match[4];
    const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : parseFloat(alphaText);
    if (alpha <= 0.02) return undefined;
    const color = [match[1], match[2], match[3]].map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('');
    return { color, alpha };
  };
  // One style object per element: the walk asks for most elements' styles several times.
  const styles = new Map<Element, CSSStyleDeclaration>();
  const styleOf = (element: Element): CSSStyleDeclaration => {
    let style = styles.get(element);
    if (!style) {
      style = getComputedStyle(element);
      styles.set(element, style);
    }
    return style;
  };
  const zoomOf = (element: Element): number => (element as unknown as { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  const px = (value: string, zoom: number): number => (parseFloat(value) || 0) * zoom;
  const isInline = (node: Node): boolean => {
    if (node.nodeType === Node.TEXT_NODE) return true;
    if (!(node instanceof HTMLElement)) return false;
    // <wbr> (the renderer's word breaks) is laid out as text, but a flex container blockifies its computed
    // display: by that it would cut an agenda item or a card into one text box per word.
    if (node.tagName === 'WBR') return true;
    if (node.tagName === 'IMG' || node.tagName === 'ASIDE' || node.hasAttribute('data-dangke-pseudo')) return false;
    const display = styleOf(node).display;
    return display === 'inline' || display === 'contents';
  };

  return slides.map((slide) => {
    const page = (slide.closest('.pdf-page') as HTMLElement | null) ?? slide;
    const origin = page.getBoundingClientRect();
    const rel = (rect: DOMRect | Box & { left?: number }): Box => {
      const r = rect as DOMRect;
      return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
    };
    const result: Omit<MeasuredSlide, 'background'> = { classes: Array.from(slide.classList).filter((c) => !c.startsWith('dangke-') && !['present', 'past', 'future', 'stack'].includes(c)), shapes: [], pictures: [], texts: [] };
    const bulletOf = new Map<Element, { char: string; color: string; sizePx: number }>();
    // Elements drawn as a box of their own (fill or outline all round), and that box's index in result.shapes.
    const containerOf = new Map<Element, number>();
    let elementCount = 0;
    /** An element's content box (inside border and padding), slide px. */
    const room = (rect: DOMRect, computed: CSSStyleDeclaration, zoom: number): Box => ({
      x: rect.left - origin.left + px(computed.borderLeftWidth, zoom) + px(computed.paddingLeft, zoom),
      y: rect.top - origin.top + px(computed.borderTopWidth, zoom) + px(computed.paddingTop, zoom),
      w: rect.width - px(computed.borderLeftWidth, zoom) - px(computed.borderRightWidth, zoom) - px(computed.paddingLeft, zoom) - px(computed.paddingRight, zoom),
      h: rect.height - px(computed.borderTopWidth, zoom) - px(computed.borderBottomWidth, zoom) - px(computed.paddingTop, zoom) - px(computed.paddingBottom, zoom),
    });
    /** Where a box's layout puts its content vertically: a flex column's justify-content, a flex row's align-items. */
    const anchorOf = (computed: CSSStyleDeclaration): 'top' | 'middle' | 'bottom' => {
      const display = computed.display;
      let place = '';
      if (display.includes('flex')) place = computed.flexDirection.startsWith('column') ? computed.justifyContent : computed.alignItems;
      else if (display.includes('grid')) place = computed.alignContent === 'normal' ? computed.alignItems : computed.alignContent;
      else if (display === 'table-cell') place = computed.verticalAlign === 'middle' ? 'center' : computed.verticalAlign === 'bottom' ? 'end' : '';
      return place === 'center' ? 'middle' : place === 'end' || place === 'flex-end' ? 'bottom' : 'top';
    };
    const lists = new Map<Element, string>();

    // Markers of plain bullet lists (a small empty ::before in an li) become paragraph bullets, not shapes.
    for (const span of Array.from(slide.querySelectorAll<HTMLElement>('li > span[data-dangke-pseudo="before"]'))) {
      if ((span.textContent ?? '') !== '') continue;
      const rect = span.getBoundingClientRect();
      if (rect.width > 28 || rect.height > 28 || rect.width === 0) continue;
      // A bullet sits in the item's left padding, before the text (the timeline's dots sit above it).
      const item = span.parentElement!;
      const itemStyle = styleOf(item);
      const textLeft = item.getBoundingClientRect().left + px(itemStyle.borderLeftWidth, zoomOf(item)) + px(itemStyle.paddingLeft, zoomOf(item));
      if (rect.right > textLeft + 1) continue;
      const computed = styleOf(span);
      const fill = hex(computed.backgroundColor);
      if (!fill) continue;
      const rotated = computed.transform !== 'none';
      const round = parseFloat(computed.borderTopLeftRadius) >= rect.width / 3;
      bulletOf.set(span.parentElement!, { char: rotated ? '◆' : round ? '●' : '■', color: fill.color, sizePx: rect.width });
    }

    // Items of layouts that draw no box round them (slide-model.ts TextBlock.item): a list item that is not a
    // bullet point (a stat, a timeline entry, an agenda row), a quotation with the attribution under it.
    const itemIds = new Map<Element, number>();
    const itemOf = (element: Element): number | undefined => {
      let root = element.closest('li, blockquote');
      if (root && !slide.contains(root)) root = null;
      if (root?.tagName === 'LI' && bulletOf.has(root)) return undefined;
      const paragraph = element.closest('p');
      if (!root && slide.classList.contains('quote') && paragraph?.parentElement === slide) {
        for (let before = paragraph.previousElementSibling; before && !root; before = before.previousElementSibling) if (before.tagName === 'BLOCKQUOTE') root = before;
      }
      if (!root) return undefined;
      let id = itemIds.get(root);
      if (id === undefined) {
        id = itemIds.size;
        itemIds.set(root, id);
      }
      return id;
    };

    /**
     * Where the browser started each line after the first: per text node, the offsets of the first character of
     * a new line (a character whose box sits half a line or more below the line before).
     */
    const lineStarts = (nodes: readonly Node[], lineHeight: number): Map<Node, number[]> => {
      const starts = new Map<Node, number[]>();
      const range = document.createRange();
      let top: number | undefined;
      for (const root of nodes) {
        const texts: Node[] = [];
        if (root.nodeType === Node.TEXT_NODE) texts.push(root);
        else for (let walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), text = walker.nextNode(); text; text = walker.nextNode()) texts.push(text);
        for (const text of texts) {
          const value = text.textContent ?? '';
          for (let index = 0; index < value.length; index++) {
            if (/\s|[\u200b\u00ad]/.test(value[index]!)) continue;
            range.setStart(text, index);
            range.setEnd(text, index + 1);
            const box = range.getClientRects()[0];
            if (!box || box.width === 0) continue;
            if (top !== undefined && box.top > top + lineHeight / 2) starts.set(text, [...(starts.get(text) ?? []), index]);
            if (top === undefined || box.top > top + lineHeight / 2) top = box.top;
          }
        }
      }
      return starts;
    };

    const visit = (element: HTMLElement): void => {
      if (element.matches('aside.notes, script, style, template')) return;
      const computed = styleOf(element);
      if (computed.display === 'none' || computed.visibility === 'hidden' || Number(computed.opacity) === 0) return;
      const zoom = zoomOf(element);
      const rect = element.getBoundingClientRect();
      const isBulletMarker = element.hasAttribute('data-dangke-pseudo') && element.parentElement !== null && bulletOf.has(element.parentElement) && (element.textContent ?? '') === '';

      // Shapes: a fill, a border, a hard shadow.
      if (element !== slide && !isBulletMarker && rect.width > 0 && rect.height > 0) {
        let fill = hex(computed.backgroundColor);
        if (!fill && computed.backgroundImage.includes('gradient')) fill = hex(computed.backgroundImage);
        const sides = (['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => ({
          side,
          width: computed.getPropertyValue(`border-${side.toLowerCase()}-style`) === 'none' ? 0 : px(computed.getPropertyValue(`border-${side.toLowerCase()}-width`), zoom),
          color: hex(computed.getPropertyValue(`border-${side.toLowerCase()}-color`)),
        }));
        const drawn = sides.filter((s) => s.width > 0.3 && s.color);
        if (fill || drawn.length > 0) {
          const elementId = elementCount++;
          const firstShape = result.shapes.length;
          let box = rel(rect);
          let rotation = 0;
          if (computed.transform !== 'none') {
            const m = new DOMMatrix(computed.transform);
            rotation = Math.round((Math.atan2(m.b, m.a) * 180) / Math.PI);
            const w = px(computed.width, zoom) + px(computed.paddingLeft, zoom) + px(computed.paddingRight, zoom);
            const h = px(computed.height, zoom) + px(computed.paddingTop, zoom) + px(computed.paddingBottom, zoom);
            box = { x: box.x + box.w / 2 - w / 2, y: box.y + box.h / 2 - h / 2, w, h };
          }
          const radius = Math.min(computed.borderTopLeftRadius.endsWith('%') ? (parseFloat(computed.borderTopLeftRadius) / 100) * box.w : px(computed.borderTopLeftRadius, zoom), Math.min(box.w, box.h) / 2);
          const ellipse = radius >= Math.min(box.w, box.h) / 2 - 0.5 && Math.abs(box.w - box.h) < 1;
          const kind: 'rect' | 'ellipse' = ellipse ? 'ellipse' : 'rect';
          // A hard shadow (the print view's, and the theme's offset ornaments) is a copy of the box beneath it.
          // CSS paints a shadow only outside the box, so a box without a fill gets none here.
          const shadow = /^(rgba?\([^)]*\))\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px(?:\s+(-?[\d.]+)px)?/.exec(computed.boxShadow);
          if (fill && shadow && !computed.boxShadow.includes('inset') && parseFloat(shadow[4]!) === 0) {
            const color = hex(shadow[1]!);
            const spread = px(shadow[5] ?? '0', zoom);
            const shadowBox = { x: box.x + px(shadow[2]!, zoom) - spread, y: box.y + px(shadow[3]!, zoom) - spread, w: box.w + 2 * spread, h: box.h + 2 * spread };
            if (color && shadowBox.w > 0 && shadowBox.h > 0) result.shapes.push({ box: shadowBox, kind, fill: color, radiusPx: radius, rotation });
          }
          const uniform = drawn.length === 4 && drawn.every((s) => Math.abs(s.width - drawn[0]!.width) < 0.5 && s.color!.color === drawn[0]!.color!.color);
          // The element's own box can hold its text (shape-text.ts): where its content goes, and how it is centred.
          const own = {
            ...(rotation === 0 ? { content: { ...room(rect, computed, zoom) }, anchor: anchorOf(computed) } : {}),
            // A gradient is kept as CSS for the writer (css-background.ts elementGradient), the fill as its fallback.
            ...(computed.backgroundImage.includes('gradient') ? { css: { image: computed.backgroundImage, ...(hex(computed.backgroundColor) ? { base: hex(computed.backgroundColor)! } : {}) } } : {}),
          };
          if (uniform) {
            const width = drawn[0]!.width;
            const inner = { x: box.x + width / 2, y: box.y + width / 2, w: box.w - width, h: box.h - width };
            if (rotation === 0) containerOf.set(element, result.shapes.length);
            result.shapes.push({ box: inner, kind, ...(fill ? { fill } : {}), line: { color: drawn[0]!.color!.color, alpha: drawn[0]!.color!.alpha, widthPx: width }, radiusPx: radius, rotation, ...own });
          } else {
            if (fill && rotation === 0) containerOf.set(element, result.shapes.length);
            if (fill) result.shapes.push({ box, kind, fill, radiusPx: radius, rotation, ...own });
            for (const side of drawn) {
              const edge =
                side.side === 'Top' ? { x: box.x, y: box.y, w: box.w, h: side.width }
                : side.side === 'Bottom' ? { x: box.x, y: box.y + box.h - side.width, w: box.w, h: side.width }
                : side.side === 'Left' ? { x: box.x, y: box.y, w: side.width, h: box.h }
                : { x: box.x + box.w - side.width, y: box.y, w: side.width, h: box.h };
              result.shapes.push({ box: edge, kind: 'rect', fill: side.color!, radiusPx: 0, rotation: 0 });
            }
          }
          const item = itemOf(element);
          const footer = element.closest('.dangke-footer') !== null;
          for (let index = firstShape; index < result.shapes.length; index++) {
            result.shapes[index]!.element = elementId;
            if (item !== undefined) result.shapes[index]!.item = item;
            if (footer) result.shapes[index]!.footer = true;
          }
        }
      }

      if (element instanceof HTMLImageElement) {
        const loaded = element.complete && element.naturalWidth > 0;
        const written = element.getAttribute('src') ?? '';
        let src = written;
        try {
          src = decodeURI(written);
        } catch {
          // not percent-encoded after all: keep it as written
        }
        result.pictures.push({ box: rel(rect), src, alt: element.alt, ...(loaded ? { url: element.currentSrc || element.src } : {}) });
        return;
      }

      // Text: runs of inline content directly in this element form a paragraph; block children are visited.
      const contentBox = room(rect, computed, zoom);
      let container: number | undefined;
      for (let up: Element | null = element; up && up !== slide && container === undefined; up = up.parentElement) container = containerOf.get(up);
      let group: Node[] = [];
      const flush = (): void => {
        const nodes = group;
        group = [];
        if (nodes.length === 0) return;
        // An ornament placed out of the flow (the quote's big opening mark) is no part of the item's text.
        const item = element.hasAttribute('data-dangke-pseudo') && ['absolute', 'fixed'].includes(computed.position) ? undefined : itemOf(element);
        const lineHeight = computed.lineHeight === 'normal' ? px(computed.fontSize, zoom) * 1.32 : px(computed.lineHeight, zoom);
        // In an item (item-shapes.ts) a paragraph's lines end where the browser ended them: explicit breaks, so
        // Office need not wrap the item's text (it breaks Chinese text anywhere, the deck between words).
        const range = document.createRange();
        range.setStartBefore(nodes[0]!);
        range.setEndAfter(nodes[nodes.length - 1]!);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
        const firstTop = Math.min(...rects.map((r) => r.top));
        // Measured character by character, so only for a block of more than one line.
        const starts = item !== undefined && rects.some((r) => r.top > firstTop + lineHeight / 2) ? lineStarts(nodes, lineHeight) : undefined;
        const runs: MeasuredSlide['texts'][number]['paragraphs'][number]['runs'] = [];
        let pendingBreak = false;
        const collect = (node: Node): void => {
          if (node.nodeType === Node.TEXT_NODE) {
            const raw = node.textContent ?? '';
            const cuts = starts?.get(node) ?? [];
            if (cuts.length > 0) {
              // One run per line, each after a break; the space a line ended with is not shown.
              [0, ...cuts].forEach((from, index) => {
                if (index > 0 || from === cuts[0]) {
                  if (runs.length > 0) runs[runs.length - 1]!.text = runs[runs.length - 1]!.text.replace(/ +$/, '');
                  pendingBreak = runs.length > 0;
                }
                const piece = raw.slice(from, index < cuts.length ? cuts[index] : raw.length);
                if (piece !== '') pushRun(node, index > 0 ? piece.replace(/^\s+/, '') : piece);
              });
              return;
            }
            pushRun(node, raw);
            return;
          }
          if (node instanceof HTMLBRElement) {
            pendingBreak = true;
            return;
          }
          if (node instanceof HTMLElement && styleOf(node).display === 'none') return;
          node.childNodes.forEach(collect);
        };
        const pushRun = (node: Node, raw: string): void => {
          const parent = node.parentElement!;
          const style = styleOf(parent);
          const text = raw.replace(/[\u200b\u00ad]/g, '').replace(/\s+/g, ' ');
          if (text === '') return;
          const z = zoomOf(parent);
          const color = hex(style.color)?.color ?? '000000';
          const weight = Number(style.fontWeight) || (style.fontWeight === 'bold' ? 700 : 400);
          runs.push({
            text,
            bold: weight >= 600,
            italic: style.fontStyle === 'italic',
            underline: style.textDecorationLine.includes('underline'),
            color,
            sizePx: px(style.fontSize, z),
            spacingPx: style.letterSpacing === 'normal' ? 0 : px(style.letterSpacing, z),
            ...(parent.classList.contains('dangke-footer-number') ? { slideNumber: true } : {}),
            ...(pendingBreak ? { breakBefore: true } : {}),
          });
          pendingBreak = false;
        };
        nodes.forEach(collect);
        if (runs.length === 0) return;
        runs[0]!.text = runs[0]!.text.replace(/^ +/, '');
        runs[runs.length - 1]!.text = runs[runs.length - 1]!.text.replace(/ +$/, '');
        if (runs.every((run) => run.text.trim() === '')) return;
        if (rects.length === 0) return;
        const left = Math.min(...rects.map((r) => r.left));
        const top = Math.min(...rects.map((r) => r.top));
        const right = Math.max(...rects.map((r) => r.right));
        const bottom = Math.max(...rects.map((r) => r.bottom));
        let box: Box = { x: left - origin.left, y: top - origin.top, w: right - left, h: bottom - top };
        const bullet = bulletOf.get(element);
        let indentPx = 0;
        if (bullet) {
          indentPx = box.x - contentBox.x + px(computed.paddingLeft, zoom);
          box = { ...box, x: box.x - indentPx, w: box.w + indentPx };
        }
        const textAlign = computed.textAlign;
        const flexCentred = computed.display.includes('flex') && computed.justifyContent === 'center' && computed.flexDirection.startsWith('row');
        const align = textAlign === 'center' || flexCentred ? 'center' : textAlign === 'right' || textAlign === 'end' ? 'right' : textAlign === 'justify' ? 'justify' : 'left';
        const list = element.tagName === 'LI' ? element.parentElement : null;
        if (list && !lists.has(list)) lists.set(list, `list${lists.size}`);
        let level = 0;
        for (let up = element.parentElement; up && up !== slide; up = up.parentElement) if (up.tagName === 'UL' || up.tagName === 'OL') level++;
        const role = element.closest('blockquote') ? 'quote' : element.closest('h1, h2, h3') ? 'title' : element.closest('strong, b') && styleOf(element.closest('strong, b')!).display !== 'inline' ? 'figure' : 'body';
        const bulletRoom = bullet ? { ...contentBox, x: contentBox.x - px(computed.paddingLeft, zoom), w: contentBox.w + px(computed.paddingLeft, zoom) } : contentBox;
        result.texts.push({
          box,
          room: bulletRoom,
          role,
          paragraphs: [{ runs, align, lineHeightPx: lineHeight, level: Math.max(0, level - 1), ...(bullet ? { bullet } : {}), indentPx, spaceBeforePx: 0, ...(starts ? { linesBroken: true } : {}) }],
          ...(list && bullet ? { listKey: lists.get(list)! } : {}),
          ...(element.closest('.dangke-footer') ? { footer: true } : {}),
          ...(container !== undefined ? { container } : {}),
          ...(item !== undefined ? { item } : {}),
        });
      };
      for (const child of Array.from(element.childNodes)) {
        if (isInline(child)) {
          group.push(child);
        } else {
          flush();
          if (child instanceof HTMLElement) visit(child);
        }
      }
      flush();
    };
    visit(slide);
    return result;
  });
}
