// Tension between each pair of countries after a turn's policies, deals, events and breaches (the economy step's, macro.ts).
import { COUNTRIES } from './ids.ts';
import type { GameState } from './state.ts';
import type { EconomyInput } from './macro.ts';
import { tensionPolicyTerm } from './economy.ts';

/** Tension between each pair of countries after this turn's policies, deals, events and breaches. */
export function tensionStep(x: EconomyInput): GameState['tension'] {
  const { content, state, R, q, instant } = x;
  const tension = {} as GameState['tension'];
  for (const c of COUNTRIES) tension[c] = { ...state.tension[c] };
  const dip = content.rules.diplomacy;
  const rivalPair = x.dv.rivalPair;
  const NC = COUNTRIES.length;
  for (let ai = 0; ai < NC; ai++) {
    const A = COUNTRIES[ai];
    const RA = R[A];
    const baseA = state.tensionBase[A];
    const wasA = state.tension[A];
    for (let bi = ai + 1; bi < NC; bi++) {
      const B = COUNTRIES[bi];
      const RB = R[B];
      let target = baseA[B] + tensionPolicyTerm(content, RA.policies, RB.policies, A, B, RA.ref.defensePct, RB.ref.defensePct, rivalPair[ai * NC + bi] === 1);
      for (const d of x.deals) if (d.status === 'active' && ((d.from === A && d.to === B) || (d.from === B && d.to === A))) target -= dip.dealRelief;
      let t = wasA[B] + dip.tensionDecay * q * (target - wasA[B]);
      for (const e of instant) if (e.effect.kind === 'tension' && ((e.effect.a === A && e.effect.b === B) || (e.effect.a === B && e.effect.b === A))) t += e.effect.delta;
      for (const br of x.breaches) if ((br.breaker === A && br.victim === B) || (br.breaker === B && br.victim === A)) t += dip.breachTension;
      t = Math.min(100, Math.max(0, t));
      tension[A][B] = t;
      tension[B][A] = t;
    }
  }
  return tension;
}
