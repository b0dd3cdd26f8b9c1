// The markdown-it `env` our rules share: where the Markdown came from, and a list to report problems to
// (rules never throw and never print). A type alias, not an interface: markdown-it types `env` as a record.

import type { Diagnostic } from '../diagnostics.ts';

export type RenderEnv = {
  file: string;
  /** File line of the slide's first body line (SourceSlide.line). */
  slideLine: number;
  /** Body lines map 1:1 onto file lines; notes do not know their own line, so they point at the slide. */
  part: 'body' | 'notes';
  diagnostics: Diagnostic[];
};

export function isRenderEnv(env: unknown): env is RenderEnv {
  return typeof env === 'object' && env !== null && Array.isArray((env as { diagnostics?: unknown }).diagnostics);
}

/** Reports a warning at a markdown-it line (`map[0]`, 0-based within the Markdown rendered). */
export function warnAt(env: unknown, mapLine: number | undefined, message: string): void {
  if (!isRenderEnv(env)) return;
  const inBody = env.part === 'body' && mapLine !== undefined;
  env.diagnostics.push({
    severity: 'warning',
    message: inBody ? message : `${message}（在备注中）`,
    file: env.file,
    line: inBody ? env.slideLine + mapLine : env.slideLine,
  });
}
