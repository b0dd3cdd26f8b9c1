// A UserError is something the user can fix (a missing file, a bad option, no browser):
// the CLI prints its message and hint without a stack trace. Anything else is a bug and shows one.

export const ExitCode = {
  ok: 0,
  /** Unexpected failure: a bug in dangke. */
  internal: 1,
  /** Wrong command-line usage. */
  usage: 2,
  /** An input file is missing, unreadable or malformed. */
  input: 3,
  // 4 is left unused: it meant "refused to overwrite", which draft no longer does (it writes .draft.md).
  /** No usable browser, or the browser failed while exporting. */
  browser: 5,
  /** Could not write output. */
  output: 6,
  /** `check` found errors in a deck (e.g. a slide overflows). */
  check: 7,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class UserError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCodeValue;

  constructor(message: string, options: { hint?: string; exitCode?: ExitCodeValue; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.input;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
