// Fonts for the dev build: the full Noto Sans/Serif SC files, served by the dev server, instead of the
// subsets `build` cuts. A subset costs about a second per face whenever a new character is typed (the
// cache is keyed by character set), which would break the dev loop's 100 ms; the full fonts draw every
// character the subsets would, with the same metrics, and the browser caches them across reloads.
import { SOURCE_FACES, fontPath } from '../fonts/faces.ts';
import { DEV_PREFIX } from './overlay.ts';

export interface DevFont {
  /** Request path: "/__dangke/fonts/sans-400.ttf". */
  route: string;
  /** The TTF on disk, from the font package (a fixed table, never from the request). */
  file: string;
  family: string;
  weight: number;
}

export function devFonts(): DevFont[] {
  return SOURCE_FACES.map((face) => ({
    route: `${DEV_PREFIX}fonts/${face.slug}.ttf`,
    file: fontPath(face),
    family: face.family,
    weight: face.weight,
  }));
}

/** @font-face rules pointing at the served full fonts. */
export function devFontsCss(fonts: readonly DevFont[]): string {
  const rules = fonts.map((font) =>
    [
      '@font-face {',
      `  font-family: "${font.family}";`,
      '  font-style: normal;',
      `  font-weight: ${font.weight};`,
      '  font-display: block;',
      `  src: url("${font.route}") format("truetype");`,
      '}',
    ].join('\n'),
  );
  return ['/* dangke dev: full Noto Sans/Serif SC (SIL Open Font License 1.1), served by the dev server. */', ...rules, ''].join('\n');
}
