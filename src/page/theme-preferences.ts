// A theme states its reveal.js preferences as CSS custom properties on :root, so one CSS file is the
// whole theme:  :root { --dangke-center: false; --dangke-transition: fade; --dangke-display: flex; }

export type Transition = 'none' | 'fade' | 'slide' | 'convex' | 'concave' | 'zoom';

export interface ThemePreferences {
  center: boolean;
  transition: Transition;
  /** CSS display reveal.js gives the current slide: "block" (reveal's default) or "flex" / "grid". */
  display: 'block' | 'flex' | 'grid';
}

const DEFAULTS: ThemePreferences = { center: false, transition: 'slide', display: 'block' };
const DISPLAYS: readonly string[] = ['block', 'flex', 'grid'];
const TRANSITIONS: readonly string[] = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'];

function customProperty(css: string, name: string): string | undefined {
  const match = new RegExp(`--${name}\\s*:\\s*([A-Za-z-]+)`).exec(css);
  return match?.[1]?.toLowerCase();
}

export function themePreferences(css: string): ThemePreferences {
  const center = customProperty(css, 'dangke-center');
  const transition = customProperty(css, 'dangke-transition');
  const display = customProperty(css, 'dangke-display');
  return {
    center: center === undefined ? DEFAULTS.center : center === 'true',
    transition: transition !== undefined && TRANSITIONS.includes(transition) ? (transition as Transition) : DEFAULTS.transition,
    display: display !== undefined && DISPLAYS.includes(display) ? (display as ThemePreferences['display']) : DEFAULTS.display,
  };
}
