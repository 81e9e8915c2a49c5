// The CLI's error classes: each becomes one line on stderr and an exit code (main.ts), never a stack trace.

/** The command line cannot be run as given: a bad flag or value; a path that cannot be used as one (no such file or
 * directory, a directory where a file goes, an output that cannot be written); files that do not fit together or with
 * the flags (a shard missing or given twice, another batch's journal, a script for another seat): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An input file refused for what it holds, in every command (over its size cap, not JSON, not of its kind or schema,
 * a damaged or inconsistent line), or a file that could not be read or written while the work ran: exit 1. */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

/** One zod issue in words for a one-line message: "game is missing", "seed: expected number, found string". */
export function issueInWords(i: { path: PropertyKey[]; message: string; code?: string }): string {
  const where = i.path.map(String).join('.') || 'the top level';
  if (/received undefined$/.test(i.message)) return `${where} is missing`;
  return `${where}: ${i.message.replace(/^Invalid input: /, '').replace(/, received /, ', found ')}`;
}

/** zod's bare words where the content checks pass them through ("Invalid input" for a value that fits no form of a
 * union, "Invalid key in record"), put as what is expected. */
export function polishIssue<T extends { path: string; expected: string }>(i: T): T {
  if (i.expected === 'Invalid input') {
    const what = /exportControls/.test(i.path)
      ? 'one of "open", "banned" or {"licensed": a share from 0 to 1}'
      : /\.(give|get)\[\d+\]$/.test(i.path)
        ? 'a deal term with a known "type" (tariffCap, openExports, investment, offtake, defenseFloor) and its fields'
        : 'a value of one of the forms the schema allows (gambit schema writes them out)';
    return { ...i, expected: what };
  }
  if (i.expected === 'Invalid key in record') return { ...i, expected: /^\$\.turns(\[[^\]]*\]|\.[^.[]+)$/.test(i.path) ? 'a turn number (1, 2, ...) as the key' : 'a known key' };
  return i;
}

/** zod's raw phrasing in a message from the engine's order checks, in the CLI's words. */
export function plainWords(s: string): string {
  return s
    .replace(/Invalid input: /g, '')
    .replace(/expected (\w+), received undefined/g, 'missing (expected $1)')
    .replace(/, received /g, ', found ')
    .replace(/:\s*\n\s*/g, ': ') // a heading line ("invalid orders:") runs into its first item
    .replace(/\s*\n\s*/g, '; ');
}
