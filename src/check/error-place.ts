// UserErrors about a deck (bad front matter, unknown theme) start with "<file>:<line>: ". Tools that show
// them in their own way (check's diagnostics, the dev server's overlay) split that place off again.
import type { UserError } from '../errors.ts';

export interface ErrorPlace {
  file: string;
  line?: number;
  message: string;
  hint?: string;
}

export function errorPlace(error: UserError, shownFile: string): ErrorPlace {
  const prefix = `${shownFile}:`;
  const match = error.message.startsWith(prefix) ? /^(\d+): ([\s\S]*)$/.exec(error.message.slice(prefix.length)) : null;
  return {
    file: shownFile,
    ...(match ? { line: Number(match[1]) } : {}),
    message: match ? (match[2] ?? '') : error.message,
    ...(error.hint ? { hint: error.hint } : {}),
  };
}
