// The resampling behind `analyze`'s and `report`'s stabilities, on a merged tournament's table: 500 redraws of 100,000
// seeds took some 25 of the 31 s `analyze` spent on 5 profiles x 100,000 games (the sum over the drawn seeds was taken
// once per profile and player, each a pass of random reads over the table). It is now taken for every profile at
// once, seed by seed, and only for the players with a choice; the figures are those of the loop it replaced, to the
// bit (the digest below was taken with it). Its speed is not a test's (a timed test fails on a busy machine): the
// cli19 branch measured analyze on 5 profiles x 100,000 games at 14.2-15.3 s before and 5.4-8.1 s after, alternated.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { COUNTRIES, type CountryId } from '../engine/index.ts';
import { makeRng } from '../engine/prng.ts';
import { analyzeTable, parsePayoffTable } from '../src/analysis/index.ts';
import { payoffTableOf, type TournamentSpec } from '../src/cli/tournament.ts';

/** A tournament's table: pools by country, `n` seeds from 1, every score from `rng`. */
function tableOf(pools: Partial<Record<CountryId, string[]>>, n: number, rngName: string) {
  const full = Object.fromEntries(COUNTRIES.map((c) => [c, pools[c] ?? ['persona']])) as Record<CountryId, string[]>;
  let profiles: Record<CountryId, string>[] = [{} as Record<CountryId, string>];
  for (const c of COUNTRIES) profiles = profiles.flatMap((p) => full[c].map((a) => ({ ...p, [c]: a })));
  const spec: TournamentSpec = { format: 'rare-earth-gambit-tournament', id: '0'.repeat(16), scenario: 'rare-earth-gambit', seed: 1, gamesPerProfile: n, turns: null, pools: full, profiles, profilesInAll: profiles.length };
  const rng = makeRng(rngName);
  const games = profiles.flatMap((p, k) => Array.from({ length: n }, (_, g) => ({ seed: 1 + g, scores: Object.fromEntries(COUNTRIES.map((c, j) => [c, Math.sin(g + j) + k * 0.01 * (j + 1) + (rng() - 0.5) * 3])) as Record<CountryId, number> })));
  return payoffTableOf('rare-earth-gambit', spec, games);
}

describe('resampling a large table', () => {
  it('gives the figures of the loop it replaced, to the bit: several players with a choice, two seed sets, profiles without seeds', () => {
    const t = tableOf({ JPN: ['a', 'b', 'c'], CHN: ['x', 'y'], USA: ['p', 'q'] }, 40, 'resample-bits');
    // four profiles on seeds 101-140, three with no per-seed scores
    for (const p of t.profiles.slice(0, 4)) p.seeds = p.seeds.map((x) => x + 100);
    for (const p of t.profiles.slice(8, 11)) {
      delete (p as { seeds?: number[] }).seeds;
      delete (p as { scores?: unknown }).scores;
    }
    // (the digest is of the result as it was: without `turns`, which the result carries since, beside the figures)
    const result = (samples: number, seed: number) => {
      const { turns: _turns, ...r } = analyzeTable(parsePayoffTable(t), { confidence: { samples, seed } });
      return r;
    };
    const digests = [[500, 1], [137, 7]].map(([samples, seed]) => createHash('sha256').update(JSON.stringify(result(samples, seed))).digest('hex').slice(0, 16));
    expect(digests).toEqual(['9bb65d085c5d5c86', '6992ded22e44b36c']);
  }, 60_000);
});
