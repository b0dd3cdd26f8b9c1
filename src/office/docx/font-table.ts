// word/fontTable.xml for script.docx. The docx package writes an empty font table; ours describes each
// font the document names, so a PC without one of them substitutes sensibly: Word and WPS pick a stand-in
// from the table's character set (86 = GB2312, Simplified Chinese), family and PANOSE, and `w:altName`
// names the stand-in outright (宋体 for 方正小标宋简体, which stock Windows lacks). Pure.

import { FONT } from './gongwen-style.ts';

interface FontEntry {
  name: string;
  altName?: string;
  /** PANOSE-1 classification, 10 bytes in hex, as Windows reports the font. */
  panose: string;
  /** Character set (w:charset), hex: 86 is GB2312, 00 ANSI. */
  charset: string;
  family: 'roman' | 'swiss' | 'modern' | 'auto';
  pitch: 'fixed' | 'variable';
}

const ENTRIES: readonly FontEntry[] = [
  { name: FONT.latin, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  { name: FONT.song, altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT.title, altName: FONT.song, panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FONT.body, altName: 'FangSong', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.heading1, altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONT.heading2, altName: 'KaiTi', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
];

function fontXml(entry: FontEntry): string {
  return (
    `<w:font w:name="${entry.name}">` +
    (entry.altName === undefined ? '' : `<w:altName w:val="${entry.altName}"/>`) +
    `<w:panose1 w:val="${entry.panose}"/><w:charset w:val="${entry.charset}"/>` +
    `<w:family w:val="${entry.family}"/><w:pitch w:val="${entry.pitch}"/></w:font>`
  );
}

/** The font table part, to hand to the docx package's Packer as an override of word/fontTable.xml. */
export function fontTableXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    ENTRIES.map(fontXml).join('') +
    '</w:fonts>'
  );
}

export const FONT_TABLE_PATH = 'word/fontTable.xml';
