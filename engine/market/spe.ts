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
import * as ray from './ray.ts';
import * as conditions from './conditions.ts';
import type { SpeProblem, SpeStats } from './curves.ts';

// Local copies of the imported bindings: where modules are compiled to CommonJS (tsx runs the CLI that way) every use
// of an imported binding is a getter call, which the solver's inner loops cannot afford.
const { NR, NP, supplyAt, demandFast, prepareUses, supplySlope } = curves;
const blockSolve = gauss.blockSolve;
const { W, setRay, rayLinear, modelRoot } = ray;
const { settleIdlePrices, complementarityGap, TOL_P, TOL_Q } = conditions;
export { TOL_P, TOL_Q } from './conditions.ts';

export * from './curves.ts';

// ---- the solver
//
// Proximal point on the flows: each outer step fixes a centre x0 and each arc's wedge w (freight plus the tariff
// on the CIF value at the centre's source price), and solves F(p) = 0 where the flows are
// x = clamp(x0 + (p_dest - p_src - w) / kap, lo, cap). That F is the gradient of a convex function of the prices
// (the dual of the regularised welfare problem), so Newton's method with a line search along its direction (toward
// a root of the increasing function F(p + a d) . d) converges from any start. The line search reads the flows' and
// supply's exact piecewise-linear part of that slope from ray.ts and evaluates the demand curves about once a step;
// the Newton step is a 6x6 Schur complement (linsolve.ts). The first outer step's centre is last quarter's flows,
// so it is solved loosely (LOOSE_Q); the outer steps stop when the complementarity conditions with the true ad
// valorem tariffs hold to TOL_P and every node clears to TOL_Q (conditions.ts).

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
  solveClock.evals++;
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
    // demand and its slope at a price this solve has already worked them out at (the next outer step starts where
    // the last one ended) are taken from there: the same inputs, the same bits
    const pd = p[NR + r];
    if (pd !== W.memoP[r]) {
      W.memoD[r] = demandFast(m, r, pd, W.memoS, r);
      W.memoP[r] = pd;
    }
    F[NR + r] = -W.memoD[r];
    if (slopes) W.dsl[r] = W.memoS[r];
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

/** The Jacobian of F, symmetric positive semi-definite (plus a tiny ridge), in block form (linsolve.ts): the supply
 * nodes' diagonal W.ds, the demand nodes' diagonal W.dd, and the couplings W.B (minus each interior arc's response). */
function jacobian(m: SpeProblem, p: Float64Array, kap: number): void {
  const reg = (1e-9 * m.qref) / m.pref;
  const B = W.B;
  B.fill(0);
  for (let r = 0; r < NR; r++) {
    W.ds[r] = supplySlope(m, r, p[r]) + reg;
    W.dd[r] = -W.dsl[r] + reg; // demand slopes from the excess() call just before
  }
  const k = 1 / kap;
  for (let s = 0; s < NR; s++)
    for (let d = 0; d < NR; d++) {
      const a = s * NR + d;
      const v = W.xs[a];
      if (v <= m.aLo[a] || v >= m.aCap[a]) continue; // at a bound: no response
      B[a] -= k;
      W.ds[s] += k;
      W.dd[d] += k;
    }
  for (let i = 0; i < m.nTr; i++) {
    if (W.xts[i] <= 0) continue;
    const kt = 1 / (kap + m.trSlope[i]);
    B[m.trS[i] * NR + m.trD[i]] -= kt;
    W.ds[m.trS[i]] += kt;
    W.dd[m.trD[i]] += kt;
  }
}

/** The first proximal step's inner solve stops at LOOSE_Q * qref t (its centre is a guess; the later steps are exact). */
const LOOSE_Q = 1e-4;

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
export const solveClock: { now: (() => number) | null; micros: number; solves: number; outer: number; newton: number; evals: number } = { now: null, micros: 0, solves: 0, outer: 0, newton: 0, evals: 0 };

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
  W.memoP.fill(NaN);
  st.outer = 0;
  st.newton = 0;
  // proximal weight: a flow of the whole market moves a price by 0.1% of the reference price
  let kap = (0.001 * m.pref) / Math.max(m.qref, 1e-9);
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
    // the first step's centre is last quarter's flows, so its solution is only a way point: solved loosely (an
    // inexact proximal step, Rockafellar 1976); the later steps solve to the clearing tolerance
    const innerTol = outer === 0 ? Math.max(tolF, LOOSE_Q * m.qref) : tolF;
    let fresh = false; // W.F, W.xs, W.xts and W.dsl already hold the values at p (the line search's last point)
    let atP = false; // the inner loop ended at p: W.xs, W.xts are the flows at p
    let cleared = false; // ... with the market clearing to tolF there
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
        atP = true;
        cleared = n <= tolF;
        break;
      }
      st.newton++;
      jacobian(m, p, kap);
      blockSolve(W.ds, W.dd, W.B, W.F, W.dp);
      // keep the step inside the sanity bounds: a price already at a bound and pushed past it stays there
      for (let r = 0; r < NP; r++) if ((p[r] <= m.pmin && W.dp[r] < 0) || (p[r] >= m.pmax && W.dp[r] > 0)) W.dp[r] = 0;
      let amax = 1;
      for (let r = 0; r < NP; r++) {
        const v = p[r] + W.dp[r];
        if (v < m.pmin) amax = Math.min(amax, (m.pmin - p[r]) / W.dp[r]);
        if (v > m.pmax) amax = Math.min(amax, (m.pmax - p[r]) / W.dp[r]);
      }
      // the line search: the slope of the convex dual along the ray is increasing. Take the full step if the slope
      // is still negative there or small. Else its piecewise-linear part (flows, supply) is known exactly along the ray
      // (ray.ts) and the rest (demand) is interpolated between the points evaluated: evaluate at the model's root
      // until the slope there is small (usually once).
      let g0 = 0;
      for (let r = 0; r < NP; r++) g0 += W.F[r] * W.dp[r];
      if (!(g0 < 0)) break; // no descent left along Newton's direction
      const tolG = 0.2 * -g0;
      let a = amax;
      let g = slopeAlong(m, p, W.dp, amax, kap);
      if (g > tolG) {
        setRay(m, p, W.dp, kap);
        let lo = 0;
        let hi = amax;
        let gLo = g0;
        let gHi = g;
        let rLo = g0 - rayLinear(0);
        let rHi = g - rayLinear(amax);
        let side = 0;
        for (let k = 0; k < 30; k++) {
          if (k < 2) {
            // the model's root (the first tries); then regula falsi on the true slope (Illinois), which needs no model
            const c1 = (rHi - rLo) / (hi - lo);
            a = modelRoot(lo, hi, rLo - c1 * lo, c1, 1e-3 * tolG);
          } else a = (lo * gHi - hi * gLo) / (gHi - gLo);
          if (!(a > lo && a < hi)) a = 0.5 * (lo + hi);
          g = slopeAlong(m, p, W.dp, a, kap);
          if (Math.abs(g) <= tolG) break;
          if (g > 0) {
            hi = a;
            gHi = g;
            rHi = g - rayLinear(a);
            if (side === 1) gLo *= 0.5;
            side = 1;
          } else {
            lo = a;
            gLo = g;
            rLo = g - rayLinear(a);
            if (side === -1) gHi *= 0.5;
            side = -1;
          }
          if (hi - lo <= 1e-12 * amax) break;
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
    if (!atP) flowsAt(m, p, kap, W.xs, W.xts);
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

/** The largest market-clearing residual at the solution in m, t. */
export function clearingResidual(m: SpeProblem): number {
  return excess(m, m.p, m.x, m.xt, W.F);
}
