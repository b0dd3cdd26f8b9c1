// One rebuild of the dev deck: read the Markdown, render it, copy the images it shows next to the page,
// write the dev site. A problem the author must fix (bad front matter, unknown theme, unreadable file)
// comes back as a DevProblem with file and line, for the overlay and the terminal; anything else throws.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileLines } from '../check/context.ts';
import { errorPlace } from '../check/error-place.ts';
import { copyDeckImages, type CopiedImages } from '../page/deck-images.ts';
import { locateThemeError } from '../check/theme-place.ts';
import type { RenderedDeck, SourceDeck } from '../deck/model.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { isUserError } from '../errors.ts';
import { describeFsError } from '../fs/atomic.ts';
import { readDeckMarkdown } from '../markdown/read.ts';
import { renderDeck } from '../render/index.ts';
import type { DevProblem } from './reload-channel.ts';
import type { DevSite } from './site.ts';

export type RebuildOutcome =
  | { ok: true; ms: number; changed: boolean; deck: RenderedDeck; diagnostics: Diagnostic[]; images: string[] }
  | { ok: false; ms: number; problem: DevProblem };

export interface Rebuilder {
  rebuild(): Promise<RebuildOutcome>;
}

export function createRebuilder(options: { deckFile: string; shownFile: string; site: DevSite; themesDir?: string }): Rebuilder {
  const { deckFile, shownFile, site } = options;
  const deckDir = dirname(deckFile);
  /** Image file -> "size:mtime" last copied, so an unchanged image is not copied again. */
  const versions = new Map<string, string>();

  /** Copies the deck's images beside the page; `copied` is true when any was new or changed. */
  const copyImages = (source: SourceDeck, lines: string[]): Promise<CopiedImages> => copyDeckImages(source, lines, deckDir, site.outDir, versions);

  return {
    async rebuild() {
      const started = performance.now();
      const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
      try {
        let text: string;
        try {
          text = await readFile(deckFile, 'utf8');
        } catch (error) {
          return { ok: false, ms: elapsed(), problem: { file: shownFile, message: `无法读取幻灯片文件：${describeFsError(error)}` } };
        }
        const source = readDeckMarkdown(text, shownFile);
        const rendered = renderDeck(source.value);
        const images = await copyImages(source.value, fileLines(text));
        const written = await locateThemeError(deckFile, shownFile, () => site.write(rendered.value), options.themesDir);
        return {
          ok: true,
          ms: elapsed(),
          changed: written.changed || images.copied,
          deck: rendered.value,
          diagnostics: [...source.diagnostics, ...rendered.diagnostics],
          images: images.files,
        };
      } catch (error) {
        if (!isUserError(error)) throw error;
        return { ok: false, ms: elapsed(), problem: errorPlace(error, shownFile) };
      }
    },
  };
}
