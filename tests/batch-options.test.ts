// --workers: a hard limit named in the error, and a warning (not a refusal) above the machine's cores.
import { describe, expect, it } from 'vitest';
import { MAX_WORKERS, parseWorkers } from '../src/cli/batch-options.ts';
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
    expect(() => parseWorkers('0', 2, warn)).toThrow('--workers must be between 1 and');
    expect(warned).toHaveLength(1);
  });

  it('the CLI refuses --workers 256 in one line naming the flag and the limit, before playing anything', () => {
    const r = gambit('selfplay', '--games', '2', '--turns', '1', '--workers', '256', '--no-progress');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^gambit: --workers 256: at most \d+/);
    expect(r.stdout).toBe('');
  });
});
