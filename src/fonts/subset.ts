// The FONTS edge: cuts the theme's faces down to the characters a deck uses and writes them as WOFF2
// into the deck's assets, with the fonts' licence beside them. The deck then looks the same on every
// machine (no Chinese font needed), and Chromium embeds real TrueType subsets in the PDF, whose cmap
// maps 一 only to U+4E00, so the PDF's text can be searched and copied.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { ExitCode, UserError } from '../errors.ts';
import { writeFileAtomic } from '../fs/atomic.ts';
import { cacheKey, readCached, resolveCacheDir, writeCached } from './cache.ts';
import { readCmap } from './cmap.ts';
import { fontPath, licensePath, SOURCE_FACES, type SourceFace } from './faces.ts';
import { containsRadical, radicalsSharingGlyphs, withoutCodePoints } from './radicals.ts';
import { sfntToWoff2, WOFF2_BROTLI_QUALITY } from './woff2.ts';

/** Bump when the bytes for the same font and characters change (subsetter options, encoder). */
const ENCODER_VERSION = `subset-font@2.9.0/sfnt+null-woff2/q${WOFF2_BROTLI_QUALITY}/v1`;
const HASH_LENGTH = 10;
/** Our files in the fonts folder: "sans-400-0123456789.woff2"; anything else there is left alone. */
const OUR_FONT_FILE = /^(?:sans|serif)-\d{3}-[0-9a-f]+\.woff2$/;

/** A face written for the page: the @font-face rule needs nothing else. */
export interface DeckFontFace {
  family: string;
  weight: number;
  style: 'normal';
  /** File name inside the output folder. */
  file: string;
}
export type { DeckFontFace as FontFace };

export interface SubsetOptions {
  /** Where subsets are cached; default node_modules/.cache/dangke/fonts (or the temp folder). */
  cacheDir?: string;
}

/**
 * harfbuzz (1.3 MB of WebAssembly) run by V8's baseline compiler only. By default V8 also recompiles its
 * hot functions with its optimising compiler on background threads: 0.6 s of CPU in every process that
 * cuts a font, for subsets that then took 40 ms instead of 36 (measured: a process cutting three subsets
 * used 1.54 s of CPU, 0.91 s with this). Set just before the first use; nothing else here runs WebAssembly.
 */
let baselineWasmOnly = false;

async function subsetSfnt(font: Uint8Array, characters: string): Promise<Uint8Array> {
  if (!baselineWasmOnly) {
    setFlagsFromString('--liftoff-only');
    baselineWasmOnly = true;
  }
  // Loaded on a cache miss only: most builds find their subsets cached and never need harfbuzz.
  const { default: subsetFont } = await import('subset-font');
  return new Uint8Array(await subsetFont(font, characters, { targetFormat: 'sfnt' }));
}

/**
 * The subset as SFNT, checked: no radical shares a glyph with another code point in its cmap.
 * A deck that holds a radical and its twin (⼀ and 一) keeps the ideograph; the radical falls back to a
 * system font, which draws the same shape.
 */
async function checkedSubset(font: Uint8Array, characters: string, label: string): Promise<Uint8Array> {
  const first = await subsetSfnt(font, characters);
  if (!containsRadical(characters)) return first;
  const clashes = radicalsSharingGlyphs(readCmap(first));
  if (clashes.length === 0) return first;
  const second = await subsetSfnt(font, withoutCodePoints(characters, clashes));
  const remaining = radicalsSharingGlyphs(readCmap(second));
  if (remaining.length > 0) throw new Error(`${label}: radicals ${remaining.map((code) => code.toString(16)).join(',')} still share glyphs`);
  return second;
}

async function readFont(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new UserError(`Could not read the font ${path}.`, {
      hint: 'Reinstall the dependencies: npm install',
      exitCode: ExitCode.input,
      cause: error,
    });
  }
}

function resolveFont(face: SourceFace): string {
  try {
    return fontPath(face);
  } catch (error) {
    throw new UserError(`The font package ${face.packageName} is not installed.`, {
      hint: 'Reinstall the dependencies: npm install',
      exitCode: ExitCode.input,
      cause: error,
    });
  }
}

/** The face's WOFF2 subset, from the cache when the same font and characters were subset before. */
async function faceWoff2(face: SourceFace, characters: string, cacheDir: string): Promise<Uint8Array> {
  const path = resolveFont(face);
  const info = await stat(path).catch(() => undefined);
  const key = cacheKey({ encoder: ENCODER_VERSION, font: path, size: info?.size ?? -1, mtime: info?.mtimeMs ?? -1, characters });
  const cached = await readCached(cacheDir, key);
  if (cached) return cached;
  const sfnt = await checkedSubset(await readFont(path), characters, basename(path));
  const woff2 = await sfntToWoff2(sfnt);
  await writeCached(cacheDir, key, woff2);
  return woff2;
}

function contentHash(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, HASH_LENGTH);
}

/** The licence file names beside the fonts: "OFL-noto-sans-sc.txt". */
export function licenseFileName(packageName: string): string {
  return `OFL-${packageName.split('/').pop() ?? packageName}.txt`;
}

const FONT_PACKAGES = [...new Set(SOURCE_FACES.map((face) => face.packageName))];

/** The licence files subsetDeckFonts writes beside the fonts. */
export function bundledLicenseFiles(): string[] {
  return FONT_PACKAGES.map(licenseFileName);
}

async function writeLicenses(outDir: string): Promise<void> {
  await Promise.all(
    FONT_PACKAGES.map(async (name) => writeFileAtomic(join(outDir, licenseFileName(name)), await readFile(licensePath(name)))),
  );
}

/** Removes subsets of earlier builds (other characters, other hashes) so the folder does not grow. */
async function removeStale(outDir: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  await Promise.all(
    names.filter((name) => OUR_FONT_FILE.test(name) && !keep.has(name)).map((name) => unlink(join(outDir, name)).catch(() => undefined)),
  );
}

/** A face's subset in memory: what the @font-face rule needs, plus the WOFF2 bytes. */
export interface DeckFontData extends DeckFontFace {
  data: Uint8Array;
}

/**
 * One WOFF2 per theme face holding exactly `characters` (see charactersUsed), in memory, named
 * "<face>-<content hash>.woff2". Faces run in parallel. The single-file deck inlines these bytes; the
 * folder deck writes them (subsetDeckFonts).
 */
export async function subsetDeckFontData(characters: string, options: SubsetOptions = {}): Promise<DeckFontData[]> {
  const cacheDir = await resolveCacheDir(options.cacheDir);
  return Promise.all(
    SOURCE_FACES.map(async (face): Promise<DeckFontData> => {
      const data = await faceWoff2(face, characters, cacheDir);
      return { family: face.family, weight: face.weight, style: face.style, file: `${face.slug}-${contentHash(data)}.woff2`, data };
    }),
  );
}

/** Writes subsets (from subsetDeckFontData) into outDir with the fonts' licences beside them. */
export async function writeDeckFonts(fonts: readonly DeckFontData[], outDir: string): Promise<DeckFontFace[]> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new UserError(`Could not create the folder ${outDir}.`, { exitCode: ExitCode.output, cause: error });
  }
  await Promise.all(fonts.map((font) => writeFileAtomic(join(outDir, font.file), font.data)));
  await writeLicenses(outDir);
  await removeStale(outDir, new Set(fonts.map((font) => font.file)));
  return fonts.map(({ family, weight, style, file }) => ({ family, weight, style, file }));
}

/**
 * Writes one WOFF2 per theme face into outDir, each holding exactly `characters` (see charactersUsed),
 * named "<face>-<content hash>.woff2", and returns what the @font-face rules need.
 */
export async function subsetDeckFonts(characters: string, outDir: string, options: SubsetOptions = {}): Promise<DeckFontFace[]> {
  return writeDeckFonts(await subsetDeckFontData(characters, options), outDir);
}
