// --workers: a hard limit named in the error, and a warning (not a refusal) above the machine's cores.
import { describe, expect, it } from 'vitest';
import { MAX_WORKERS, parseWorkers } from '../src/cli/batch-options.ts';
import { int } from '../src/cli/args.ts';
import { gambit } from './cli-run.ts';

describe('--workers', () => {
  it('defaults to the cores, takes up to the cores silently, warns above them, and refuses above the limit', () => {
    const warned: string[] = [];
    const warn = (m: string) => warned.push(m);
    expect(parseWorkers(undefined, 2, warn)).toBe(2);
    expect(parseWorkers('2', 2, warn)).toBe(2);
    expect(warned).toEqual([]);
    expect(parseWorkers('8', 2, warn)).toBe(8);
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/^--workers 8 is more than this machine's 2 cores: .*runs no faster.*start-up.*memory; results are the same/);
    expect(() => parseWorkers(String(MAX_WORKERS + 1), 2, warn)).toThrow(`--workers ${MAX_WORKERS + 1}: at most ${MAX_WORKERS} (this machine has 2 cores)`);
    expect(() => parseWorkers('256', 2, warn)).toThrow(/at most 64/);
    // a machine with more cores than the limit may use them all
    expect(parseWorkers('128', 128, warn)).toBe(128);
    expect(() => parseWorkers('129', 128, warn)).toThrow("--workers 129: at most 128 (this machine's cores)");
    // too few names the real range, 1 to the limit (it said "between 1 and 9007199254740991", which --workers 100 refuses)
    expect(() => parseWorkers('0', 2, warn)).toThrow(/^--workers must be between 1 and 64, got 0$/);
    expect(() => parseWorkers('-3', 128, warn)).toThrow(/^--workers must be between 1 and 128, got -3$/);
    expect(warned).toHaveLength(1);
  });

  it('a whole-number flag with no upper bound of its own names only its lower bound, and echoes the number as typed', () => {
    expect(() => int('--seed', 0)('-1')).toThrow(/^--seed must be 0 or more, got -1$/);
    expect(() => int('--games', 1, 1000)('0')).toThrow(/^--games must be between 1 and 1000, got 0$/);
    // past 2^53 the number reads back as another (9007199254740992): the message quotes what was typed
    expect(() => int('--seed', 0)('9007199254740993')).toThrow(/^--seed must be between 0 and 9007199254740991, got 9007199254740993$/);
  });

  it('the CLI refuses --workers 256 in one line naming the flag and the limit, before playing anything', () => {
    const r = gambit('selfplay', '--games', '2', '--turns', '1', '--workers', '256', '--no-progress');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^gambit: --workers 256: at most \d+/);
    expect(r.stdout).toBe('');
  });
});
