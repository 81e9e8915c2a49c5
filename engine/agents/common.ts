// Helpers agents share: budget-fitting investment choices, deal valuation, defense steps, reading partners' stances.
import { COUNTRIES, type CountryId } from '../ids.ts';
import type { Content } from '../content.ts';
import type { CountryView } from '../view.ts';
import type { Commitment, CountryOrders } from '../schema.ts';
import type { Deal } from '../state.ts';
import { maxDefenseStep } from '../policy.ts';
import { projectType } from '../own.ts';
import { heldOf, rampingOf } from '../held.ts';
import { meanTariff } from '../economy.ts';

/** Each country's partners (the other countries, in COUNTRIES order), one frozen list per country. */
const PARTNERS = Object.fromEntries(COUNTRIES.map((me) => [me, Object.freeze(COUNTRIES.filter((c) => c !== me))])) as Record<CountryId, readonly CountryId[]>;

export function partners(view: CountryView): readonly CountryId[] {
  return PARTNERS[view.country];
}

/** The defence floor our active deals bind us to (0 if none). */
export function defenseFloorOf(view: CountryView): number {
  let f = 0;
  for (const d of view.deals) {
    if (d.status !== 'active') continue;
    const mine = d.from === view.country ? d.give : d.to === view.country ? d.get : [];
    for (const k of mine) if (k.type === 'defenseFloor') f = Math.max(f, k.minPct);
  }
  return f;
}

/** Defense order moving toward a target by at most `step`, within what approval allows, never below a floor our
 * deals bind us to. */
export function defenseToward(view: CountryView, target: number, step: number): number | undefined {
  target = Math.max(target, defenseFloorOf(view));
  const cur = view.self.policies.defensePct;
  if (Math.abs(target - cur) < 1e-6) return undefined;
  const lim = Math.min(step, maxDefenseStep(view.self.approval));
  const delta = Math.floor(Math.min(lim, Math.abs(target - cur)) * 1000 - 1e-6) / 1000;
  if (delta <= 0) return undefined;
  return cur + Math.sign(target - cur) * delta;
}

/** Whether another unit of a project type would be of use to this country now (agents' common sense, not a rule). */
export function usefulInvestment(content: Content, view: CountryView, type: string, host: CountryId): boolean {
  const t = projectType(content, type);
  if (!t) return false;
  const me = view.country;
  const r = view.self;
  // our units of this type (failed ones aside), those still building (their capacity): the list's tally (held.ts),
  // the same sums in the same order as filtering the list
  const { units: held, building: underWay, anyBuilding } = heldOf(content, view.projects, me, type);
  // capacity paid for and not yet in place: plants building, and finished plants' ramp-up still to come
  const building = underWay + rampingOf(content, view.projects, me, type, view.turn, view.quartersPerTurn);
  if (t.kind !== 'stockpile' && held + 1 > t.maxUnitsPerCountry) return false;
  const rL = content.goods.magnetRecipe.light;
  const rH = content.goods.magnetRecipe.heavy * view.heavyIntensity;
  const magnetsPerYear = (r.last.magnetNeed * 4) / view.quartersPerTurn;
  const useL = Math.max(r.magnetCap, magnetsPerYear) * rL + r.oxideOtherUse.light;
  const useH = Math.max(r.magnetCap, magnetsPerYear) * rH + r.oxideOtherUse.heavy;
  const sr = content.goods.supplyResponse;
  switch (t.kind) {
    case 'stockpile': {
      const heavy = t.stage === 'oxide.heavy';
      const price = view.worldPrice[heavy ? 'oxide.heavy' : 'oxide.light'] / content.goods.markets[heavy ? 'oxide.heavy' : 'oxide.light'].basePrice;
      return price < 1.5 && (heavy ? r.stockpile.heavy < 0.5 * useH : r.stockpile.light < 0.25 * useL);
    }
    case 'refinery': {
      const hostR = host === me ? r : view.others[host];
      if (!hostR) return false;
      return t.stage === 'oxide.heavy' ? hostR.refining.heavy + building < 1.2 * useH + 200 : hostR.refining.light + building < 1.2 * useL + 2000;
    }
    case 'magnetPlant':
      return r.magnetCap + building < magnetsPerYear;
    case 'recycling':
      return r.recycling.light + building < sr.maxRecyclingShare * useL;
    case 'thrifting':
      return r.thrift + building < sr.maxThrift;
    case 'mine':
      return held < 2;
    case 'deepSeaMud':
      return !anyBuilding && held < 2;
    default:
      return true;
  }
}

/** Pick investments from a list of types, spending up to `share` of the budget; the types rotate by turn; one unit each. */
export function investIn(content: Content, view: CountryView, types: readonly string[], share: number, host?: (type: string) => CountryId | undefined): CountryOrders['investments'] {
  let left = view.self.budget * share;
  const out: NonNullable<CountryOrders['investments']> = [];
  if (!types.length) return undefined;
  for (let k = 0; k < types.length && left > 0; k++) {
    const type = types[(view.turn + k) % types.length];
    const t = projectType(content, type);
    if (!t || t.costUsdBn > left) continue;
    const h = host?.(type) ?? (t.hosts && !t.hosts.includes(view.country) ? t.hosts[0] : undefined);
    if (!usefulInvestment(content, view, type, h ?? view.country)) continue;
    out.push(h ? { type, units: 1, host: h } : { type, units: 1 });
    left -= t.costUsdBn;
  }
  return out.length ? out : undefined;
}

/** Rough value of commitments to the one who receives them. */
function commitmentValue(view: CountryView, k: Commitment, giver: CountryId, receiver: CountryId): number {
  switch (k.type) {
    case 'tariffCap': {
      const cur = giver === view.country ? view.self.policies.tariffs : view.others[giver]?.policies.tariffs;
      const now = cur?.[receiver]?.[k.good] ?? 0;
      return Math.max(0, now - k.max) * (k.good === 'autos' ? 1.5 : 1) + 1;
    }
    case 'openExports':
      return k.stage.includes('heavy') || k.stage === 'magnet' ? 8 : 4;
    case 'investment':
      return k.usdBn / 20;
    case 'offtake':
      return 10 * k.share;
    case 'defenseFloor':
      return 2;
  }
}

/** What a proposal addressed to this country is worth to it, by its own reckoning (commitmentValue's points): what the
 * proposer gives, weighed by trust, plus its generosity, against what it asks (at 0.8 of its value). */
function dealWorth(view: CountryView, d: Deal, generosity: number): { value: number; cost: number } {
  const gain = d.give.reduce((a, k) => a + commitmentValue(view, k, d.from, view.country), 0);
  const cost = d.get.reduce((a, k) => a + commitmentValue(view, k, view.country, d.from) * 0.8, 0);
  const trust = (view.trust[d.from] ?? 50) / 50;
  return { value: gain * trust + generosity, cost };
}

/** Whether a proposal addressed to this country is worth accepting. */
export function dealWorthIt(view: CountryView, d: Deal, generosity = 0): boolean {
  const w = dealWorth(view, d, generosity);
  return w.value > w.cost;
}

/** Why a proposal was turned down, as the news says it after "rejects D6 from JPN: " (a new player's rejections came
 * with no reason: the figures say what an offer would have to be worth; src/ui/deal-news.ts words it in Japanese). */
function rejectionWhy(view: CountryView, d: Deal, w: { value: number; cost: number }): string {
  return `by its reckoning what ${d.from} gives is worth ${w.value.toFixed(1)} against ${w.cost.toFixed(1)} for what it asks (trust in ${d.from} ${Math.round(view.trust[d.from] ?? 50)} of 100)`;
}

export function answerDeals(view: CountryView, generosity = 0): CountryOrders['deals'] {
  // most turns nothing is addressed to us: found without building a list
  let any = false;
  for (const d of view.deals) if (d.status === 'proposed' && d.to === view.country) any = true;
  if (!any) return undefined;
  // each open proposal to us in turn, accepted or rejected (ids are unique), into lists built by pushes; the record gets
  // its keys added, not spread from optional ones: lists and records of new shapes met compiled code that had not seen them
  const accept: string[] = [];
  const reject: string[] = [];
  const why: Record<string, string> = {};
  for (const d of view.deals)
    if (d.status === 'proposed' && d.to === view.country) {
      const w = dealWorth(view, d, generosity);
      if (w.value > w.cost) accept.push(d.id);
      else {
        reject.push(d.id);
        why[d.id] = rejectionWhy(view, d, w);
      }
    }
  const out: NonNullable<CountryOrders['deals']> = {};
  if (accept.length) out.accept = accept;
  if (reject.length) {
    out.reject = reject;
    out.why = why;
  }
  return out;
}

/** The trade-weighted mean tariff `from` puts on `on` (economy.ts meanTariff): a tariff on what `on` does not sell
 * `from` weighs nothing, as in tension (governments read a tariff by the trade it hits: China's first lists of 2018
 * were sized to the US's USD 34bn and 16bn, Bown 2021). */
export function meanTariffOn(view: CountryView, from: CountryId, on: CountryId): number {
  const pol = from === view.country ? view.self.policies : view.others[from].policies;
  return meanTariff(pol, on, view.tariffWeights[from][on]);
}

/** A country's rivals among the countries (content's list without ROW), kept per content: read it, do not change it. */
const rivalLists = new WeakMap<Content, Partial<Record<CountryId, readonly CountryId[]>>>();
export function rivalsOf(content: Content, c: CountryId): readonly CountryId[] {
  let byCountry = rivalLists.get(content);
  if (!byCountry) rivalLists.set(content, (byCountry = {}));
  return (byCountry[c] ??= Object.freeze(content.countries.regions[c].rivals.filter((r): r is CountryId => r !== 'ROW')));
}

export function merge(...parts: (CountryOrders | undefined)[]): CountryOrders {
  const out: CountryOrders = {};
  for (const p of parts) {
    if (!p) continue;
    for (const k of Object.keys(p)) {
      const v = (p as Record<string, unknown>)[k];
      if (v !== undefined) (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}
