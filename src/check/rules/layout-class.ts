// An unknown layout class: a typo (class="piont") silently falls back to the plain layout.
import type { Rule } from '../context.ts';

/** The layouts the theme draws, and the variants it knows. */
export const KNOWN_LAYOUTS = ['cover', 'agenda', 'divider', 'points', 'cards', 'stats', 'quote', 'timeline', 'closing', 'end', 'picture'] as const;
export const KNOWN_VARIANTS = ['two-columns', 'questions'] as const;
const KNOWN = new Set<string>([...KNOWN_LAYOUTS, ...KNOWN_VARIANTS]);

export const unknownLayout: Rule = {
  name: 'unknown-layout',
  check: ({ slides, file }) =>
    slides.flatMap(({ slide, number }) => {
      const classes = (slide.attributes['class'] ?? '').split(/\s+/).filter((name) => name !== '');
      return classes
        .filter((name) => !KNOWN.has(name))
        .map((name) => ({
          rule: 'unknown-layout',
          severity: 'warning' as const,
          file,
          line: slide.line,
          slide: number,
          message:
            `第 ${number} 张幻灯片的版式 class="${name}" 不认识，将按普通版式显示。` +
            `可用的版式：${KNOWN_LAYOUTS.join('、')}；变体：${KNOWN_VARIANTS.join('、')}。`,
        }));
    }),
};
