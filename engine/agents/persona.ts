// Personas: each country's recorded behaviour, driven by parameters in content/personas.json.
import { REGIONS, STAGES, type CountryId, type RegionId } from '../ids.ts';
import type { Content } from '../content.ts';
import type { CountryOrders, Persona } from '../schema.ts';
import type { Agent } from './types.ts';
import { answerDeals, defenseToward, investIn, meanTariffOn, partners, rivalsOf } from './common.ts';
import { answerCoercion, leverage } from './coercion.ts';
import { startMeanTariff } from '../economy.ts';
import { answerByRollout } from './valuation.ts';
import { keepCommitments, squeezePays, truceMoves } from './truce.ts';
import { isTruce } from '../leverage.ts';
import { ORDER_LIMITS } from '../limits.ts';

/** `deals`: 'rule' answers packages by a quick rule of thumb; 'rollout' values them by engine rollouts
 * (engine/agents/valuation.ts) when the persona's content says `"dealValuation": "rollout"`. Inside rollouts every
 * persona answers by rule, where valuing by rollouts would recurse. */
export function personaAgent(name: string, p: Persona, opts: { deals: 'rollout' | 'rule' } = { deals: 'rollout' }): Agent {
  return {
    name,
    needsView: true,
    decide({ content, view, rng }) {
      const me = view.country;
      const tariffs: NonNullable<CountryOrders['tariffs']> = {};
      const exportControls: NonNullable<CountryOrders['exportControls']> = {};
      partnerMoves(content, view, p, rng, tariffs, exportControls);
      // leakage found round our controls: a tighter rule for the transit country (licence its imports of that good)
      if (p.controlsAs !== 'never') tightenOnLeaks(view, exportControls);
      const output = p.controlsAs === 'leverage' ? limitPricing(content, view) : undefined;
      const answer = answerCoercion(content, view, p, tariffs);
      // the US-China track's truce offers and answers (agents/truce.ts); other packages are answered as before
      const track = truceMoves(content, view);
      // (spread, then assigned: the same keys in the same order as a literal that overrides the spread key, built faster)
      let dview = view;
      if (track) {
        dview = { ...view };
        dview.deals = view.deals.filter((d) => !(d.status === 'proposed' && isTruce(d)));
      }
      const generic = opts.deals === 'rollout' && p.dealValuation === 'rollout' ? answerByRollout(content, dview, (n, q) => personaAgent(n, q, { deals: 'rule' }), `deal:${view.turn}:${me}`) : answerDeals(dview, p.tradeOpenness * 3);
      const deals = joinDeals(generic, track);
      const offers = proposeDeals(content, view.country, view.turn, p, rivalsOf(content, me), partners(view));
      // counter-offers first, then its own offers, at most ORDER_LIMITS.proposals (answerByRollout counters at most that
      // many; what the truce track's counters or its own offers would add beyond it is dropped)
      const propose = offers || deals?.propose ? [...(deals?.propose ?? []), ...(offers ?? [])].slice(0, ORDER_LIMITS.proposals) : undefined;
      // the orders, keys in this order, those with nothing left out (what merge() of one literal gives, built directly)
      const o: CountryOrders = {};
      if (Object.keys(tariffs).length) o.tariffs = tariffs;
      if (Object.keys(exportControls).length) o.exportControls = exportControls;
      const defense = defenseToward(view, p.defenseTargetPct + armsReaction(content, view), p.defenseStepPct);
      if (defense !== undefined) o.defenseSpendingPct = defense;
      const investments = answer?.investments ?? investIn(content, view, p.investTypes, p.investShare);
      if (investments !== undefined) o.investments = investments;
      if (answer?.stockpileRelease !== undefined) o.stockpileRelease = answer.stockpileRelease;
      if (output !== undefined) o.rareEarthOutputPct = output;
      if (deals || propose) {
        const d: DealOrders = { ...(deals ?? {}) };
        if (propose) d.propose = propose;
        o.deals = d;
      }
      return keepCommitments(view, o);
    },
  };
}

type Decide = Parameters<Agent['decide']>[0];
/** A persona's moves toward each partner in turn (tariffs, leverage, export controls), into `tariffs` and
 * `exportControls`. Apart from decide: a move first made after decide was compiled recompiles only this. */
function partnerMoves(content: Decide['content'], view: Decide['view'], p: Persona, rng: Decide['rng'], tariffs: NonNullable<CountryOrders['tariffs']>, exportControls: NonNullable<CountryOrders['exportControls']>): void {
  const me = view.country;
  // indexed loops over the kept lists: V8 (Node 20) does not compile for-of over a frozen array to a plain loop,
  // and each step then allocates an iterator result
  const others = partners(view);
  for (let k = 0; k < others.length; k++) {
    const other = others[k];
    const mine = meanTariffOn(view, me, other);
    // what each side's tariffs rose by since the start (trade-weighted means): retaliation answers new tariffs, not
    // the standing ones the game starts from (China's 2018 lists answered the new Section 301 tariffs; a WTO member
    // may rebalance against a new measure, Safeguards Agreement Art. 8), so the start is a steady state
    const theirsUp = meanTariffOn(view, other, me) - startMeanTariff(content, other, me, view.tariffWeights[other][me]);
    // our own rise, none when we cut (a drift down or a deal's cap is not a partner's new tariff to answer)
    const mineUp = Math.max(0, mine - startMeanTariff(content, me, other, view.tariffWeights[me][other]));
    // retaliation in kind on other goods when a partner's tariffs on us rose clearly more than ours on them
    if (theirsUp > mineUp + 5 && rng() < p.retaliation) tariffs[other] = { other: Math.min(60, Math.round(view.self.policies.tariffs[other].other + (theirsUp - mineUp) / 2)) };
    // open traders drift their own tariffs down when tension is low
    else if (mine > 2 && view.tension[me][other] < 30 && rng() < p.tradeOpenness * 0.2) tariffs[other] = { other: Math.max(0, view.self.policies.tariffs[other].other - 2) };
    if (p.coercion) leverage(content, view, p, rng, other, exportControls);
    if (p.controlsAs !== 'never' && !exportControls[other]) {
      const hostile = view.tension[me][other] > 72;
      const cur = view.self.policies.controls[other]['oxide.heavy'];
      if (hostile && (p.controlsAs === 'leverage' || theirsUp > mineUp + 10) && cur.level !== 'banned' && rng() < p.retaliation * 0.5 && squeezePays(view, other)) {
        const share = cur.level === 'licensed' ? Math.max(0.3, Math.round((cur.share - 0.2) * 100) / 100) : 0.7;
        exportControls[other] = { 'oxide.heavy': { licensed: share }, magnet: { licensed: Math.min(0.95, share + 0.15) } };
      } else if (!hostile && cur.level !== 'open' && view.tension[me][other] < 50 && rng() < 0.3) reopen(view, other, exportControls);
    }
  }
}

/** How open a control is: banned -1, licensed its share, open 2. */
const openness = (c: { level: string; share: number }) => (c.level === 'open' ? 2 : c.level === 'banned' ? -1 : c.share);

/** Détente: loosen our controls on a partner, each good as far as the loosest control we keep on any other region
 * and no further. A partner looser than that is a route round our controls (transshipment: the leakage rule below
 * finds it and licenses the partner again next turn, a quarterly on-off the record does not show: MOFCOM's 2025
 * licences bind every destination, and the October 2025 rules added re-export controls, not exemptions). */
function reopen(view: Decide['view'], other: CountryId, exportControls: NonNullable<CountryOrders['exportControls']>): void {
  const mine = view.self.policies.controls;
  const open: NonNullable<(typeof exportControls)[CountryId]> = {};
  for (const s of STAGES) {
    let best: { level: string; share: number } | undefined;
    for (const r of REGIONS) {
      if (r === other || r === view.country) continue;
      const c = mine[r][s];
      if (!best || openness(c) > openness(best)) best = c;
    }
    if (!best || openness(best) <= openness(mine[other][s])) continue;
    open[s] = best.level === 'open' ? 'open' : { licensed: best.share };
  }
  exportControls[other] = open;
}

/** The arms-race reaction (Richardson 1960): a persona raises its defence target by a share of what its rivals
 * spend above their starting levels, in USD, as points of its own GDP (at most 3 points). */
function armsReaction(content: Parameters<Agent['decide']>[0]['content'], view: Parameters<Agent['decide']>[0]['view']): number {
  let extra = 0;
  const rivals = rivalsOf(content, view.country);
  for (let k = 0; k < rivals.length; k++) {
    const o = view.others[rivals[k]];
    extra += (Math.max(0, o.policies.defensePct - o.ref.defensePct) / 100) * o.gdp;
  }
  return Math.min(3, (100 * content.rules.security.armsReaction * extra) / view.self.gdp);
}

/** Every eight turns a persona offers a partner something: tariff relief for investment, or supply for tariff relief. */
function proposeDeals(content: Content, me: CountryId, turn: number, p: Persona, rivals: readonly CountryId[], all: readonly CountryId[]) {
  void content;
  if (p.proposal) {
    const { firstTurn, everyTurns, deal } = p.proposal;
    return turn + 1 >= firstTurn && (turn + 1 - firstTurn) % everyTurns === 0 ? [deal] : undefined;
  }
  if (turn % 8 !== 4) return undefined;
  const friends = all.filter((c) => !rivals.includes(c));
  if (!friends.length) return undefined;
  const to = friends[Math.floor(turn / 8) % friends.length];
  if (p.controlsAs === 'leverage') return [{ to, give: [{ type: 'openExports' as const, stage: 'magnet' as const }], get: [{ type: 'tariffCap' as const, good: 'other' as const, max: 10 }], termTurns: 8 }];
  return [{ to, give: [{ type: 'tariffCap' as const, good: 'other' as const, max: 5 }], get: [{ type: 'investment' as const, usdBn: 5 }], termTurns: 8 }];
}

/** Where our authorities found goods going round our controls through a partner, licence that partner's purchases of
 * the good at 80% of its volume (or 10 points tighter if already licensed). */
function tightenOnLeaks(view: Parameters<Agent['decide']>[0]['view'], exportControls: NonNullable<CountryOrders['exportControls']>): void {
  const me = view.country;
  for (const s of STAGES) {
    const found = view.market.detected[s];
    // for-in: a plain JSON record's own keys in Object.keys order, without building the array
    for (const key in found) {
      if (found[key] < 1) continue;
      const route = routeOf(key);
      const via = route[1];
      if (route[0] !== me || via === me || !(via in view.self.policies.controls)) continue;
      const v = via as RegionId;
      const cur = view.self.policies.controls[v][s];
      if (cur.level === 'banned') continue;
      const share = cur.level === 'licensed' ? Math.max(0.3, Math.round((cur.share - 0.1) * 100) / 100) : 0.8;
      // a copy of this partner's controls so far with this stage set (spread, then assigned: the same keys in the
      // same order as a literal that overrides the spread key, built faster)
      const next: NonNullable<(typeof exportControls)[RegionId]> = { ...(exportControls[v] ?? {}) };
      next[s] = { licensed: share };
      exportControls[v] = next;
    }
  }
}

/** "origin>via" as [origin, via] (key.split('>')), kept per key: the keys are region pairs, the same every turn. */
const routes = new Map<string, readonly string[]>();
function routeOf(key: string): readonly string[] {
  let r = routes.get(key);
  if (!r) {
    if (routes.size > 1024) routes.clear();
    routes.set(key, (r = Object.freeze(key.split('>'))));
  }
  return r;
}

/** The dominant producer's choice (a persona that uses export controls as leverage): when NdPr outside China is far
 * above its 2024 price, newcomers' projects pay, so raise output quotas to undercut them (limit pricing; Gaskins
 * 1971); go back to normal once the price is near its 2024 level. */
function limitPricing(content: Parameters<Agent['decide']>[0]['content'], view: Parameters<Agent['decide']>[0]['view']): number | undefined {
  const ratio = view.worldPrice['oxide.light'] / content.goods.markets['oxide.light'].basePrice;
  const cur = view.self.policies.outputPct ?? 100;
  if (ratio > 1.3 && cur < 130) return 130;
  if (ratio < 1.1 && cur !== 100) return 100;
  return undefined;
}

type DealOrders = NonNullable<CountryOrders['deals']>;
/** Two sets of deal answers and offers as one. */
function joinDeals(a: DealOrders | undefined, b: DealOrders | undefined): DealOrders | undefined {
  if (!a || !b) return a ?? b;
  const cat = <T>(x: T[] | undefined, y: T[] | undefined) => (x || y ? [...(x ?? []), ...(y ?? [])] : undefined);
  const out: DealOrders = {};
  const accept = cat(a.accept, b.accept);
  const reject = cat(a.reject, b.reject);
  const propose = cat(a.propose, b.propose);
  if (accept) out.accept = accept;
  if (reject) out.reject = reject;
  if (propose) out.propose = propose;
  if (a.why || b.why) out.why = { ...(a.why ?? {}), ...(b.why ?? {}) };
  return out;
}
