// The handout page (讲义) as HTML: one A4 sheet per printed page, each with the deck title in a header,
// "第 N 页 / 共 M 页" in a footer, an empty frame where the slide's picture will be drawn (from slides.pdf,
// after printing: see handout-pdf.ts) and the slide's notes beside or below it. Pure: strings in, string out.
// Everything is absolutely placed from handout-layout.ts, so each sheet is exactly one page and the frames
// sit where the PDF step expects them. The page count is known here, so the footer needs no print magic.

import { A4, FOOTER, HEADER, type HandoutLayout, type Rect } from './handout-layout.ts';

/** Characters the handout adds to the deck's own text (labels, page footer). */
export const HANDOUT_CHARACTERS = '讲义笔记第页共0123456789 /·';
export const HANDOUT_FAMILY_SANS = 'Dangke Handout Sans';
/** Ruled lines for the listener's notes: one every this many mm. */
const LINE_PITCH_MM = 8;

export interface HandoutSlide {
  /** 1-based slide number. */
  number: number;
  /** The notes as HTML (rendered from the notes Markdown); "" for none. */
  notesHtml: string;
}

export interface HandoutPageModel {
  title: string;
  /** Shown at the right of the header: organization, speaker, date. */
  headerNote?: string;
  layout: HandoutLayout;
  slides: HandoutSlide[];
  /** Style sheets to link, relative to the handout file (the deck's fonts.css). */
  cssFiles: string[];
  /** Extra CSS put inline (@font-face rules for HANDOUT_CHARACTERS when the deck's subset lacks them). */
  extraCss?: string;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function box(rect: Rect): string {
  return `left:${rect.x}mm;top:${rect.y}mm;width:${rect.width}mm;height:${rect.height}mm`;
}

const SANS = `"Dangke Sans", "${HANDOUT_FAMILY_SANS}", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;
const SERIF = `"Dangke Serif", "Dangke Sans", "${HANDOUT_FAMILY_SANS}", "Noto Serif CJK SC", serif`;

function css(layout: HandoutLayout): string {
  return `
@page { size: ${A4.width}mm ${A4.height}mm; margin: 0; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${SANS}; color: #2a211c; background: #fff; }
.sheet { position: relative; width: ${A4.width}mm; height: ${A4.height - 1}mm; overflow: hidden; break-after: page; }
.sheet:last-child { break-after: auto; }
.header { position: absolute; ${box(HEADER)}; box-sizing: border-box; display: flex; align-items: flex-end;
  justify-content: space-between; gap: 6mm; border-bottom: 0.35mm solid #a4000f; padding-bottom: 1.2mm; }
.header .title { font-family: ${SERIF}; font-weight: 700; font-size: 11pt; color: #a4000f;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.header .note { font-size: 8pt; color: #6b5646; white-space: nowrap; }
.footer { position: absolute; ${box(FOOTER)}; text-align: center; font-size: 8pt; color: #6b5646; }
.frame { position: absolute; box-sizing: border-box; outline: 0.3mm solid #d5c4a8; background: #f7f1e6; }
.notes { position: absolute; box-sizing: border-box; overflow: hidden; font-size: ${layout.notesFont.size}pt;
  line-height: 1.6; text-align: justify; line-break: strict; overflow-wrap: anywhere; }
.notes > :first-child { margin-top: 0; }
.notes p { margin: 0 0 0.3em; text-indent: 2em; }
.notes ul, .notes ol { margin: 0 0 0.3em; padding-left: 2em; }
.notes blockquote { margin: 0 0 0.3em 1em; }
.notes .flow { float: left; margin: 0 5mm 2mm 0; }
.lines { position: absolute; box-sizing: border-box; border-left: 0.3mm solid #ead9bf; padding-left: 4mm; }
.lines .label { font-size: 8pt; color: #6b5646; height: ${LINE_PITCH_MM}mm; line-height: ${LINE_PITCH_MM}mm; }
.lines .line { height: ${LINE_PITCH_MM}mm; box-sizing: border-box; border-bottom: 0.25mm solid #d5c4a8; }
.cut { position: absolute; left: ${HEADER.x}mm; width: ${HEADER.width}mm; border-top: 0.25mm dashed #d5c4a8; }
`;
}

function notesHtml(slide: HandoutSlide, layout: HandoutLayout, slot: HandoutLayout['slots'][number]): string {
  if (slide.notesHtml.trim() === '' && !layout.flow) return '';
  const flow = layout.flow
    ? `<div class="flow" style="width:${slot.slide.width}mm;height:${slot.slide.height}mm"></div>`
    : '';
  return `<div class="notes" data-slide="${slide.number}" style="${box(slot.notes)}">${flow}${slide.notesHtml}</div>`;
}

function linesHtml(rect: Rect): string {
  const count = Math.max(0, Math.floor(rect.height / LINE_PITCH_MM) - 1);
  return `<div class="lines" style="${box(rect)}"><div class="label">笔记</div>${'<div class="line"></div>'.repeat(count)}</div>`;
}

function sheetHtml(model: HandoutPageModel, page: number, pages: number): string {
  const { layout } = model;
  const first = (page - 1) * layout.perPage;
  const slides = model.slides.slice(first, first + layout.perPage);
  const parts: string[] = [
    `<header class="header"><span class="title">${escapeHtml(model.title)}</span>` +
      `<span class="note">${escapeHtml(model.headerNote ?? '')}</span></header>`,
  ];
  slides.forEach((slide, index) => {
    const slot = layout.slots[index]!;
    parts.push(`<div class="frame" data-slide="${slide.number}" style="${box(slot.slide)}"></div>`);
    parts.push(notesHtml(slide, layout, slot));
    if (slot.lines) parts.push(linesHtml(slot.lines));
    const next = layout.slots[index + 1];
    if (next && slides[index + 1]) {
      const bottom = Math.max(slot.notes.y + slot.notes.height, slot.slide.y + slot.slide.height);
      parts.push(`<div class="cut" style="top:${((bottom + next.slide.y) / 2).toFixed(2)}mm"></div>`);
    }
  });
  parts.push(`<footer class="footer">第 ${page} 页 / 共 ${pages} 页</footer>`);
  return `<section class="sheet">${parts.join('')}</section>`;
}

export function handoutHtml(model: HandoutPageModel): string {
  const pages = Math.max(1, Math.ceil(model.slides.length / model.layout.perPage));
  const sheets: string[] = [];
  for (let page = 1; page <= pages; page++) sheets.push(sheetHtml(model, page, pages));
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(model.title)}</title>`,
    ...model.cssFiles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    `<style>${model.extraCss ?? ''}${css(model.layout)}</style>`,
    '</head>',
    `<body class="handout-${model.layout.perPage}">`,
    ...sheets,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
