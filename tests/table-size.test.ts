// The payoff table's size cap (LIMITS.table, read by `analyze` and `report`) admits the largest table `gambit merge`
// writes: since tables keep unrounded per-seed scores, a merged tournament's payoffs.json passed the old 64 MB cap at
// about 370,000 games, while merge takes up to MAX_MERGED_GAMES. Absurd files are still refused, naming file, size and cap.
// And `report` draws that many games (its lowest and highest are not taken with Math.min(...xs), which overflows).
import { constants } from 'node:buffer';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gambit } from './cli-run.ts';
import { COUNTRIES, type CountryId } from '../engine/index.ts';
import { MAX_GAMES_PER_RUN, MAX_MERGED_GAMES, MAX_TOURNAMENT_PROFILES } from '../src/cli/batch-options.ts';
import { LIMITS } from '../src/cli/files.ts';
import { buildReport } from '../src/cli/report.ts';
import { gamesOf as reportGames } from '../src/cli/report-games.ts';
import { payoffTableOf, payoffsText, type TournamentSpec } from '../src/cli/tournament.ts';
import { makeRng } from '../engine/prng.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-table-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MB = 1024 * 1024;

/** A tournament's spec: `k` profiles (JPN's pool varies; names of `nameLength` characters) of `n` games each. */
function specOf(k: number, n: number, nameLength = 8, seed = 1): TournamentSpec {
  const name = (i: number) => `s${i}`.padEnd(nameLength, 'x');
  const pools = Object.fromEntries(COUNTRIES.map((c) => [c, c === 'JPN' ? Array.from({ length: k }, (_, i) => name(i)) : [name(0)]])) as Record<CountryId, string[]>;
  const profiles = Array.from({ length: k }, (_, i) => Object.fromEntries(COUNTRIES.map((c) => [c, c === 'JPN' ? name(i) : name(0)])) as Record<CountryId, string>);
  return { format: 'rare-earth-gambit-tournament', id: '0'.repeat(16), scenario: 'rare-earth-gambit', seed, gamesPerProfile: n, turns: null, pools, profiles, profilesInAll: k };
}
/** The games of `profiles` profiles of `n` games, each score from `score`. */
const gamesOf = (profiles: number, n: number, seed: number, score: (g: number, c: number) => number) =>
  Array.from({ length: profiles * n }, (_, g) => ({ seed: seed + (g % n), scores: Object.fromEntries(COUNTRIES.map((c, j) => [c, score(g, j)])) as Record<CountryId, number> }));

describe('the payoff table cap', () => {
  it('admits the largest table merge writes, with the longest numbers, in either shape, and stays below the longest string', () => {
    // seeds of 16 digits and scores of 24 characters (-1.2345678901234567e-100) are the longest a table can hold;
    // profiles named with 60 characters an agent
    const seed = Number.MAX_SAFE_INTEGER - MAX_GAMES_PER_RUN;
    const worst = () => -1.2345678901234567e-100;
    for (const [profiles, n] of [[MAX_MERGED_GAMES / MAX_GAMES_PER_RUN, MAX_GAMES_PER_RUN], [MAX_TOURNAMENT_PROFILES, MAX_MERGED_GAMES / MAX_TOURNAMENT_PROFILES]]) {
      // a table of one profile and of two: every further profile adds what the second did
      const size = (k: number) => Buffer.byteLength(payoffsText(payoffTableOf('rare-earth-gambit', specOf(k, n, 60, seed), gamesOf(k, n, seed, worst))));
      const one = size(1);
      const largest = one + (profiles - 1) * (size(2) - one);
      expect(largest, `${profiles} profiles x ${n} games: ${(largest / MB).toFixed(1)} MB`).toBeLessThan(LIMITS.table);
    }
    expect(LIMITS.table).toBeLessThan(constants.MAX_STRING_LENGTH);
  });

  it('analyze reads a merged table of 500,000 games, over the old 64 MB cap', () => {
    // 5 profiles x 100,000 games: a tournament merge takes (MAX_MERGED_GAMES), from 5 or more shards
    const k = 5;
    const n = MAX_GAMES_PER_RUN;
    expect(k * n).toBeLessThanOrEqual(MAX_MERGED_GAMES);
    const rng = makeRng('table-size');
    const table = payoffsText(payoffTableOf('rare-earth-gambit', specOf(k, n), gamesOf(k, n, 1, (g) => (g % n < 2 ? 0.5 : 0) + (Math.floor(g / n) - 2) * 0.01 + (rng() - 0.5) * 4)));
    expect(table.length).toBeGreaterThan(64 * MB);
    const f = join(dir, 'payoffs.json');
    writeFileSync(f, table);
    const r = gambit('analyze', f, '--samples', '0', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout) as { profiles: { known: number }; pairing: { description: string } };
    expect(a.profiles.known).toBe(k);
    expect(a.pairing.description).toMatch(/^paired: all 5 profiles were played on the same 100000 seeds/);
  }, 60_000);

  it('an absurd file is refused in one line naming it, its size and the cap, by analyze and by report', () => {
    const d = join(dir, 'absurd');
    mkdirSync(d);
    const f = join(d, 'payoffs.json');
    writeFileSync(f, '');
    truncateSync(f, 1024 * MB); // sparse: nothing is written
    const a = gambit('analyze', f);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe(`gambit: ${f}: too large (1024 MB; the limit is ${LIMITS.table / MB} MB)\n`);
    const r = gambit('report', d);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`gambit: report: ${f}: too large (1024 MB; the limit is ${LIMITS.table / MB} MB)\n`);
  });
});

describe('report of many games', () => {
  it('draws the histograms and figures of 200,000 games', () => {
    const rng = makeRng('report-many');
    const per = () => Object.fromEntries(COUNTRIES.map((c) => [c, Math.round((rng() - 0.5) * 400) / 100]));
    const lines = Array.from({ length: 200_000 }, (_, g) => ({
      game: g, seed: 1 + g, agents: Object.fromEntries(COUNTRIES.map((c) => [c, 'persona'])), scores: per(),
      outcomes: { turns: 3, gdpGrowthPct: per(), approval: per(), jpnMinMagnetSupply: 0.5 + g / 400_000, finalPrices: {}, events: 1 },
    }));
    const html = buildReport({ dir: 'many', forks: [], results: [{ file: 's.jsonl', games: reportGames(lines) }], skipped: [] })['report.html'];
    expect(html).toContain('200000 games, seeds 1 to 200000, 3 turns');
    expect(html).toContain('worst 50.0%');
  });
});

describe("report and a games file it cannot draw", () => {
  // (a .jsonl is read line by line since, so its size in bytes no longer leaves it out: tests/report-stream.test.ts)
  it('leaves that file out, says so, and writes the rest (it failed whole before)', () => {
    const d = join(dir, 'big-lines');
    mkdirSync(d, { recursive: true });
    const sp = gambit('selfplay', '--games', '2', '--turns', '1', '--no-progress', '--out', join(d, 'small.jsonl'));
    expect(sp.code, sp.stderr).toBe(0);
    writeFileSync(join(d, 'games.jsonl'), '');
    truncateSync(join(d, 'games.jsonl'), 300 * MB); // sparse: nothing is written, and only its first 128 KB are read
    const r = gambit('report', d);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(d, 'report.html'), 'utf8');
    expect(html).toMatch(/<code>games\.jsonl<\/code>: skipped, not self-play results \(line 1 is longer than 64 KB, longer than any result line\)/);
    expect(html).toContain('small.jsonl');
  });
});
