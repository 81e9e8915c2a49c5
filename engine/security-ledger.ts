// The security index's why ledger: its change split into named causes that add up to it (capabilities, allies' trust,
// and the tension with each rival by what moved it: tariffs, export controls, defence build-up, deals, events, broken
// deals, tension settling after earlier moves, and leaks found the turn before).
import { REGIONS, type CountryId, type RegionId } from './ids.ts';
import type { Content } from './content.ts';
import type { Derived } from './derived.ts';
import type { Deal, GameState, LedgerEntry, Policies, RegionState, Shock } from './state.ts';
import { addControlTension, meanTariff, securityIndex, securityInputs } from './economy.ts';
import { leaksFoundLastTurn } from './market/after.ts';

export interface SecurityLedgerInput {
  content: Content;
  dv: Derived;
  /** last turn's state */
  state: GameState;
  /** this turn's regions */
  R: Record<RegionId, RegionState>;
  /** the tension this turn's security was computed with: the economy step's, before leaks found this turn raised it
   * (leakConsequences runs after the economy step; what it adds shows in next turn's ledger) */
  tension: GameState['tension'];
  trust: GameState['trust'];
  deals: Deal[];
  /** this turn's one-off event effects (a `tension` effect moves a pair's tension) */
  instant: Shock[];
  breaches: { breaker: CountryId; victim: CountryId }[];
}

/** The tension one country's controls toward another add (the economy step's own sum, from 0). */
const controlTension = (dip: Content['rules']['diplomacy'], controls: Policies['controls'][RegionId]) => addControlTension(0, dip, controls);

function activeDeals(deals: Deal[], a: CountryId, b: CountryId): number {
  let n = 0;
  for (const d of deals) if (d.status === 'active' && ((d.from === a && d.to === b) || (d.from === b && d.to === a))) n++;
  return n;
}

/**
 * The change of the pair's tension from last turn's to this turn's (before this turn's leaks), by cause, in points of
 * tension (tension.ts tensionStep's formula split up; tests/security-ledger.test.ts checks the parts add up to it):
 * - settling: the pull towards the level last turn's policies and deals set (tension moves a share of the way there
 *   each turn), so a move made earlier goes on moving tension for some turns;
 * - tariffs, export controls, defense build-up by either side, deals: this turn's changes to that level, times the
 *   share of the way tension moves in a turn;
 * - events, broken deal: this turn's one-off additions; limit: what holding tension within 0-100 took off.
 */
export function tensionParts(x: SecurityLedgerInput, a: CountryId, b: CountryId, rivals: boolean): { cause: string; amount: number }[] {
  const { content, state, R } = x;
  const dip = content.rules.diplomacy;
  const dq = dip.tensionDecay * state.quartersPerTurn;
  const was = state.tension[a][b];
  const out: { cause: string; amount: number }[] = [];
  const pa0 = state.regions[a].policies;
  const pb0 = state.regions[b].policies;
  const pa = R[a].policies;
  const pb = R[b].policies;
  const build = (p: Policies, c: CountryId) => (rivals ? dip.buildupTension * Math.max(0, p.defensePct - R[c].ref.defensePct) : 0);
  const ctl0 = controlTension(dip, pa0.controls[b]) + controlTension(dip, pb0.controls[a]);
  const target0 = state.tensionBase[a][b] + dip.tariffTension * (meanTariff(pa0, b) + meanTariff(pb0, a)) + ctl0 + build(pa0, a) + build(pb0, b) - dip.dealRelief * activeDeals(state.deals, a, b);
  out.push({ cause: 'settling', amount: dq * (target0 - was) });
  for (const [c, o, p0, p] of [[a, b, pa0, pa], [b, a, pb0, pb]] as const) {
    out.push({ cause: `tariffs by ${c}`, amount: dq * dip.tariffTension * (meanTariff(p, o) - meanTariff(p0, o)) });
    out.push({ cause: `export controls by ${c}`, amount: dq * (controlTension(dip, p.controls[o]) - controlTension(dip, p0.controls[o])) });
    out.push({ cause: `defense build-up by ${c}`, amount: dq * (build(p, c) - build(p0, c)) });
  }
  out.push({ cause: 'deals', amount: -dq * dip.dealRelief * (activeDeals(x.deals, a, b) - activeDeals(state.deals, a, b)) });
  let ev = 0;
  for (const e of x.instant) if (e.effect.kind === 'tension' && ((e.effect.a === a && e.effect.b === b) || (e.effect.a === b && e.effect.b === a))) ev += e.effect.delta;
  out.push({ cause: 'events', amount: ev });
  let br = 0;
  for (const e of x.breaches) if ((e.breaker === a && e.victim === b) || (e.breaker === b && e.victim === a)) br += dip.breachTension;
  out.push({ cause: 'broken deal', amount: br });
  let u = was;
  for (const p of out) u += p.amount;
  out.push({ cause: 'limit', amount: Math.min(100, Math.max(0, u)) - u });
  return out;
}

/** The label of a pair's tension cause in the ledger ("tension with CHN: tariffs by USA"). */
function label(rival: RegionId, cause: string): string {
  return `tension with ${rival}: ${cause}`;
}

/**
 * Step 1 of the ledger: from last turn's index to the one its inputs give with the tension after last turn's leaks,
 * one step per leak found on a pair of `c` and a rival, named by whose goods went through whom. The leaks are rebuilt
 * from the state (leaksFoundLastTurn); the last step ends at the exact index, so the steps add up to the change
 * whatever the rebuilt bumps miss (the 0-100 limit, the last bits). A change with no such leak to name it by (none
 * seen) keeps the old name, by the rival when there is one.
 */
function leaksStep(x: SecurityLedgerInput, c: CountryId, rs: CountryId[], a: ReturnType<typeof securityInputs>, step: (cause: string, v: number) => void): void {
  const { content, state } = x;
  const w = content.rules.security.allyWeight;
  const end = securityIndex(a.own, a.allies, a.rivals, w);
  if (end === state.regions[c].security) return;
  const found = leaksFoundLastTurn(content, state);
  const leaks: { r: CountryId; cause: string; weight: number }[] = [];
  for (const r of rs) {
    let left = state.tension[c][r]; // a pair's leaks cannot have added more than its tension now
    for (const l of found) {
      if (!((l.origin === c && l.via === r) || (l.origin === r && l.via === c))) continue;
      const bump = Math.min(left, l.bump);
      left -= bump;
      leaks.push({ r, cause: `leaks of ${l.origin}'s goods through ${l.via} found last turn`, weight: (state.regions[r].capability * bump) / 50 });
    }
  }
  if (leaks.length === 0) {
    // with one rival (the tension with ROW does not move) it is that pair's tension the leak raised
    step(rs.length === 1 ? label(rs[0], 'leaks found last turn') : 'leaks found last turn', end);
    return;
  }
  // the rivals' weight is linear in each pair's tension: take each leak's part off the end, then add them back in turn
  let rivals = a.rivals;
  for (const l of leaks) rivals -= l.weight;
  for (let k = 0; k < leaks.length; k++) {
    rivals += leaks[k].weight;
    step(label(leaks[k].r, leaks[k].cause), k === leaks.length - 1 ? end : securityIndex(a.own, a.allies, rivals, w));
  }
}

/**
 * The security index's change for country `c`, by cause, applied one after another from last turn's index to this
 * turn's (the index is not linear: each cause is what it moved the index by, given those applied before it):
 * 1. leaks found last turn: leakConsequences raised tension after last turn's index was computed, so last turn's index
 *    and the one its own inputs give now differ by exactly that, split by leak (leaksStep): "tension with USA: leaks
 *    of CHN's goods through USA found last turn";
 * 2. own capability, allies' capability, allies' commitment (their trust, capped at 1.5), rivals' capability;
 * 3. each rival's tension, cause by cause (tensionParts), ending at this turn's tension (before this turn's leaks).
 */
export function securityLedger(x: SecurityLedgerInput, c: CountryId): LedgerEntry[] {
  const { content, dv, state, R } = x;
  const w = content.rules.security.allyWeight;
  const i = REGIONS.indexOf(c);
  const out: LedgerEntry[] = [];
  let cur = state.regions[c].security;
  const step = (cause: string, v: number) => {
    if (v !== cur) out.push({ cause, amount: v - cur });
    cur = v;
  };
  const rs = dv.rivalIdx[i].map((k) => REGIONS[k]).filter((r) => r !== 'ROW') as CountryId[];
  const a = securityInputs(state.regions, dv, state.tension, i, state.trust);
  leaksStep(x, c, rs, a, step);
  const own = R[c].capability;
  step('own capability', securityIndex(own, a.allies, a.rivals, w));
  const m = securityInputs(R, dv, state.tension, i, state.trust);
  step("allies' capability", securityIndex(own, m.allies, a.rivals, w));
  const b = securityInputs(R, dv, x.tension, i, x.trust);
  step("allies' commitment (trust)", securityIndex(own, b.allies, a.rivals, w));
  step("rivals' capability", securityIndex(own, b.allies, m.rivals, w));
  // each rival's tension, part by part: the rivals' weight is linear in each pair's tension (economy.ts securityInputs)
  let rivals = m.rivals;
  for (const r of rs) {
    const cap = R[r].capability;
    const parts = tensionParts(x, c, r, true);
    for (let k = 0; k < parts.length; k++) {
      rivals += (cap * parts[k].amount) / 50;
      step(label(r, parts[k].cause), securityIndex(own, b.allies, rivals, w));
    }
  }
  // where that ends is this turn's index to rounding (b.rivals sums the same tension whole): what is left, if any, the
  // report adds as a remainder
  return out;
}
