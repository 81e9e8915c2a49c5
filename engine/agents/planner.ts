// The planner: tries a handful of candidate orders and rolls each forward from its belief state, with every other
// country played by its persona (who react to it) and itself following its own persona after the first turn; keeps
// the candidate with the best discounted objective. Ranking by the objective is ranking by the score: the score's
// yardstick (this seat at the status quo) does not depend on the candidate, so it is the same offset for all.
// Rollouts of all candidates share one RNG seed (common random numbers), so they differ only by the candidate.
// Besides one-turn deviations from its persona, the candidates include whole base policies (the persona, the
// diversifier, the free trader, standing still), each rolled out as itself: choosing among base policies by rollouts
// ("parallel rollout", Chang, Givan and Chong 2004) does at least as well as the best of them in the model it rolls.
import { COUNTRIES, type CountryId } from '../ids.ts';
import type { Content } from '../content.ts';
import type { CountryOrders, Orders, Persona } from '../schema.ts';
import type { CountryView } from '../view.ts';
import { beliefState, viewFor } from '../view.ts';
import { resolveTurnLean, resolveValidatedLean } from '../turn.ts';
import { validateOrders } from '../policy.ts';
import { makeRng } from '../prng.ts';
import type { GameState } from '../state.ts';
import type { Agent } from './types.ts';
import { defenseToward, investIn, merge, rivalsOf } from './common.ts';
import { personaAgent } from './persona.ts';
import { diversifier, freeTrader, statusQuo } from './archetypes.ts';

export interface PlannerOptions {
  /** turns looked ahead (content rules.planner.horizon unless given) */
  horizon?: number;
}

const personaOf = (content: Content, c: CountryId): Agent | undefined => {
  const hit = Object.entries(content.personas.personas).find(([, p]) => p.country === c);
  return hit ? personaAgent(hit[0], hit[1] as Persona, { deals: 'rule' }) : undefined;
};

interface Candidate {
  label: string;
  orders: CountryOrders;
  /** who plays the seat after the first turn of the rollout (the persona unless the candidate is a base policy) */
  then?: Agent;
}

function candidates(content: Content, view: CountryView, base: CountryOrders, rng: () => number): Candidate[] {
  const me = view.country;
  const rivals = rivalsOf(content, me);
  const cur = view.self.policies.defensePct;
  const ctx = { content, view, rng };
  const out: Candidate[] = [
    { label: 'hold', orders: {} },
    { label: 'stand still', orders: {}, then: statusQuo },
    { label: 'persona', orders: base },
    { label: 'diversifier', orders: diversifier.decide(ctx), then: diversifier },
    { label: 'free trader', orders: freeTrader.decide(ctx), then: freeTrader },
    { label: 'defense up', orders: merge(base, { defenseSpendingPct: defenseToward(view, cur + 0.5, 0.5) }) },
    { label: 'defense down', orders: merge(base, { defenseSpendingPct: defenseToward(view, Math.max(0.5, cur - 0.5), 0.5) }) },
    { label: 'tariffs down', orders: merge(base, { tariffs: { '*': { other: 0, autos: 0 } } }) },
    { label: 'diversify', orders: merge(base, { investments: investIn(content, view, ['refinery.heavy', 'refinery.light', 'recycling', 'thrifting', 'mine.expansion'], 0.9) }) },
    { label: 'save', orders: merge(base, { investments: undefined }) },
  ];
  // deals addressed to us: accept them all, or none (each candidate above answers as the persona would)
  const open = view.deals.filter((d) => d.status === 'proposed' && d.to === me).map((d) => d.id);
  if (open.length) {
    out.push({ label: 'accept deals', orders: merge(base, { deals: { accept: open } }) });
    out.push({ label: 'reject deals', orders: merge(base, { deals: { reject: open } }) });
  }
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

/** One turn of a rollout: the others' personas decide from their own views of the belief state. Orders the rules
 * refuse (the belief state does not know others' budgets) are dropped seat by seat, ours last. */
function step(content: Content, s: GameState, me: CountryId, mine: CountryOrders, seed: string, others: [CountryId, Agent][]): GameState {
  const orders: Orders = { [me]: mine };
  const shared = {};
  for (const [c, a] of others) {
    try {
      orders[c] = a.decide({ content, view: viewFor(s, c, shared), rng: makeRng(`${seed}:${s.turn}:${c}`) });
    } catch {
      orders[c] = {};
    }
  }
  const v = validateOrders(content, s, orders);
  if (v.ok) return resolveValidatedLean(content, s, v.orders, { ledger: false }).state;
  for (const [c] of others) orders[c] = {};
  return resolveTurnLean(content, s, orders, { ledger: false }).state;
}

export function plannerAgent(opts: PlannerOptions = {}): Agent {
  return {
    name: 'planner',
    needsView: true,
    decide({ content, view, rng }) {
      const me: CountryId = view.country;
      const P = content.rules.planner;
      const seed = `plan:${view.turn}:${me}:${Math.floor(rng() * 1e9)}`;
      const start = beliefState(content, view, seed);
      const h = Math.max(1, Math.min(Math.round(opts.horizon ?? P.horizon), view.turns - view.turn));
      const self = personaOf(content, me);
      const base = self ? self.decide({ content, view, rng: makeRng(`${seed}:base`) }) : {};
      const others = COUNTRIES.filter((c) => c !== me)
        .map((c) => [c, personaOf(content, c)] as [CountryId, Agent | undefined])
        .filter((x): x is [CountryId, Agent] => !!x[1]);
      let best: CountryOrders = base;
      let bestValue = -Infinity;
      for (const cand of candidates(content, view, base, makeRng(`${seed}:cands`))) {
        if (!validateOrders(content, start, { [me]: cand.orders }).ok) continue; // a candidate the rules refuse is no candidate
        let s = start;
        let value = 0;
        let w = 1;
        for (let k = 0; k < h; k++) {
          let mine = cand.orders;
          const then = cand.then ?? self;
          if (k > 0 && then) {
            mine = then.decide({ content, view: viewFor(s, me), rng: makeRng(`${seed}:${s.turn}:${me}`) });
            if (!validateOrders(content, s, { [me]: mine }).ok) mine = {};
          }
          s = step(content, s, me, mine, seed, others);
          value += w * s.regions[me].last.objective;
          w *= P.discount;
        }
        if (value > bestValue + 1e-9) {
          bestValue = value;
          best = cand.orders;
        }
      }
      return best;
    },
  };
}
