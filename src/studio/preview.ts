// What the studio shows for the text in its editor: the deck rendered by the build's own renderer
// (render/), the map from slides to lines, and check's findings that need no browser (check/rules plus the
// reader's and renderer's warnings). Overflow is measured by the preview page itself (client/preview.ts).
// Pure apart from the two probes the check rules take as functions.
import { dirname } from 'node:path';
import { fileLines, slidesInOrder, type CheckDiagnostic, type ImageProbe } from '../check/context.ts';
import { errorPlace } from '../check/error-place.ts';
import { lintDeck } from '../check/rules/index.ts';
import type { FontHas } from '../check/font-coverage.ts';
import type { FrontMatter, SourceSlide } from '../deck/model.ts';
import { isUserError } from '../errors.ts';
import { readDeckMarkdown } from '../markdown/read.ts';
import { renderDeck } from '../render/index.ts';

export interface PreviewSlide {
  /** 1-based, reading order (vertical slides included), as the deck numbers them. */
  number: number;
  /** First line of the slide in the Markdown file (1-based). */
  line: number;
  /** The slide's classes (layout and variants). */
  classes: string;
  /** Plain title for the thumbnail's label. */
  title: string;
}

/** What the deck's footer shows (as src/page/page.ts writes it): the short title and the organisation. */
export interface PreviewFooter {
  title: string;
  organization: string;
}

export interface StudioFinding {
  line: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  rule: string;
}

export type PreviewResult =
  | { ok: true; sectionsHtml: string; theme: string; aspect: string; footer: PreviewFooter; slides: PreviewSlide[]; findings: StudioFinding[] }
  | { ok: false; findings: StudioFinding[] };

export interface PreviewProbes {
  probeImage(path: string): ImageProbe;
  fontHas: FontHas;
}

function plainTitle(slide: SourceSlide): string {
  const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m.exec(slide.body);
  const first = heading?.[1] ?? slide.body.split('\n').find((line) => line.trim() !== '') ?? '';
  return first.replace(/[*_`~]|<[^>]*>/g, '').trim().slice(0, 40);
}

function footerOf(frontMatter: FrontMatter): PreviewFooter {
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  return { title: text(frontMatter['shortTitle']) || frontMatter.title, organization: text(frontMatter.organization) };
}

function finding(diagnostic: CheckDiagnostic | { severity: StudioFinding['severity']; message: string; line?: number }, rule: string): StudioFinding {
  return { line: Math.max(1, diagnostic.line ?? 1), severity: diagnostic.severity, message: diagnostic.message, rule };
}

export type SlidePreviewResult =
  | { ok: true; sectionHtml: string; theme: string; aspect: string; footer: PreviewFooter }
  | { ok: false };

/**
 * The fast path while typing: `text` is the deck's front matter followed by one slide's lines (the slide
 * under the cursor, cut out by the client), rendered alone by the same reader and renderer. What depends
 * on the whole deck (findings, the other slides) follows from previewDeck a moment later.
 */
export function previewSlide(text: string, file: string): SlidePreviewResult {
  try {
    const source = readDeckMarkdown(text, file).value;
    const [slide] = source.slides;
    const alone = slide ? [{ ...slide, vertical: [] }] : [];
    const rendered = renderDeck({ ...source, slides: alone });
    return {
      ok: true,
      sectionHtml: rendered.value.sectionsHtml,
      theme: String(source.frontMatter.theme ?? ''),
      aspect: String(source.frontMatter.aspect ?? '16:9'),
      footer: footerOf(source.frontMatter),
    };
  } catch (error) {
    if (!isUserError(error)) throw error;
    return { ok: false };
  }
}

/** Renders `text` (the deck `file`, in `deckPath`'s folder) for the preview. Never throws for bad input. */
export function previewDeck(text: string, file: string, deckPath: string, probes: PreviewProbes): PreviewResult {
  let source: ReturnType<typeof readDeckMarkdown>;
  try {
    source = readDeckMarkdown(text, file);
  } catch (error) {
    if (!isUserError(error)) throw error;
    const place = errorPlace(error, file);
    const message = place.hint ? `${place.message}（${place.hint}）` : place.message;
    return { ok: false, findings: [{ line: place.line ?? 1, severity: 'error', message, rule: 'front-matter' }] };
  }
  const rendered = renderDeck(source.value);
  const ordered = slidesInOrder(source.value);
  const lint = lintDeck({
    deck: source.value,
    file,
    deckDir: dirname(deckPath),
    slides: ordered,
    lines: fileLines(text),
    probeImage: probes.probeImage,
    fontHas: probes.fontHas,
  });
  const findings = [
    ...source.diagnostics.map((diagnostic) => finding(diagnostic, 'read')),
    ...rendered.diagnostics.map((diagnostic) => finding(diagnostic, 'render')),
    ...lint.map((diagnostic) => finding(diagnostic, diagnostic.rule)),
  ].sort((a, b) => a.line - b.line);
  return {
    ok: true,
    sectionsHtml: rendered.value.sectionsHtml,
    theme: String(source.value.frontMatter.theme ?? ''),
    aspect: String(source.value.frontMatter.aspect ?? '16:9'),
    footer: footerOf(source.value.frontMatter),
    slides: ordered.map(({ number, slide }) => ({
      number,
      line: slide.line,
      classes: slide.attributes['class'] ?? '',
      title: plainTitle(slide),
    })),
    findings,
  };
}
