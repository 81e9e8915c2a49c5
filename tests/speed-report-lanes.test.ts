// The fourth speed pass's rewrites in the report and the lane routes give the same results as the code they replaced.
import { describe, expect, it } from 'vitest';
import { biggestChanges } from '../engine/report.ts';
import { resolveValidated, resolveValidatedLean } from '../engine/turn.ts';
import { validateOrders } from '../engine/policy.ts';
import { createGame } from '../engine/init.ts';
import { COUNTRIES, HEADLINES } from '../engine/ids.ts';
import type { TurnReport } from '../engine/state.ts';
import { playGame, statusQuoSeats, type Seats } from '../engine/game.ts';
import { makeAgent } from '../engine/agents/index.ts';
import { hashValue } from '../engine/hash.ts';
import { cmp, content, lcg } from './helpers.ts';
import { routeLanes } from '../engine/map.ts';


/** The code biggestChanges replaced: every change, sorted, the first three. */
function sortedBiggest(headlines: TurnReport['headlines']): TurnReport['biggest'] {
  const biggest: TurnReport['biggest'] = [];
  for (const c of COUNTRIES)
    for (const hd of HEADLINES) {
      const v = headlines[c][hd];
      const scale = hd === 'approval' || hd === 'security' ? 100 : hd === 'magnetSupplyRatio' ? 1 : Math.abs(v.prev);
      biggest.push({ country: c, headline: hd, change: v.change, relative: scale > 0 ? v.change / scale : 0 });
    }
  biggest.sort((p, q) => Math.abs(q.relative) - Math.abs(p.relative) || cmp(p.country, q.country) || cmp(p.headline, q.headline));
  return biggest.slice(0, 3);
}

describe('biggestChanges', () => {
  it('keeps the same three changes, in the same order, as sorting all of them (ties, zeros, infinities, NaN)', () => {
    const rnd = lcg(11);
    // few distinct values, so ties are common; -0, tiny scales (infinite ratios) and NaN now and then
    const pool = [0, -0, 1, -1, 2.5, -2.5, 1e-3, 7, -7, 5e-324, Infinity, -Infinity, NaN];
    let nanCases = 0;
    for (let t = 0; t < 4000; t++) {
      const headlines = {} as TurnReport['headlines'];
      let hasNaN = false;
      for (const c of COUNTRIES) {
        const h = {} as TurnReport['headlines'][typeof c];
        for (const hd of HEADLINES) {
          const pick = () => pool[Math.floor(rnd() * (t % 5 === 0 ? pool.length : pool.length - 3))]!;
          const change = pick();
          const prev = pick();
          if (change !== change || prev !== prev) hasNaN = true;
          h[hd] = { value: prev + change, prev, change, causes: [] };
        }
        headlines[c] = h;
      }
      if (hasNaN) nanCases++;
      expect(biggestChanges(headlines)).toEqual(sortedBiggest(headlines));
    }
    expect(nanCases).toBeGreaterThan(50);
  });
});

describe('playGame without reports (keepReports false, no onTurn)', () => {
  const mixed = () => Object.fromEntries(COUNTRIES.map((c, i) => [c, makeAgent(content, ['persona', 'hawk', 'random', 'status-quo', 'protectionist'][i]!, c)])) as Seats;
  for (const [name, seats] of [['status quo', statusQuoSeats()], ['mixed agents', mixed()]] as const) {
    for (const ledger of [false, true]) {
      it(`plays the same game as with reports kept (${name}, ledger ${ledger})`, () => {
        const full = playGame(content, 31, seats, { ledger, hashes: true, turns: 12 });
        const lean = playGame(content, 31, seats, { ledger, hashes: true, turns: 12, keepReports: false });
        expect(lean.hashes).toEqual(full.hashes);
        expect(hashValue(lean.state)).toBe(hashValue(full.state));
        expect(lean.objectives).toEqual(full.reports.map((r) => r.objective));
        expect(lean.objectives).toHaveLength(12);
        expect([lean.reports.length, lean.orders.length]).toEqual([0, 0]);
        // with an onTurn reader the reports are built as before
        const seen: TurnReport[] = [];
        playGame(content, 31, seats, { ledger, turns: 12, keepReports: false, onTurn: (_s, r) => seen.push(r) });
        expect(hashValue(seen)).toBe(hashValue(full.reports));
      });
    }
  }
});

describe('resolveValidatedLean', () => {
  it('gives the state resolveValidated gives and the objective of its report (policy news left unwritten)', () => {
    let state = createGame(content, 5);
    let changed = 0;
    for (let t = 0; t < 4; t++) {
      const v = validateOrders(content, state, t % 2 ? { USA: { tariffs: { JPN: { autos: 10 + 10 * t } } } } : {});
      if (!v.ok) throw new Error(JSON.stringify(v.issues));
      const full = resolveValidated(content, state, v.orders, { ledger: t < 2 });
      const lean = resolveValidatedLean(content, state, v.orders, { ledger: t < 2 });
      expect(hashValue(lean.state)).toBe(hashValue(full.state));
      expect(lean.objective).toEqual(full.report.objective);
      if (full.report.news.some((n) => n.startsWith('USA sets its tariffs on JPN'))) changed++;
      state = full.state;
    }
    expect(state.turn).toBe(4);
    expect(changed).toBe(2); // the turns with orders wrote policy news in the full turn
  });
});

describe('routeLanes after the search rewrite (typed arrays, h once per cell)', () => {
  const ids = content.map.straits.map((s) => s.id).sort();
  const subsets: string[][] = [];
  for (let m = 0; m < 1 << ids.length; m++) subsets.push(ids.filter((_, i) => m & (1 << i)));

  it('routes every lane as the search it replaced did, for every set of straits the map can close', () => {
    expect(subsets).toHaveLength(64);
    // the hash of these 64 routings (paths, lengths, straits) by engine/map.ts at b422c7f, the object-based search
    // this rewrite replaced; the game fingerprints cover only the sets their games closed
    expect(hashValue(subsets.map((s) => routeLanes(content.map, s)))).toBe('232a14e2cd91871f');
  });

  it('reuses a lane route for a set whose differing straits its search never looked at, and only then', () => {
    const open = routeLanes(content.map, []);
    // the Korea Strait is far from the Strait of Malacca: the Chennai-Kuantan search never looks at it
    expect(routeLanes(content.map, ['tsushima'])['chennai-kuantan']).toBe(open['chennai-kuantan']);
    // closing Malacca changes that lane's route: it is searched again
    expect(routeLanes(content.map, ['malacca'])['chennai-kuantan']!.lengthKm).toBeGreaterThan(open['chennai-kuantan']!.lengthKm);
  });

  it('memoises: a fresh routing of a copy (searched anew, no reuse) equals the memo for every set, also with another map routed in between', () => {
    const tiny = { ...content.map, id: 'tiny', rows: ['JJJJJJJ', 'J~~~~~U', 'UUUUUUU'], legend: { '~': 'sea', J: 'JPN', U: 'USA' } as typeof content.map.legend, ports: [{ id: 'a', name: 'A', country: 'JPN' as const, x: 1, y: 1 }, { id: 'b', name: 'B', country: 'USA' as const, x: 5, y: 1 }], straits: [{ id: 'gap', name: 'Gap', cells: [[3, 1]] as [number, number][] }], lanes: [{ id: 'a-b', from: 'a', to: 'b' }] };
    for (let i = 0; i < subsets.length; i++) {
      const memo = routeLanes(content.map, subsets[i]!);
      expect(routeLanes(content.map, [...subsets[i]!].reverse())).toBe(memo);
      // a smaller grid through the shared working arrays, then a fresh routing (another map id: no memo hit)
      expect(routeLanes({ ...tiny, id: `tiny-${i}` }, i % 2 ? ['gap'] : [])['a-b']!.blocked).toBe(i % 2 === 1);
      const fresh = routeLanes({ ...content.map, id: `copy-${i}` }, subsets[i]!);
      expect(fresh).not.toBe(memo);
      expect(JSON.stringify(fresh)).toBe(JSON.stringify(memo));
    }
  });
});
