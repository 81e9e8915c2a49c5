// The planner: tries a handful of candidate orders, rolls each forward a few turns from its belief state, keeps the best.
import type { CountryId } from '../ids.ts';
import type { Content } from '../content.ts';
import type { CountryOrders, Persona } from '../schema.ts';
import type { CountryView } from '../view.ts';
import { beliefState } from '../view.ts';
import { resolveTurn } from '../turn.ts';
import type { Agent } from './types.ts';
import { defenseToward, investIn, merge, rivalsOf } from './common.ts';
import { personaAgent } from './persona.ts';

export interface PlannerOptions {
  horizon: number;
}

function candidates(content: Content, view: CountryView, rng: () => number): { label: string; orders: CountryOrders }[] {
  const me = view.country;
  const persona: Persona | undefined = Object.values(content.personas.personas).find((p) => p.country === me);
  const base = persona ? personaAgent('persona', persona).decide({ content, view, rng }) : {};
  const rivals = rivalsOf(content, me);
  const out: { label: string; orders: CountryOrders }[] = [
    { label: 'hold', orders: {} },
    { label: 'persona', orders: base },
    { label: 'defense up', orders: merge(base, { defenseSpendingPct: defenseToward(view, view.self.policies.defensePct + 1, 0.5) }) },
    { label: 'defense down', orders: merge(base, { defenseSpendingPct: defenseToward(view, Math.max(0.5, view.self.policies.defensePct - 1), 0.5) }) },
    { label: 'tariffs down', orders: merge(base, { tariffs: { '*': { other: 0, autos: 0 } } }) },
    { label: 'diversify', orders: merge(base, { investments: investIn(content, view, ['refinery.heavy', 'recycling', 'stockpile.heavy', 'thrifting'], 0.8) }) },
  ];
  if (rivals.length) {
    const t: NonNullable<CountryOrders['tariffs']> = {};
    const c: NonNullable<CountryOrders['exportControls']> = {};
    for (const r of rivals) {
      t[r] = { other: Math.min(60, view.self.policies.tariffs[r].other + 10) };
      c[r] = { 'oxide.heavy': { licensed: 0.5 }, magnet: { licensed: 0.7 } };
    }
    out.push({ label: 'tariffs up on rivals', orders: merge(base, { tariffs: t }) });
    out.push({ label: 'squeeze rivals', orders: merge(base, { exportControls: c }) });
  }
  return out;
}

export function plannerAgent(opts: PlannerOptions = { horizon: 4 }): Agent {
  return {
    name: 'planner',
    needsView: true,
    decide({ content, view, rng }) {
      const me: CountryId = view.country;
      const seed = `plan:${view.turn}:${me}:${Math.floor(rng() * 1e9)}`;
      const start = beliefState(content, view, seed);
      const h = Math.min(opts.horizon, view.turns - view.turn);
      let best: CountryOrders = {};
      let bestScore = -Infinity;
      for (const cand of candidates(content, view, rng)) {
        let s = start;
        let score = 0;
        try {
          for (let k = 0; k < h; k++) {
            const r = resolveTurn(content, s, k === 0 ? { [me]: cand.orders } : {}, { ledger: false });
            s = r.state;
            score += r.report.objective[me];
          }
        } catch {
          continue; // a candidate the rules refuse is no candidate
        }
        if (score > bestScore + 1e-9) {
          bestScore = score;
          best = cand.orders;
        }
      }
      return best;
    },
  };
}
