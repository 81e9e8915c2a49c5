// Property tests (fast-check) over random orders and random agents: no NaN, no negative stock, material conserved, hashes stable, bad orders refused whole.
import fc from 'fast-check';
import { TOL_P } from '../engine/market/spe.ts';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.ts';
import {
  COUNTRIES,
  InvalidOrdersError,
  REGIONS,
  STAGES,
  TARIFF_GOODS,
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

const content = loadContent('rare-earth-gambit');

// createGame costs ~20 ms; resolveTurn is pure, so each seed's opening state is built once and shared.
const SEEDS = [1, 2, 3, 17, 2025] as const;
const openings = new Map<number, GameState>();
function opening(seed: number): GameState {
  let s = openings.get(seed);
  if (!s) {
    s = createGame(content, seed);
    openings.set(seed, s);
  }
  return s;
}

// ---------------------------------------------------------------- arbitraries for the orders schema

const PARTNERS = ['AUS', 'CHN', 'JPN', 'MYS', 'USA', 'ROW', '*'] as const;
type Partner = (typeof PARTNERS)[number];

const rate = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }));
const controlSpec = fc.oneof(
  fc.constant('open' as const),
  fc.constant('banned' as const),
  fc.record({ licensed: fc.double({ min: 0, max: 1, noNaN: true }) }, { noNullPrototype: true }),
);
const goodsRecord = fc.record(Object.fromEntries(TARIFF_GOODS.map((g) => [g, rate])) as Record<(typeof TARIFF_GOODS)[number], typeof rate>, {
  requiredKeys: [],
  noNullPrototype: true,
});
function stagesRecord(stages: readonly (typeof STAGES)[number][]) {
  return fc.record(Object.fromEntries(stages.map((s) => [s, controlSpec])) as Record<string, typeof controlSpec>, { requiredKeys: [], noNullPrototype: true });
}

/** One country's orders for one turn; the defense change is drawn as a delta and applied to the standing value later. */
interface PlannedOrders {
  tariffs?: Partial<Record<Partner, Record<string, number>>>;
  exportControls?: Partial<Record<Partner, Record<string, unknown>>>;
  defenseDelta?: number;
}

function plannedOrdersArb(c: CountryId, stages: readonly (typeof STAGES)[number][] = STAGES): fc.Arbitrary<PlannedOrders> {
  const partners = fc.constantFrom(...PARTNERS.filter((p) => p !== c));
  return fc.record(
    {
      tariffs: fc.dictionary(partners, goodsRecord, { maxKeys: 3, noNullPrototype: true }),
      exportControls: fc.dictionary(partners, stagesRecord(stages), { maxKeys: 2, noNullPrototype: true }),
      defenseDelta: fc.integer({ min: -100, max: 100 }).map((k) => k / 1000),
    },
    { requiredKeys: [], noNullPrototype: true },
  );
}

type Plan = Partial<Record<CountryId, PlannedOrders>>[];
function planArb(opts: { minTurns: number; maxTurns: number; stages?: readonly (typeof STAGES)[number][] }): fc.Arbitrary<Plan> {
  const turn = fc.record(Object.fromEntries(COUNTRIES.map((c) => [c, plannedOrdersArb(c, opts.stages)])) as Record<CountryId, fc.Arbitrary<PlannedOrders>>, {
    requiredKeys: [],
    noNullPrototype: true,
  });
  return fc.array(turn, { minLength: opts.minTurns, maxLength: opts.maxTurns });
}

/** Concrete orders for a turn: the defense delta lands within +-0.1 of the current value (never below 0). */
function ordersFor(state: GameState, planned: Partial<Record<CountryId, PlannedOrders>>, extra?: (c: CountryId, o: CountryOrders) => void): Orders {
  const out: Orders = {};
  for (const c of COUNTRIES) {
    const p = planned[c];
    if (!p) continue;
    const o: CountryOrders = {};
    if (p.tariffs) o.tariffs = p.tariffs as CountryOrders['tariffs'];
    if (p.exportControls) o.exportControls = p.exportControls as CountryOrders['exportControls'];
    if (p.defenseDelta !== undefined) o.defenseSpendingPct = Math.max(0, state.regions[c].policies.defensePct + p.defenseDelta);
    extra?.(c, o);
    out[c] = o;
  }
  return out;
}

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

const RUNS = { numRuns: 20 };
const seedArb = fc.constantFrom(...SEEDS);

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

// ---------------------------------------------------------------- invalid orders

/** Same convention as the engine's error paths: $.JPN.tariffs.USA.autos, $.JPN.exportControls.USA["ore.light"]. */
function jp(...keys: (string | number)[]): string {
  return '$' + keys.map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join('');
}

interface Fault {
  country: CountryId;
  /** a path the error must list (exactly, or as a prefix when `prefix`) */
  path: string;
  prefix?: boolean;
  message?: RegExp;
  apply: (o: CountryOrders, s: GameState) => void;
}
type FaultMaker = (c: CountryId, pick: number) => Fault;

const otherCountry = (c: CountryId, pick: number): CountryId => COUNTRIES.filter((x) => x !== c)[pick % 4];
const pushInvestment = (o: CountryOrders, inv: NonNullable<CountryOrders['investments']>[number]) => {
  (o.investments ??= []).push(inv);
  return o.investments.length - 1;
};

/** Faults the orders schema itself catches. */
const SCHEMA_FAULTS: Record<string, FaultMaker> = {
  negativeTariff: (c, k) => {
    const p = otherCountry(c, k);
    const g = TARIFF_GOODS[k % TARIFF_GOODS.length];
    return { country: c, path: jp(c, 'tariffs', p, g), apply: (o) => void (o.tariffs = { ...o.tariffs, [p]: { [g]: -1 - (k % 50) } }) };
  },
  licenceOverOne: (c, k) => {
    const p = otherCountry(c, k);
    const st = STAGES[k % 2]; // ore.*: never the stage unknownControlLevel uses
    return { country: c, path: jp(c, 'exportControls', p, st), prefix: true, apply: (o) => void (o.exportControls = { ...o.exportControls, [p]: { ...o.exportControls?.[p], [st]: { licensed: 1 + (k + 1) / 100 } } }) };
  },
  unknownControlLevel: (c, k) => {
    const p = otherCountry(c, k + 1);
    const st = STAGES[2 + (k % 3)]; // oxide.* or magnet
    return { country: c, path: jp(c, 'exportControls', p, st), prefix: true, apply: (o) => void (o.exportControls = { ...o.exportControls, [p]: { ...o.exportControls?.[p], [st]: 'closed' as never } }) };
  },
  defenseOutOfRange: (c, k) => ({ country: c, path: jp(c, 'defenseSpendingPct'), apply: (o) => void (o.defenseSpendingPct = k % 2 ? -1 : 11) }),
  unknownKey: (c) => ({ country: c, path: jp(c, 'bogusField'), message: /unknown key/, apply: (o) => void ((o as Record<string, unknown>).bogusField = 1) }),
};

/** Faults found against the state and content once the orders parse. */
const STATE_FAULTS: Record<string, FaultMaker> = {
  selfTariff: (c) => ({ country: c, path: jp(c, 'tariffs', c), message: /itself/, apply: (o) => void (o.tariffs = { ...o.tariffs, [c]: { autos: 10 } }) }),
  selfControl: (c) => ({ country: c, path: jp(c, 'exportControls', c), message: /itself/, apply: (o) => void (o.exportControls = { ...o.exportControls, [c]: { magnet: 'banned' } }) }),
  defenseJump: (c) => ({ country: c, path: jp(c, 'defenseSpendingPct'), apply: (o, s) => void (o.defenseSpendingPct = s.regions[c].policies.defensePct + 1) }),
  unknownProject: (c) => {
    const f: Fault = { country: c, path: '', message: /unknown project type/, apply: (o) => void (f.path = jp(c, 'investments', pushInvestment(o, { type: 'moonBase', units: 1 }), 'type')) };
    return f;
  },
  overBudget: (c) => ({
    country: c,
    path: jp(c, 'investments'),
    message: /budget/,
    apply: (o, s) => {
      // enough 20-unit lots to cost more than anything the country could spend this turn: what it holds plus a year's
      // allocation, or the carry cap (the unit limit is broken too: also reported at $.C.investments)
      const annual = (content.countries.regions[c].budgetPctGdp / 100) * s.regions[c].gdp;
      const most = Math.max(s.regions[c].budget + annual, content.rules.budget.carryCap * annual) + 1;
      const lot = 20 * content.projects.types.magnetPlant.costUsdBn;
      for (let n = Math.ceil(most / lot); n > 0; n--) pushInvestment(o, { type: 'magnetPlant', units: 20 });
    },
  }),
  overRelease: (c) => ({ country: c, path: jp(c, 'stockpileRelease', 'light'), apply: (o, s) => void (o.stockpileRelease = { light: s.regions[c].stockpile.light + 1000 }) }),
  unknownDeal: (c) => ({ country: c, path: jp(c, 'deals', 'accept', 0), apply: (o) => void (o.deals = { accept: ['deal-that-does-not-exist'] }) }),
};

function faultsArb(makers: Record<string, FaultMaker>) {
  const names = Object.keys(makers);
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...COUNTRIES), fc.constantFrom(...names), fc.nat(99)), { minLength: 1, maxLength: 5, selector: ([c, n]) => `${c}:${n}` })
    .map((xs) => xs.map(([c, n, k]) => makers[n](c, k)));
}

function expectRefused(state: GameState, orders: Orders, faults: Fault[]) {
  const before = hashValue(state);
  let err: unknown;
  try {
    resolveTurn(content, state, orders);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InvalidOrdersError);
  const issues = (err as InvalidOrdersError).issues;
  for (const f of faults) {
    const hit = issues.find((i) => (f.prefix ? i.path.startsWith(f.path) : i.path === f.path) && (!f.message || f.message.test(i.message)));
    expect(hit, `no issue at ${f.path} in ${JSON.stringify(issues)}`).toBeDefined();
    expect(hit!.country).toBe(f.country);
    expect((err as Error).message).toContain(hit!.path);
  }
  // nothing but the injected faults is reported
  for (const i of issues) expect(faults.some((f) => (f.prefix ? i.path.startsWith(f.path) : i.path === f.path)), `unexpected issue ${JSON.stringify(i)}`).toBe(true);
  expect(hashValue(state)).toBe(before);
}

describe('invalid orders', () => {
  const validBase = planArb({ minTurns: 1, maxTurns: 1 }).map((p) => p[0]);

  for (const [label, makers] of [
    ['schema faults', SCHEMA_FAULTS],
    ['faults against the state and content', STATE_FAULTS],
  ] as const) {
    it(`with ${label} throw InvalidOrdersError listing every bad field and leave the state unchanged`, () => {
      fc.assert(
        fc.property(seedArb, validBase, faultsArb(makers), (seed, planned, faults) => {
          const state = opening(seed);
          const orders = ordersFor(state, planned);
          for (const f of faults) f.apply((orders[f.country] ??= {}), state);
          expectRefused(state, orders, faults);
        }),
        { numRuns: 25 },
      );
    });
  }

  it('name an unknown country at the top level, with country "*"', () => {
    const state = opening(1);
    expect(() => resolveTurn(content, state, { XXX: {} })).toThrow(InvalidOrdersError);
    try {
      resolveTurn(content, state, { XXX: {}, JPN: { tariffs: { USA: { autos: 5 } } } });
    } catch (e) {
      expect((e as InvalidOrdersError).issues).toEqual([expect.objectContaining({ country: '*', path: '$.XXX' })]);
    }
  });

  // BUG (engine/policy.ts, validateOrders): when the orders fail the zod schema, it returns the schema issues at once and
  // never runs the checks against the state (self partners, defense step, unknown project types, budget, stockpile,
  // deals). Orders with one fault of each kind come back listing only the schema fault, not "every bad field".
  it('with both a schema fault and a fault against the state list both', () => {
    const state = opening(1);
    const orders = { JPN: { tariffs: { USA: { autos: -5 } } }, USA: { tariffs: { USA: { autos: 5 } }, investments: [{ type: 'moonBase' }] } };
    expectRefused(state, orders as Orders, [
      { country: 'JPN', path: '$.JPN.tariffs.USA.autos', apply: () => {} },
      { country: 'USA', path: '$.USA.tariffs.USA', apply: () => {} },
      { country: 'USA', path: '$.USA.investments[0].type', apply: () => {} },
    ]);
  });
});
