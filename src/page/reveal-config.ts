// The reveal.js configuration for a deck: pure, so a test can read every decision.
import type { FrontMatter } from '../deck/model.ts';
import { slideSize } from './slide-size.ts';
import type { ThemePreferences } from './theme-preferences.ts';

/** The subset of reveal.js options we set; serialised into the page as JSON. */
export interface DeckRevealConfig {
  hash: boolean;
  slideNumber: 'c/t';
  width: number;
  height: number;
  margin: number;
  minScale: number;
  maxScale: number;
  center: boolean;
  /** How reveal.js shows a slide; "flex" lets the theme stack title band, content and footer in a column. */
  display: string;
  transition: ThemePreferences['transition'];
  showNotes: boolean;
  /** false: one PDF page per slide, fragments all shown (reveal's default duplicates pages). */
  pdfSeparateFragments: boolean;
  /** 1: a slide never spills onto a second PDF page, so pages = slides. */
  pdfMaxPagesPerSlide: number;
  /** Seconds for the whole lecture; drives the speaker view's pacing timer. */
  totalTime?: number;
}

/** Breathing room around the slide on screen (fraction of the slide size); the print view uses none. */
const SCREEN_MARGIN = 0.04;

export function buildRevealConfig(frontMatter: FrontMatter, preferences: ThemePreferences): DeckRevealConfig {
  const { width, height } = slideSize(frontMatter.aspect);
  const config: DeckRevealConfig = {
    hash: true,
    slideNumber: 'c/t',
    width,
    height,
    margin: SCREEN_MARGIN,
    minScale: 0.2,
    maxScale: 2,
    center: preferences.center,
    display: preferences.display,
    transition: preferences.transition,
    showNotes: false,
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
  };
  const duration = frontMatter.duration;
  if (typeof duration === 'number' && Number.isFinite(duration) && duration > 0) {
    config.totalTime = Math.round(duration * 60);
  }
  return config;
}
