// Runs the gambit command in this process (main(argv) with stdout and stderr captured): some 100 times cheaper than a
// child process, for the hardening and fuzz tests. An exception that escapes main would be a stack trace for a user.
import { expect } from 'vitest';
import { ENGINE_VERSION } from '../engine/index.ts';
import { JOURNAL_FORMAT, journalLine } from '../src/cli/journal.ts';
import { main } from '../src/cli/main.ts';

export interface InRun {
  code: number;
  stdout: string;
  stderr: string;
  /** main threw: a user would have seen a stack trace */
  threw?: unknown;
}

export async function cli(...args: string[]): Promise<InRun> {
  const out: string[] = [];
  const err: string[] = [];
  const ow = process.stdout.write;
  const ew = process.stderr.write;
  process.stdout.write = ((s: string | Uint8Array) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string | Uint8Array) => (err.push(String(s)), true)) as typeof process.stderr.write;
  let code = -1;
  let threw: unknown;
  try {
    code = await main(args);
  } catch (e) {
    threw = e;
  } finally {
    process.stdout.write = ow;
    process.stderr.write = ew;
  }
  return { code, stdout: out.join(''), stderr: err.join(''), ...(threw !== undefined ? { threw } : {}) };
}

const STACK = /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m;

/** What is wrong with how a run ended, or null: exit 0, or exit 1 or 2 with a clean message (every stderr line a
 * `gambit:` line or a file: $.path: expected ..., found ... line; no stack trace; no internal error). */
export function endProblem(r: InRun): string | null {
  if (r.threw !== undefined) return `threw ${(r.threw as Error)?.stack ?? String(r.threw)}`;
  if (STACK.test(r.stderr) || STACK.test(r.stdout)) return `a stack trace:\n${r.stderr}`;
  if (r.code === 0) return null;
  if (r.code !== 1 && r.code !== 2) return `exit ${r.code}: ${r.stderr}`;
  const msg = r.stderr.trim() || r.stdout.trim();
  if (!msg) return `exit ${r.code} with no message`;
  for (const line of msg.split('\n')) if (!/^(gambit: |mismatch: |ok: |\S.*?: \$.*: expected )/.test(line)) return `an unclear line: ${JSON.stringify(line)}`;
  // what the program says itself (not the user's input it quotes) must not show NaN, undefined or [object Object]
  const own = msg.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/\b(NaN|undefined)\b|\[object Object\]/.test(own)) return `a message with NaN, undefined or [object Object]: ${msg}`;
  return null;
}

/** A run refused as a user should see it: a clean end (`endProblem`) with exit `code`, nothing on stdout, and one
 * line on stderr that contains `name` (when given: the flag or file at fault) and matches `why`. */
export function expectRefused(r: InRun, why: RegExp, opts: { code?: number; name?: string } = {}): void {
  expect(endProblem(r), r.stderr).toBeNull();
  expect(r.code, r.stderr).toBe(opts.code ?? 2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  if (opts.name !== undefined) expect(lines[0]).toContain(opts.name);
  expect(lines[0]).toMatch(why);
}

/** A journal as an interrupted batch leaves it (the header, then each finished game's line with its checksum), for
 * a batch of the default scenario with persona agents unless `agents` and `scripts` say otherwise. */
export function journalText(p: { seed: number; games: number; turns: number | null; shard?: string | null; agents?: Record<string, string>; scripts?: Record<string, string> }, lines: string[], contentHash: string): string {
  const agents = p.agents ?? { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' };
  const identity = { scenario: 'rare-earth-gambit', contentHash, seed: p.seed, games: p.games, turns: p.turns, agents, scripts: p.scripts ?? {}, shard: p.shard ?? null, engineVersion: ENGINE_VERSION };
  return [JSON.stringify({ journal: JOURNAL_FORMAT, version: 1, identity }), ...lines.map(journalLine)].join('\n') + '\n';
}
