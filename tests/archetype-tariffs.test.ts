// The protectionist and the hawk raise tariffs; they never cut one already higher (an economist's review: the
// protectionist US's '*' order wrote 25% over its 100% on Chinese cars, so "protectionism" scored as a tariff cut).
import { describe, expect, it } from 'vitest';
import { COUNTRIES, type CountryId } from '../engine/ids.ts';
import { playGame, type Seats } from '../engine/game.ts';
import { makeAgent } from '../engine/agents/index.ts';
import { createGame } from '../engine/init.ts';
import { viewFor } from '../engine/view.ts';
import { makeRng } from '../engine/prng.ts';
import type { GameState } from '../engine/state.ts';
import { loadContent } from '../src/content/load.ts';

const content = loadContent('rare-earth-gambit');
const GOODS = ['autos', 'magnets', 'oxide', 'ore', 'other'] as const;

function after(us: string, turns: number): GameState {
  const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, c === 'USA' ? us : 'persona', c as CountryId)])) as Seats;
  let last: GameState | undefined;
  playGame(content, 1, seats, { turns, ledger: false, onState: (s) => (last = s) });
  return last!;
}

describe('the archetypes raise tariffs, never cut them', () => {
  const start = createGame(content, 1).regions.USA.policies.tariffs;
  it('the protectionist US keeps its 100% on Chinese cars and raises the rest to its levels at least', () => {
    expect(start.CHN.autos).toBe(100); // the scenario's tariff on Chinese cars (2024 Section 301)
    const t = after('protectionist', 3).regions.USA.policies.tariffs;
    const floor = { autos: 25, magnets: 25, oxide: 10, ore: 5, other: 20 };
    for (const p of ['AUS', 'CHN', 'JPN', 'MYS', 'ROW'] as const)
      for (const g of GOODS) {
        expect(t[p][g], `${p} ${g}`).toBeGreaterThanOrEqual(start[p][g]);
        expect(t[p][g], `${p} ${g}`).toBe(Math.max(floor[g], start[p][g]));
      }
    expect(t.CHN.autos).toBe(100);
  });
  it('the hawk US raises its tariffs on its rivals to 25%, and keeps one already higher', () => {
    const t = after('hawk', 3).regions.USA.policies.tariffs;
    for (const g of GOODS) expect(t.CHN[g], g).toBeGreaterThanOrEqual(start.CHN[g]);
    expect(t.CHN.other).toBe(Math.max(25, start.CHN.other));
    // a magnet tariff above the hawk's 25% stands (the scenario's is 25%, so set one higher)
    const s = createGame(content, 1);
    s.regions.USA.policies.tariffs.CHN.magnets = 60;
    const o = makeAgent(content, 'hawk', 'USA').decide({ content, view: viewFor(s, 'USA'), rng: makeRng('hawk') });
    expect(o.tariffs?.CHN).toEqual({ magnets: 60, other: Math.max(25, start.CHN.other) });
  });
});
