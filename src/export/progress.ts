// A progress line for a terminal: "⠿ 两学一做：handout.pdf  3.2 s", rewritten in place as the build moves
// from deck to deck and export to export, and erased before any other line is printed (and at the end),
// so what stays on screen is the build's own summary. Silent when the stream is not a terminal (CI logs,
// pipes) or with --quiet. The caller (the CLI) owns the stream; nothing here touches process.*.

export interface Progress {
  /** Shows what is happening now, replacing the previous progress line. */
  update(text: string): void;
  /** Erases the progress line (call before printing anything else, and when done). */
  clear(): void;
}

export interface ProgressOptions {
  stream: { write(text: string): unknown; columns?: number };
  isTTY: boolean;
  quiet?: boolean;
  /** Milliseconds clock, for tests. */
  now?: () => number;
}

const CLEAR_LINE = '\r\u001b[2K';
const DEFAULT_COLUMNS = 80;

export const silentProgress: Progress = { update: () => undefined, clear: () => undefined };

export function createProgress(options: ProgressOptions): Progress {
  if (!options.isTTY || options.quiet === true) return silentProgress;
  const { stream } = options;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let shown = false;
  return {
    update(text: string) {
      const seconds = ((now() - started) / 1000).toFixed(1);
      const line = `… ${text}  ${seconds} s`;
      // One terminal row: a wrapped line could not be erased with \r.
      const columns = Math.max(20, (stream.columns ?? DEFAULT_COLUMNS) - 1);
      stream.write(CLEAR_LINE + truncateToColumns(line, columns));
      shown = true;
    },
    clear() {
      if (!shown) return;
      stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}

/** Cuts text to a number of terminal columns; CJK and full-width characters take two. */
export function truncateToColumns(text: string, columns: number): string {
  let width = 0;
  let result = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const charWidth = isWide(code) ? 2 : 1;
    if (width + charWidth > columns) return result;
    width += charWidth;
    result += char;
  }
  return result;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
