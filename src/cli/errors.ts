// The CLI's error classes: each becomes one line on stderr and an exit code (main.ts), never a stack trace.

/** A bad flag, value or path on the command line, or an input file that cannot be used: exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A file could not be read or written while the work ran, or an input file's contents are refused: exit 1. */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}
