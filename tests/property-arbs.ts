// Shared by the property tests (tests/property*.test.ts): the content, each seed's opening state, and fast-check
// arbitraries for orders within the schema.
import fc from 'fast-check';
import { loadContent } from '../src/content/load.ts';
import {
  COUNTRIES,
  STAGES,
  TARIFF_GOODS,
  createGame,
  type CountryId,
  type CountryOrders,
  type GameState,
  type Orders,
} from '../engine/index.ts';

export const content = loadContent('rare-earth-gambit');

// createGame costs ~20 ms; resolveTurn is pure, so each seed's opening state is built once and shared.
export const SEEDS = [1, 2, 3, 17, 2025] as const;
export const openings = new Map<number, GameState>();
export function opening(seed: number): GameState {
  let s = openings.get(seed);
  if (!s) {
    s = createGame(content, seed);
    openings.set(seed, s);
  }
  return s;
}

// ---------------------------------------------------------------- arbitraries for the orders schema

export const PARTNERS = ['AUS', 'CHN', 'JPN', 'MYS', 'USA', 'ROW', '*'] as const;
export type Partner = (typeof PARTNERS)[number];

export const rate = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }));
export const controlSpec = fc.oneof(
  fc.constant('open' as const),
  fc.constant('banned' as const),
  fc.record({ licensed: fc.double({ min: 0, max: 1, noNaN: true }) }, { noNullPrototype: true }),
);
export const goodsRecord = fc.record(Object.fromEntries(TARIFF_GOODS.map((g) => [g, rate])) as Record<(typeof TARIFF_GOODS)[number], typeof rate>, {
  requiredKeys: [],
  noNullPrototype: true,
});
export function stagesRecord(stages: readonly (typeof STAGES)[number][]) {
  return fc.record(Object.fromEntries(stages.map((s) => [s, controlSpec])) as Record<string, typeof controlSpec>, { requiredKeys: [], noNullPrototype: true });
}

/** One country's orders for one turn; the defense change is drawn as a delta and applied to the standing value later. */
export interface PlannedOrders {
  tariffs?: Partial<Record<Partner, Record<string, number>>>;
  exportControls?: Partial<Record<Partner, Record<string, unknown>>>;
  defenseDelta?: number;
}

export function plannedOrdersArb(c: CountryId, stages: readonly (typeof STAGES)[number][] = STAGES): fc.Arbitrary<PlannedOrders> {
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

export type Plan = Partial<Record<CountryId, PlannedOrders>>[];
export function planArb(opts: { minTurns: number; maxTurns: number; stages?: readonly (typeof STAGES)[number][] }): fc.Arbitrary<Plan> {
  const turn = fc.record(Object.fromEntries(COUNTRIES.map((c) => [c, plannedOrdersArb(c, opts.stages)])) as Record<CountryId, fc.Arbitrary<PlannedOrders>>, {
    requiredKeys: [],
    noNullPrototype: true,
  });
  return fc.array(turn, { minLength: opts.minTurns, maxLength: opts.maxTurns });
}

/** Concrete orders for a turn: the defense delta lands within +-0.1 of the current value (never below 0). */
export function ordersFor(state: GameState, planned: Partial<Record<CountryId, PlannedOrders>>, extra?: (c: CountryId, o: CountryOrders) => void): Orders {
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

export const RUNS = { numRuns: 20 };
export const seedArb = fc.constantFrom(...SEEDS);
