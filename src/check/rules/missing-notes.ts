// A slide without speaker notes: the lecturer has nothing to read from in the speaker view.
import type { Rule } from '../context.ts';

export const missingNotes: Rule = {
  name: 'missing-notes',
  check: ({ slides, file }) =>
    slides
      .filter(({ slide }) => slide.notes.trim() === '')
      .map(({ slide, number }) => ({
        rule: 'missing-notes',
        severity: 'warning' as const,
        file,
        line: slide.line,
        slide: number,
        message: `第 ${number} 张幻灯片没有备注（讲稿）。在幻灯片末尾加一行 Note:，其后写讲稿。`,
      })),
};
