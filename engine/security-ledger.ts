// The security index's why ledger: its change split into named causes that add up to it (capabilities, allies' trust,
// and the tension with each rival by what moved it: tariffs, export controls, defence build-up, deals, events, broken
// deals, tension settling after earlier moves, and leaks found the turn before).
import { COUNTRIES, REGIONS, type CountryId, type RegionId } from './ids.ts';
import type { Content } from './content.ts';
import type { Derived } from './derived.ts';
import type { Deal, GameState, LedgerEntry, Policies, RegionState, Shock } from './state.ts';
import { securityIndex, securityInputs } from './economy.ts';
import { pairTension } from './tension.ts';
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

/**
 * The change of the pair's tension from last turn's to this turn's (before this turn's leaks), by cause, in points of
 * tension: the economy step's own pairTension (tension.ts), evaluated from last turn's policies and deals with one
 * cause changed after another to this turn's, each cause what its change moved it by:
 * - settling: the pull towards the level last turn's policies and deals set (tension moves a share of the way there
 *   each turn), so a move made earlier goes on moving tension for some turns;
 * - tariffs, export controls, defense build-up by either side, deals: this turn's changes to that level, times the
 *   share of the way tension moves in a turn;
 * - events, broken deal: this turn's one-off additions; limit: what holding tension within 0-100 took off.
 * The last evaluation is tensionStep's own for the pair, so the parts end at this turn's tension.
 */
export function tensionParts(x: SecurityLedgerInput, a: CountryId, b: CountryId, rivals: boolean): { cause: string; amount: number }[] {
  const { content, state, R } = x;
  // the pair in tensionStep's order (COUNTRIES'), so that the sums are its own to the bit
  const [A, B] = COUNTRIES.indexOf(a) < COUNTRIES.indexOf(b) ? [a, b] : [b, a];
  const was = state.tension[A][B];
  const pol = { [A]: state.regions[A].policies, [B]: state.regions[B].policies } as Record<CountryId, Policies>;
  let deals = state.deals;
  let instant: Shock[] = [];
  let breaches: SecurityLedgerInput['breaches'] = [];
  const out: { cause: string; amount: number }[] = [];
  let u = was;
  const step = (cause: string) => {
    const v = pairTension(content, state.quartersPerTurn, A, B, was, state.tensionBase[A][B], pol[A], pol[B], R[A].ref.defensePct, R[B].ref.defensePct, rivals, deals, instant, breaches, state.tariffWeights);
    out.push({ cause, amount: v - u });
    u = v;
  };
  step('settling');
  for (const c of [a, b]) {
    const p = R[c].policies;
    pol[c] = { ...pol[c], tariffs: p.tariffs };
    step(`tariffs by ${c}`);
    pol[c] = { ...pol[c], controls: p.controls };
    step(`export controls by ${c}`);
    pol[c] = { ...pol[c], defensePct: p.defensePct };
    step(`defense build-up by ${c}`);
  }
  deals = x.deals;
  step('deals');
  instant = x.instant;
  step('events');
  breaches = x.breaches;
  step('broken deal');
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
