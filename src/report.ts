// How commands talk to the person at the terminal. The CLI creates the one Reporter that prints;
// commands and tests receive it, so nothing below the CLI writes to stdout or stderr itself.

import type { Diagnostic } from './diagnostics.ts';

export interface Reporter {
  /** A result line: always shown (it is what the command is for). */
  out(text: string): void;
  /** Progress and summaries: hidden with --quiet. */
  info(text: string): void;
  /** Problems the user should see, with file:line where known. */
  diagnostic(diagnostic: Diagnostic): void;
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.file ? `${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}` : ''}: ` : '';
  const label = diagnostic.severity === 'error' ? '错误' : diagnostic.severity === 'warning' ? '警告' : '提示';
  return `${place}${label}：${diagnostic.message}`;
}

/** A reporter that keeps everything, for tests and for callers that print later. */
export function memoryReporter(): Reporter & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    out: (text) => lines.push(text),
    info: (text) => lines.push(text),
    diagnostic: (diagnostic) => lines.push(formatDiagnostic(diagnostic)),
  };
}
