// The per-turn summary behind `run --format jsonl` and the table: a stable, documented contract for scripts and classes.
import { COUNTRIES, REGIONS, type CountryId, type RegionId } from './ids.ts';
import type { GameState, TurnReport } from './state.ts';

const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10000) / 10000;

export interface TurnSummary {
  turn: number;
  date: string;
  prices: Record<'oxide.light' | 'oxide.heavy' | 'magnet', { world: number; CHN: number }>;
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
      score: number;
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

export function turnSummary(state: GameState, report: TurnReport, scores: Record<CountryId, number>): TurnSummary {
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
      score: r2(scores[c]),
    };
  }
  const p = (s: 'oxide.light' | 'oxide.heavy' | 'magnet') => ({ world: r2(state.worldPrice[s]), CHN: r2(state.prices[s].CHN) });
  return {
    turn: report.turn,
    date: report.date,
    prices: { 'oxide.light': p('oxide.light'), 'oxide.heavy': p('oxide.heavy'), magnet: p('magnet') },
    shares: {
      mining: shares(state, (r) => r.last.mined),
      refining: shares(state, (r) => r.last.refined),
      magnets: shares(state, (r) => r.last.magnetsMade),
    },
    countries,
    events: report.events.map((e) => e.id),
  };
}
