// @font-face rules for the deck's bundled faces. Pure: faces in, CSS out.
import type { DeckFontFace } from './subset.ts';

export interface FontFaceCssOptions {
  /** Folder of the font files relative to the style sheet, with a trailing slash; default "fonts/". */
  baseUrl?: string;
  /** Licence files to name in the header comment (relative to baseUrl). */
  licenseFiles?: readonly string[];
  /**
   * Embed each face's bytes as a data: URL instead of naming its file (the single-file deck). Faces
   * must then carry `data`.
   */
  embed?: boolean;
}

/** A face for a rule: its file name, and its bytes when the rule embeds them. */
type RuleFace = DeckFontFace & { data?: Uint8Array };

function dataUrl(data: Uint8Array): string {
  return `data:font/woff2;base64,${Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')}`;
}

/** A family name or file name inside a CSS string: quotes and backslashes escaped, no line breaks. */
function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** Path segments percent-encoded so a file name can never end the url() early. */
function urlPath(base: string, file: string): string {
  return base + file.split('/').map(encodeURIComponent).join('/');
}

export function fontFaceCss(faces: readonly RuleFace[], options: FontFaceCssOptions = {}): string {
  const base = options.baseUrl ?? 'fonts/';
  const licenses = options.licenseFiles ?? [];
  const header = [
    '/*',
    ' * Fonts bundled with the deck, subset to the characters it shows: Noto Sans SC and Noto Serif SC',
    ' * (Google, Adobe), licensed under the SIL Open Font License 1.1' +
      (options.embed ? ' (SPDX: OFL-1.1).' : licenses.length > 0 ? `; see ${licenses.map((file) => base + file).join(', ')}.` : '.'),
    ' * font-display: block: text waits for its font instead of flashing (or printing) a fallback.',
    ' */',
  ];
  const rules = faces.map((face) => {
    if (options.embed && !face.data) throw new Error(`fontFaceCss: face ${face.file} has no data to embed`);
    const src = options.embed && face.data ? `"${dataUrl(face.data)}"` : cssString(urlPath(base, face.file));
    return [
      '@font-face {',
      `  font-family: ${cssString(face.family)};`,
      `  font-style: ${face.style};`,
      `  font-weight: ${face.weight};`,
      '  font-display: block;',
      `  src: url(${src}) format("woff2");`,
      '}',
    ].join('\n');
  });
  return [...header, ...rules, ''].join('\n');
}
