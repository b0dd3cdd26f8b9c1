// Notes much longer than the slide's time allows: at a lecturer's pace (220 characters a minute, the
// drafter's own rate) the script of a slide with data-timing="40" is about 147 characters. Only notes
// well past that (NOTES_SLACK times) are reported: a few sentences over is a matter of style.
import type { Rule } from '../context.ts';

export const CHARACTERS_PER_MINUTE = 220;
/** Notes this many times longer than the timing allows are "much longer". */
export const NOTES_SLACK = 1.5;

/** Characters a person speaks: no whitespace, no Markdown emphasis or list markers. */
export function spokenLength(notes: string): number {
  return [...notes.replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '').replace(/[*_`#>]/g, '').replace(/\s/gu, '')].length;
}

export const notesTooLong: Rule = {
  name: 'notes-timing',
  check: ({ slides, file }) =>
    slides.flatMap(({ slide, number }) => {
      const timing = Number(slide.attributes['data-timing']);
      if (!Number.isFinite(timing) || timing <= 0) return [];
      const length = spokenLength(slide.notes);
      const allowed = (timing / 60) * CHARACTERS_PER_MINUTE;
      if (length <= allowed * NOTES_SLACK) return [];
      const needed = Math.round((length / CHARACTERS_PER_MINUTE) * 60);
      return [
        {
          rule: 'notes-timing',
          severity: 'warning' as const,
          file,
          line: slide.line,
          slide: number,
          message:
            `第 ${number} 张幻灯片的备注约 ${length} 字，按每分钟 ${CHARACTERS_PER_MINUTE} 字需讲约 ${needed} 秒，` +
            `但 data-timing 只有 ${timing} 秒。请精简备注，或把 data-timing 改为 ${needed}。`,
        },
      ];
    }),
};
