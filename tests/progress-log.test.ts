// Progress in a log: with stderr not a terminal (CI, a Slurm or Kubernetes log, a pipe) the bar is not drawn, so a
// long batch writes one plain line at most once a minute instead (GAMBIT_PROGRESS_MS; 0 here: a line per game).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_ENV } from './cli-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (env: Record<string, string>, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/gambit.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...TEST_ENV, ...env } });
const progress = (stderr: string) => stderr.split('\n').filter((l) => / of \d+ games \(\d+%\)/.test(l));

describe('progress in a log', () => {
  it('self-play and a tournament write plain progress lines, without terminal codes, and none when told not to', () => {
    const s = run({ GAMBIT_PROGRESS_MS: '0' }, 'selfplay', '--games', '4', '--turns', '1', '--workers', '1', '--out', join(dir, 'a.jsonl'));
    expect(s.status, s.stderr).toBe(0);
    const lines = progress(s.stderr);
    expect(lines.map((l) => l.replace(/, [\d.]+ games\/s.*$/, ''))).toEqual(['selfplay: 1 of 4 games (25%)', 'selfplay: 2 of 4 games (50%)', 'selfplay: 3 of 4 games (75%)']);
    for (const l of lines) expect(l).toMatch(/^selfplay: \d of 4 games \(\d+%\), \d+\.\d games\/s(, about \d+ (s|min|h) left)?$/);
    expect(s.stderr).not.toMatch(/\x1b/);
    const t = run({ GAMBIT_PROGRESS_MS: '0' }, 'tournament', '--pool', 'JPN=persona,hawk', '--games-per-profile', '2', '--turns', '1', '--workers', '1', '--out', join(dir, 't'));
    expect(t.status, t.stderr).toBe(0);
    expect(progress(t.stderr)).toHaveLength(3);
    expect(progress(t.stderr)[0]).toMatch(/^tournament: 1 of 4 games \(25%\)/);
    // --no-progress, and the default of a line a minute for a batch of a few seconds: none
    expect(progress(run({ GAMBIT_PROGRESS_MS: '0' }, 'selfplay', '--games', '3', '--turns', '1', '--workers', '1', '--no-progress', '--out', join(dir, 'b.jsonl')).stderr)).toEqual([]);
    expect(progress(run({}, 'selfplay', '--games', '3', '--turns', '1', '--workers', '1', '--out', join(dir, 'c.jsonl')).stderr)).toEqual([]);
    // fork too (a fork with the planner played 23 s in silence): a line per pair of continuations, none with --no-progress
    const fork = (...more: string[]) => run({ GAMBIT_PROGRESS_MS: '0' }, 'fork', join(ROOT, 'tests/replays/seed3-scripted.json'), '--at', '8', '--agents', 'CHN=hawk', '--runs', '3', ...more);
    const f = fork();
    expect(f.status, f.stderr).toBe(0);
    expect(progress(f.stderr).map((l) => l.replace(/, [\d.]+ games\/s.*$/, ''))).toEqual(['fork: 2 of 6 games (33%)', 'fork: 4 of 6 games (66%)']);
    expect(progress(fork('--no-progress').stderr)).toEqual([]);
  }, 120_000);
});
