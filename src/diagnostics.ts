// Pure stages never print: they return their value together with what they noticed,
// and the CLI (the only place that prints) decides how to show it.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  message: string;
  /** File the diagnostic is about, when known. */
  file?: string;
  /** 1-based line in that file, when known. */
  line?: number;
}

export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

export function ok<T>(value: T, diagnostics: Diagnostic[] = []): Result<T> {
  return { value, diagnostics };
}
