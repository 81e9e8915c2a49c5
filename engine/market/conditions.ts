// The equilibrium conditions of a solved market (the arc conditions' largest violation) and the prices of the nodes
// that take no part (spe.ts calls both at the end of a solve).
import { NR, supplyAt, demandAt, type SpeProblem } from './curves.ts';
import { W } from './ray.ts';

/** Relative price tolerance of the solution: complementarity holds to TOL_P * pref USD/kg. */
export const TOL_P = 1e-6;
/** Market clearing holds to TOL_Q * qref t (then the rounding residual goes to stocks, so balances are exact). */
export const TOL_Q = 1e-9;

/** A buyer node with no demand and nothing arriving, or a producer node with nothing to sell, has no price of its
 * own: give it the one the market implies (the cheapest landed cost; the best netback), so plans, values and the
 * next warm start do not read an arbitrary number. The complementarity conditions still hold. */
export function settleIdlePrices(m: SpeProblem): void {
  const p = m.p;
  // producers who could make something but sold nothing (no buyer would pay their cost): every price from the floor
  // up to the lowest at which they offer any output meets the conditions (their supply there is nil, and a higher
  // source price only widens the landed cost on arcs that carry nothing), so the quote is that reservation price,
  // the foot of their supply curve (their cash cost plus input cost), not the floor the solver may have drifted to
  for (let s = 0; s < NR; s++) {
    if (m.sFix[s] > 0 || m.sCap[s] <= 0 || m.sQ0[s] <= 0 || !(p[s] < m.sPc[s])) continue;
    if (shippedFrom(m, s) <= 0) p[s] = Math.min(m.pmax, m.sPc[s]);
  }
  for (let d = 0; d < NR; d++) {
    let arrivals = 0;
    for (let s = 0; s < NR; s++) arrivals += m.x[s * NR + d];
    for (let i = 0; i < m.nTr; i++) if (m.trD[i] === d) arrivals += m.xt[i];
    if (arrivals > 0 || m.stI0[d] > 0 || demandAt(m, d, p[NR + d]) > 0) continue; // (demandAt is pure: the order of the tests changes nothing)
    let best = Infinity;
    for (let s = 0; s < NR; s++) {
      const a = s * NR + d;
      // from producers who could deliver: a region with no producers and no fixed supply offers nothing
      if (m.aCap[a] > 0 && supplyAt(m, s, m.pmax) > 0) best = Math.min(best, (1 + m.aT[a]) * (p[s] + m.aF[a]));
    }
    if (best < Infinity) p[NR + d] = Math.min(m.pmax, Math.max(m.pmin, best));
  }
  for (let s = 0; s < NR; s++) {
    if (shippedFrom(m, s) > 0 || supplyAt(m, s, m.pmax) > 0) continue;
    let best = -Infinity;
    for (let d = 0; d < NR; d++) {
      const a = s * NR + d;
      if (m.aCap[a] > 0) best = Math.max(best, p[NR + d] / (1 + m.aT[a]) - m.aF[a]);
    }
    if (best > -Infinity) p[s] = Math.min(m.pmax, Math.max(m.pmin, best));
  }
}

/** What supply node s ships at the solution in m: its direct arcs, then its transshipment routes, t. */
function shippedFrom(m: SpeProblem, s: number): number {
  let shipped = 0;
  for (let d = 0; d < NR; d++) shipped += m.x[s * NR + d];
  for (let i = 0; i < m.nTr; i++) if (m.trS[i] === s) shipped += m.xt[i];
  return shipped;
}

/** The largest violation of the arc conditions at the solution in m, USD/kg. */
export function complementarityGap(m: SpeProblem, activeOnly = false): number {
  const p = m.p;
  let worst = 0;
  const tq = TOL_Q * m.qref;
  const idle = W.idle;
  const { aT, aF, aLo, aCap } = m;
  const mx = m.x;
  for (let s = 0; s < NR; s++) {
    const skipS = activeOnly && idle[s] === 1;
    const ps = p[s];
    for (let d = 0; d < NR; d++) {
      const a = s * NR + d;
      if (skipS || (activeOnly && idle[NR + d] === 1)) continue;
      const gap = p[NR + d] - (1 + aT[a]) * (ps + aF[a]);
      const x = mx[a];
      const atLo = x <= aLo[a] + tq;
      const atCap = x >= aCap[a] - tq;
      let v = Math.abs(gap); // between its bounds: the destination pays exactly the delivered cost
      if (atLo && atCap) v = 0; // a ban (or a cap equal to a contract): any price gap may stand
      else if (atLo) v = Math.max(0, gap); // at zero (or a contract's floor): no unexploited arbitrage
      else if (atCap) v = Math.max(0, -gap); // capped: a quota rent, never a loss
      if (v > worst) worst = v;
    }
  }
  const nTr = m.nTr;
  const { trS, trD, trT, trF, trSlope } = m;
  const mxt = m.xt;
  for (let i = 0; i < nTr; i++) {
    const s = trS[i];
    const d = trD[i];
    if (activeOnly && (idle[s] === 1 || idle[NR + d] === 1)) continue;
    const xt = mxt[i];
    const gap = p[NR + d] - (1 + trT[i]) * (p[s] + trF[i]) - trSlope[i] * xt;
    const v = xt > tq ? Math.abs(gap) : Math.max(0, gap);
    if (v > worst) worst = v;
  }
  return worst;
}
