// The deck's index.html around the rendered sections: pure, one string in, one string out.
import type { FrontMatter, RenderedDeck } from '../deck/model.ts';
import { filledIn } from '../deck/placeholders.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { escapeHtml, jsonForScript } from './html-escape.ts';
import { buildRevealConfig } from './reveal-config.ts';
import { themePreferences } from './theme-preferences.ts';

export interface PageTheme {
  css: string;
  name: string;
}

/** A style sheet of the page: linked by URL (the folder deck) or inline (the single-file deck). */
export type PageStyle = ({ href: string } | { css: string }) & {
  /**
   * The @font-face rules of the bundled fonts: marked so the deck script can hand the same faces to the
   * speaker view, a blank popup that would otherwise draw notes with whatever fonts the system has.
   */
  fonts?: boolean;
};

export interface PageOptions {
  /** URL of the bundled script, relative to index.html (e.g. "assets/deck.js"). */
  scriptFile?: string;
  /** The bundled script itself, inlined instead (the single-file deck). */
  scriptText?: string;
  /** URLs of the style sheets in order, relative to index.html (shorthand for `styles` with hrefs). */
  cssFiles?: string[];
  /** Style sheets in order, after cssFiles. */
  styles?: PageStyle[];
}

/** Marks the fonts style sheet for the deck script (client/speaker-view.ts reads it). */
export const FONTS_STYLE_ATTRIBUTE = 'data-dangke-fonts';

/**
 * Text inside <script> or <style> must not close its element early or open an HTML comment there.
 * In JS, `<\/` and `<\!` mean the same as `</` and `<!` inside strings, templates and regexes (the only
 * places a minified bundle can hold them); in CSS they appear only in comments or strings.
 */
export function rawTextSafe(text: string, element: 'script' | 'style'): string {
  const closing = new RegExp(`</(${element})`, 'gi');
  return text.replace(closing, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function styleHtml(style: PageStyle): string {
  const marker = style.fonts ? ` ${FONTS_STYLE_ATTRIBUTE}` : '';
  if ('href' in style) return `<link rel="stylesheet" href="${escapeHtml(style.href)}"${marker}>`;
  return `<style${marker}>\n${rawTextSafe(style.css, 'style')}\n</style>`;
}

function scriptHtml(options: PageOptions): string {
  if (options.scriptText !== undefined) return `<script>\n${rawTextSafe(options.scriptText, 'script')}\n</script>`;
  if (options.scriptFile === undefined) throw new Error('renderPageHtml: give scriptFile or scriptText');
  return `<script src="${escapeHtml(options.scriptFile)}"></script>`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The footer shows a short title: `shortTitle` from the front matter when given, else the title. */
function footerHtml(frontMatter: FrontMatter): string {
  const title = text(frontMatter['shortTitle']) ?? frontMatter.title;
  const organization = text(frontMatter.organization);
  const parts = [`<span class="dangke-footer-title">${escapeHtml(title)}</span>`];
  if (organization) parts.push(`<span class="dangke-footer-org">${escapeHtml(organization)}</span>`);
  // Hidden until the client script copies it into each slide (see client/entry.ts).
  return `<footer id="dangke-footer" class="dangke-footer" hidden>${parts.join('')}</footer>`;
}

/** Classes on <html> a theme can key on: its name and the canvas shape ("aspect-16x9", "aspect-4x3"). */
function rootClasses(themeName: string, width: number, height: number): string {
  const aspect = width * 9 === height * 16 ? 'aspect-16x9' : 'aspect-4x3';
  return `theme-${themeName.replace(/[^A-Za-z0-9_-]/g, '-')} ${aspect}`;
}

export function renderPageHtml(deck: RenderedDeck, theme: PageTheme, options: PageOptions): string {
  const { frontMatter } = deck;
  const config = buildRevealConfig(frontMatter, themePreferences(theme.css));
  const styles: PageStyle[] = [...(options.cssFiles ?? []).map((href) => ({ href })), ...(options.styles ?? [])];
  const links = styles.map(styleHtml);
  const description = text(frontMatter.subtitle);
  const author = filledIn(frontMatter, 'speaker');
  return [
    '<!doctype html>',
    `<html lang="zh-CN" class="${rootClasses(theme.name, config.width, config.height)}">`,
    '<head>',
    '<meta charset="utf-8">',
    // A constant with no `"` or `&`: written as is, so the policy stays readable in the page source.
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="dangke">',
    ...(description ? [`<meta name="description" content="${escapeHtml(description)}">`] : []),
    ...(author ? [`<meta name="author" content="${escapeHtml(author)}">`] : []),
    `<title>${escapeHtml(frontMatter.title)}</title>`,
    ...links,
    '</head>',
    '<body>',
    '<div class="reveal"><div class="slides">',
    deck.sectionsHtml,
    '</div></div>',
    footerHtml(frontMatter),
    `<script type="application/json" id="dangke-config">${jsonForScript(config)}</script>`,
    scriptHtml(options),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
