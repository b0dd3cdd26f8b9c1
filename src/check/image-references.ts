// The images a deck shows, with the file line each is written on: Markdown images `![](…)`, raw
// `<img src>` and the slides' `data-background-image`. Pure. Used by the image rule (does the file exist)
// and by the dev server (copy the images next to the page, watch their folders).

import { isAbsolute, resolve } from 'node:path';
import type { Token } from 'markdown-it';
import type { SourceDeck, SourceSlide } from '../deck/model.ts';
import { createMarkdown } from '../render/markdown.ts';
import type { RenderEnv } from '../render/env.ts';

export interface ImageReference {
  /** The address as written (markdown-it's percent-encoding undone). */
  src: string;
  /** 1-based line of the deck file. */
  line: number;
  /** 1-based slide number in reading order. */
  slide: number;
  /** Local file path relative to the deck's folder, "/"-separated; undefined for URLs and data: images. */
  local?: string;
}

const IMG_TAG = /<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
/** A Markdown image `![`, a reference-style image, or an <img> tag. */
const MAY_HAVE_IMAGE = /!\[|<img\b/i;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const BACKGROUND_ATTRIBUTES = ['data-background-image', 'data-background'];
/** data-background may also be a colour or gradient; only values that look like an image file count. */
const IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp)(?:[?#].*)?$/i;

export function imageReferences(deck: SourceDeck, lines: readonly string[]): ImageReference[] {
  let md: ReturnType<typeof createMarkdown> | undefined;
  const references: ImageReference[] = [];
  const flat: SourceSlide[] = deck.slides.flatMap((slide) => [slide, ...slide.vertical]);
  flat.forEach((slide, index) => {
    const number = index + 1;
    const add = (raw: string, line: number, exact = false): void => {
      const src = decode(raw.trim());
      if (src === '') return;
      const local = localPath(src);
      references.push({ src, line: exact ? line : findLine(lines, src, raw, line), slide: number, ...(local === undefined ? {} : { local }) });
    };
    for (const name of BACKGROUND_ATTRIBUTES) {
      const value = slide.attributes[name];
      if (value !== undefined && (name === 'data-background-image' || IMAGE_FILE.test(value))) {
        add(value, attributeLine(lines, value, slide.line), true);
      }
    }
    // Parsing costs more than looking: only a body that mentions an image is parsed.
    if (!MAY_HAVE_IMAGE.test(slide.body)) return;
    const env: RenderEnv = { file: deck.file, slideLine: slide.line, part: 'body', diagnostics: [] };
    walk((md ??= createMarkdown()).parse(slide.body, env), slide.line, add);
  });
  return references;
}

function walk(tokens: readonly Token[], slideLine: number, add: (src: string, line: number) => void, blockLine = slideLine): void {
  for (const token of tokens) {
    const line = token.map ? slideLine + token.map[0] : blockLine;
    if (token.type === 'image') add(String(token.attrGet('src') ?? ''), line);
    if (token.type === 'html_block' || token.type === 'html_inline') {
      for (const match of token.content.matchAll(IMG_TAG)) add(match[1] ?? match[2] ?? match[3] ?? '', line);
    }
    if (token.children) walk(token.children, slideLine, add, line);
  }
}

/** The exact line: the first line from the block's start that holds the address as written. */
function findLine(lines: readonly string[], src: string, raw: string, from: number): number {
  for (let index = from - 1; index < lines.length && index < from - 1 + 200; index += 1) {
    const text = lines[index] ?? '';
    if (text.includes(raw) || text.includes(src)) return index + 1;
  }
  return from;
}

/** The `.slide` comment usually sits above the slide's first line: look back for the value. */
function attributeLine(lines: readonly string[], value: string, slideLine: number): number {
  for (let index = slideLine - 1; index >= 0 && index >= slideLine - 20; index -= 1) {
    if ((lines[index] ?? '').includes(value)) return index + 1;
  }
  return slideLine;
}

function decode(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/** "images/a.png?x#y" -> "images/a.png"; URLs (http:, data:, file:) are not local files. */
function localPath(src: string): string | undefined {
  if (SCHEME.test(src) && !/^[A-Za-z]:[\\/]/.test(src)) return undefined;
  if (src.startsWith('//')) return undefined;
  const path = src.replace(/[?#].*$/, '');
  return path === '' ? undefined : path.split('\\').join('/');
}

/** The absolute file of a local reference. */
export function imageFile(deckDir: string, local: string): string {
  return isAbsolute(local) ? local : resolve(deckDir, local);
}
