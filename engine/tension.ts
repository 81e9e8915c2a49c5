// Tension between each pair of countries after a turn's policies, deals, events and breaches (the economy step's, macro.ts).
import { COUNTRIES, type CountryId } from './ids.ts';
import type { Content } from './content.ts';
import type { Deal, GameState, Policies, Shock, TariffWeights } from './state.ts';
import type { EconomyInput } from './macro.ts';
import { tensionPolicyTerm } from './economy.ts';

const NC = COUNTRIES.length;
// scratch: the new tension T[a * NC + b], every entry written before it is read on every call
const T = new Float64Array(NC * NC);

/** Tension between each pair of countries after this turn's policies, deals, events and breaches. */
export function tensionStep(x: EconomyInput): GameState['tension'] {
  const { content, state, R, q, instant } = x;
  const rivalPair = x.dv.rivalPair;
  // each country's tension with itself as it was (the rows are copied whole, diagonal included)
  for (let ai = 0; ai < NC; ai++) T[ai * NC + ai] = state.tension[COUNTRIES[ai]][COUNTRIES[ai]];
  for (let ai = 0; ai < NC; ai++) {
    const A = COUNTRIES[ai];
    const RA = R[A];
    const baseA = state.tensionBase[A];
    const wasA = state.tension[A];
    for (let bi = ai + 1; bi < NC; bi++) {
      const B = COUNTRIES[bi];
      const RB = R[B];
      const u = pairTension(content, q, A, B, wasA[B], baseA[B], RA.policies, RB.policies, RA.ref.defensePct, RB.ref.defensePct, rivalPair[ai * NC + bi] === 1, x.deals, instant, x.breaches, state.tariffWeights);
      const t = Math.min(100, Math.max(0, u));
      T[ai * NC + bi] = t;
      T[bi * NC + ai] = t;
    }
  }
  // rows and keys in COUNTRIES' order, as init.ts writes them: one literal shape each, no keyed stores
  return { AUS: rowOf(0), CHN: rowOf(1), JPN: rowOf(2), MYS: rowOf(3), USA: rowOf(4) };
}

/**
 * One pair's tension after a turn, before the 0-100 limit (A before B in COUNTRIES' order, as tensionStep takes them):
 * `was` moves a share (tensionDecay a quarter) of the way to the level the standing policies and active deals set
 * (the pair's base, tensionPolicyTerm, less dealRelief a deal), plus the turn's tension events and broken deals. The
 * security ledger (security-ledger.ts tensionParts) evaluates it with one cause changed after another.
 */
export function pairTension(content: Content, q: number, A: CountryId, B: CountryId, was: number, base: number, pa: Policies, pb: Policies, defA0: number, defB0: number, rivals: boolean, deals: readonly Deal[], instant: readonly Shock[], breaches: readonly { breaker: CountryId; victim: CountryId }[], w: TariffWeights): number {
  const dip = content.rules.diplomacy;
  let target = base + tensionPolicyTerm(content, pa, pb, A, B, defA0, defB0, rivals, w);
  for (const d of deals) if (d.status === 'active' && ((d.from === A && d.to === B) || (d.from === B && d.to === A))) target -= dip.dealRelief;
  let t = was + dip.tensionDecay * q * (target - was);
  for (const e of instant) if (e.effect.kind === 'tension' && ((e.effect.a === A && e.effect.b === B) || (e.effect.a === B && e.effect.b === A))) t += e.effect.delta;
  for (const br of breaches) if ((br.breaker === A && br.victim === B) || (br.breaker === B && br.victim === A)) t += dip.breachTension;
  return t;
}

function rowOf(a: number): Record<(typeof COUNTRIES)[number], number> {
  const o = a * NC;
  return { AUS: T[o], CHN: T[o + 1], JPN: T[o + 2], MYS: T[o + 3], USA: T[o + 4] };
}
if (COUNTRIES.join() !== 'AUS,CHN,JPN,MYS,USA') throw new Error('tension.ts: the rows are written for the countries AUS, CHN, JPN, MYS, USA in this order');
