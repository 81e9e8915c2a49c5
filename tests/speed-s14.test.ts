// The fourteenth stop's shortcuts give what the code they replaced gave (docs/SPEED.md, "Session 14, helper 2").
import { describe, expect, it } from 'vitest';
import { capacityFactor, demandFactor } from '../engine/events.ts';
import { REGIONS, STAGES } from '../engine/ids.ts';
import type { Shock } from '../engine/state.ts';
import type { Effect } from '../engine/schema.ts';
import { lcg } from './helpers.ts';

const TARGETS = ['cars', 'electronics', 'wind', 'defense', 'other'] as const;

/** The shock table as it was: a record of rows per stage and per target, each row made on first use. */
function oldTable(shocks: readonly Shock[]) {
  const t = { capacity: {} as Record<string, number[]>, demand: {} as Record<string, number[]> };
  const row = (rec: Record<string, number[]>, key: string) => (rec[key] ??= [1, 1, 1, 1, 1, 1]);
  for (const s of shocks) {
    const e = s.effect;
    if (e.kind === 'capacityShock') row(t.capacity, e.stage)[REGIONS.indexOf(e.region)] *= e.factor;
    else if (e.kind === 'licenceSuspension') row(t.capacity, e.stage)[REGIONS.indexOf(e.region)] = 0;
    else if (e.kind === 'demandShock') row(t.demand, e.target)[REGIONS.indexOf(e.region)] *= e.factor;
  }
  return t;
}

describe('the running shocks table', () => {
  it('capacityFactor and demandFactor give what the record of rows gave, bit for bit, for random shock lists', () => {
    const rnd = lcg(14);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    // factors that make products round, and the odd zero, negative zero and infinity
    const factor = () => pick([0.9, 0.7, 1.13, 1 / 3, 0, -0, 2.5e-7, Infinity, 0.1 + 0.2]);
    let lists = 0;
    for (let n = 0; n < 400; n++) {
      const shocks: Shock[] = [];
      const len = Math.floor(rnd() * 9);
      for (let k = 0; k < len; k++) {
        const kind = pick(['capacityShock', 'licenceSuspension', 'demandShock', 'closeStrait', 'gdpShock'] as const);
        const region = pick(REGIONS);
        let effect: Effect;
        if (kind === 'capacityShock') effect = { kind, region, stage: pick(STAGES), factor: factor() };
        else if (kind === 'licenceSuspension') effect = { kind, region, stage: pick(STAGES) };
        else if (kind === 'demandShock') effect = { kind, region, target: pick(TARGETS), factor: factor() };
        else if (kind === 'closeStrait') effect = { kind, strait: 'malacca' } as Effect;
        else effect = { kind, country: 'JPN', pct: -1 } as Effect;
        shocks.push({ eventId: `e${k}`, effect, turnsLeft: 2 });
      }
      const old = oldTable(shocks);
      for (const r of REGIONS) {
        for (const s of STAGES) {
          const row = old.capacity[s];
          expect(Object.is(capacityFactor(shocks, r, s), row ? row[REGIONS.indexOf(r)] : 1)).toBe(true);
        }
        for (const d of TARGETS) {
          const row = old.demand[d];
          expect(Object.is(demandFactor(shocks, r, d), row ? row[REGIONS.indexOf(r)] : 1)).toBe(true);
        }
      }
      if (len) lists++;
    }
    expect(lists).toBeGreaterThan(300);
  });

  it('a list asked about again after another gives its own table', () => {
    const a: Shock[] = [{ eventId: 'a', effect: { kind: 'capacityShock', region: 'CHN', stage: 'magnet', factor: 0.5 }, turnsLeft: 1 }];
    const b: Shock[] = [{ eventId: 'b', effect: { kind: 'demandShock', region: 'JPN', target: 'cars', factor: 0.8 }, turnsLeft: 1 }];
    expect(capacityFactor(a, 'CHN', 'magnet')).toBe(0.5);
    expect(capacityFactor(b, 'CHN', 'magnet')).toBe(1);
    expect(demandFactor(b, 'JPN', 'cars')).toBe(0.8);
    expect(demandFactor(a, 'JPN', 'cars')).toBe(1);
    expect(capacityFactor(a, 'CHN', 'magnet')).toBe(0.5);
    expect(capacityFactor([], 'CHN', 'magnet')).toBe(1);
  });
});
