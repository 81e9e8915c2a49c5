// Bilateral deals: proposed one turn, answered the next, binding for a term; breaking one costs trust and raises tension.
import { produce } from './immer.ts';
import { COUNTRIES, REGIONS, STAGES, STAGE_NAMES, TARIFF_GOOD_NAMES, type CountryId, type RegionId, type StageKey } from './ids.ts';
import type { Content } from './content.ts';
import type { Deal, GameState, Overridden, Policies } from './state.ts';
import type { Commitment, Orders } from './schema.ts';
import { toControl } from './policy.ts';
import { derive } from './derived.ts';
import { bindingCommitments, violates } from './commitments.ts';
import { NR } from './market/spe.ts';

export { bindingCommitments, violates };

/** Each country's index among the regions (the derived tables are by region). */
const RIDX = COUNTRIES.map((c) => REGIONS.indexOf(c));

if (NR !== 6) throw new Error(`deals.ts: reserved() is written for 6 regions, not ${NR}`);

export interface DealStep {
  deals: Deal[];
  trust: GameState['trust'];
  breaches: { breaker: CountryId; victim: CountryId }[];
  nextId: number;
  reserved: (state: GameState, q: number) => Record<StageKey, number[][]>;
}

function describe(k: Commitment): string {
  switch (k.type) {
    case 'tariffCap':
      return `a tariff of at most ${k.max}% on ${TARIFF_GOOD_NAMES[k.good]}`;
    case 'openExports':
      return `open exports of ${STAGE_NAMES[k.stage]}`;
    case 'investment':
      return `USD ${k.usdBn} bn of investment`;
    case 'offtake':
      return `${Math.round(k.share * 100)}% of its ${STAGE_NAMES[k.stage]} output`;
    case 'defenseFloor':
      return `defence spending of at least ${k.minPct}% of GDP`;
  }
}

export function dealSummary(d: Deal): string {
  const g = d.give.map(describe).join(', ') || 'nothing';
  const t = d.get.map(describe).join(', ') || 'nothing';
  return `${d.from} offers ${d.to} ${g} for ${t}, for ${d.termTurns} turn${d.termTurns === 1 ? '' : 's'}`;
}

/** How hard b's controls on a bite, in bans: a ban counts 1, a licence its cut weighted as tension weighs it
 * (licenceTension / banTension x (1 - share), S8); stages in the record's own key order. The same weighting as
 * economy.ts addControlTension, but summed per stage in these operations on purpose: the tension over a ban's,
 * divided once, differs in the last bit for about a third of licence shares, and so would the trust of every class
 * log and replay recorded with a licence on an ally (a review caught it). */
function coercion(dip: Content['rules']['diplomacy'], controls: Policies['controls'][RegionId]): number {
  let c = 0;
  for (const k in controls) {
    const s = controls[k as keyof typeof controls];
    if (s.level === 'banned') c += 1;
    else if (s.level === 'licensed') c += (dip.licenceTension / dip.banTension) * (1 - s.share);
  }
  return c;
}

export function applyDeals(content: Content, state: GameState, orders: Orders, turn: number, news: string[] | null): DealStep {
  const dip = content.rules.diplomacy;
  let nextId = state.nextId;
  const trust = {} as GameState['trust'];
  // trust returns toward the pair's usual level: an ally's (rules.diplomacy.allyTrust) or neutral 50; an ally whose
  // partner controls exports to it trusts it less while the controls stand, at once (coercion of an ally, docs/MODEL.md
  // S8.1), and recovers as after a breach once they are lifted
  const dv = derive(content);
  const norm = dv.trustNorm;
  const ct = dip.controlTrust ?? 0; // rules written before it have none: trust as before, by construction
  for (let ai = 0; ai < COUNTRIES.length; ai++) {
    const a = COUNTRIES[ai];
    const row = { ...state.trust[a] };
    trust[a] = row;
    for (let bi = 0; bi < COUNTRIES.length; bi++)
      if (ai !== bi) {
        const b = COUNTRIES[bi];
        const v = row[b];
        let to = norm[ai * COUNTRIES.length + bi];
        const c = ct > 0 && dv.allyIdx[RIDX[ai]].includes(RIDX[bi]) ? coercion(dip, state.regions[b].policies.controls[a]) : 0;
        if (c > 0) to = Math.max(0, to - ct * c);
        row[b] = c > 0 && v > to ? to : v + Math.sign(to - v) * Math.min(dip.trustRecovery, Math.abs(to - v));
      }
  }
  const breaches: DealStep['breaches'] = [];
  const deals: Deal[] = [];
  for (const old of state.deals) {
    const d = dealTurn(content, old, orders, turn, news, trust, breaches);
    if (d) deals.push(d);
  }
  for (const c of COUNTRIES) {
    for (const p of orders[c]?.deals?.propose ?? []) {
      const d: Deal = { id: `D${nextId++}`, from: c, to: p.to, give: p.give, get: p.get, termTurns: p.termTurns, status: 'proposed', proposedTurn: turn, startTurn: 0, endTurn: 0 };
      deals.push(d);
      news?.push(`${c} proposes ${d.id} to ${p.to}: ${dealSummary(d)}.`);
    }
  }
  return {
    deals,
    trust,
    breaches,
    nextId,
    reserved: (st: GameState, q: number) => {
      const out = {} as Record<StageKey, number[][]>;
      for (const s of STAGES) {
        const rows: number[][] = [];
        for (let i = 0; i < NR; i++) rows.push([0, 0, 0, 0, 0, 0]);
        out[s] = rows;
      }
      for (const d of deals) {
        if (d.status !== 'active') continue;
        // what the proposer gives, then what it gets
        addOfftakes(st, q, d.from, d.to, d.give, out);
        addOfftakes(st, q, d.to, d.from, d.get, out);
      }
      return out;
    },
  };
}

/** The offtakes among a giver's commitments to a taker: the share of the giver's output last turn each reserves. */
function addOfftakes(st: GameState, q: number, giver: CountryId, taker: CountryId, list: readonly Commitment[], out: Record<StageKey, number[][]>): void {
  for (const k of list) {
    if (k.type !== 'offtake') continue;
    const gi = REGIONS.indexOf(giver);
    let out1 = 0;
    for (const r of REGIONS) out1 += st.flows[k.stage][giver][r];
    out[k.stage][gi][REGIONS.indexOf(taker)] += (k.share * out1 * q) / st.quartersPerTurn;
  }
}

/** The policies of country c this turn that enforceDeals moved: one the orders changed (`before` -> `ordered`) that the
 * deals in force then held elsewhere (`now`), or one in force that a deal moved as it came into force (`standing`),
 * each with the deal whose commitment is the one in force (the lowest cap, the highest floor; the first such deal in
 * the list). For the report: the player reads that the order did not hold, or that the policy moved, and why. */
export function overriddenOrders(c: CountryId, before: Policies, ordered: Policies, now: Policies, deals: readonly Deal[], turn: number): Overridden[] {
  const out: Overridden[] = [];
  if (ordered === now) return out;
  const seen = new Set<string>();
  for (const d of deals) {
    if (d.status !== 'active' || d.startTurn > turn) continue;
    const pairs: [CountryId, readonly Commitment[]][] = [];
    if (d.from === c) pairs.push([d.to, d.give]);
    if (d.to === c) pairs.push([d.from, d.get]);
    for (const [partner, list] of pairs)
      for (const k of list) {
        if (k.type === 'tariffCap') {
          const o = ordered.tariffs[partner][k.good];
          const n = now.tariffs[partner][k.good];
          const key = `t:${partner}:${k.good}`;
          if (n < o && n === k.max && !seen.has(key)) {
            seen.add(key);
            out.push({ country: c, deal: d.id, partner, kind: 'tariff', good: k.good, ordered: o, now: n, ...standing(o === before.tariffs[partner][k.good]) });
          }
        } else if (k.type === 'openExports') {
          // the control record, not its level: an order from one licence share to another changes the record only
          // (toControl keeps the record an order restates)
          const oc = ordered.controls[partner][k.stage];
          const o = oc.level;
          const n = now.controls[partner][k.stage].level;
          const key = `c:${partner}:${k.stage}`;
          if (o !== n && !seen.has(key)) {
            seen.add(key);
            out.push({ country: c, deal: d.id, partner, kind: 'control', stage: k.stage, ordered: o, now: n, ...standing(oc === before.controls[partner][k.stage]) });
          }
        } else if (k.type === 'defenseFloor') {
          if (now.defensePct > ordered.defensePct && now.defensePct === k.minPct && !seen.has('d')) {
            seen.add('d');
            out.push({ country: c, deal: d.id, partner, kind: 'defence', ordered: ordered.defensePct, now: now.defensePct, ...standing(ordered.defensePct === before.defensePct) });
          }
        }
      }
  }
  return out;
}

/** `{ standing: true }` for a policy the country did not order this turn (spread into an Overridden). */
const standing = (kept: boolean): { standing?: true } => (kept ? { standing: true } : {});

export function enforceDeals(c: CountryId, pol: Policies, deals: readonly Deal[], turn: number, flowOut: (s: StageKey, p: RegionId) => number): Policies {
  // whether an active deal holds this country to more than its policies give now, found without building the list of
  // its commitments (most turns none does)
  let needs = false;
  for (let i = 0; i < deals.length && !needs; i++) {
    const d = deals[i];
    if (d.status !== 'active' || d.startTurn > turn) continue;
    if (d.from === c) needs = short(pol, d.to, d.give);
    if (!needs && d.to === c) needs = short(pol, d.from, d.get);
  }
  if (!needs) return pol;
  const bind = bindingCommitments(c, deals, turn).filter(({ k }) => k.type === 'tariffCap' || k.type === 'openExports' || k.type === 'defenseFloor');
  return produce(pol, (d) => {
    for (const { partner, k } of bind) {
      if (k.type === 'tariffCap' && d.tariffs[partner][k.good] > k.max) d.tariffs[partner][k.good] = k.max;
      // a defence floor binds from the deal's start: spending rises to it at once (a budget decision, not a build-up)
      if (k.type === 'defenseFloor' && d.defensePct < k.minPct) d.defensePct = k.minPct;
      if (k.type === 'openExports' && d.controls[partner][k.stage].level !== 'open')
        d.controls[partner][k.stage] = toControl('open', pol.controls[partner][k.stage], flowOut(k.stage, partner), turn);
    }
  });
}

/** Whether a policy falls short of one of the commitments to a partner that enforceDeals binds. */
function short(pol: Policies, partner: CountryId, list: readonly Commitment[]): boolean {
  for (const k of list)
    if (k.type === 'tariffCap' ? pol.tariffs[partner][k.good] > k.max : k.type === 'openExports' ? pol.controls[partner][k.stage].level !== 'open' : k.type === 'defenseFloor' ? pol.defensePct < k.minPct : false) return true;
  return false;
}

/** Net investment flows under active deals this turn, USD bn: inflow to each country and outflow from it. */
export function dealInvestmentFlows(deals: readonly Deal[], turn: number): { inflow: Record<CountryId, number>; outflow: Record<CountryId, number> } {
  const inflow: Record<CountryId, number> = { AUS: 0, CHN: 0, JPN: 0, MYS: 0, USA: 0 };
  const outflow: Record<CountryId, number> = { AUS: 0, CHN: 0, JPN: 0, MYS: 0, USA: 0 };
  for (const d of deals) {
    if (d.status !== 'active' || d.startTurn > turn) continue;
    // what the proposer gives, then what it gets
    for (const k of d.give) {
      if (k.type !== 'investment') continue;
      inflow[d.to] += k.usdBn / d.termTurns;
      outflow[d.from] += k.usdBn / d.termTurns;
    }
    for (const k of d.get) {
      if (k.type !== 'investment') continue;
      inflow[d.from] += k.usdBn / d.termTurns;
      outflow[d.to] += k.usdBn / d.termTurns;
    }
  }
  return { inflow, outflow };
}

/** One deal's turn: an answer to a proposal, the end of its term, or a breach. Null when it is old enough to forget. */
function dealTurn(content: Content, old: Deal, orders: Orders, turn: number, news: string[] | null, trust: GameState['trust'], breaches: DealStep['breaches']): Deal | null {
  const dip = content.rules.diplomacy;
  const d = { ...old };
  let justAccepted = false;
  const ended = d.status !== 'proposed' && d.status !== 'active';
  if (ended && turn - Math.max(d.endTurn, d.proposedTurn) > 8) return null; // forget old history
  if (d.status === 'proposed' && d.proposedTurn < turn) {
    const ans = orders[d.to]?.deals;
    const named = (list: string[] | undefined) => !!list && (list.includes(d.id) || list.includes(d.from));
    if (named(ans?.accept)) {
      justAccepted = true;
      d.status = 'active';
      d.startTurn = turn;
      d.endTurn = turn + d.termTurns - 1;
      const why = ans?.why && Object.hasOwn(ans.why, d.id) ? ` (${ans.why[d.id]})` : '';
      news?.push(`${d.to} accepts ${d.id}: ${dealSummary(d)}${why}.`);
    } else if (named(ans?.reject)) {
      d.status = 'rejected';
      const why = ans?.why && Object.hasOwn(ans.why, d.id) ? `: ${ans.why[d.id]}` : '';
      news?.push(`${d.to} rejects ${d.id} from ${d.from}${why}.`);
    } else d.status = 'expired';
  } else if (d.status === 'active' && d.endTurn < turn) {
    d.status = 'completed';
    news?.push(`Deal ${d.id} between ${d.from} and ${d.to} has run its term.`);
  }
  // orders given in the turn a deal is accepted were written before the answer: they are brought into line by
  // enforceDeals, and count as a breach only from the next turn
  if (d.status === 'active') {
    for (const c of [d.from, d.to]) {
      const violation = justAccepted ? null : violates(c, c === d.from ? d.to : d.from, c === d.from ? d.give : d.get, orders);
      if (orders[c]?.deals?.break?.includes(d.id) || violation) {
        if (violation) news?.push(`${c} ${violation}, which its deal ${d.id} forbids.`);
        const victim = c === d.from ? d.to : d.from;
        d.status = 'broken';
        d.brokenBy = c;
        d.endTurn = turn;
        trust[victim][c] = Math.max(0, trust[victim][c] - dip.breachTrust);
        breaches.push({ breaker: c, victim });
        news?.push(`${c} breaks deal ${d.id} with ${victim}; ${victim}'s trust in ${c} falls.`);
        break;
      }
    }
  }
  return d;
}
