// A layout rule looks at a slide-sized chunk of the article and, when the text holds what the layout
// shows best (a quotation, a parallel list, key figures), returns the slide's blocks. Rules are tried
// in order; the first that answers wins, and `points` is the fallback. Notes are not the rules' concern:
// every slide carries all the sentences of its chunk whatever its layout.

import type { Sentence } from '../../article/model.ts';
import type { Block, Layout } from '../../deck/model.ts';

export interface ChunkView {
  sentences: readonly Sentence[];
  /** The title the chunk would get as a points slide (its own topic phrase or the section heading). */
  title: string;
  /** True when the title is the chunk's own topic phrase rather than a fallback heading. */
  ownTitle: boolean;
  /** True when the title is a run-in head (第一，… / 一是…): the article's own structure, kept by every layout. */
  structural?: boolean;
}

export interface LayoutChoice {
  layout: Layout;
  blocks: Block[];
}

export type LayoutRule = (chunk: ChunkView) => LayoutChoice | undefined;
