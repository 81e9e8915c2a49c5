// The planner: tries a handful of candidate orders and rolls each forward from its belief state, with every other
// country played by its persona (who react to it) and itself following its own persona after the first turn; keeps
// the candidate with the best discounted objective. Ranking by the objective is ranking by the score: the score's
// yardstick (this seat at the status quo) does not depend on the candidate, so it is the same offset for all.
// Rollouts of all candidates share one RNG seed (common random numbers), so they differ only by the candidate.
// Besides one-turn deviations from its persona, the candidates include whole base policies (the persona, the
// diversifier, the free trader, standing still), each rolled out as itself: choosing among base policies by rollouts
// ("parallel rollout", Chang, Givan and Chong 2004) does at least as well as the best of them in the model it rolls.
// A rollout is deterministic in its state and our orders, so work that is the same for several candidates is done once
// (the first turn's other seats; a candidate that repeats an earlier one is skipped); the values and choice are as if
// each candidate were rolled on its own.
import { COUNTRIES, type CountryId } from '../ids.ts';
import type { Content } from '../content.ts';
import type { CountryOrders, Orders, Persona } from '../schema.ts';
import type { CountryView } from '../view.ts';
import { beliefState, viewFor } from '../view.ts';
import { resolveTurnLean, resolveValidatedLean } from '../turn.ts';
import { validateOrders } from '../policy.ts';
import { makeRng, makeRngJoined } from '../prng.ts';
import type { GameState } from '../state.ts';
import type { Agent } from './types.ts';
import { defenseToward, investIn, merge, rivalsOf } from './common.ts';
import { personaAgent } from './persona.ts';
import { diversifier, freeTrader, statusQuo } from './archetypes.ts';

export interface PlannerOptions {
  /** turns looked ahead (content rules.planner.horizon unless given) */
  horizon?: number;
}

/** Each country's persona (answering deals by rule), made once per content: a persona agent holds nothing between
 * decisions, so every decision of a game (and of every game on this content) can use the same one. */
const personas = new WeakMap<Content, Partial<Record<CountryId, Agent | null>>>();
const personaOf = (content: Content, c: CountryId): Agent | undefined => {
  let byCountry = personas.get(content);
  if (!byCountry) personas.set(content, (byCountry = {}));
  let a = byCountry[c];
  if (a === undefined) {
    const hit = Object.entries(content.personas.personas).find(([, p]) => p.country === c);
    a = byCountry[c] = hit ? personaAgent(hit[0], hit[1] as Persona, { deals: 'rule' }) : null;
  }
  return a ?? undefined;
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

type Checked = ReturnType<typeof validateOrders>;

/** The others' orders in a rollout turn, by country, and what validateOrders makes of them: their personas decide from
 * their own views of the state (`shared`: the public records made for views of it; an agent that throws gives none).
 * The same for every candidate from the same state: the planner works out the first turn's once. */
function othersDecide(content: Content, s: GameState, seed: string, others: [CountryId, Agent][], shared: object): { orders: Orders; checked: Checked } {
  const orders: Orders = {};
  for (let i = 0; i < others.length; i++) {
    const [c, a] = others[i];
    try {
      orders[c] = a.decide({ content, view: viewFor(s, c, shared), rng: makeRngJoined(seed, s.turn, c) });
    } catch {
      orders[c] = {};
    }
  }
  return { orders, checked: validateOrders(content, s, orders) };
}

/** One turn of a rollout: our orders `mine` (`mineChecked`: validateOrders of them alone) and the others'. Orders the
 * rules refuse (the belief state does not know others' budgets) are dropped seat by seat, ours last. validateOrders
 * checks each country's orders on their own (no check reads another's), so ours and theirs checked apart are the
 * whole checked at once: both accepted, the accepted orders are ours then theirs, as validateOrders gives them. */
function step(content: Content, s: GameState, me: CountryId, mine: CountryOrders, mineChecked: Checked, theirs: { orders: Orders; checked: Checked }): GameState {
  if (mineChecked.ok && theirs.checked.ok) {
    const accepted: Orders = {};
    for (const k in mineChecked.orders) accepted[k as CountryId] = mineChecked.orders[k as CountryId];
    for (const k in theirs.checked.orders) accepted[k as CountryId] = theirs.checked.orders[k as CountryId];
    return resolveValidatedLean(content, s, accepted, { ledger: false }).state;
  }
  const orders: Orders = { [me]: mine };
  for (const c in theirs.orders) orders[c as CountryId] = {};
  return resolveTurnLean(content, s, orders, { ledger: false }).state;
}

/** Whether two orders are the same to a turn: the same keys in the same order, the same values (Object.is: -0 is not
 * 0), all the way down (orders are plain JSON records and arrays). */
function sameOrders(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameOrders(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i] || !sameOrders((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  return true;
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
      // candidates the rules accept, with what validateOrders makes of their orders
      const cands: Candidate[] = [];
      const checks: Checked[] = [];
      for (const c of candidates(content, view, base, makeRng(`${seed}:cands`))) {
        const v = validateOrders(content, start, { [me]: c.orders });
        if (!v.ok) continue; // a candidate the rules refuse is no candidate
        cands.push(c);
        checks.push(v);
      }
      // the first turn's others' orders: the same for every candidate
      const theirs0 = othersDecide(content, start, seed, others, {});
      const thens = cands.map((c) => c.then ?? self);
      for (let i = 0; i < cands.length; i++) {
        const cand = cands[i];
        const then = thens[i];
        // the same first orders and the same player after them as an earlier candidate: the same rollout and value,
        // which wins only if strictly better than the best so far (it is not: the earlier one is counted)
        let twin = false;
        for (let j = 0; j < i && !twin; j++) twin = thens[j] === then && sameOrders(cands[j].orders, cand.orders);
        if (twin) continue;
        let s = step(content, start, me, cand.orders, checks[i], theirs0);
        let value = 0;
        let w = 1;
        value += w * s.regions[me].last.objective;
        w *= P.discount;
        for (let k = 1; k < h; k++) {
          // the views of this state share the public records of its regions
          const shared = {};
          let mine = cand.orders;
          let checked: Checked;
          if (then) {
            mine = then.decide({ content, view: viewFor(s, me, shared), rng: makeRngJoined(seed, s.turn, me) });
            checked = validateOrders(content, s, { [me]: mine });
            if (!checked.ok) checked = validateOrders(content, s, { [me]: (mine = {}) });
          } else checked = validateOrders(content, s, { [me]: mine });
          s = step(content, s, me, mine, checked, othersDecide(content, s, seed, others, shared));
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
