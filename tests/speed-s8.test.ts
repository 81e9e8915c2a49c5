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

describe('enforceDeals, commitments already met', () => {
  const deal = (over: Partial<Deal>): Deal => ({ id: 'D1', from: 'USA', to: 'JPN', give: [], get: [], termTurns: 8, status: 'active', proposedTurn: 1, startTurn: 2, endTurn: 10, ...over });
  const pol = createGame(content, 1).regions.JPN.policies;
  const flow = () => 0;
  it('gives the same record back when every binding commitment is met, and binds the one that is not', () => {
    const met = { type: 'tariffCap' as const, good: 'other' as const, max: 500 };
    const floor = { type: 'defenseFloor' as const, minPct: pol.defensePct + 1 };
    const money = { type: 'investment' as const, usdBn: 5 };
    expect(enforceDeals('JPN', pol, [deal({ get: [met, money] })], 3, flow)).toBe(pol);
    // the second commitment of the list, and the second deal, still bind
    expect(enforceDeals('JPN', pol, [deal({ get: [met, floor] })], 3, flow).defensePct).toBe(pol.defensePct + 1);
    expect(enforceDeals('JPN', pol, [deal({ get: [met] }), deal({ id: 'D2', from: 'JPN', to: 'AUS', give: [money, floor] })], 3, flow).defensePct).toBe(pol.defensePct + 1);
    const open = { type: 'openExports' as const, stage: 'magnet' as const };
    const banned = { ...pol, controls: { ...pol.controls, USA: { ...pol.controls.USA, magnet: { ...pol.controls.USA.magnet, level: 'banned' as const, share: 0 } } } };
    expect(enforceDeals('JPN', banned, [deal({ get: [open] })], 3, flow).controls.USA.magnet.level).toBe('open');
    expect(enforceDeals('JPN', pol, [deal({ get: [open] })], 3, flow)).toBe(pol);
  });
});
