// Characters the bundled fonts lack: the deck bundles Noto Sans/Serif SC, and a character outside them
// (an emoji, a rare ideograph) falls back to whatever font the presenting computer has, or to an empty box.
// Reported per line of the file, with the code points, so the author can find and replace them.
import type { CheckDiagnostic, Rule } from '../context.ts';

/** Characters that draw nothing and need no glyph: controls, spaces, joiners, variation selectors, BOM. */
function drawsNothing(code: number): boolean {
  return (
    code < 0x21 ||
    (code >= 0x7f && code <= 0xa0) ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0x3000 ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff ||
    (code >= 0xe0000 && code <= 0xe01ef)
  );
}

function codeName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export const missingGlyphs: Rule = {
  name: 'missing-glyph',
  check: ({ lines, file, fontHas }) =>
    lines.flatMap((text, index): CheckDiagnostic[] => {
      const lacking = new Map<number, string>();
      for (const char of text) {
        const code = char.codePointAt(0) as number;
        if (!drawsNothing(code) && !lacking.has(code) && !fontHas(code)) lacking.set(code, char);
      }
      if (lacking.size === 0) return [];
      const listed = [...lacking].map(([code, char]) => `「${char}」(${codeName(code)})`).join('、');
      return [
        {
          rule: 'missing-glyph',
          severity: 'warning',
          file,
          line: index + 1,
          message: `内置字体（思源黑体、思源宋体）没有这些字符：${listed}。放映时会改用电脑上的其他字体，可能显示为方框。`,
        },
      ];
    }),
};
