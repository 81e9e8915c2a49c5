// viewFor's public records of other regions (engine/view.ts publicRegion): what the rest copy
// `const { budget, stockpile, inventory, ...pub } = region` gives, key for key and in the same order, for the engine's
// own records, a belief state's (keys in another order) and records with a key more or less.
import { describe, expect, it } from 'vitest';
import { REGIONS, addQuarters } from '../engine/ids.ts';
import { createGame, makeAgent, playGame, viewFor, type CountryId } from '../engine/index.ts';
import { beliefState, publicRegion } from '../engine/view.ts';
import type { RegionState } from '../engine/state.ts';
import { content } from './helpers.ts';

function byRest(r: RegionState): unknown {
  const { budget: _b, stockpile: _s, inventory: _i, ...pub } = r;
  return pub;
}
const entries = (o: unknown) => Reflect.ownKeys(o as object).map((k) => [k, (o as Record<PropertyKey, unknown>)[k]]);

describe('viewFor: others see a region without its budget, stockpile and inventory', () => {
  it('as the rest copy gives it, on every record of a game, a belief state and odd records', () => {
    const seats = Object.fromEntries(REGIONS.filter((r) => r !== 'ROW').map((c) => [c, makeAgent(content, 'persona', c as CountryId)])) as Parameters<typeof playGame>[2];
    const states = [createGame(content, 3)];
    playGame(content, 3, seats, { turns: 6, ledger: false, onTurn: (s) => void states.push(s) });
    const records: RegionState[] = [];
    for (const s of states) for (const r of REGIONS) records.push(s.regions[r]);
    const belief = beliefState(content, viewFor(states[3], 'JPN'), 'b');
    for (const r of REGIONS) records.push(belief.regions[r]);
    const r0 = states[1].regions.USA;
    const { debt: _d, ...less } = r0;
    const { budget: _b, ...noBudget } = r0;
    // a key more, a key less, a key moved to the end, a private key first, no budget
    records.push({ ...r0, extra: 1 } as RegionState, less as RegionState, { ...less, debt: r0.debt } as RegionState, Object.assign({ budget: 1 }, r0), noBudget as RegionState);
    for (const r of records) {
      const pub = publicRegion(r);
      // the same values, the same objects inside (no copy), the same key order
      expect(entries(pub)).toEqual(entries(byRest(r)));
      expect(Object.getPrototypeOf(pub)).toBe(Object.prototype);
    }
    // the belief state's records (budget, stockpile and inventory last) differ in order from the engine's
    expect(Object.keys(belief.regions.USA)).not.toEqual(Object.keys(r0));
  });

  it('in the view itself', () => {
    const s = createGame(content, 4);
    const v = viewFor(s, 'JPN');
    for (const r of REGIONS) if (r !== 'JPN') expect(entries(v.others[r])).toEqual(entries(byRest(s.regions[r])));
    expect(v.others.JPN).toBeUndefined();
  });

  it("gives each view its date, the deals it may see and the shocks, as a turn's state has them", () => {
    const seats = Object.fromEntries(REGIONS.filter((r) => r !== 'ROW').map((c) => [c, makeAgent(content, 'persona', c as CountryId)])) as Parameters<typeof playGame>[2];
    const states = [createGame(content, 8)];
    playGame(content, 8, seats, { turns: 14, ledger: false, onTurn: (s) => void states.push(s) });
    // another start date, in between: the dates are kept per start
    const other = { ...states[2], start: '2031Q3' };
    let deals = 0;
    for (const s of [...states, other, states[1]])
      for (const c of ['JPN', 'USA', 'CHN'] as CountryId[]) {
        const v = viewFor(s, c);
        expect(v.date).toBe(addQuarters(s.start, s.turn * s.quartersPerTurn));
        expect(v.deals).toEqual(s.deals.filter((d) => d.from === c || d.to === c || d.status === 'active'));
        expect(v.shocks).toEqual(s.shocks.map((x) => ({ eventId: x.eventId, turnsLeft: x.turnsLeft })));
        expect(Object.keys(v).at(-1)).toBe(s.track ? 'track' : 'market');
        deals += v.deals.length;
      }
    expect(deals).toBeGreaterThan(0);
    expect(viewFor(other, 'JPN').date).toBe(addQuarters('2031Q3', other.turn * other.quartersPerTurn));
  });

  it('views of one state made together share the public records, and equal views made alone', () => {
    const seats = Object.fromEntries(REGIONS.filter((r) => r !== 'ROW').map((c) => [c, makeAgent(content, 'persona', c as CountryId)])) as Parameters<typeof playGame>[2];
    const states: ReturnType<typeof createGame>[] = [];
    playGame(content, 2, seats, { turns: 5, ledger: false, onTurn: (s) => void states.push(s) });
    for (const s of states) {
      const shared = {};
      const together = (['JPN', 'USA', 'CHN'] as CountryId[]).map((c) => viewFor(s, c, shared));
      for (const v of together) expect(v).toEqual(viewFor(s, v.country));
      expect(together[0].others.AUS).toBe(together[1].others.AUS);
      expect(together[0].others.USA).toBe(together[2].others.USA);
      expect(viewFor(s, 'JPN').others.AUS).not.toBe(viewFor(s, 'JPN').others.AUS);
    }
  });
});
