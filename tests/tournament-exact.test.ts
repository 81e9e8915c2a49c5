// `gambit tournament` aggregates each game's unrounded scores (as sweep and sobol do, tests/sweep-exact.test.ts): the
// means, sds and intervals of payoffs.json, payoffs.csv and the console table, and payoffs.json's per-seed scores that
// `analyze` pairs on, are of the games' own figures; only games.jsonl's per-game lines stay rounded as a result line is.
// The files are the same whatever the number of worker threads.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gambit } from './cli-run.ts';
import { playOne } from '../src/cli/batch.ts';
import { COUNTRIES, type CountryId } from '../engine/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-tournament-exact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** a number a result line would have rounded to two decimals */
const onGrid = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
const FILES = ['payoffs.json', 'payoffs.csv', 'games.jsonl'];

describe('tournament aggregates unrounded scores', () => {
  it('the payoff table holds the mean of the exact per-game scores, the same files for 1, 2 and 3 workers', () => {
    const runs = ['1', '2', '3'].map((w) => {
      const out = join(dir, `t${w}`);
      const r = gambit('tournament', '--pool', 'JPN=persona,diversifier', '--games-per-profile', '2', '--turns', '3', '--workers', w, '--no-progress', '--out', out);
      expect(r.code, r.stderr).toBe(0);
      return { stdout: r.stdout.replace(/t\d\/payoffs/, 't/payoffs'), files: FILES.map((f) => readFileSync(join(out, f), 'utf8')) };
    });
    for (const r of runs.slice(1)) {
      expect(r.files).toEqual(runs[0].files);
      expect(r.stdout).toBe(runs[0].stdout);
    }
    const table = JSON.parse(runs[0].files[0]) as { profiles: { strategies: Record<CountryId, string>; seeds: number[]; mean: Record<CountryId, number>; scores: Record<CountryId, number[]> }[] };
    // each game again on this thread, unrounded: the table's per-seed scores are these, and its means their means
    let offGrid = 0;
    for (const p of table.profiles) {
      const exact = p.seeds.map((seed, g) => playOne({ scenario: 'rare-earth-gambit', game: g, seed, agents: p.strategies, turns: 3, run: '0'.repeat(16), runGames: 1, exact: true }).scores);
      for (const c of COUNTRIES) {
        expect(p.scores[c], `${p.strategies.JPN} ${c}`).toEqual(exact.map((s) => s[c]));
        expect(p.mean[c], `${p.strategies.JPN} ${c}`).toBeCloseTo((exact[0][c] + exact[1][c]) / 2, 12);
        if (!onGrid(p.mean[c])) offGrid++;
      }
    }
    // rounded to 0.01 before averaging two games, every mean would lie on a 0.005 grid
    expect(offGrid).toBeGreaterThan(0);
    // games.jsonl's lines are rounded as self-play's are
    for (const t of runs[0].files[2].trim().split('\n')) for (const c of COUNTRIES) expect(onGrid(JSON.parse(t).scores[c]), t).toBe(true);
  }, 120_000);
});
