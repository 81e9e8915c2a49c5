// Valuing a deal by what it does: a country rolls the game forward from its belief state twice, accepting the
// package and turning it down, with every other seat played by its persona, and compares its discounted objective
// (points). Supply guarantees matter when supply is cut, so the rollouts run in two worlds: a calm one, and one where
// China licenses its rare earths to the valuer at 30% of normal volume; they are weighted by the chance of coercion
// over the horizon (content rules.planner). A refused package can be answered with a counter-offer: the same package
// with less tariff relief, found by the same valuation; its reason says when the counter's cap is no cut from the
// tariff the proposer pays now (then the package is worth nothing to the valuer at any real relief).
import { COUNTRIES, type CountryId, type TariffGood } from '../ids.ts';
import type { Content } from '../content.ts';
import type { Commitment, CountryOrders, Orders, Persona } from '../schema.ts';
import type { Deal, GameState } from '../state.ts';
import type { CountryView } from '../view.ts';
import { beliefState, viewFor } from '../view.ts';
import { resolveValidatedLean } from '../turn.ts';
import { validateOrders } from '../policy.ts';
import { makeRngJoined } from '../prng.ts';
import type { Agent } from './types.ts';
import { ORDER_LIMITS } from '../limits.ts';

export interface DealValue {
  /** expected gain in discounted objective points from accepting */
  value: number;
  calm: number;
  coerced: number;
}

type MakePersona = (name: string, p: Persona) => Agent;

function rollout(content: Content, start: GameState, me: CountryId, first: Orders, seed: string, agents: [CountryId, Agent][], h: number): number {
  let s = start;
  let v = 0;
  let w = 1;
  const d = content.rules.planner.discount;
  for (let k = 0; k < h; k++) {
    const orders: Orders = {};
    const shared = {};
    for (const [c, a] of agents) {
      if (k === 0 && first[c]) continue;
      try {
        orders[c] = a.decide({ content, view: viewFor(s, c, shared), rng: makeRngJoined(seed, s.turn, c) });
      } catch {
        orders[c] = {};
      }
    }
    if (k === 0) for (const c of Object.keys(first) as CountryId[]) orders[c] = { ...(orders[c] ?? {}), ...first[c] };
    // orders the rules refuse (the belief state does not know others' budgets): the others' are dropped; each turn's
    // orders are validated once and the turn played on what that gave (resolveValidatedLean: the rollouts read only the state)
    let checked = validateOrders(content, s, orders);
    if (!checked.ok) {
      for (const [c] of agents) if (!(k === 0 && first[c])) orders[c] = {};
      checked = validateOrders(content, s, orders);
    }
    if (!checked.ok) return NaN;
    s = resolveValidatedLean(content, s, checked.orders, { ledger: false }).state;
    v += w * s.regions[me].last.objective;
    w *= d;
  }
  return v;
}

/** The valuer's expected gain from accepting `deal` (addressed to it), by rollouts. */
export function valueDeal(content: Content, view: CountryView, deal: Deal, makePersona: MakePersona, seed: string): DealValue {
  const me = view.country;
  const P = content.rules.planner;
  const h = Math.max(1, Math.min(Math.round(P.horizon), view.turns - view.turn));
  const agents: [CountryId, Agent][] = [];
  for (const c of COUNTRIES) {
    const hit = Object.entries(content.personas.personas).find(([, p]) => p.country === c);
    if (hit) agents.push([c, makePersona(hit[0], hit[1] as Persona)]);
  }
  const world = (coerce: boolean): number => {
    const start = beliefState(content, view, `${seed}:${coerce ? 'c' : 'n'}`);
    // the package as it would stand if accepted: a copy of the deal with this id in the belief state
    start.deals = start.deals.some((x) => x.id === deal.id) ? start.deals.map((x) => (x.id === deal.id ? deal : x)) : [...start.deals, deal];
    const china: Orders = coerce && me !== 'CHN' ? { CHN: { exportControls: { [me]: { 'oxide.light': { licensed: 0.3 }, 'oxide.heavy': { licensed: 0.3 }, magnet: { licensed: 0.3 } } } } as CountryOrders } : {};
    const yes = rollout(content, start, me, { ...china, [me]: { deals: { accept: [deal.id] } } }, seed, agents, h);
    const no = rollout(content, start, me, { ...china, [me]: { deals: { reject: [deal.id] } } }, seed, agents, h);
    return yes - no;
  };
  const calm = world(false);
  const pc = me === 'CHN' ? 0 : P.coercionChance;
  const coerced = pc > 0 ? world(true) : calm;
  const value = (1 - pc) * calm + pc * coerced;
  return { value: Number.isFinite(value) ? value : -Infinity, calm, coerced };
}

/** A counter-offer to a refused package: the same package with the tariff caps it asks of us raised by 5 or 10
 * points (less relief), if the valuation finds one worth accepting; as a proposal from us to the proposer. */
export function counterOffer(content: Content, view: CountryView, deal: Deal, makePersona: MakePersona, seed: string): { propose: NonNullable<NonNullable<CountryOrders['deals']>['propose']>[number]; value: number; cap: number; now: number } | null {
  const caps = deal.get.filter((k) => k.type === 'tariffCap');
  if (!caps.length) return null;
  for (const up of [5, 10]) {
    const get: Commitment[] = deal.get.map((k) => (k.type === 'tariffCap' ? { ...k, max: Math.min(500, k.max + up) } : k));
    const v = valueDeal(content, view, { ...deal, get }, makePersona, `${seed}:counter${up}`);
    if (v.value > 0) {
      const k = get.find((x) => x.type === 'tariffCap') as { good: TariffGood; max: number };
      // the tariff the proposer faces from us now: a cap at or above it is no cut, and the counter-offer says so
      const now = view.self.policies.tariffs[deal.from][k.good];
      return { propose: { to: deal.from, give: get, get: deal.give, termTurns: deal.termTurns }, value: v.value, cap: k.max, now };
    }
  }
  return null;
}

/** A persona's answers to the packages addressed to it, valued by rollouts, with reasons and counter-offers. */
export function answerByRollout(content: Content, view: CountryView, makePersona: MakePersona, seed: string): CountryOrders['deals'] {
  const open = view.deals.filter((d) => d.status === 'proposed' && d.to === view.country);
  if (!open.length) return undefined;
  const accept: string[] = [];
  const reject: string[] = [];
  const why: Record<string, string> = {};
  const propose: NonNullable<NonNullable<CountryOrders['deals']>['propose']> = [];
  for (const d of open) {
    const v = valueDeal(content, view, d, makePersona, `${seed}:${d.id}`);
    const pts = `${v.value >= 0 ? '+' : ''}${v.value.toFixed(2)}`;
    const basis = `valued at ${pts} points over ${Math.round(content.rules.planner.horizon)} turns (calm ${v.calm.toFixed(2)}, under Chinese coercion ${v.coerced.toFixed(2)})`;
    if (v.value > 0) {
      accept.push(d.id);
      why[d.id] = basis;
      continue;
    }
    reject.push(d.id);
    // a counter-offer for each refused offer, up to a turn's proposals (ORDER_LIMITS): the rest are refused without one
    const c = propose.length < ORDER_LIMITS.proposals ? counterOffer(content, view, d, makePersona, `${seed}:${d.id}`) : null;
    const cut = c && c.cap >= c.now ? `, no cut from the present ${c.now}%` : '';
    why[d.id] = `${basis}: too little for what it asks${c ? `; counter-offer: a cap of ${c.cap}% instead${cut} (valued at +${small(c.value)})` : ''}`;
    if (c) propose.push(c.propose);
  }
  return { ...(accept.length ? { accept } : {}), ...(reject.length ? { reject } : {}), why, ...(propose.length ? { propose } : {}) };
}

/** Points with two decimals, or four when smaller than 0.01 (a counter-offer barely worth it is not shown as +0.00). */
function small(v: number): string {
  return v.toFixed(Math.abs(v) < 0.01 && v !== 0 ? 4 : 2);
}
