// The eighth speed pass's shortcuts give what the code they replaced gave (docs/SPEED.md, "The eighth pass").
import { describe, expect, it } from 'vitest';
import { keyedUniform, keyedUniform4 } from '../engine/prng.ts';
import { enforceDeals } from '../engine/deals.ts';
import { createGame } from '../engine/init.ts';
import type { Deal } from '../engine/state.ts';
import { content, lcg } from './helpers.ts';

describe('keyed draws without the key', () => {
  it('keyedUniform4(seed, what, id, n) is keyedUniform(`${seed}:${what}:${id}:${n}`) bit for bit', () => {
    const rnd = lcg(3);
    const seeds = ['1', '42', 'seed:7', '', '\u00e9\u6f22', 'x'.repeat(40)];
    for (let i = 0; i < 5000; i++) {
      const seed = seeds[i % seeds.length];
      const what = i % 3 ? 'delay' : 'success';
      const id = `P${Math.floor(rnd() * 100000)}`;
      const n = Math.floor(rnd() * 200) - (i % 50 === 0 ? 7 : 0);
      expect(keyedUniform4(seed, what, id, n)).toBe(keyedUniform(`${seed}:${what}:${id}:${n}`));
    }
  });
});

describe('enforceDeals', () => {
  const deal = (over: Partial<Deal>): Deal => ({ id: 'D1', from: 'USA', to: 'JPN', give: [], get: [], termTurns: 8, status: 'active', proposedTurn: 1, startTurn: 2, endTurn: 10, ...over });
  const pol = createGame(content, 1).regions.JPN.policies;
  const cap = { type: 'tariffCap' as const, good: 'other' as const, max: 0 };
  const flow = () => 0;
  it("binds a country on either side of an active deal once it has started, and leaves the policies alone otherwise", () => {
    const high = { ...pol, tariffs: { ...pol.tariffs, USA: { ...pol.tariffs.USA, other: 25 } } };
    // JPN commits on the `get` side (it is the deal's `to`): capped
    expect(enforceDeals('JPN', high, [deal({ get: [cap] })], 3, flow).tariffs.USA.other).toBe(0);
    // JPN on the `give` side (its `from`), partner USA
    expect(enforceDeals('JPN', high, [deal({ from: 'JPN', to: 'USA', give: [cap] })], 3, flow).tariffs.USA.other).toBe(0);
    // not started yet, not active, or JPN not a party: the same record back
    expect(enforceDeals('JPN', high, [deal({ get: [cap], startTurn: 4 })], 3, flow)).toBe(high);
    expect(enforceDeals('JPN', high, [deal({ get: [cap], status: 'proposed' })], 3, flow)).toBe(high);
    expect(enforceDeals('JPN', high, [deal({ from: 'USA', to: 'AUS', get: [cap] })], 3, flow)).toBe(high);
    // a binding deal after one that does not bind
    expect(enforceDeals('JPN', high, [deal({ from: 'USA', to: 'AUS' }), deal({ id: 'D2', get: [cap] })], 3, flow).tariffs.USA.other).toBe(0);
  });
});
