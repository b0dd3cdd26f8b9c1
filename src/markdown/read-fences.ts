// Tracks fenced code blocks (``` or ~~~) line by line, so that separators, `Note:` lines and `.slide`
// comments written inside a code sample are left alone: a deck that shows the dialect must still work.

/** Opening fence: any indentation (fences inside list items are indented), 3+ backticks or tildes. */
const FENCE_OPEN = /^\s*(`{3,}|~{3,})(.*)$/;

export interface FenceTracker {
  /**
   * Feed the next line; returns true when that line belongs to a fenced code block
   * (its opening line, its content or its closing line).
   */
  step(line: string): boolean;
  /** 0-based index (in the lines fed so far) of the fence still open, or undefined. */
  readonly openAt: number | undefined;
}

export function createFenceTracker(): FenceTracker {
  let marker: string | undefined;
  let openAt: number | undefined;
  let index = -1;
  return {
    step(line: string): boolean {
      index += 1;
      if (marker === undefined) {
        const match = FENCE_OPEN.exec(line);
        if (match === null) return false;
        const fence = match[1] ?? '';
        // CommonMark: a backtick fence's info string may not contain a backtick (else it is inline code).
        if (fence.startsWith('`') && (match[2] ?? '').includes('`')) return false;
        marker = fence;
        openAt = index;
        return true;
      }
      if (isClosingFence(line, marker)) {
        marker = undefined;
        openAt = undefined;
      }
      return true;
    },
    get openAt() {
      return openAt;
    },
  };
}

function isClosingFence(line: string, marker: string): boolean {
  const trimmed = line.trim();
  const char = marker[0] ?? '`';
  if (trimmed.length < marker.length) return false;
  for (const c of trimmed) if (c !== char) return false;
  return true;
}
