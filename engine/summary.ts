// The per-turn summary behind `run --format jsonl` and the table: a stable, documented contract for scripts and classes.
import { COUNTRIES, REGIONS, STAGES, type CountryId, type RegionId, type StageKey } from './ids.ts';
import type { GameState, TurnReport } from './state.ts';
import type { ObjectiveKey } from './economy.ts';

const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

export interface TurnSummary {
  turn: number;
  date: string;
  /** world = price paid outside China, weighted by volume; CHN = China's buyers' price; byRegion = every region's
   * buyers' price (USD/kg), for every traded stage */
  prices: Record<'oxide.light' | 'oxide.heavy' | 'magnet', { world: number; CHN: number; byRegion: Record<RegionId, number> }> &
    Record<'ore.light' | 'ore.heavy', { world: number; CHN: number; byRegion: Record<RegionId, number> }>;
  /** t moved this turn on each arc, "SRC>DST" (own output used at home is "R>R"); transshipped volume is keyed by
   * origin, route and destination, "ORIGIN>VIA>DST" */
  flows: Record<StageKey, Record<string, number>>;
  /** national strategic stocks, t of oxide */
  stockpiles: Record<CountryId, { light: number; heavy: number }>;
  shares: Record<'mining' | 'refining' | 'magnets', Record<RegionId, number>>;
  countries: Record<
    CountryId,
    {
      gdp: number;
      autoProduction: number;
      autoExports: Partial<Record<RegionId, number>>;
      magnetSupplyRatio: number;
      importShareFrom: Partial<Record<RegionId, number>>;
      defenseSpendingPct: number;
      approval: number;
      /** GDP against potential, %: the sum of the output-gap causes */
      outputGapPct: number;
      /** programme budget left after this turn's spending, USD bn */
      budgetUsdBn: number;
      /** general government gross debt, % of GDP */
      debtPctGdp: number;
      /** supply risk of its rare-earth sourcing (EU criticality method; 0 = none, rare earths in the EU about 4-6) */
      supplyRisk: number;
      score: number;
      /** the score split by objective (points, summing to score), where the host computes it (`run`) */
      scoreBy?: Record<ObjectiveKey, number>;
    }
  >;
  events: string[];
}

function shares(state: GameState, f: (r: GameState['regions']['JPN']) => number): Record<RegionId, number> {
  let tot = 0;
  for (const r of REGIONS) tot += f(state.regions[r]);
  const out = {} as Record<RegionId, number>;
  for (const r of ['CHN', 'USA', 'AUS', 'MYS', 'JPN', 'ROW'] as const) out[r] = tot > 0 ? r4(f(state.regions[r]) / tot) : 0;
  return out;
}

export function turnSummary(state: GameState, report: TurnReport, scores: Record<CountryId, number>, scoreBy?: Record<CountryId, Record<ObjectiveKey, number>>): TurnSummary {
  const countries = {} as TurnSummary['countries'];
  for (const c of COUNTRIES) {
    const r = state.regions[c];
    const ex: Partial<Record<RegionId, number>> = {};
    const im: Partial<Record<RegionId, number>> = {};
    for (const d of REGIONS) {
      if (d === c) continue;
      ex[d] = Math.round(r.last.autoExports[d]);
      im[d] = r4(r.last.importShareFrom[d]);
    }
    countries[c] = {
      gdp: Math.round(r.gdp * 10) / 10,
      autoProduction: Math.round(r.last.autoProduction),
      autoExports: ex,
      magnetSupplyRatio: r4(r.last.magnetSupplyRatio),
      importShareFrom: im,
      defenseSpendingPct: r4(r.policies.defensePct),
      approval: r2(r.approval),
      outputGapPct: r2(100 * (r.gdp / r.potential - 1)),
      budgetUsdBn: r2(r.budget),
      debtPctGdp: r2(r.debt),
      supplyRisk: r2(r.last.supplyRisk),
      score: r2(scores[c]),
      ...(scoreBy ? { scoreBy: Object.fromEntries(Object.entries(scoreBy[c]).map(([k, v]) => [k, r2(v)])) as Record<ObjectiveKey, number> } : {}),
    };
  }
  const p = (s: StageKey) => ({ world: r2(state.worldPrice[s]), CHN: r2(state.prices[s].CHN), byRegion: Object.fromEntries(REGIONS.map((r) => [r, r2(state.prices[s][r])])) as Record<RegionId, number> });
  const flows = {} as TurnSummary['flows'];
  for (const s of STAGES) {
    const f: Record<string, number> = {};
    for (const a of REGIONS) for (const b of REGIONS) if (state.flows[s][a][b] > 0.005) f[`${a}>${b}`] = r2(state.flows[s][a][b]);
    for (const [k, v] of Object.entries(state.market.transship[s])) if (v > 0.005) f[k] = r2(v);
    flows[s] = f;
  }
  const stockpiles = {} as TurnSummary['stockpiles'];
  for (const c of COUNTRIES) stockpiles[c] = { light: r2(state.regions[c].stockpile.light), heavy: r2(state.regions[c].stockpile.heavy) };
  return {
    turn: report.turn,
    date: report.date,
    prices: { 'oxide.light': p('oxide.light'), 'oxide.heavy': p('oxide.heavy'), magnet: p('magnet'), 'ore.light': p('ore.light'), 'ore.heavy': p('ore.heavy') },
    flows,
    stockpiles,
    shares: {
      mining: shares(state, (r) => r.last.mined),
      refining: shares(state, (r) => r.last.refined),
      magnets: shares(state, (r) => r.last.magnetsMade),
    },
    countries,
    events: report.events.map((e) => e.id),
  };
}
