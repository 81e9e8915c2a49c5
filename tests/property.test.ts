// Property tests (fast-check) over random orders and random agents: no NaN, no negative stock, material conserved, hashes stable (invalid orders: property-invalid.test.ts).
import fc from 'fast-check';
import { TOL_P } from '../engine/market/spe.ts';
import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  REGIONS,
  STAGES,
  createGame,
  hashValue,
  makeAgent,
  playGame,
  resolveTurn,
  type CountryId,
  type CountryOrders,
  type GameState,
  type Orders,
  type TurnReport,
} from '../engine/index.ts';
import { RUNS, content, opening, ordersFor, planArb, seedArb, type Plan } from './property-arbs.ts';

/**
 * Plays a plan from the seed's opening. Hashes, and any checks, are taken right after each turn, as a replay records them:
 * a later resolveTurn must not be able to change what an earlier turn produced.
 */
function play(
  seed: number,
  plan: Plan,
  opts: { extra?: (c: CountryId, o: CountryOrders) => void; onTurn?: (state: GameState, report: TurnReport, i: number) => void } = {},
): { states: GameState[]; reports: TurnReport[]; orders: Orders[]; hashes: string[]; reportHashes: string[] } {
  let state = opening(seed);
  const states = [state];
  const hashes = [hashValue(state)];
  const reports: TurnReport[] = [];
  const reportHashes: string[] = [];
  const orders: Orders[] = [];
  plan.forEach((planned, i) => {
    const o = ordersFor(state, planned, opts.extra);
    const r = resolveTurn(content, state, o, { ledger: true });
    state = r.state;
    states.push(state);
    hashes.push(hashValue(state));
    reports.push(r.report);
    reportHashes.push(hashValue(r.report));
    orders.push(o);
    opts.onTurn?.(state, r.report, i);
  });
  return { states, reports, orders, hashes, reportHashes };
}

// ---------------------------------------------------------------- invariants

/** Paths of every number in a JSON tree that is NaN or infinite (and of any non-JSON value). */
function nonFinite(v: unknown, path = '$', out: string[] = []): string[] {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) out.push(`${path} = ${v}`);
  } else if (Array.isArray(v)) v.forEach((x, i) => nonFinite(x, `${path}[${i}]`, out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) nonFinite(x, `${path}.${k}`, out);
  else if (v !== null && !['string', 'boolean', 'undefined'].includes(typeof v)) out.push(`${path}: ${typeof v}`);
  return out;
}

const TOL = -1e-6;
/** Stocks, capacities and flows that must never go negative, and prices that must stay positive. */
function negatives(s: GameState, r?: TurnReport): string[] {
  const bad: string[] = [];
  const nonNeg = (path: string, x: number) => {
    if (!(x >= TOL)) bad.push(`${path} = ${x}`);
  };
  for (const id of REGIONS) {
    const g = s.regions[id];
    for (const st of STAGES) nonNeg(`regions.${id}.inventory.${st}`, g.inventory[st]);
    nonNeg(`regions.${id}.stockpile.light`, g.stockpile.light);
    nonNeg(`regions.${id}.stockpile.heavy`, g.stockpile.heavy);
    nonNeg(`regions.${id}.miningReo`, g.miningReo);
    nonNeg(`regions.${id}.mudReo`, g.mudReo);
    nonNeg(`regions.${id}.refining.light`, g.refining.light);
    nonNeg(`regions.${id}.refining.heavy`, g.refining.heavy);
    nonNeg(`regions.${id}.magnetCap`, g.magnetCap);
    nonNeg(`regions.${id}.recycling.light`, g.recycling.light);
    nonNeg(`regions.${id}.recycling.heavy`, g.recycling.heavy);
    nonNeg(`regions.${id}.carDemand`, g.carDemand);
    nonNeg(`regions.${id}.last.autoProduction`, g.last.autoProduction);
    for (const d of REGIONS) nonNeg(`regions.${id}.last.autoExports.${d}`, g.last.autoExports[d]);
    if (!(g.last.magnetSupplyRatio >= TOL && g.last.magnetSupplyRatio <= 1 + 1e-9)) bad.push(`regions.${id}.last.magnetSupplyRatio = ${g.last.magnetSupplyRatio}`);
    if (!(g.gdp > 0)) bad.push(`regions.${id}.gdp = ${g.gdp}`);
    if (!(g.security >= TOL && g.security <= 100 + 1e-9)) bad.push(`regions.${id}.security = ${g.security}`);
  }
  for (const st of STAGES) {
    if (!(s.worldPrice[st] > 0)) bad.push(`worldPrice.${st} = ${s.worldPrice[st]}`);
    for (const a of REGIONS) {
      if (!(s.prices[st][a] > 0)) bad.push(`prices.${st}.${a} = ${s.prices[st][a]}`);
      for (const b of REGIONS) nonNeg(`flows.${st}.${a}.${b}`, s.flows[st][a][b]);
    }
  }
  for (const a of REGIONS)
    for (const b of REGIONS) {
      nonNeg(`carFlows.${a}.${b}`, s.carFlows[a][b]);
      nonNeg(`otherTrade.${a}.${b}`, s.otherTrade[a][b]);
    }
  s.pipeline.forEach((p, i) => nonNeg(`pipeline[${i}].tonnes`, p.tonnes));
  if (r)
    for (const grp of ['light', 'heavy'] as const)
      for (const k of ['mined', 'recycled', 'consumed', 'losses'] as const) nonNeg(`report.balance.${grp}.${k}`, r.balance[grp][k]);
  return bad;
}

/** mined + recycled - (stockChange + consumed + losses), and the throughput it is judged against. */
function groupBalance(r: TurnReport, g: 'light' | 'heavy'): { residual: number; scale: number } {
  const b = r.balance[g];
  return {
    residual: b.mined + b.recycled - b.stockChange - b.consumed - b.losses,
    scale: Math.max(1, b.mined + b.recycled + Math.abs(b.stockChange) + b.consumed + b.losses),
  };
}
function balanceFailures(reports: TurnReport[]): string[] {
  const out: string[] = [];
  for (const r of reports)
    for (const g of ['light', 'heavy'] as const) {
      const { residual, scale } = groupBalance(r, g);
      if (!(Math.abs(residual) <= 1e-6 * scale)) out.push(`turn ${r.turn}: ${g} residual ${residual.toFixed(4)} t of ${scale.toFixed(0)} t throughput ${JSON.stringify(r.balance[g])}`);
    }
  // every market's equilibrium conditions hold: complementarity to TOL_P of the 2024 price, clearing to 1e-7 of volume
  for (const r of reports)
    for (const [s, m] of Object.entries(r.markets))
      if (!(m.gap <= TOL_P && m.residual <= 1e-7)) out.push(`turn ${r.turn}: ${s} gap ${m.gap} residual ${m.residual} after ${m.outer} outer / ${m.newton} Newton steps`);
  return out;
}

// ---------------------------------------------------------------- properties over random orders

describe('random orders within the schema', () => {
  it('are accepted, and leave no NaN/Infinity, negative stock or non-positive price anywhere', () => {
    fc.assert(
      fc.property(seedArb, planArb({ minTurns: 6, maxTurns: 10 }), (seed, plan) => {
        const { reports } = play(seed, plan, {
          onTurn: (s, r, i) => {
            expect(s.turn).toBe(i + 1);
            expect(nonFinite(s), `state after turn ${i + 1}`).toEqual([]);
            expect(nonFinite(r), `report of turn ${i + 1}`).toEqual([]);
            expect(negatives(s, r), `after turn ${i + 1}`).toEqual([]);
          },
        });
        expect(reports).toHaveLength(plan.length);
      }),
      RUNS,
    );
  });

  it('conserve both element groups, and every market clears with its complementarity conditions, when no magnet export control is in force', () => {
    // CHN's standing magnet licence is lifted on turn 1 and no generated order touches magnets: every other cap (ore, oxide) is exercised
    const nonMagnet = STAGES.filter((s) => s !== 'magnet');
    fc.assert(
      fc.property(seedArb, planArb({ minTurns: 6, maxTurns: 8, stages: nonMagnet }), (seed, plan) => {
        plan[0] = { ...plan[0], CHN: { ...plan[0].CHN, exportControls: { ...plan[0].CHN?.exportControls, '*': { ...plan[0].CHN?.exportControls?.['*'], magnet: 'open' } } } };
        const { reports } = play(seed, plan);
        expect(reports.length).toBeGreaterThanOrEqual(6);
        expect(balanceFailures(reports)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('conserve both element groups (NdPr and Dy/Tb, the heavy-free breakthrough included) and clear every market, with any export controls', () => {
    fc.assert(
      fc.property(seedArb, planArb({ minTurns: 6, maxTurns: 8 }), (seed, plan) => {
        expect(balanceFailures(play(seed, plan).reports)).toEqual([]);
      }),
      { numRuns: 15, endOnFailure: true },
    );
  });

  it('give the same state hash every time, and a JSON round trip of the state keeps its hash and resumes identically', () => {
    fc.assert(
      fc.property(seedArb, planArb({ minTurns: 6, maxTurns: 8 }), (seed, plan) => {
        const snapshots: string[] = [];
        const a = play(seed, plan, { onTurn: (s) => snapshots.push(JSON.stringify(s)) });
        const b = play(seed, plan);
        expect(b.hashes).toEqual(a.hashes);
        expect(b.reportHashes).toEqual(a.reportHashes);
        // turns really change the state: a stuck engine would pass the equality trivially
        expect(new Set(a.hashes).size).toBe(a.hashes.length);
        // a saved game (JSON) keeps its hash and resumes exactly
        const mid = Math.floor(plan.length / 2);
        const saved = JSON.parse(snapshots[mid - 1]) as GameState;
        expect(hashValue(saved)).toBe(a.hashes[mid]);
        const resumed = resolveTurn(content, saved, JSON.parse(JSON.stringify(a.orders[mid])), { ledger: true });
        expect(hashValue(resumed.state)).toBe(a.hashes[mid + 1]);
        expect(hashValue(resumed.report)).toBe(a.reportHashes[mid]);
        // the opening state is shared by every game from this seed: playing from it left it as createGame makes it
        expect(hashValue(a.states[0])).toBe(hashValue(createGame(content, seed)));
      }),
      { numRuns: 15 },
    );
  });

  // BUG (engine/projects.ts, advanceProjects, "private supply response"): pending pipeline items are carried over by
  // reference (`else pipeline.push(it)`, line ~151) and then grown in place (`if (hit) hit.tonnes += w * add`, line ~170),
  // so resolveTurn mutates state.pipeline[k].tonnes of the state it was given (and of every earlier state sharing the item).
  // Seed 1, status quo, state after turn 2: JPN's magnet pipeline item goes from 256.9 t to 478.4 t when turn 3 is resolved.
  // A kept state (saved game, undo, planner rollouts, replay checkpoints) silently changes; DESIGN.md says resolveTurn is pure.
  it('resolveTurn leaves the state it is given unchanged', () => {
    let s = opening(1);
    const changed: number[] = [];
    for (let t = 1; t <= 6; t++) {
      const before = hashValue(s);
      const next = resolveTurn(content, s, {}).state;
      if (hashValue(s) !== before) changed.push(t);
      s = next;
    }
    expect(changed, 'turns whose resolution changed the input state').toEqual([]);
  });
});

// ---------------------------------------------------------------- properties with the built-in random agent

describe('games between random agents (fast-check seeds)', () => {
  const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'random', c)])) as Parameters<typeof playGame>[2];

  it('stay finite, non-negative and deterministic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 6, max: 10 }), (seed, turns) => {
        const bad: string[] = [];
        const a = playGame(content, seed, seats, {
          turns,
          hashes: true,
          ledger: false, // the random-order properties above cover the ledger; this one covers the agents
          onTurn: (s, r) => {
            bad.push(...nonFinite(s).map((p) => `turn ${s.turn} state ${p}`));
            bad.push(...nonFinite(r).map((p) => `turn ${s.turn} report ${p}`));
            bad.push(...negatives(s, r).map((p) => `turn ${s.turn} ${p}`));
          },
        });
        expect(a.reports).toHaveLength(turns);
        expect(a.hashes).toHaveLength(turns);
        // random agents do give orders (or the property would only test the status quo)
        expect(a.orders.some((o) => Object.keys(o).length > 0)).toBe(true);
        expect(bad).toEqual([]);
        const b = playGame(content, seed, seats, { turns, hashes: true, ledger: false });
        expect(b.hashes).toEqual(a.hashes);
        expect(hashValue(b.orders)).toBe(hashValue(a.orders));
      }),
      RUNS,
    );
  });
});
