// A slide's CSS background as native PowerPoint: a fill for the slide's background (a colour or a linear
// gradient) and ornament shapes laid over it (gradient layers, a radial glow, the rays of a repeating conic
// gradient, the slide's ::before/::after boxes and rules). Pure: computed CSS strings in, model out.
// Anything CSS paints that has no faithful native form (an image, a gradient with sizes or repeats PowerPoint has
// no word for) gives undefined, and the caller photographs that background instead, as before.
import type { Box, Gradient, GradientStop, Shape } from './slide-model.ts';

/** What the browser reported about one slide's background (measure-slides.ts). */
export interface BackgroundDescription {
  width: number;
  height: number;
  /** The slide's computed background-color and background-image; its own border widths. */
  color: string;
  image: string;
  borderless: boolean;
  /** The colour under a transparent slide (the print view's page). */
  pageColor: string;
  /** The reveal backdrop element and its children paint nothing. */
  backdropPlain: boolean;
  /** The slide's ::before and ::after, in painting order, when they paint. */
  pseudos: PseudoBox[];
}

export interface PseudoBox {
  /** Border box, slide px; undefined when it is not absolutely placed (then it cannot be placed here). */
  box?: Box;
  color: string;
  image: string;
  borders: { width: number; style: string; color: string }[];
  radius: number;
  transformed: boolean;
  shadow: string;
  opacity: number;
}

export interface NativeBackground {
  /** The slide's background fill: one colour or a linear gradient. */
  fill: { color: string } | { gradient: Gradient };
  /** Shapes over the background, under everything else, in painting order. */
  ornaments: Shape[];
}

interface Rgba {
  color: string;
  alpha: number;
}

export function parseColor(css: string): Rgba | undefined {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!match) return css.trim() === 'transparent' ? { color: '000000', alpha: 0 } : undefined;
  const alphaText = match[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : parseFloat(alphaText);
  const color = [match[1], match[2], match[3]].map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('');
  return { color, alpha };
}

/** Splits at commas outside parentheses. */
export function splitTop(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part !== '');
}

interface RawStop {
  color: Rgba;
  /** Positions as written: "14px", "55%", "5deg". */
  at: string[];
}

function parseStops(args: readonly string[]): RawStop[] | undefined {
  const stops: RawStop[] = [];
  for (const arg of args) {
    const match = /^(rgba?\([^)]*\)|transparent)\s*(.*)$/.exec(arg);
    const color = match ? parseColor(match[1]!) : undefined;
    if (!match || !color) return undefined;
    const at = match[2]!.trim() === '' ? [] : match[2]!.trim().split(/\s+/);
    if (at.length > 2) return undefined;
    stops.push({ color, at });
  }
  return stops.length >= 2 ? stops : undefined;
}

/**
 * Stops with positions along a line of `length` px (or degrees), as CSS resolves them: a stop without a
 * position shares the room between its neighbours, none goes back before the one before it.
 */
function resolveStops(raw: readonly RawStop[], length: number, unit: 'px' | 'deg'): { at: number; color: Rgba }[] | undefined {
  const flat: { at: number | undefined; color: Rgba }[] = [];
  for (const stop of raw) {
    if (stop.at.length === 0) flat.push({ at: undefined, color: stop.color });
    for (const position of stop.at) {
      const value = parseFloat(position);
      if (Number.isNaN(value)) return undefined;
      let at: number;
      if (position.endsWith('%')) at = (value / 100) * length;
      else if (unit === 'px' && position.endsWith('px')) at = value;
      else if (unit === 'deg' && position.endsWith('deg')) at = value;
      else if (unit === 'deg' && position.endsWith('turn')) at = value * 360;
      else if (value === 0) at = 0;
      else return undefined;
      flat.push({ at, color: stop.color });
    }
  }
  if (flat[0]!.at === undefined) flat[0]!.at = 0;
  if (flat[flat.length - 1]!.at === undefined) flat[flat.length - 1]!.at = length;
  for (let i = 1; i < flat.length; i++) {
    if (flat[i]!.at !== undefined) continue;
    let j = i;
    while (flat[j]!.at === undefined) j++;
    const from = flat[i - 1]!.at!;
    const to = flat[j]!.at!;
    for (let k = i; k < j; k++) flat[k]!.at = from + ((to - from) * (k - i + 1)) / (j - i + 1);
  }
  let last = -Infinity;
  return flat.map((stop) => {
    last = Math.max(last, stop.at!);
    return { at: last, color: stop.color };
  });
}

const sameColor = (a: Rgba, b: Rgba): boolean => a.color === b.color && Math.abs(a.alpha - b.alpha) < 0.005;

/** A CSS <position> ("50% 115%", "center bottom", "640px 828px") in slide px. */
function parsePosition(text: string, width: number, height: number): { x: number; y: number } | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length === 1) words.push('center');
  if (words.length !== 2) return undefined;
  let [first, second] = words as [string, string];
  if (first === 'top' || first === 'bottom' || second === 'left' || second === 'right') [first, second] = [second, first];
  const axis = (word: string, size: number, low: string, high: string): number | undefined => {
    if (word === low) return 0;
    if (word === high) return size;
    if (word === 'center') return size / 2;
    if (word.endsWith('%')) return (parseFloat(word) / 100) * size;
    if (word.endsWith('px')) return parseFloat(word);
    return undefined;
  };
  const x = axis(first, width, 'left', 'right');
  const y = axis(second, height, 'top', 'bottom');
  return x === undefined || y === undefined ? undefined : { x, y };
}

const SLIDE = (width: number, height: number): Box => ({ x: 0, y: 0, w: width, h: height });

function plainRect(box: Box, fill: Rgba): Shape {
  return { box, kind: 'rect', fill: { color: fill.color, alpha: fill.alpha }, radiusPx: 0, rotation: 0 };
}

/** A linear-gradient layer: bands of flat colour (the quote slide's red and gold rules) or one gradient. */
function linearLayer(args: string[], box: Box): { gradient: Gradient } | { bands: Shape[] } | undefined {
  let angle = 180;
  const first = args[0]!;
  if (/^-?[\d.]+(deg|turn|rad)$/.test(first)) {
    const value = parseFloat(first);
    angle = first.endsWith('turn') ? value * 360 : first.endsWith('rad') ? (value * 180) / Math.PI : value;
    args = args.slice(1);
  } else if (first.startsWith('to ')) {
    const sides: Record<string, number> = { 'to top': 0, 'to right': 90, 'to bottom': 180, 'to left': 270 };
    if (!(first in sides)) return undefined;
    angle = sides[first]!;
    args = args.slice(1);
  }
  angle = ((angle % 360) + 360) % 360;
  const raw = parseStops(args);
  if (!raw) return undefined;
  const radians = (angle * Math.PI) / 180;
  const length = Math.abs(box.w * Math.sin(radians)) + Math.abs(box.h * Math.cos(radians));
  const stops = resolveStops(raw, length, 'px');
  if (!stops) return undefined;
  // Flat bands between hard stops, along an edge of the slide: rectangles a user can pick and recolour.
  const axisAligned = angle % 90 === 0;
  const smooth = stops.some((stop, i) => i > 0 && stop.at - stops[i - 1]!.at > 0.5 && !sameColor(stop.color, stops[i - 1]!.color));
  if (axisAligned && !smooth) {
    const bands: Shape[] = [];
    const edges = [{ at: 0, color: stops[0]!.color }, ...stops, { at: length, color: stops[stops.length - 1]!.color }];
    for (let i = 1; i < edges.length; i++) {
      const from = Math.max(0, edges[i - 1]!.at);
      const to = Math.min(length, edges[i]!.at);
      const color = edges[i]!.color;
      if (to - from < 0.25 || color.alpha <= 0.005 || !sameColor(edges[i - 1]!.color, color)) continue;
      // Along the gradient line: 180deg runs down from the top, 0deg up from the bottom, 90deg right, 270deg left.
      const band =
        angle === 180 ? { x: box.x, y: box.y + from, w: box.w, h: to - from }
        : angle === 0 ? { x: box.x, y: box.y + box.h - to, w: box.w, h: to - from }
        : angle === 90 ? { x: box.x + from, y: box.y, w: to - from, h: box.h }
        : { x: box.x + box.w - to, y: box.y, w: to - from, h: box.h };
      bands.push(plainRect(band, color));
    }
    return { bands };
  }
  const gsList: GradientStop[] = stops.map((stop) => ({ at: Math.max(0, Math.min(1, stop.at / length)), color: stop.color.color, alpha: stop.color.alpha }));
  return { gradient: { kind: 'linear', angle, stops: gsList } };
}

/** Ellipses stacked to draw a glow: enough that the steps between them do not show at a few per cent each. */
const GLOW_RINGS = 10;

/**
 * A radial-gradient layer of one colour fading to transparent (a glow): stacked translucent ellipses, cut to
 * the slide, whose alphas add up to the gradient's ramp. Plain translucent fills, because gradient stops with
 * their own transparency are not drawn by every Office program (LibreOffice before 7.6 draws them opaque).
 * The size keywords are understood (farthest-corner by default), explicit sizes are not.
 */
function radialLayer(args: string[], box: Box): Shape[] | undefined {
  let shape: 'ellipse' | 'circle' = 'ellipse';
  let size = 'farthest-corner';
  let centre = { x: box.w / 2, y: box.h / 2 };
  if (!/^(rgba?\(|transparent)/.test(args[0]!)) {
    const [shapeAndSize = '', at] = args[0]!.split(/\bat\b/).map((part) => part.trim());
    for (const word of shapeAndSize.split(/\s+/).filter(Boolean)) {
      if (word === 'circle' || word === 'ellipse') shape = word;
      else if (['closest-side', 'farthest-side', 'closest-corner', 'farthest-corner'].includes(word)) size = word;
      else return undefined;
    }
    if (at !== undefined) {
      const position = parsePosition(at, box.w, box.h);
      if (!position) return undefined;
      centre = position;
    }
    args = args.slice(1);
  }
  const dx = [centre.x, box.w - centre.x].map(Math.abs);
  const dy = [centre.y, box.h - centre.y].map(Math.abs);
  let rx: number;
  let ry: number;
  if (size === 'closest-side' || size === 'farthest-side') {
    const pick = size === 'closest-side' ? Math.min : Math.max;
    rx = pick(dx[0]!, dx[1]!);
    ry = pick(dy[0]!, dy[1]!);
    if (shape === 'circle') rx = ry = pick(rx, ry);
  } else {
    const pick = size === 'closest-corner' ? Math.min : Math.max;
    const cx = pick(dx[0]!, dx[1]!);
    const cy = pick(dy[0]!, dy[1]!);
    if (shape === 'circle') {
      rx = ry = Math.hypot(cx, cy);
    } else {
      // The ellipse through that corner with the side-sized ellipse's proportions: √2 times the sides.
      rx = cx * Math.SQRT2;
      ry = cy * Math.SQRT2;
    }
  }
  const raw = parseStops(args);
  if (!raw || rx <= 0 || ry <= 0) return undefined;
  const stops = resolveStops(raw, rx, 'px');
  if (!stops) return undefined;
  const last = stops[stops.length - 1]!;
  // Past its last stop a radial gradient keeps painting its last colour: only a fade to nothing is an ellipse.
  if (last.color.alpha > 0.005 || last.at <= 0) return undefined;
  if (stops.some((stop) => stop.color.alpha > 0.005 && stop.color.color !== stops[0]!.color.color)) return undefined;
  const color = stops.find((stop) => stop.color.alpha > 0.005)?.color.color ?? stops[0]!.color.color;
  const alphaAt = (distance: number): number => {
    if (distance <= stops[0]!.at) return stops[0]!.color.alpha;
    for (let i = 1; i < stops.length; i++) {
      const a = stops[i - 1]!;
      const b = stops[i]!;
      if (distance <= b.at) return b.at - a.at < 1e-6 ? b.color.alpha : a.color.alpha + ((b.color.alpha - a.color.alpha) * (distance - a.at)) / (b.at - a.at);
    }
    return 0;
  };
  const shapes: Shape[] = [];
  let below = 0;
  for (let ring = 0; ring < GLOW_RINGS; ring++) {
    // Ring `ring` covers the middle of the gradient out to this fraction of its last stop.
    const outer = 1 - ring / GLOW_RINGS;
    const wanted = alphaAt(last.at * (outer - 0.5 / GLOW_RINGS));
    // Alpha of one more layer over `below` so that together they show `wanted`.
    const alpha = wanted <= below ? 0 : 1 - (1 - wanted) / (1 - below);
    below = Math.max(below, wanted);
    if (alpha < 0.002) continue;
    const points: { x: number; y: number }[] = [];
    for (let i = 0; i < 96; i++) {
      const angle = (i / 96) * 2 * Math.PI;
      // Stops are measured along the x radius; the y radius is in proportion.
      points.push({ x: box.x + centre.x + last.at * outer * Math.cos(angle), y: box.y + centre.y + last.at * (ry / rx) * outer * Math.sin(angle) });
    }
    const clipped = clipToBox(points, box);
    if (clipped.length < 3) continue;
    shapes.push(polygonShape([clipped], { color, alpha }));
  }
  return shapes;
}

/** Polygons as one custom shape, its frame their bounds. */
function polygonShape(polygons: { x: number; y: number }[][], fill: Rgba): Shape {
  const xs = polygons.flat().map((p) => p.x);
  const ys = polygons.flat().map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { box: { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }, kind: 'custom', polygons, fill: { color: fill.color, alpha: fill.alpha }, radiusPx: 0, rotation: 0 };
}

/** Sutherland–Hodgman: a convex polygon cut to a box. */
function clipToBox(points: { x: number; y: number }[], box: Box): { x: number; y: number }[] {
  const edges: [(p: { x: number; y: number }) => boolean, (a: { x: number; y: number }, b: { x: number; y: number }) => { x: number; y: number }][] = [
    [(p) => p.x >= box.x, (a, b) => ({ x: box.x, y: a.y + ((b.y - a.y) * (box.x - a.x)) / (b.x - a.x) })],
    [(p) => p.x <= box.x + box.w, (a, b) => ({ x: box.x + box.w, y: a.y + ((b.y - a.y) * (box.x + box.w - a.x)) / (b.x - a.x) })],
    [(p) => p.y >= box.y, (a, b) => ({ x: a.x + ((b.x - a.x) * (box.y - a.y)) / (b.y - a.y), y: box.y })],
    [(p) => p.y <= box.y + box.h, (a, b) => ({ x: a.x + ((b.x - a.x) * (box.y + box.h - a.y)) / (b.y - a.y), y: box.y + box.h })],
  ];
  let output = points;
  for (const [inside, cut] of edges) {
    const input = output;
    output = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i]!;
      const previous = input[(i + input.length - 1) % input.length]!;
      if (inside(current)) {
        if (!inside(previous)) output.push(cut(previous, current));
        output.push(current);
      } else if (inside(previous)) {
        output.push(cut(previous, current));
      }
    }
    if (output.length === 0) break;
  }
  return output;
}

/**
 * A repeating-conic-gradient of flat sectors (the red slides' rays): the coloured sectors as wedges cut to the
 * slide, one shape per colour. A conic gradient that blends between its colours has no native form.
 */
function conicLayer(args: string[], box: Box, repeating: boolean): Shape[] | undefined {
  let from = 0;
  let centre = { x: box.w / 2, y: box.h / 2 };
  if (!/^(rgba?\(|transparent)/.test(args[0]!)) {
    const config = /^(?:from\s+(-?[\d.]+)deg)?\s*(?:at\s+(.+))?$/.exec(args[0]!.trim());
    if (!config) return undefined;
    from = config[1] ? parseFloat(config[1]) : 0;
    if (config[2]) {
      const position = parsePosition(config[2], box.w, box.h);
      if (!position) return undefined;
      centre = position;
    }
    args = args.slice(1);
  }
  const raw = parseStops(args);
  if (!raw) return undefined;
  const stops = resolveStops(raw, 360, 'deg');
  if (!stops) return undefined;
  const smooth = stops.some((stop, i) => i > 0 && stop.at - stops[i - 1]!.at > 0.01 && !sameColor(stop.color, stops[i - 1]!.color));
  if (smooth) return undefined;
  const start = stops[0]!.at;
  const period = repeating ? stops[stops.length - 1]!.at - start : 360;
  if (period < 1) return undefined;
  const sectors = new Map<string, { color: Rgba; spans: [number, number][] }>();
  const add = (color: Rgba, a: number, b: number): void => {
    if (color.alpha <= 0.005 || b - a < 0.01) return;
    const key = `${color.color}/${color.alpha}`;
    const entry = sectors.get(key) ?? { color, spans: [] };
    entry.spans.push([a, b]);
    sectors.set(key, entry);
  };
  for (let offset = repeating ? start - Math.ceil(start / period) * period : 0; offset < 360; offset += period) {
    for (let i = 1; i < stops.length; i++) {
      if (!sameColor(stops[i - 1]!.color, stops[i]!.color)) continue;
      add(stops[i]!.color, Math.max(0, stops[i - 1]!.at + offset - start), Math.min(360, stops[i]!.at + offset - start));
    }
    if (!repeating) break;
  }
  const reach = 2 * (box.w + box.h) + Math.hypot(centre.x, centre.y);
  const at = (degrees: number): { x: number; y: number } => {
    const radians = ((degrees + from) * Math.PI) / 180;
    return { x: box.x + centre.x + reach * Math.sin(radians), y: box.y + centre.y - reach * Math.cos(radians) };
  };
  const shapes: Shape[] = [];
  for (const { color, spans } of sectors.values()) {
    const polygons = spans
      .map(([a, b]) => {
        const points = [{ x: box.x + centre.x, y: box.y + centre.y }];
        const steps = Math.max(1, Math.ceil((b - a) / 30));
        for (let s = 0; s <= steps; s++) points.push(at(a + ((b - a) * s) / steps));
        return clipToBox(points, box);
      })
      .filter((polygon) => polygon.length >= 3);
    if (polygons.length > 0) shapes.push(polygonShape(polygons, color));
  }
  return shapes;
}

/** One background-image layer over `box`: shapes, or a gradient fit for the slide's own fill. */
function layer(text: string, box: Box): { gradient: Gradient } | { shapes: Shape[] } | undefined {
  const match = /^(repeating-)?(linear|radial|conic)-gradient\((.*)\)$/s.exec(text.trim());
  if (!match) return undefined;
  const args = splitTop(match[3]!);
  if (args.length < 2) return undefined;
  const [, repeating, kind] = match;
  if (kind === 'linear' && !repeating) {
    const result = linearLayer(args, box);
    if (!result) return undefined;
    return 'bands' in result ? { shapes: result.bands } : result;
  }
  if (kind === 'radial' && !repeating) {
    const shapes = radialLayer(args, box);
    return shapes ? { shapes } : undefined;
  }
  if (kind === 'conic') {
    const shapes = conicLayer(args, box, repeating !== undefined);
    return shapes ? { shapes } : undefined;
  }
  return undefined;
}

/** A box drawn by ::before/::after: its fill, then its borders (a double border as two thin rules). */
function pseudoShapes(pseudo: PseudoBox): Shape[] | undefined {
  if (!pseudo.box || pseudo.transformed || pseudo.opacity < 0.999 || (pseudo.shadow !== 'none' && pseudo.shadow !== '')) return undefined;
  const box = pseudo.box;
  const shapes: Shape[] = [];
  const fill = parseColor(pseudo.color);
  if (pseudo.image !== 'none') {
    for (const text of splitTop(pseudo.image).reverse().filter((part) => part !== 'none')) {
      const painted = layer(text, box);
      if (!painted || 'gradient' in painted) {
        if (painted && 'gradient' in painted) shapes.push({ box, kind: 'rect', gradient: painted.gradient, radiusPx: pseudo.radius, rotation: 0 });
        else return undefined;
      } else {
        shapes.push(...painted.shapes);
      }
    }
  }
  if (fill && fill.alpha > 0.005) shapes.unshift({ box, kind: 'rect', fill: { color: fill.color, alpha: fill.alpha }, radiusPx: pseudo.radius, rotation: 0 });
  const [top, right, bottom, left] = pseudo.borders as [PseudoBox['borders'][number], PseudoBox['borders'][number], PseudoBox['borders'][number], PseudoBox['borders'][number]];
  const sides = [
    { side: top, edge: (from: number, w: number) => ({ x: box.x, y: box.y + from, w: box.w, h: w }) },
    { side: right, edge: (from: number, w: number) => ({ x: box.x + box.w - from - w, y: box.y, w, h: box.h }) },
    { side: bottom, edge: (from: number, w: number) => ({ x: box.x, y: box.y + box.h - from - w, w: box.w, h: w }) },
    { side: left, edge: (from: number, w: number) => ({ x: box.x + from, y: box.y, w, h: box.h }) },
  ];
  for (const { side, edge } of sides) {
    const color = parseColor(side.color);
    if (side.width <= 0.3 || side.style === 'none' || side.style === 'hidden' || !color || color.alpha <= 0.005) continue;
    if (side.style === 'double' && side.width >= 3) {
      // CSS draws a double border as two rules of a third of its width with a third between them.
      const third = side.width / 3;
      shapes.push(plainRect(edge(0, third), color), plainRect(edge(2 * third, third), color));
    } else if (side.style === 'solid') {
      shapes.push(plainRect(edge(0, side.width), color));
    } else {
      return undefined;
    }
  }
  return shapes;
}

/** The slide's background in native form, or undefined when some part of it has none. */
export function nativeBackground(description: BackgroundDescription): NativeBackground | undefined {
  if (!description.borderless || !description.backdropPlain) return undefined;
  const slide = SLIDE(description.width, description.height);
  const own = parseColor(description.color);
  const page = parseColor(description.pageColor);
  const base = own && own.alpha > 0.995 ? own : page && page.alpha > 0.995 ? page : undefined;
  if (!base) return undefined;
  let fill: NativeBackground['fill'] = { color: base.color };
  const ornaments: Shape[] = [];
  // A translucent slide colour over the page: a full-slide shape of that colour.
  if (own && own !== base && own.alpha > 0.005) ornaments.push(plainRect(slide, own));
  if (description.image !== 'none') {
    // CSS lists the top layer first; PowerPoint paints in order.
    // "none" holds a layer's place in the list (background: gradient, colour) and paints nothing.
    const layers = splitTop(description.image).reverse().filter((text) => text !== 'none');
    for (const [index, text] of layers.entries()) {
      const painted = layer(text, slide);
      if (!painted) return undefined;
      if ('gradient' in painted) {
        const opaque = painted.gradient.stops.every((stop) => stop.alpha > 0.995);
        if (index === 0 && opaque && ornaments.length === 0) fill = { gradient: painted.gradient };
        else ornaments.push({ box: slide, kind: 'rect', gradient: painted.gradient, radiusPx: 0, rotation: 0 });
      } else {
        ornaments.push(...painted.shapes);
      }
    }
  }
  for (const pseudo of description.pseudos) {
    const shapes = pseudoShapes(pseudo);
    if (!shapes) return undefined;
    ornaments.push(...shapes);
  }
  return { fill, ornaments };
}

/**
 * An element's gradient background (the title band's dark-to-red veil, the timeline's gold-red-gold line) as
 * one opaque linear gradient: a single linear layer, its translucent stops laid over the element's own colour
 * (`base`, opaque) when it has one. Undefined when it is more than that; the caller keeps the plain fill.
 */
export function elementGradient(css: string, box: Box, base: { color: string; alpha: number } | undefined): Gradient | undefined {
  const layers = splitTop(css).filter((text) => text !== 'none');
  if (layers.length !== 1) return undefined;
  const painted = layer(layers[0]!, { x: 0, y: 0, w: box.w, h: box.h });
  if (!painted || !('gradient' in painted) || painted.gradient.kind !== 'linear') return undefined;
  const under = base && base.alpha > 0.995 ? base.color : undefined;
  if (!under && painted.gradient.stops.some((stop) => stop.alpha < 0.995)) return undefined;
  const channel = (hex: string, i: number): number => parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  const stops = painted.gradient.stops.map((stop) => {
    if (!under || stop.alpha > 0.995) return { ...stop, alpha: 1 };
    const color = [0, 1, 2].map((i) => Math.round(channel(stop.color, i) * stop.alpha + channel(under, i) * (1 - stop.alpha)).toString(16).padStart(2, '0')).join('');
    return { at: stop.at, color, alpha: 1 };
  });
  return { ...painted.gradient, stops };
}
