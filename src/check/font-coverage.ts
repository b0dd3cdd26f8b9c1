// Which characters the bundled fonts can draw: the full Noto Sans/Serif SC fonts the deck's subsets are
// cut from (src/fonts/faces.ts), read with our own cmap reader. A character every face maps is covered.
import { readFile } from 'node:fs/promises';
import { readCoverage } from '../fonts/cmap.ts';
import { fontPath, SOURCE_FACES } from '../fonts/faces.ts';

export type FontHas = (codePoint: number) => boolean;

/** Reads the faces' character maps once (about 30,000 code points each, as ranges) and answers from memory. */
export async function loadFontCoverage(): Promise<FontHas> {
  const faces = await Promise.all(SOURCE_FACES.map(async (face) => readCoverage(await readFile(fontPath(face)))));
  return (codePoint) => faces.every((has) => has(codePoint));
}
