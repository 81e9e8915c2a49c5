// Merging orders onto policies (engine/policy.ts) and the news of it (engine/turn.ts policyNews) against the plain
// algorithms they replaced: every order assigned in turn through immer ('*' first, then each partner's own entry),
// and the news read field by field (no record shared). The same values, keys in the same order, news word for word; orders that
// change nothing give back the policies they were handed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { produce } from '../engine/immer.ts';
import { REGIONS, STAGES, TARIFF_GOODS, type CountryId, type RegionId, type StageKey } from '../engine/ids.ts';
import { createGame } from '../engine/index.ts';
import { mergePolicies, toControl } from '../engine/policy.ts';
import { policyNews } from '../engine/turn.ts';
import type { ControlSpec, CountryOrders } from '../engine/schema.ts';
import type { Policies } from '../engine/state.ts';
import { content } from './helpers.ts';

function expand<T>(self: RegionId, rec: Record<string, T> | undefined): [RegionId, T][] {
  if (!rec) return [];
  const out: [RegionId, T][] = [];
  if (rec['*'] !== undefined) for (const r of REGIONS) if (r !== self) out.push([r, rec['*']]);
  for (const r of REGIONS) if (r !== self && rec[r] !== undefined) out.push([r, rec[r] as T]);
  return out;
}

/** The merge as it was written before (a new control record for every restated control). */
function mergeBefore(self: CountryId, prev: Policies, o: CountryOrders, turn: number, flowOut: (s: StageKey, p: RegionId) => number, needOf: (s: StageKey, p: RegionId) => number = () => 0): Policies {
  if (!o.tariffs && !o.exportControls && o.defenseSpendingPct === undefined && o.rareEarthOutputPct === undefined) return prev;
  return produce(prev, (d) => {
    for (const [p, goods] of expand(self, o.tariffs)) for (const g of TARIFF_GOODS) if (goods[g] !== undefined) d.tariffs[p][g] = goods[g] as number;
    for (const [p, stages] of expand(self, o.exportControls))
      for (const s of STAGES) {
        const spec = stages[s];
        if (spec === undefined) continue;
        const cur = prev.controls[p][s];
        const level = spec === 'open' ? 'open' : spec === 'banned' ? 'banned' : 'licensed';
        const share = typeof spec === 'object' ? spec.licensed : level === 'open' ? 1 : 0;
        d.controls[p][s] =
          cur.level === level
            ? { level, share, baseVolume: cur.level === 'open' ? 0 : cur.baseVolume, baseNeed: cur.level === 'open' ? 0 : cur.baseNeed, sinceTurn: cur.sinceTurn }
            : cur.level === 'banned' && level === 'licensed'
              ? { level, share, baseVolume: cur.baseVolume, baseNeed: cur.baseNeed, sinceTurn: turn }
              : { level, share, baseVolume: level === 'open' ? 0 : flowOut(s, p), baseNeed: level === 'open' ? 0 : needOf(s, p), sinceTurn: turn };
      }
    if (o.defenseSpendingPct !== undefined) d.defensePct = o.defenseSpendingPct;
    if (o.rareEarthOutputPct !== undefined) d.outputPct = o.rareEarthOutputPct;
  });
}

/** The news read field by field: from a deep copy of the new policies, which shares no record with the old ones. */
function newsFieldByField(c: CountryId, before: Policies, after: Policies): string[] {
  return before === after ? [] : policyNews(c, before, structuredClone(after));
}

/** A value as a tree that keeps key order and -0. */
function canon(v: unknown): unknown {
  if (Array.isArray(v)) return ['array', ...v.map(canon)];
  if (v !== null && typeof v === 'object') return ['object', ...Object.keys(v).map((k) => [k, canon((v as Record<string, unknown>)[k])])];
  return Object.is(v, -0) ? '-0' : v;
}

const spec = fc.oneof(fc.constant<ControlSpec>('open'), fc.constant<ControlSpec>('banned'), fc.constantFrom(0.3, 0.5, 0.7).map((x): ControlSpec => ({ licensed: x })));
const partnerKey = fc.constantFrom<string>('*', ...REGIONS);
const orders = fc.record(
  {
    tariffs: fc.dictionary(partnerKey, fc.record({ autos: fc.constantFrom(0, 2.5, 25), magnets: fc.constantFrom(0, 25), other: fc.constantFrom(0, 10, 25) }, { requiredKeys: [] }), { maxKeys: 3 }),
    exportControls: fc.dictionary(partnerKey, fc.record(Object.fromEntries(STAGES.map((s) => [s, spec])) as Record<StageKey, typeof spec>, { requiredKeys: [] }), { maxKeys: 3 }),
    defenseSpendingPct: fc.constantFrom(1.5, 2, 3),
    rareEarthOutputPct: fc.constantFrom(100, 130),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<CountryOrders>;

describe('mergePolicies', () => {
  const start = createGame(content, 7);
  // standing policies with some controls and tariffs in force: the start merged with one set of orders
  const standing = fc.tuple(fc.constantFrom<CountryId>('CHN', 'JPN', 'USA'), orders).map(([c, o]) => ({ c, pol: mergeBefore(c, start.regions[c].policies, o, 3, (s, p) => 100 + STAGES.indexOf(s) + REGIONS.indexOf(p)) }));

  it('gives what assigning every order in turn gave, key for key, and news word for word', () => {
    fc.assert(
      fc.property(standing, orders, ({ c, pol }, o) => {
        const flow = (s: StageKey, p: RegionId) => 10 * STAGES.indexOf(s) + REGIONS.indexOf(p) + 0.5;
        const need = (s: StageKey, p: RegionId) => 100 * STAGES.indexOf(s) + REGIONS.indexOf(p) + 0.25;
        const now = mergePolicies(c, pol, o, 9, flow, need);
        expect(canon(now)).toEqual(canon(mergeBefore(c, pol, o, 9, flow, need)));
        expect(policyNews(c, pol, now)).toEqual(newsFieldByField(c, pol, now));
        // a record whose content did not change is the one handed in (shared, as immer's produce left it)
        const same = (a: unknown, b: unknown) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));
        for (const key of ['tariffs', 'controls'] as const) {
          if (same(now[key], pol[key])) expect(now[key]).toBe(pol[key]);
          for (const r of REGIONS) if (same(now[key][r], pol[key][r])) expect(now[key][r]).toBe(pol[key][r]);
        }
        // no change in content: the same policies object, and no news
        if (JSON.stringify(canon(now)) === JSON.stringify(canon(pol))) {
          expect(now).toBe(pol);
          expect(policyNews(c, pol, now)).toEqual([]);
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('returns the standing policies for a restated control, and the control in force from toControl', () => {
    const open = start.regions.AUS.policies;
    expect(open.controls.JPN.magnet.level).toBe('open');
    const pol = mergePolicies('AUS', open, { exportControls: { JPN: { magnet: { licensed: 0.5 } } } }, 2, () => 40, (s, p) => (s === 'magnet' && p === 'JPN' ? 7 : 0));
    expect(pol).not.toBe(open);
    expect(pol.controls.JPN.magnet).toEqual({ level: 'licensed', share: 0.5, baseVolume: 40, baseNeed: 7, sinceTurn: 2 });
    expect(toControl({ licensed: 0.5 }, pol.controls.JPN.magnet, 99, 5, 8)).toBe(pol.controls.JPN.magnet);
    // a new share of the licence keeps what it was measured on: the volume and the need at its imposition
    expect(toControl({ licensed: 0.4 }, pol.controls.JPN.magnet, 99, 5, 8)).toEqual({ level: 'licensed', share: 0.4, baseVolume: 40, baseNeed: 7, sinceTurn: 2 });
    expect(mergePolicies('AUS', pol, { exportControls: { JPN: { magnet: { licensed: 0.5 } } }, defenseSpendingPct: pol.defensePct }, 5, () => 99)).toBe(pol);
    // '*' then the partner's own entry: the partner's entry is what stays
    const back = mergePolicies('AUS', pol, { exportControls: { '*': { magnet: 'banned' }, JPN: { magnet: { licensed: 0.5 } } } }, 5, () => 99);
    expect(back.controls.JPN).toBe(pol.controls.JPN);
    expect(back.controls.USA.magnet).toEqual({ level: 'banned', share: 0, baseVolume: 99, baseNeed: 0, sinceTurn: 5 });
    // a licence in place of a ban is measured on the ban's volume and need (the flow under the ban is nothing), with
    // the licensing delay of a new licence (sinceTurn)
    expect(toControl({ licensed: 0.5 }, { level: 'banned', share: 0, baseVolume: 99, baseNeed: 7, sinceTurn: 5 }, 0, 8, 9)).toEqual({ level: 'licensed', share: 0.5, baseVolume: 99, baseNeed: 7, sinceTurn: 8 });
    expect(policyNews('AUS', pol, back)).toEqual(['AUS bans magnet exports to CHN, MYS, ROW, USA.']);
  });
});
