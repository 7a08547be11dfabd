/** Errors errlint expects and explains: printed as a message (no stack unless --debug), exit code 2. */
export class ErrlintError extends Error {
  readonly exitCode = 2;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The configuration file is missing, unparsable or invalid. */
export class ConfigurationError extends ErrlintError {}

/** The command line is wrong: unknown option value, unknown rule id, missing path. */
export class UsageError extends ErrlintError {}

/** A bug in errlint or a rule (never the user's input): reported with a request to file an issue. */
export class InternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InternalError';
  }
}

/** What went wrong with a file operation, in a word when the system gives one (`ENOENT`, `EACCES`), else the message. */
export function ioReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
