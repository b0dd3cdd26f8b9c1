// The faces the dangzheng theme draws with, and the Noto fonts (SIL OFL 1.1) they are cut from.
// Resolved through Node's module resolution from this file, so the build works from any working folder.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export const SANS_FAMILY = 'Dangke Sans';
export const SERIF_FAMILY = 'Dangke Serif';

export interface SourceFace {
  family: string;
  weight: number;
  style: 'normal';
  /** Short name for the output file: "sans-400". */
  slug: string;
  /** npm package holding the TTF and its licence. */
  packageName: string;
  /** The TTF inside that package. */
  fontFile: string;
}

/**
 * Sans 400 for body text, sans 700 for bold key terms and numbers, serif 700 for titles (the theme's 600
 * resolves to the 700 face by CSS font matching). A face the theme does not use would only add bytes.
 */
export const SOURCE_FACES: readonly SourceFace[] = [
  { family: SANS_FAMILY, weight: 400, style: 'normal', slug: 'sans-400', packageName: '@expo-google-fonts/noto-sans-sc', fontFile: '400Regular/NotoSansSC_400Regular.ttf' },
  { family: SANS_FAMILY, weight: 700, style: 'normal', slug: 'sans-700', packageName: '@expo-google-fonts/noto-sans-sc', fontFile: '700Bold/NotoSansSC_700Bold.ttf' },
  { family: SERIF_FAMILY, weight: 700, style: 'normal', slug: 'serif-700', packageName: '@expo-google-fonts/noto-serif-sc', fontFile: '700Bold/NotoSerifSC_700Bold.ttf' },
];

const require = createRequire(import.meta.url);

/** The package's folder, found from its package.json (the packages have no "exports" map hiding it). */
export function packageDir(packageName: string): string {
  return dirname(require.resolve(`${packageName}/package.json`));
}

export function fontPath(face: SourceFace): string {
  return require.resolve(`${face.packageName}/${face.fontFile}`);
}

/** The font licence each package ships (Noto: SIL Open Font License 1.1), kept next to the subsets. */
export function licensePath(packageName: string): string {
  return require.resolve(`${packageName}/LICENSE_FONT`);
}
