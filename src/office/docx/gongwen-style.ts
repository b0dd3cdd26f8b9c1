// How script.docx is set: the manner of Party and government documents (GB/T 9704-2012), which the people who
// file a 讲稿 know. A4; type area 156 mm × 225 mm (top margin 37 mm, left 28 mm); 22 lines of 28 characters;
// title 二号 (22 pt) 小标宋, body 三号 (16 pt) 仿宋, level-1 heads 黑体, level-2 heads 楷体, page numbers 四号
// (14 pt) 宋体 as "— N —". Pure data, no docx types: the writer and the README both read it.
//
// One deviation, on purpose: the line is exactly 28 characters of 16 pt (158 mm, left margin 27 mm: the
// standard allows 28 ± 1), not 156 mm squeezed by a negative character pitch. Word's character grid
// squeezes glyphs to fit a smaller cell, but LibreOffice gives a glyph wider than its cell two cells,
// which set 14 characters to a line; with cells the size of the type both set 28.
//
// Font names are the ones a Chinese Windows (Vista and later) or WPS has; Word and WPS look fonts up by
// these exact names. 仿宋/楷体 replaced 仿宋_GB2312/楷体_GB2312 in Windows Vista; offices with the old
// names installed still have the new ones. 方正小标宋简体 is not part of Windows, but it is the font 公文
// titles are set in and is installed on office PCs that write them; where it is missing, the font table
// (font-table.ts) names 宋体 as its alternative, so Word and WPS substitute 宋体 rather than a random face.

/** Twentieths of a point (twips) per millimetre: 1 inch = 25.4 mm = 1440 twips. */
const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number): number => Math.round(value * TWIPS_PER_MM);

export const FONT = {
  /** 小标宋: the title. */
  title: '方正小标宋简体',
  /** 仿宋: body text (the notes). */
  body: '仿宋',
  /** 黑体: level-1 heads (the deck's sections). */
  heading1: '黑体',
  /** 楷体: level-2 heads (第 N 张 + title), the subtitle and the credits line. */
  heading2: '楷体',
  /** 宋体: page numbers; also the title's stand-in where 方正小标宋简体 is missing. */
  song: '宋体',
  /** Latin letters and digits in every run: a Chinese Windows has it, and it sits well beside 仿宋. */
  latin: 'Times New Roman',
} as const;

/** Sizes in half-points, as Word stores them (w:sz). */
export const SIZE = {
  /** 二号 22 pt. */
  title: 44,
  /** 三号 16 pt: body, heads, subtitle. */
  body: 32,
  /** 四号 14 pt: page numbers. */
  pageNumber: 28,
} as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 28 characters of 三号 (16 pt = 320 twips). */
const CHARS_PER_LINE_TWIPS = CHARS_PER_LINE * 320;

/** A4 portrait and the GB/T 9704 type area, in twips. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  left: mm(27),
  /** What is left of the width after the left margin and 28 characters of 16 pt: about 25 mm. */
  right: mm(210 - 27) - CHARS_PER_LINE_TWIPS,
  /** 297 − 37 − 225 mm. */
  bottom: mm(297 - 37 - 225),
  /** Page numbers sit about 7 mm below the type area (GB/T 9704 7.5). */
  footer: mm(297 - 37 - 225 - 7 - 5),
} as const;


/** The type area's height over 22 lines, rounded down so all 22 fit: 579 twips (28.95 pt). */
export const LINE_PITCH = Math.floor((PAGE.height - PAGE.top - PAGE.bottom) / LINES_PER_PAGE);
