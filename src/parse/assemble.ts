// Final step after the rules: turn the classified blocks into the Article tree.
//
// Ids: body paragraphs are "p1", "p2", … in reading order (lead first, then sections depth-first, which is
// document order). Captions are numbered separately, "c1", "c2", …, so that recognising one more caption
// never renumbers the body paragraphs the deck points at. Sentence ids append ".s<n>": "p3.s2", "c1.s1".

import type { Article, Figure, Paragraph, ParagraphKind, Section } from '../article/model.ts';
import type { Block, ParseState } from './state.ts';
import { splitSentences } from './rules/sentences.ts';
import { markSentence } from './marks/index.ts';

export function assembleArticle(state: ParseState): Article {
  const lead: Paragraph[] = [];
  const sections: Section[] = [];
  const captions: Paragraph[] = [];
  const figures: Figure[] = [];
  const open: Section[] = []; // the chain of sections the next paragraph belongs to, outermost first
  let bodyCount = 0;
  let captionCount = 0;

  state.blocks.forEach((block, index) => {
    if (block.markdown?.kind === 'image' && block.markdown.src !== '') {
      figures.push(figure(`f${figures.length + 1}`, block, state.blocks[index + 1], bodyCount));
    }
    if (block.kind === 'heading') {
      const level = block.level ?? 2;
      while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
      const section: Section = { heading: block.text, level, paragraphs: [], sections: [] };
      if (block.generated === true) section.generated = true;
      (open[open.length - 1]?.sections ?? sections).push(section);
      open.push(section);
    } else if (block.kind === 'caption' && block.text !== '') {
      captions.push(paragraph(`c${++captionCount}`, block.text, 'caption'));
    } else if ((block.kind === 'text' || block.kind === 'paragraph') && block.text !== '') {
      block.kind = 'paragraph';
      (open[open.length - 1]?.paragraphs ?? lead).push(paragraph(`p${++bodyCount}`, block.text, 'body'));
    }
  });

  if (bodyCount === 0) {
    state.diagnostics.push({ severity: 'warning', message: '文章没有正文。' });
  }
  return {
    title: state.title,
    subtitle: state.subtitle,
    column: state.column,
    credits: state.credits,
    lead,
    sections,
    captions,
    ...(state.signoff.length > 0 ? { signoff: state.signoff } : {}),
    ...(figures.length > 0 ? { figures } : {}),
  };
}

/** A picture, captioned by its alt text or else by the caption line right after it. */
function figure(id: string, block: Block, next: Block | undefined, bodyCount: number): Figure {
  const alt = block.markdown?.kind === 'image' ? block.markdown.alt : '';
  const following = next?.kind === 'caption' && next.markdown === undefined ? next.text : '';
  return {
    id,
    src: block.markdown?.kind === 'image' ? block.markdown.src : '',
    caption: alt !== '' ? alt : following,
    line: block.lines[0]?.number ?? 0,
    ...(bodyCount > 0 ? { after: `p${bodyCount}` } : {}),
  };
}

function paragraph(id: string, text: string, kind: ParagraphKind): Paragraph {
  return {
    id,
    text,
    kind,
    sentences: splitSentences(text).map((sentence, index) => ({
      id: `${id}.s${index + 1}`,
      text: sentence,
      marks: markSentence(sentence),
    })),
  };
}
