// An unknown theme names the place to fix it: the deck file and the line of its `theme:` key.
// loadTheme (src/page/theme.ts) knows the theme is unknown but not which file asked for it, so the
// callers that know the deck wrap the page writing in locateThemeError.
import { readFile } from 'node:fs/promises';
import { isUserError, UserError } from '../errors.ts';
import { DEFAULT_THEMES_DIR, listThemes } from '../page/theme.ts';
import { fileLines } from './context.ts';

const FENCE = /^---[ \t]*$/;
const THEME_KEY = /^theme[ \t]*:[ \t]*(.*?)[ \t]*$/;

/** The `theme:` value (quotes removed) and its 1-based line in the front matter, if the deck sets one. */
export function themeKeyLine(text: string): { theme: string; line: number } | undefined {
  const lines = fileLines(text);
  if (!FENCE.test(lines[0] ?? '')) return undefined;
  for (let index = 1; index < lines.length && !FENCE.test(lines[index] ?? ''); index += 1) {
    const match = THEME_KEY.exec(lines[index] ?? '');
    if (match) return { theme: (match[1] ?? '').replace(/^(["'])(.*)\1$/, '$2'), line: index + 1 };
  }
  return undefined;
}

/**
 * Runs `write` (which loads the deck's theme); when it fails with a UserError and the deck's `theme:`
 * names no theme in themesDir, rethrows it as "<file>:<line>: 未知的主题…" keeping the list of themes.
 */
export async function locateThemeError<T>(
  deckFile: string,
  shownFile: string,
  write: () => Promise<T>,
  themesDir: string = DEFAULT_THEMES_DIR,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUserError(error)) throw error;
    const text = await readFile(deckFile, 'utf8').catch(() => undefined);
    const place = text === undefined ? undefined : themeKeyLine(text);
    if (place === undefined) throw error;
    const themes = await listThemes(themesDir);
    if (themes.includes(place.theme)) throw error;
    throw new UserError(`${shownFile}:${place.line}: 未知的主题“${place.theme}”。`, {
      hint: themes.length > 0 ? `可用的主题：${themes.join('、')}。请把 theme: 改为其中之一，或删去这一行使用默认主题。` : error.hint ?? '',
      exitCode: error.exitCode,
      cause: error,
    });
  }
}
