// A theme is a folder under themes/ holding theme.css and any files it refers to (fonts, images).
// Every theme is drawn on themes/_base/base.css (the shared layout structure), which dangke loads before the
// theme's CSS; folders starting with "_" are not themes.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, UserError } from '../errors.ts';

export const DEFAULT_THEME = 'dangzheng';
export const THEME_CSS = 'theme.css';
/** <repo>/themes, found from this module so it works from any working directory. */
export const DEFAULT_THEMES_DIR = fileURLToPath(new URL('../../themes/', import.meta.url));
/** The base style sheet under every theme, also a user theme from another themes folder. */
export const BASE_CSS_PATH = fileURLToPath(new URL('../../themes/_base/base.css', import.meta.url));

/** The base style sheet's text (read each time, so `dev` picks up an edit to it). */
export function baseCss(): Promise<string> {
  return readFile(BASE_CSS_PATH, 'utf8');
}

export interface Theme {
  name: string;
  css: string;
  dir: string;
}

// A plain folder name: no path separators or dots, so a front matter `theme:` cannot point outside themes/.
const THEME_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isFile(), () => false);
}

/** Names of the folders in themesDir that hold a theme.css, sorted ("_" folders are not themes). */
export async function listThemes(themesDir: string): Promise<string[]> {
  const entries = await readdir(themesDir, { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('_') && (await isFile(join(themesDir, entry.name, THEME_CSS)))) names.push(entry.name);
  }
  return names.sort();
}

export async function loadTheme(name: string, themesDir: string): Promise<Theme> {
  const dir = join(themesDir, name);
  const cssPath = join(dir, THEME_CSS);
  if (!THEME_NAME.test(name) || !(await isFile(cssPath))) {
    const available = await listThemes(themesDir);
    throw new UserError(`Unknown theme "${name}".`, {
      hint:
        available.length > 0
          ? `Themes available: ${available.join(', ')}. Set \`theme:\` in the deck's front matter to one of them.`
          : `No themes found in ${themesDir}.`,
      exitCode: ExitCode.input,
    });
  }
  return { name, css: await readFile(cssPath, 'utf8'), dir };
}

/** Files of a theme other than theme.css, as paths relative to its folder ("/"-separated). */
export async function themeAssetFiles(theme: Theme): Promise<string[]> {
  const entries = await readdir(theme.dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(theme.dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((path) => path !== THEME_CSS && !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}
