// One slide's XML (ppt/slides/slideN.xml) from its measured model: the background picture, then shapes,
// pictures and text boxes in the order the browser painted them, the footer's pieces as one group on top. Pure.
// Units: slide px × emu (EMU per px) for positions; font sizes px × 75 (hundredths of a point: 1 px = 0.75 pt).
import { TYPEFACES } from './fonts.ts';
import type { PlacedShape, ShapeText } from './shape-text.ts';
import type { Box, Gradient, Picture, Shape, TextBlock, TextParagraph, TextRun } from './slide-model.ts';
import { esc, PML_NS, XML_HEAD } from './xml.ts';

export interface SlideMedia {
  /** Relationship id of the background picture. */
  background?: string;
  /** Per picture: its relationship id, or undefined when it is missing (a placeholder is drawn). */
  pictures: (string | undefined)[];
}

const PLACEHOLDER_FILL = 'f2f2f2';
const PLACEHOLDER_LINE = '999999';
const PLACEHOLDER_TEXT = '666666';

/** Hundredths of a point from slide px. */
const hundredthsPt = (px: number): number => Math.max(100, Math.round(px * 75));

function xfrm(box: Box, emu: number, rotation = 0): string {
  const rot = rotation !== 0 ? ` rot="${Math.round(rotation * 60000)}"` : '';
  const cx = Math.max(1, Math.round(box.w * emu));
  const cy = Math.max(1, Math.round(box.h * emu));
  return `<a:xfrm${rot}><a:off x="${Math.round(box.x * emu)}" y="${Math.round(box.y * emu)}"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>`;
}

function solid(color: string, alpha = 1): string {
  const alphaXml = alpha < 0.999 ? `<a:alpha val="${Math.round(alpha * 100000)}"/>` : '';
  return `<a:solidFill><a:srgbClr val="${color}">${alphaXml}</a:srgbClr></a:solidFill>`;
}

/**
 * A gradient fill. Linear: CSS measures angles from "up" clockwise (180deg runs down), DrawingML from "right"
 * clockwise, so 90° apart; scaled="0" keeps the angle whatever the shape's proportions. Radial: a circle path
 * filling in to the centre point, from the shape's edge (DrawingML's stop 0) to its centre.
 */
function gradientFill(gradient: Gradient): string {
  // A path gradient's stops run from the edge (0) in to the centre (100000): the other way round from CSS.
  const ordered = gradient.kind === 'radial' ? [...gradient.stops].reverse().map((stop) => ({ ...stop, at: 1 - stop.at })) : gradient.stops;
  const stops = ordered
    .map((stop) => {
      const alpha = stop.alpha < 0.999 ? `<a:alpha val="${Math.round(stop.alpha * 100000)}"/>` : '';
      return `<a:gs pos="${Math.round(stop.at * 100000)}"><a:srgbClr val="${stop.color}">${alpha}</a:srgbClr></a:gs>`;
    })
    .join('');
  const direction =
    gradient.kind === 'linear'
      ? `<a:lin ang="${Math.round((((gradient.angle - 90) % 360) + 360) % 360) * 60000}" scaled="0"/>`
      : '<a:path path="circle"><a:fillToRect l="50000" t="50000" r="50000" b="50000"/></a:path>';
  return `<a:gradFill rotWithShape="1"><a:gsLst>${stops}</a:gsLst>${direction}</a:gradFill>`;
}

/** Polygons (slide px) as one custom geometry in the shape's own coordinates (EMU). */
function customGeometry(shape: Shape, emu: number): string {
  const w = Math.max(1, Math.round(shape.box.w * emu));
  const h = Math.max(1, Math.round(shape.box.h * emu));
  const point = (p: { x: number; y: number }): string => `<a:pt x="${Math.round((p.x - shape.box.x) * emu)}" y="${Math.round((p.y - shape.box.y) * emu)}"/>`;
  const path = (shape.polygons ?? [])
    .map((polygon) => `<a:moveTo>${point(polygon[0]!)}</a:moveTo>${polygon.slice(1).map((p) => `<a:lnTo>${point(p)}</a:lnTo>`).join('')}<a:close/>`)
    .join('');
  return `<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="${w}" h="${h}">${path}</a:path></a:pathLst></a:custGeom>`;
}

function geometry(shape: Shape, emu: number): string {
  if (shape.kind === 'custom') return customGeometry(shape, emu);
  if (shape.kind === 'ellipse') return '<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom>';
  const short = Math.min(shape.box.w, shape.box.h);
  if (shape.radiusPx > 0.5 && short > 0) {
    const adj = Math.min(50000, Math.round((shape.radiusPx / short) * 100000));
    return `<a:prstGeom prst="roundRect"><a:avLst><a:gd name="adj" fmla="val ${adj}"/></a:avLst></a:prstGeom>`;
  }
  return '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>';
}

const ANCHOR: Record<ShapeText['anchor'], string> = { top: 't', middle: 'ctr', bottom: 'b' };

/** A shape's text body: its paragraphs where the browser set them (insets), wrapping within the shape. */
function shapeTextXml(text: ShapeText, emu: number, fieldId: string): string {
  const inset = (px: number): number => Math.round(px * emu);
  const { left, top, right, bottom } = text.insets;
  return (
    // noAutofit: the shape keeps the size the deck gave it, and PowerPoint does not shrink the words.
    `<p:txBody><a:bodyPr wrap="${text.wrap ? 'square' : 'none'}" lIns="${inset(left)}" tIns="${inset(top)}" rIns="${inset(right)}" bIns="${inset(bottom)}" anchor="${ANCHOR[text.anchor]}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>` +
    text.paragraphs.map(({ paragraph, role }) => paragraphXml(paragraph, role, emu, fieldId)).join('') +
    '</p:txBody>'
  );
}

function shapeXml(shape: PlacedShape, id: number, emu: number, fieldId: string, ornament = false): string {
  const fill = shape.gradient ? gradientFill(shape.gradient) : shape.fill ? solid(shape.fill.color, shape.fill.alpha) : '<a:noFill/>';
  const line = shape.line ? `<a:ln w="${Math.round(shape.line.widthPx * emu)}">${solid(shape.line.color, shape.line.alpha)}</a:ln>` : '<a:ln><a:noFill/></a:ln>';
  const name = ornament ? '背景装饰' : !shape.text ? '形状' : shape.text.footer ? '页脚' : shape.text.paragraphs[0]?.role === 'title' ? '标题' : '文本形状';
  // The background's ornaments are part of the background: not picked by a click meant for the text on them.
  const locks = ornament ? '<a:spLocks noGrp="1" noSelect="1"/>' : '';
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name} ${id}"/><p:cNvSpPr>${locks}</p:cNvSpPr><p:nvPr/></p:nvSpPr>` +
    `<p:spPr>${xfrm(shape.box, emu, shape.rotation)}${geometry(shape, emu)}${fill}${line}</p:spPr>` +
    `${shape.text ? shapeTextXml(shape.text, emu, fieldId) : ''}</p:sp>`
  );
}

/** A group (p:grpSp) round `boxes`, its children written by `children` (after the group took its id). */
function groupXml(boxes: readonly Box[], next: () => number, emu: number, children: () => string, name = '组合'): string {
  const id = next();
  const bounds = boxes.reduce((a, b) => {
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
  });
  const frame = xfrm(bounds, emu);
  // Child coordinates are slide coordinates: the group's child frame is its own frame.
  const groupFrame = frame.replace('</a:xfrm>', `${frame.match(/<a:off [^>]*>/)![0].replace('a:off', 'a:chOff')}${frame.match(/<a:ext [^>]*>/)![0].replace('a:ext', 'a:chExt')}</a:xfrm>`);
  return `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="${id}" name="${name} ${id}"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr>${groupFrame}</p:grpSpPr>${children()}</p:grpSp>`;
}

/** Consecutive runs of shapes that share `key` (when it is set), each passed to `write`. */
function runsOf(shapes: readonly PlacedShape[], key: (shape: PlacedShape) => number | undefined, write: (run: PlacedShape[]) => string): string {
  const out: string[] = [];
  for (let start = 0; start < shapes.length; ) {
    const value = key(shapes[start]!);
    let end = start + 1;
    while (value !== undefined && end < shapes.length && key(shapes[end]!) === value) end++;
    out.push(write(shapes.slice(start, end)));
    start = end;
  }
  return out.join('');
}

/**
 * The shapes in painting order; the shapes drawn for one element that holds text (its shadow, its box with the
 * text, its odd border sides such as the card's red top) as one group, so they move together; the shapes of an
 * item with the shape holding its text (item-shapes.ts) as a group round those.
 */
function shapesXml(shapes: readonly PlacedShape[], next: () => number, emu: number, fieldId: string): string {
  const elementsXml = (run: readonly PlacedShape[]): string =>
    runsOf(run, (shape) => shape.element, (elementRun) =>
      elementRun.length > 1 && elementRun.some((shape) => shape.text)
        ? groupXml(elementRun.map((shape) => shape.box), next, emu, () => elementRun.map((shape) => shapeXml(shape, next(), emu, fieldId)).join(''))
        : elementRun.map((shape) => shapeXml(shape, next(), emu, fieldId)).join(''),
    );
  // Shapes of no item pass through as one run (-1), so that an element's shapes stay together.
  return runsOf(shapes, (shape) => shape.group ?? -1, (run) => (run[0]!.group !== undefined && run.length > 1 ? groupXml(run.map((shape) => shape.box), next, emu, () => elementsXml(run)) : elementsXml(run)));
}

function runProperties(run: TextRun, role: TextBlock['role']): string {
  const faces = TYPEFACES[role];
  const attributes = [
    'lang="zh-CN"',
    'altLang="en-US"',
    `sz="${hundredthsPt(run.sizePx)}"`,
    `b="${run.bold ? 1 : 0}"`,
    `i="${run.italic ? 1 : 0}"`,
    ...(run.underline ? ['u="sng"'] : []),
    ...(Math.abs(run.spacingPx) > 0.05 ? [`spc="${Math.round(run.spacingPx * 75)}"`] : []),
    'dirty="0"',
  ].join(' ');
  return `<a:rPr ${attributes}>${solid(run.color)}<a:latin typeface="${esc(faces.latin)}"/><a:ea typeface="${esc(faces.ea)}"/><a:cs typeface="${esc(faces.latin)}"/></a:rPr>`;
}

function runsXml(runs: readonly TextRun[], role: TextBlock['role'], fieldId: string): string {
  return runs
    .map((run) => {
      const breakXml = run.breakBefore ? `<a:br>${runProperties(run, role)}</a:br>` : '';
      const number = run.slideNumber ? /^(\s*)(\d+)(.*)$/s.exec(run.text) : null;
      if (number) {
        // "3 / 28": the 3 is PowerPoint's slide-number field, so it stays right when slides are moved.
        const [, lead = '', digits = '', rest = ''] = number;
        const parts = [
          lead ? `<a:r>${runProperties(run, role)}<a:t>${esc(lead)}</a:t></a:r>` : '',
          `<a:fld id="${fieldId}" type="slidenum">${runProperties(run, role)}<a:t>${esc(digits)}</a:t></a:fld>`,
          rest ? `<a:r>${runProperties(run, role)}<a:t>${esc(rest)}</a:t></a:r>` : '',
        ];
        return breakXml + parts.join('');
      }
      return `${breakXml}<a:r>${runProperties(run, role)}<a:t>${esc(run.text)}</a:t></a:r>`;
    })
    .join('');
}

const ALIGN: Record<TextParagraph['align'], string> = { left: 'l', center: 'ctr', right: 'r', justify: 'just' };

function paragraphXml(paragraph: TextParagraph, role: TextBlock['role'], emu: number, fieldId: string): string {
  const hanging = paragraph.bullet ? Math.round(paragraph.indentPx * emu) : 0;
  const margin = Math.round(((paragraph.leftPx ?? 0) + paragraph.indentPx) * emu);
  // marR always written: LibreOffice carries a paragraph's right margin over to the next one that omits it.
  const right = ` marR="${Math.round((paragraph.rightPx ?? 0) * emu)}"`;
  const indentAttributes = ` marL="${margin}"${right} indent="${-hanging}"`;
  const level = paragraph.level > 0 ? ` lvl="${Math.min(8, paragraph.level)}"` : '';
  const spacing =
    `<a:lnSpc><a:spcPts val="${hundredthsPt(paragraph.lineHeightPx)}"/></a:lnSpc>` +
    (paragraph.spaceBeforePx > 0.5 ? `<a:spcBef><a:spcPts val="${Math.round(paragraph.spaceBeforePx * 75)}"/></a:spcBef>` : '<a:spcBef><a:spcPts val="0"/></a:spcBef>');
  const firstSize = paragraph.runs[0]?.sizePx ?? 16;
  const bullet = paragraph.bullet
    ? `<a:buClr><a:srgbClr val="${paragraph.bullet.color}"/></a:buClr>` +
      `<a:buSzPct val="${Math.max(25000, Math.min(400000, Math.round((paragraph.bullet.sizePx / firstSize) * 100000)))}"/>` +
      `<a:buFont typeface="${esc(TYPEFACES.body.ea)}"/><a:buChar char="${esc(paragraph.bullet.char)}"/>`
    : '<a:buNone/>';
  const endSize = hundredthsPt(firstSize);
  return (
    `<a:p><a:pPr${indentAttributes}${level} algn="${ALIGN[paragraph.align]}">${spacing}${bullet}</a:pPr>` +
    `${runsXml(paragraph.runs, role, fieldId)}<a:endParaRPr lang="zh-CN" altLang="en-US" sz="${endSize}" dirty="0"/></a:p>`
  );
}

function textBoxXml(block: TextBlock, id: number, emu: number, fieldId: string): string {
  const name = block.footer ? `页脚 ${id}` : block.role === 'title' ? `标题 ${id}` : `文本框 ${id}`;
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr>${xfrm(block.box, emu)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>` +
    // No insets: the box is where the browser put the lines. normAutofit: if Office's fonts still need more
    // room, PowerPoint shrinks the text rather than letting it run out of the box.
    `<p:txBody><a:bodyPr wrap="${block.singleLine ? 'none' : 'square'}" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>` +
    block.paragraphs.map((paragraph) => paragraphXml(paragraph, block.role, emu, fieldId)).join('') +
    '</p:txBody></p:sp>'
  );
}

function pictureXml(picture: Picture, relId: string, id: number, emu: number): string {
  return (
    `<p:pic><p:nvPicPr><p:cNvPr id="${id}" name="图片 ${id}" descr="${esc(picture.alt)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>` +
    `<p:blipFill><a:blip r:embed="${relId}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
    `<p:spPr>${xfrm(picture.box, emu)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`
  );
}

/** A missing picture: a grey dashed box saying which file is missing, so nobody presents a gap unknowingly. */
function placeholderXml(picture: Picture, id: number, emu: number): string {
  const box = picture.box.w >= 40 && picture.box.h >= 30 ? picture.box : { ...picture.box, w: Math.max(picture.box.w, 320), h: Math.max(picture.box.h, 180) };
  const run: TextRun = { text: `图片缺失：${picture.src}`, bold: false, italic: false, underline: false, color: PLACEHOLDER_TEXT, sizePx: 20, spacingPx: 0 };
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="图片占位 ${id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr>${xfrm(box, emu)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${solid(PLACEHOLDER_FILL)}` +
    `<a:ln w="19050">${solid(PLACEHOLDER_LINE)}<a:prstDash val="dash"/></a:ln></p:spPr>` +
    `<p:txBody><a:bodyPr wrap="square" anchor="ctr" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>` +
    `<a:p><a:pPr algn="ctr"><a:buNone/></a:pPr><a:r>${runProperties(run, 'body')}<a:t>${esc(run.text)}</a:t></a:r></a:p></p:txBody></p:sp>`
  );
}

export interface SlideXmlInput {
  slide: { shapes: readonly PlacedShape[]; pictures: readonly Picture[]; ornaments?: readonly Shape[]; backgroundGradient?: Gradient };
  /** The slide's text boxes after arrangeTexts. */
  texts: readonly TextBlock[];
  media: SlideMedia;
  /** EMU per slide px. */
  emu: number;
  /** Fallback background colour when there is no picture. */
  backgroundColor: string;
}

export function slideXml({ slide, texts, media, emu, backgroundColor }: SlideXmlInput): string {
  let id = 1;
  const next = (): number => ++id;
  const fieldId = '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}';
  const background = media.background
    ? `<p:bg><p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="${media.background}"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>`
    : `<p:bg><p:bgPr>${slide.backgroundGradient ? gradientFill(slide.backgroundGradient) : solid(backgroundColor)}<a:effectLst/></p:bgPr></p:bg>`;
  // The footer (its rule, the number's pill, the short title…) is one group on top, as it is one line in the deck.
  const isFooter = (shape: PlacedShape): boolean => shape.footer === true || shape.text?.footer === true;
  const footerShapes = slide.shapes.filter(isFooter);
  const footerTexts = texts.filter((block) => block.footer);
  const footerXml = (): string => shapesXml(footerShapes, next, emu, fieldId) + footerTexts.map((block) => textBoxXml(block, next(), emu, fieldId)).join('');
  const body = [
    ...(slide.ornaments ?? []).map((shape) => shapeXml(shape, next(), emu, fieldId, true)),
    shapesXml(slide.shapes.filter((shape) => !isFooter(shape)), next, emu, fieldId),
    ...slide.pictures.map((picture, index) => {
      const relId = media.pictures[index];
      return relId ? pictureXml(picture, relId, next(), emu) : placeholderXml(picture, next(), emu);
    }),
    ...texts.filter((block) => !block.footer).map((block) => textBoxXml(block, next(), emu, fieldId)),
    footerShapes.length + footerTexts.length > 1 ? groupXml([...footerShapes, ...footerTexts].map((piece) => piece.box), next, emu, footerXml, '页脚') : footerXml(),
  ].join('');
  return (
    `${XML_HEAD}<p:sld ${PML_NS}><p:cSld>${background}<p:spTree>` +
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' +
    `${body}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`
  );
}
