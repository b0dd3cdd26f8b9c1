// The table of known front matter keys: what type each must have and how to say so when it is wrong.
// One row per key keeps the validation in one place and the messages consistent.

export interface KeyRule {
  /** Returns the checked value, or undefined when the value has the wrong type. */
  check(value: unknown): unknown;
  /** What the value must be, for the error message ("文字", "大于 0 的分钟数"). */
  expected: string;
}

const text: KeyRule = { check: readText, expected: '文字' };

export const KEY_RULES: Readonly<Record<string, KeyRule>> = {
  title: text,
  subtitle: text,
  column: text,
  speaker: text,
  organization: text,
  date: text,
  theme: text,
  source: text,
  /** Written by `draft`: a hash of the file it generated, to tell an untouched draft from an edited deck. */
  fingerprint: text,
  aspect: {
    check: (value) => (value === '16:9' || value === '4:3' ? value : undefined),
    expected: '"16:9" 或 "4:3"',
  },
  duration: {
    check: (value) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined),
    expected: '大于 0 的分钟数',
  },
  /** The footer's short title, when the title is too long for it. */
  shortTitle: text,
  /** Slides per handout page. */
  handout: {
    check: (value) => (value === 1 || value === 2 || value === 3 ? value : undefined),
    expected: '1、2 或 3',
  },
  /** PDF keywords: one text or a list of texts. */
  keywords: {
    check: (value) =>
      typeof value === 'string' ? value : Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined,
    expected: '文字或一组文字',
  },
};

export function isKnownKey(key: string): boolean {
  return Object.hasOwn(KEY_RULES, key);
}

function readText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  // The core schema we parse with reads 2026-11-27 as text; a `%YAML 1.1` document would give a Date.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}
