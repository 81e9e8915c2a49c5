// The speed pass's rewrites that replace a sort or a string-keyed build give the same result as the code they replaced.
import { describe, expect, it } from 'vitest';
import { sortPipeline } from '../engine/pipeline.ts';
import { transshipRecord } from '../engine/market/after.ts';
import { planOutput } from '../engine/market/chain.ts';
import { REGIONS, STAGES } from '../engine/ids.ts';
import type { GameState } from '../engine/state.ts';
import { cmp, lcg } from './helpers.ts';


describe('sortPipeline', () => {
  it('orders a pipeline as the stable comparator sort on (due, region, stage in string order) did', () => {
    const rnd = lcg(7);
    let compared = 0;
    for (let t = 0; t < 3000; t++) {
      const n = Math.floor(rnd() * 120);
      const p: GameState['pipeline'] = [];
      for (let i = 0; i < n; i++) p.push({ due: Math.floor(rnd() * 12), region: REGIONS[Math.floor(rnd() * 6)], stage: STAGES[Math.floor(rnd() * 5)], tonnes: i });
      const want = p.slice().sort((a, b) => a.due - b.due || cmp(a.region, b.region) || cmp(a.stage, b.stage));
      const got = p.slice();
      sortPipeline(got);
      expect(got.map((e) => e.tonnes)).toEqual(want.map((e) => e.tonnes));
      compared += n;
    }
    expect(compared).toBeGreaterThan(100000);
  });

  it('falls back to the comparator for a due turn that is not a whole number', () => {
    const p: GameState['pipeline'] = [
      { due: 3.5, region: 'USA', stage: 'magnet', tonnes: 1 },
      { due: 2, region: 'AUS', stage: 'ore.light', tonnes: 2 },
      { due: 3.5, region: 'AUS', stage: 'magnet', tonnes: 3 },
    ];
    sortPipeline(p);
    expect(p.map((e) => e.tonnes)).toEqual([2, 3, 1]);
  });
});

describe('transshipRecord', () => {
  it('gives the records the string-keyed build gave: keys sorted, tiny volumes left out, a repeated route keeping its last', () => {
    const rnd = lcg(11);
    for (let t = 0; t < 500; t++) {
      const list: [number, number, number, number][] = [];
      const n = Math.floor(rnd() * 40);
      for (let i = 0; i < n; i++) list.push([Math.floor(rnd() * 6), Math.floor(rnd() * 6), Math.floor(rnd() * 6), rnd() < 0.2 ? 1e-7 : rnd() * 1000]);
      const keys: [string, number][] = [];
      for (const [a, v, b, x] of list) if (x > 1e-6) keys.push([`${REGIONS[a]}>${REGIONS[v]}>${REGIONS[b]}`, x]);
      keys.sort((x, y) => cmp(x[0], y[0]));
      const want: Record<string, number> = {};
      for (const [k, x] of keys) want[k] = x;
      const got = transshipRecord(list);
      expect(Object.keys(got)).toEqual(Object.keys(want));
      expect(got).toEqual(want);
    }
  });
});

describe('planOutput', () => {
  // the code before session 24, which returned from the rare case (want within the short regions' capacity) early
  const before = (cap: number[], want: number, short: boolean[]): number[] => {
    let sc = 0;
    let rc = 0;
    for (let r = 0; r < 6; r++) {
      if (short[r]) sc += cap[r];
      else rc += cap[r];
    }
    const out = [0, 0, 0, 0, 0, 0];
    if (want <= sc) {
      for (let r = 0; r < 6; r++) out[r] = short[r] && sc > 0 ? (cap[r] * want) / sc : 0;
      return out;
    }
    const u = rc > 0 ? Math.min(1, (want - sc) / rc) : 0;
    for (let r = 0; r < 6; r++) out[r] = short[r] ? cap[r] : cap[r] * u;
    return out;
  };
  it("plans each region's run as the code with the early return did, to the bit, in both cases and at zero capacity", () => {
    const rnd = lcg(11);
    let low = 0;
    for (let t = 0; t < 5000; t++) {
      const cap = Array.from({ length: 6 }, () => (rnd() < 0.2 ? 0 : rnd() * 5000));
      const short = Array.from({ length: 6 }, () => rnd() < 0.4);
      const sc = cap.reduce((a, c, r) => a + (short[r] ? c : 0), 0);
      const want = rnd() < 0.1 ? 0 : rnd() * 1.5 * cap.reduce((a, c) => a + c, 0);
      if (want <= sc) low++;
      const a = planOutput(cap, want, short);
      const b = before(cap, want, short);
      for (let r = 0; r < 6; r++) expect(Object.is(a[r], b[r]), JSON.stringify({ cap, want, short, r })).toBe(true);
    }
    expect(low).toBeGreaterThan(500); // the rare case is met often here (1,903 times)
  });
});
