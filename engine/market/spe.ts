// Spatial price equilibrium of one market over the six regions (Samuelson 1952; Takayama and Judge 1971).
// Typed arrays, preallocated, no allocation inside the solve loop. Solved by a proximal-point method on the
// arc flows (Rockafellar 1976) with a damped Newton step on the six prices inside each proximal step.
//
// Each region r has a supply curve (linear marginal cost from its cash cost up to its calibrated point, vertical
// at capacity; plus price-inelastic supply such as recycling and stockpile releases), demand by use (each use
// with a quantity at a reference price, a short-run elasticity and a willingness to pay above which it chokes
// off), price-inelastic demand (stockpile purchases) and competitive storage (Deaton and Laroque 1992: holders
// keep more stock when the price is low against the price they expect). Arcs s->d carry freight (USD/kg),
// an ad valorem tariff on the CIF value and an optional cap (an export quota; 0 = a ban); transshipment
// arcs s->k->d carry origin-s goods to d through k at a relabelling wedge and a cost that rises with volume
// (the expected penalty of detection).
//
// The network is bipartite, as in Takayama and Judge: each region has a supply node (its producers, price p[r])
// and a demand node (its buyers and stock holders, price p[NR + r]); every arc, the home arc r->r included, runs
// from a supply node to a demand node. So goods cannot pass through a third region without being counted as
// transshipment, and the origin of every tonne is known.
//
// The equilibrium (complementarity form): for every arc, flow > 0 only if p_d >= (1+t)(p_s + f) (+ slope*x for
// transshipment), with equality when the flow is between its bounds (a cap above, a contract below); every node
// clears.
import * as curves from './curves.ts';
import * as gauss from './linsolve.ts';
import type { SpeProblem, SpeStats } from './curves.ts';

// Local copies of the imported bindings: where modules are compiled to CommonJS (tsx runs the CLI that way) every use
// of an imported binding is a getter call, which the solver's inner loops cannot afford.
const { NR, NP, MAX_TRANS, supplyAt, demandAt, demandFast, prepareUses, supplySlope } = curves;
const linSolve = gauss.linSolve;

export * from './curves.ts';

// ---- the solver
//
// Proximal point on the flows: each outer step fixes a centre x0 and each arc's wedge w (freight plus the tariff
// on the CIF value at the centre's source price), and solves F(p) = 0 where the flows are
// x = clamp(x0 + (p_dest - p_src - w) / kap, lo, cap). That F is the gradient of a convex function of the prices
// (the dual of the regularised welfare problem), so Newton's method with an exact line search along its
// direction (a root of the increasing function F(p + a d) . d) converges from any start. The outer steps stop
// when the complementarity conditions with the true ad valorem tariffs hold to TOL_P.

const W = {
  x0: new Float64Array(NR * NR),
  xt0: new Float64Array(MAX_TRANS),
  w: new Float64Array(NR * NR),
  wt: new Float64Array(MAX_TRANS),
  F: new Float64Array(NP),
  J: new Float64Array(NP * NP),
  dp: new Float64Array(NP),
  pt: new Float64Array(NP),
  xs: new Float64Array(NR * NR),
  xts: new Float64Array(MAX_TRANS),
  /** demand slopes at the current prices, written by excess(..., true) */
  dsl: new Float64Array(6),
  /** 1 where a node takes no part this solve: a supply node with nothing to sell, a demand node with no buyer */
  idle: new Uint8Array(12),
};

/** Mark the nodes with nothing to sell or no buyer: their arcs carry nothing, and they get a price afterwards. */
function markIdle(m: SpeProblem): void {
  for (let r = 0; r < NR; r++) {
    W.idle[r] = m.sFix[r] <= 0 && (m.sCap[r] <= 0 || m.sQ0[r] <= 0) ? 1 : 0;
    let buyers = m.dFix[r] > 0 || m.stI0[r] > 0 || (m.stLam[r] > 0 && m.stT[r] > 0);
    for (let u = 0; u < m.nUse[r] && !buyers; u++) if (m.uQ[r * curves.MAX_USES + u] > 0) buyers = true;
    W.idle[NR + r] = buyers ? 0 : 1;
  }
}

/** Flows at prices p given the centre, the wedges and the weight kap; written into x, xt. */
function flowsAt(m: SpeProblem, p: Float64Array, kap: number, x: Float64Array, xt: Float64Array): void {
  for (let s = 0; s < NR; s++) {
    for (let d = 0; d < NR; d++) {
      const a = s * NR + d;
      if (W.idle[s] === 1 || W.idle[NR + d] === 1) {
        x[a] = 0;
        continue;
      }
      let v = W.x0[a] + (p[NR + d] - p[s] - W.w[a]) / kap;
      const lo = m.aLo[a];
      const cap = m.aCap[a];
      if (v < lo) v = lo;
      if (v > cap) v = cap;
      x[a] = v;
    }
  }
  for (let i = 0; i < m.nTr; i++) {
    if (W.idle[m.trS[i]] === 1 || W.idle[NR + m.trD[i]] === 1) {
      xt[i] = 0;
      continue;
    }
    const gap = p[NR + m.trD[i]] - p[m.trS[i]] - W.wt[i];
    const v = (gap + kap * W.xt0[i]) / (kap + m.trSlope[i]);
    xt[i] = v > 0 ? v : 0;
  }
}

/** Excess supply at each node (supply node: output - shipments; demand node: arrivals - demand), into F;
 * returns the largest absolute value. */
function excess(m: SpeProblem, p: Float64Array, x: Float64Array, xt: Float64Array, F: Float64Array, slopes = false): number {
  for (let r = 0; r < NR; r++) {
    F[r] = supplyAt(m, r, p[r]);
    F[NR + r] = -demandFast(m, r, p[NR + r], slopes ? W.dsl : null, r);
  }
  for (let s = 0; s < NR; s++)
    for (let d = 0; d < NR; d++) {
      const v = x[s * NR + d];
      if (v !== 0) {
        F[s] -= v;
        F[NR + d] += v;
      }
    }
  for (let i = 0; i < m.nTr; i++) {
    F[m.trS[i]] -= xt[i];
    F[NR + m.trD[i]] += xt[i];
  }
  // the price bounds as complementarity: at the floor, goods nobody takes are kept (free disposal); at the ceiling,
  // what is short is rationed. Neither bound is reached in a real outcome.
  for (let r = 0; r < NP; r++) {
    if (p[r] <= m.pmin * (1 + 1e-4) && F[r] > 0) F[r] = 0;
    else if (p[r] >= m.pmax * (1 - 1e-4) && F[r] < 0) F[r] = 0;
  }
  let n = 0;
  for (let r = 0; r < NP; r++) n = Math.max(n, Math.abs(F[r]));
  return n;
}

/** The Jacobian of F, symmetric positive semi-definite (plus a tiny ridge). */
function jacobian(m: SpeProblem, p: Float64Array, kap: number, J: Float64Array): void {
  J.fill(0);
  const reg = (1e-9 * m.qref) / m.pref;
  for (let r = 0; r < NR; r++) {
    J[r * NP + r] = supplySlope(m, r, p[r]) + reg;
    const e = NR + r;
    J[e * NP + e] = -W.dsl[r] + reg; // demand slopes from the excess() call just before
  }
  for (let s = 0; s < NR; s++)
    for (let d = 0; d < NR; d++) {
      const a = s * NR + d;
      const v = W.xs[a];
      if (v <= m.aLo[a] || v >= m.aCap[a]) continue; // at a bound: no response
      addArc(J, s, NR + d, 1 / kap);
    }
  for (let i = 0; i < m.nTr; i++) {
    if (W.xts[i] <= 0) continue;
    addArc(J, m.trS[i], NR + m.trD[i], 1 / (kap + m.trSlope[i]));
  }
}

/** An interior arc s->e with dx/dp_e = k, dx/dp_s = -k; F_s -= x, F_e += x. F is minus... the gradient: J = dF/dp. */
function addArc(J: Float64Array, s: number, e: number, k: number): void {
  J[s * NP + e] -= k;
  J[s * NP + s] += k;
  J[e * NP + e] += k;
  J[e * NP + s] -= k;
}

/** Relative price tolerance of the solution: complementarity holds to TOL_P * pref USD/kg. */
export const TOL_P = 1e-6;
/** Market clearing holds to TOL_Q * qref t (then the rounding residual goes to stocks, so balances are exact). */
export const TOL_Q = 1e-9;

/** The directional derivative F(p + a d) . d (increasing in a: the convex dual along the ray); prices in W.pt2. */
const PT2 = new Float64Array(NP);
const FT = new Float64Array(NP);
const FT_NORM = { v: 0 };
function slopeAlong(m: SpeProblem, p: Float64Array, d: Float64Array, a: number, kap: number): number {
  for (let r = 0; r < NP; r++) PT2[r] = p[r] + a * d[r];
  flowsAt(m, PT2, kap, W.xs, W.xts);
  FT_NORM.v = excess(m, PT2, W.xs, W.xts, FT, true); // with slopes: if this point is taken, the next step reuses it
  let g = 0;
  for (let r = 0; r < NP; r++) g += FT[r] * d[r];
  return g;
}

/** A clock a host may inject to time the solver (`npm run bench`); the engine itself reads no clock. */
export const solveClock: { now: (() => number) | null; micros: number; solves: number; outer: number; newton: number } = { now: null, micros: 0, solves: 0, outer: 0, newton: 0 };

/** Solve the market in place: m.p, m.x, m.xt hold the warm start on entry and the equilibrium on exit. */
export function solve(m: SpeProblem, stats?: SpeStats): SpeStats {
  const clock = solveClock.now;
  const t0 = clock ? clock() : 0;
  const st = solveCore(m, stats);
  if (clock) {
    solveClock.micros += (clock() - t0) * 1000;
    solveClock.solves++;
    solveClock.outer += st.outer;
    solveClock.newton += st.newton;
  }
  return st;
}

function solveCore(m: SpeProblem, stats?: SpeStats): SpeStats {
  const st = stats ?? { outer: 0, newton: 0, maxGap: 0, maxResidual: 0 };
  prepareUses(m);
  markIdle(m);
  st.outer = 0;
  st.newton = 0;
  // proximal weight: a flow of the whole market moves a price by 1% of the reference price
  let kap = (0.01 * m.pref) / Math.max(m.qref, 1e-9);
  const p = m.p;
  for (let r = 0; r < NP; r++) if (!(p[r] >= m.pmin && p[r] <= m.pmax)) p[r] = Math.min(m.pmax, Math.max(m.pmin, m.pref));
  for (let a = 0; a < NR * NR; a++) W.x0[a] = Math.min(m.aCap[a], Math.max(m.aLo[a], m.x[a]));
  for (let i = 0; i < m.nTr; i++) W.xt0[i] = m.xt[i] > 0 ? m.xt[i] : 0;
  const tolF = TOL_Q * m.qref;
  const tolGap = TOL_P * m.pref;
  let gap = Infinity; // the complementarity gap at the last centre
  for (let outer = 0; outer < 200; outer++) {
    st.outer = outer + 1;
    // when flows still rotate after some steps (several patterns nearly as good), take longer proximal steps
    if (outer >= 10 && outer % 10 === 0) kap *= 0.3;
    // wedges at the centre's source prices; the tariff part moves a damped step 1/(1+t) toward its value, so the
    // fixed point converges monotonically even for prohibitive tariffs
    for (let s = 0; s < NR; s++)
      for (let d = 0; d < NR; d++) {
        const a = s * NR + d;
        const t = m.aT[a];
        const target = m.aF[a] + t * (p[s] + m.aF[a]);
        W.w[a] = outer === 0 ? target : W.w[a] + (target - W.w[a]) / (1 + t);
      }
    for (let i = 0; i < m.nTr; i++) {
      const t = m.trT[i];
      const target = m.trF[i] + t * (p[m.trS[i]] + m.trF[i]);
      W.wt[i] = outer === 0 ? target : W.wt[i] + (target - W.wt[i]) / (1 + t);
    }
    // Newton on the prices with a line search
    const innerTol = tolF;
    let fresh = false; // W.F, W.xs, W.xts and W.dsl already hold the values at p (the line search's last point)
    let cleared = false; // the inner loop ended with the market clearing at p: W.xs, W.xts are the flows at p
    for (let it = 0; it < 50; it++) {
      let n: number;
      if (fresh) {
        n = FT_NORM.v;
        for (let r = 0; r < NP; r++) W.F[r] = FT[r];
      } else {
        flowsAt(m, p, kap, W.xs, W.xts);
        n = excess(m, p, W.xs, W.xts, W.F, true);
      }
      if (n <= innerTol) {
        cleared = true;
        break;
      }
      st.newton++;
      jacobian(m, p, kap, W.J);
      linSolve(W.J, W.F, W.dp);
      // keep the step inside the sanity bounds: a price already at a bound and pushed past it stays there
      for (let r = 0; r < NP; r++) if ((p[r] <= m.pmin && W.dp[r] < 0) || (p[r] >= m.pmax && W.dp[r] > 0)) W.dp[r] = 0;
      let amax = 1;
      for (let r = 0; r < NP; r++) {
        const v = p[r] + W.dp[r];
        if (v < m.pmin) amax = Math.min(amax, (m.pmin - p[r]) / W.dp[r]);
        if (v > m.pmax) amax = Math.min(amax, (m.pmax - p[r]) / W.dp[r]);
      }
      // the line search: the slope of the convex dual along the ray is increasing; take the full step if the slope
      // is still negative there, else find where it is small (Illinois regula falsi: a few evaluations)
      let a = amax;
      let g1 = slopeAlong(m, p, W.dp, amax, kap);
      if (g1 > 0) {
        let lo = 0;
        let hi = amax;
        let g0 = 0;
        for (let r = 0; r < NP; r++) g0 += W.F[r] * W.dp[r];
        const glo0 = g0;
        let side = 0;
        for (let k = 0; k < 30; k++) {
          a = g0 < 0 && g1 > 0 ? (lo * g1 - hi * g0) / (g1 - g0) : 0.5 * (lo + hi);
          if (!(a > lo && a < hi)) a = 0.5 * (lo + hi);
          const g = slopeAlong(m, p, W.dp, a, kap);
          if (Math.abs(g) <= 0.2 * Math.abs(glo0)) break;
          if (g > 0) {
            hi = a;
            g1 = g;
            if (side === 1) g0 *= 0.5;
            side = 1;
          } else {
            lo = a;
            g0 = g;
            if (side === -1) g1 *= 0.5;
            side = -1;
          }
          if (hi - lo < 1e-12 * amax) break;
        }
      }
      if (!(a > 0)) break;
      fresh = true;
      for (let r = 0; r < NP; r++) {
        const v = Math.min(m.pmax, Math.max(m.pmin, PT2[r]));
        if (v !== PT2[r]) fresh = false;
        p[r] = v;
      }
    }
    // the flows at p (already there when the inner loop ended clearing: the same inputs give the same bits)
    if (!cleared) flowsAt(m, p, kap, W.xs, W.xts);
    // move the centre; stop when the complementarity conditions (true tariffs) and clearing hold
    for (let a = 0; a < NR * NR; a++) {
      W.x0[a] = W.xs[a];
      m.x[a] = W.xs[a];
    }
    for (let i = 0; i < m.nTr; i++) {
      W.xt0[i] = W.xts[i];
      m.xt[i] = W.xts[i];
    }
    // (when the inner loop ended clearing, excess at p with these flows is the value it stopped on, <= tolF)
    gap = complementarityGap(m, true);
    if (gap <= tolGap && (cleared || excess(m, p, m.x, m.xt, W.F) <= tolF)) break;
  }
  // idle nodes get the price the market implies, unless that would break a condition that held (p, m.x and m.xt
  // are as the loop's last gap saw them)
  const gap0 = gap;
  for (let r = 0; r < NP; r++) W.pt[r] = p[r];
  settleIdlePrices(m);
  let gap1 = complementarityGap(m, true);
  if (gap1 > Math.max(gap0, tolGap)) {
    for (let r = 0; r < NP; r++) p[r] = W.pt[r];
    gap1 = gap0; // the prices it was worked out at, restored
  }
  // the conditions that bind: arcs between a node with something to sell and a node with a buyer
  st.maxGap = gap1;
  st.maxResidual = clearingResidual(m);
  return st;
}

/** A buyer node with no demand and nothing arriving, or a producer node with nothing to sell, has no price of its
 * own: give it the one the market implies (the cheapest landed cost; the best netback), so plans, values and the
 * next warm start do not read an arbitrary number. The complementarity conditions still hold. */
function settleIdlePrices(m: SpeProblem): void {
  const p = m.p;
  for (let d = 0; d < NR; d++) {
    let arrivals = 0;
    for (let s = 0; s < NR; s++) arrivals += m.x[s * NR + d];
    for (let i = 0; i < m.nTr; i++) if (m.trD[i] === d) arrivals += m.xt[i];
    if (arrivals > 0 || demandAt(m, d, p[NR + d]) > 0 || m.stI0[d] > 0) continue;
    let best = Infinity;
    for (let s = 0; s < NR; s++) {
      const a = s * NR + d;
      if (m.aCap[a] > 0) best = Math.min(best, (1 + m.aT[a]) * (p[s] + m.aF[a]));
    }
    if (best < Infinity) p[NR + d] = Math.min(m.pmax, Math.max(m.pmin, best));
  }
  for (let s = 0; s < NR; s++) {
    let shipped = 0;
    for (let d = 0; d < NR; d++) shipped += m.x[s * NR + d];
    for (let i = 0; i < m.nTr; i++) if (m.trS[i] === s) shipped += m.xt[i];
    if (shipped > 0 || supplyAt(m, s, m.pmax) > 0) continue;
    let best = -Infinity;
    for (let d = 0; d < NR; d++) {
      const a = s * NR + d;
      if (m.aCap[a] > 0) best = Math.max(best, p[NR + d] / (1 + m.aT[a]) - m.aF[a]);
    }
    if (best > -Infinity) p[s] = Math.min(m.pmax, Math.max(m.pmin, best));
  }
}

/** The largest violation of the arc conditions at the solution in m, USD/kg. */
export function complementarityGap(m: SpeProblem, activeOnly = false): number {
  const p = m.p;
  let worst = 0;
  const tq = TOL_Q * m.qref;
  for (let s = 0; s < NR; s++)
    for (let d = 0; d < NR; d++) {
      const a = s * NR + d;
      if (activeOnly && (W.idle[s] === 1 || W.idle[NR + d] === 1)) continue;
      const gap = p[NR + d] - (1 + m.aT[a]) * (p[s] + m.aF[a]);
      const x = m.x[a];
      const atLo = x <= m.aLo[a] + tq;
      const atCap = x >= m.aCap[a] - tq;
      let v = Math.abs(gap); // between its bounds: the destination pays exactly the delivered cost
      if (atLo && atCap) v = 0; // a ban (or a cap equal to a contract): any price gap may stand
      else if (atLo) v = Math.max(0, gap); // at zero (or a contract's floor): no unexploited arbitrage
      else if (atCap) v = Math.max(0, -gap); // capped: a quota rent, never a loss
      if (v > worst) worst = v;
    }
  for (let i = 0; i < m.nTr; i++) {
    const s = m.trS[i];
    const d = m.trD[i];
    if (activeOnly && (W.idle[s] === 1 || W.idle[NR + d] === 1)) continue;
    const gap = p[NR + d] - (1 + m.trT[i]) * (p[s] + m.trF[i]) - m.trSlope[i] * m.xt[i];
    const v = m.xt[i] > tq ? Math.abs(gap) : Math.max(0, gap);
    if (v > worst) worst = v;
  }
  return worst;
}

/** The largest market-clearing residual at the solution in m, t. */
export function clearingResidual(m: SpeProblem): number {
  return excess(m, m.p, m.x, m.xt, W.F);
}
