// The eighth speed pass's shortcuts give what the code they replaced gave (docs/SPEED.md, "The eighth pass").
import { describe, expect, it } from 'vitest';
import { keyedUniform, keyedUniform4 } from '../engine/prng.ts';
import { enforceDeals } from '../engine/deals.ts';
import { createGame } from '../engine/init.ts';
import type { Deal, GameState } from '../engine/state.ts';
import { detections, leakConsequences } from '../engine/market/after.ts';
import type { ChainResult } from '../engine/market/chain.ts';
import { REGIONS, STAGES, STAGE_NAMES } from '../engine/ids.ts';
import { ORDER_KEYS, fastCountryOrders } from '../engine/orders-fast.ts';
import { CountryOrdersSchema } from '../engine/schema.ts';
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

describe('leakConsequences', () => {
  // the code it replaced (engine/market/after.ts before the eighth pass): a Map by "a>v" of sums and destination sets,
  // sorted by (origin, via)
  const fmtT = (t: number) => (t >= 100 ? `${String(Math.round(t)).replace(/\B(?=(\d{3})+$)/g, ',')} t` : `${t.toFixed(1)} t`);
  const listOf = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  function before(chain: ChainResult, tension: GameState['tension'], news: string[]): void {
    for (const s of STAGES) {
      const m = chain.markets[s];
      let world = 0;
      for (let i = 0; i < 6; i++) world += m.received[i];
      const byPair = new Map<string, { a: number; v: number; t: number; dest: Set<number> }>();
      for (const [a, v, b, t] of detections(content, m)) {
        if (t <= 0) continue;
        const k = `${a}>${v}`;
        const e = byPair.get(k) ?? { a, v, t: 0, dest: new Set<number>() };
        e.t += t;
        e.dest.add(b);
        byPair.set(k, e);
      }
      for (const e of [...byPair.values()].sort((x, y) => x.a - y.a || x.v - y.v)) {
        if (e.t < Math.max(1, 0.001 * world)) continue;
        const A = REGIONS[e.a];
        const V = REGIONS[e.v];
        news.push(`${A} finds about ${fmtT(e.t)} of its ${STAGE_NAMES[s]} reaching ${listOf([...e.dest].sort((x, y) => x - y).map((b) => REGIONS[b]))} through ${V}, round its export controls.`);
        if (A === 'ROW' || V === 'ROW') continue;
        const bump = Math.min(10, (content.rules.diplomacy.leakTension * e.t) / Math.max(1e-9, 0.01 * world));
        const nt = Math.min(100, tension[A][V] + bump);
        tension[A][V] = nt;
        tension[V][A] = nt;
      }
    }
  }
  it('raises the same tensions, in the same order, and writes the same news as the keyed build', () => {
    const rnd = lcg(17);
    const base = createGame(content, 2).tension;
    let lines = 0;
    for (let trial = 0; trial < 400; trial++) {
      const markets = {} as Record<string, { received: number[]; transship: [number, number, number, number][] }>;
      for (const s of STAGES) {
        const n = Math.floor(rnd() * 14);
        const transship: [number, number, number, number][] = [];
        for (let i = 0; i < n; i++) transship.push([Math.floor(rnd() * 6), Math.floor(rnd() * 6), Math.floor(rnd() * 6), rnd() < 0.15 ? 0 : rnd() * (rnd() < 0.5 ? 5 : 5000)]);
        markets[s] = { received: Array.from({ length: 6 }, () => rnd() * 20000), transship };
      }
      const chain = { markets } as unknown as ChainResult;
      const want = structuredClone(base);
      const wantNews: string[] = [];
      before(chain, want, wantNews);
      const got = structuredClone(base);
      const news: string[] = [];
      leakConsequences(content, chain, got, news);
      expect(got).toStrictEqual(want);
      const lean = structuredClone(base);
      leakConsequences(content, chain, lean, null);
      expect(lean).toStrictEqual(want);
      expect(news).toStrictEqual(wantNews);
      lines += news.length;
    }
    expect(lines).toBeGreaterThan(200);
  });
});

describe('fastCountryOrders, key by key', () => {
  it("keeps each key that is there with the value undefined, in zod's order, as zod's parse does", () => {
    for (const k of ORDER_KEYS) {
      for (const o of [{ [k]: undefined }, { defenseSpendingPct: 2, [k]: undefined }, { [k]: undefined, investments: [{ type: 'magnetPlant' }] }]) {
        const want = CountryOrdersSchema.parse(o);
        const got = fastCountryOrders(o);
        expect(got, `${k}: ${JSON.stringify(Object.keys(o))}`).toStrictEqual(want);
        expect(Object.keys(got!)).toEqual(Object.keys(want));
      }
    }
  });
});
