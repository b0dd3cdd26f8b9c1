// Rule "generated-sections": an article with no headings at all still needs a shape for the deck (目录,
// dividers). When the body is long enough, cut it into 3–6 sections of roughly equal length at paragraph
// boundaries, preferring boundaries where the text itself turns (a paragraph opening with 首先/其次/第二，/
// 另一方面 …). Each generated heading is the opening phrase of its first paragraph, and the section is
// marked generated: true so the drafter can say so or rephrase it. The first paragraph stays the lead.
//
// Nothing is generated when the article has headings, or is short: a short speech is one section.

import type { Block, ParseRule } from '../state.ts';
import { charLength } from '../text.ts';
import { words } from '../marks/rule.ts';

const MIN_PARAGRAPHS = 6;
const MIN_BODY_LENGTH = 1000;
const TARGET_SECTION_LENGTH = 700;
const MIN_SECTIONS = 3;
const MAX_SECTIONS = 6;
const MAX_GENERATED_HEADING = 14;
/** Openings that signal a new step in the argument: a good place to cut. */
const TOPIC_SHIFT =
  /^(?:首先|其次|再次|此外|另外|同时|与此同时|另一方面|总之|综上|总的来看|第[一二三四五六七八九十]+[，、,]|[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十]+[）)、])/u;
const RUN_IN_MARKER = /^(?:首先|其次|再次|此外|另外|同时|总之|第[一二三四五六七八九十]+|[一二三四五六七八九十]+是)[，、,：:]?/u;

export const generatedSections: ParseRule = (state) => {
  if (state.blocks.some((block) => block.kind === 'heading')) return;
  const body = state.blocks.filter((block) => block.kind === 'text' && block.text !== '');
  const total = body.reduce((sum, block) => sum + charLength(block.text), 0);
  if (body.length < MIN_PARAGRAPHS || total < MIN_BODY_LENGTH) return;

  // The lead is the first paragraph; the rest is cut into sections.
  const rest = body.slice(1);
  const restLength = total - charLength(body[0]!.text);
  const count = Math.min(
    MAX_SECTIONS,
    Math.max(MIN_SECTIONS, Math.round(restLength / TARGET_SECTION_LENGTH)),
    Math.floor(rest.length / 2), // at least two paragraphs a section
  );
  if (count < 2) return;
  const starts = sectionStarts(rest, count);
  for (const start of starts) {
    const first = rest[start]!;
    const heading: Block = {
      kind: 'heading',
      text: openingPhrase(first.text),
      lines: [],
      level: 2,
      family: 'generated',
      generated: true,
    };
    state.blocks.splice(state.blocks.indexOf(first), 0, heading);
  }
  state.diagnostics.push({
    severity: 'info',
    message: `没有找到小标题：已按篇幅把正文分成 ${starts.length} 个部分，每部分用开头的短语作标题。`,
  });
};

/** Indexes into `rest` where sections begin: near equal shares of the length, nudged to topic shifts. */
function sectionStarts(rest: Block[], count: number): number[] {
  const lengths = rest.map((block) => charLength(block.text));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const before: number[] = []; // characters before paragraph i
  lengths.reduce((sum, length, index) => ((before[index] = sum), sum + length), 0);
  const starts = [0];
  for (let section = 1; section < count; section++) {
    const target = (total * section) / count;
    const previous = starts[starts.length - 1]!;
    let best = -1;
    let bestScore = Infinity;
    // Leave room: every section keeps at least one paragraph, and the remaining sections one each.
    for (let index = previous + 1; index <= rest.length - (count - section); index++) {
      const distance = Math.abs(before[index]! - target) / (total / count);
      const score = distance - (TOPIC_SHIFT.test(rest[index]!.text) ? 0.35 : 0);
      if (score < bestScore) {
        bestScore = score;
        best = index;
      }
    }
    if (best < 0) break;
    starts.push(best);
  }
  return starts;
}

/** The first clause, without a run-in marker, cut at a word boundary when long: 富口袋也要富脑袋. */
export function openingPhrase(text: string): string {
  const unmarked = text.replace(RUN_IN_MARKER, '');
  const clause = (/^[^，。！？；：,.!?;:]+/u.exec(unmarked)?.[0] ?? unmarked).trim();
  if (charLength(clause) <= MAX_GENERATED_HEADING) return clause === '' ? text.slice(0, MAX_GENERATED_HEADING) : clause;
  // Only the clause's start is segmented: the heading keeps at most MAX_GENERATED_HEADING characters, and
  // segmenting a whole paragraph-long clause cost more per word the longer it was (quadratic).
  const start = clause.slice(0, 4 * MAX_GENERATED_HEADING);
  let kept = '';
  for (const word of words(start)) {
    if (charLength(kept + word) > MAX_GENERATED_HEADING) break;
    kept += word;
  }
  return kept === '' ? [...start].slice(0, MAX_GENERATED_HEADING).join('') : kept;
}
