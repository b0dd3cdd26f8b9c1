// RENDER: SourceDeck -> RenderedDeck. Pure: no DOM, no files; problems are diagnostics, never throws.
// Each horizontal slide becomes a <section>; one with vertical slides becomes an outer <section> holding
// a <section> for itself and one per vertical slide (reveal.js's convention). Notes go into
// <aside class="notes"> inside the slide's own section, where reveal.js's speaker view finds them.

import type { Token } from 'markdown-it';
import type { RenderedDeck, SourceDeck, SourceSlide } from '../deck/model.ts';
import type { Diagnostic, Result } from '../diagnostics.ts';
import { balanceHtml } from './balance-html.ts';
import type { RenderEnv } from './env.ts';
import { createMarkdown } from './markdown.ts';
import { inlineText } from './plain-text.ts';
import { notesAside, renderAttributes, section } from './section.ts';

/** Slides with this class are the drafter's section dividers; their h1 becomes a PDF bookmark. */
const DIVIDER_CLASS = 'divider';

export function renderDeck(deck: SourceDeck): Result<RenderedDeck> {
  const md = createMarkdown();
  const diagnostics: Diagnostic[] = [];
  const sectionTitles: string[] = [];
  let slideCount = 0;

  const renderSlide = (slide: SourceSlide): string => {
    slideCount += 1;
    const env = (part: RenderEnv['part']): RenderEnv => ({ file: deck.file, slideLine: slide.line, part, diagnostics });
    const bodyEnv = env('body');
    const tokens = md.parse(slide.body, bodyEnv);
    if (isDivider(slide)) {
      const title = firstH1Text(tokens);
      if (title !== undefined) sectionTitles.push(title);
    }
    const warn = (part: string) => (message: string) =>
      diagnostics.push({ severity: 'warning', message: `${part}中直接写的 HTML：${message}`, file: deck.file, line: slide.line });
    // The author's raw HTML may be unbalanced; it must not close or swallow the slide's own <section>.
    const body = closed(md.renderer.render(tokens, md.options, bodyEnv), warn('幻灯片'));
    const notes = slide.notes.trim() === '' ? '' : closed(md.render(slide.notes, env('notes')), warn('备注'));
    const attributes = renderAttributes(slide.attributes, (message) =>
      diagnostics.push({ severity: 'warning', message, file: deck.file, line: slide.line }),
    );
    return section(attributes, body + notesAside(notes));
  };

  let sectionsHtml = '';
  for (const slide of deck.slides) {
    const own = renderSlide(slide);
    sectionsHtml += slide.vertical.length === 0 ? own : section('', own + slide.vertical.map(renderSlide).join(''));
  }
  if (slideCount === 0) {
    diagnostics.push({
      severity: 'warning',
      message: '这套幻灯片一张也没有：请在开头设置（front matter）之后写幻灯片，每两张之间用一行 `---` 隔开',
      file: deck.file,
    });
  }
  return { value: { frontMatter: deck.frontMatter, sectionsHtml, slideCount, sectionTitles }, diagnostics };
}

function closed(html: string, report: (message: string) => void): string {
  const balanced = balanceHtml(html);
  for (const repair of balanced.repairs) report(repair);
  return balanced.html;
}

function isDivider(slide: SourceSlide): boolean {
  return (slide.attributes['class'] ?? '').split(/\s+/).includes(DIVIDER_CLASS);
}

function firstH1Text(tokens: Token[]): string | undefined {
  const index = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  if (index === -1) return undefined;
  const text = inlineText(tokens[index + 1]?.children ?? null);
  return text === '' ? undefined : text;
}
