// @font-face rules for the deck's bundled faces. Pure: faces in, CSS out.
import type { DeckFontFace } from './subset.ts';

export interface FontFaceCssOptions {
  /** Folder of the font files relative to the style sheet, with a trailing slash; default "fonts/". */
  baseUrl?: string;
  /** Licence files to name in the header comment (relative to baseUrl). */
  licenseFiles?: readonly string[];
}

/** A family name or file name inside a CSS string: quotes and backslashes escaped, no line breaks. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** Path segments percent-encoded so a file name can never end the url() early. */
function urlPath(base: string, file: string): string {
  return base + file.split('/').map(encodeURIComponent).join('/');
}

export function fontFaceCss(faces: readonly DeckFontFace[], options: FontFaceCssOptions = {}): string {
  const base = options.baseUrl ?? 'fonts/';
  const licenses = options.licenseFiles ?? [];
  const header = [
    '/*',
    ' * Fonts bundled with the deck, subset to the characters it shows: Noto Sans SC and Noto Serif SC',
    ' * (Google, Adobe), licensed under the SIL Open Font License 1.1' +
      (licenses.length > 0 ? `; see ${licenses.map((file) => base + file).join(', ')}.` : '.'),
    ' * font-display: block: text waits for its font instead of flashing (or printing) a fallback.',
    ' */',
  ];
  const rules = faces.map((face) =>
    [
      '@font-face {',
      `  font-family: ${cssString(face.family)};`,
      `  font-style: ${face.style};`,
      `  font-weight: ${face.weight};`,
      '  font-display: block;',
      `  src: url(${cssString(urlPath(base, face.file))}) format("woff2");`,
      '}',
    ].join('\n'),
  );
  return [...header, ...rules, ''].join('\n');
}
