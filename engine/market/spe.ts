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
const { NR, NP, MAX_USES, supplyAt, demandFast, prepareUses, supplySlope } = curves;
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
// a root of the increasing function F(p + a d) . d) converges from any start. The line search reads the exact
// piecewise-linear part (flows, supply, derived demand) from ray.ts, evaluating the demand about once a step;
// the Newton step is a 6x6 Schur complement (linsolve.ts). The first outer step's centre is last quarter's flows,
// so it is solved loosely (LOOSE_Q); the outer steps stop when the complementarity conditions with the true ad
// valorem tariffs hold to TOL_P and every node clears to TOL_Q (conditions.ts).

// the scratch arrays, bound once (a property load per use is not free in the inner loops)
const { x0: X0, xt0: XT0, w: WA, wt: WT, F: WF, ds: DS, dd: DD, B: BJ, dp: DP, xs: XS, xts: XTS, dsl: DSL } = W;
const { memoP: MEMO_P, memoD: MEMO_D, memoS: MEMO_S, idle: IDLE, nz: NZROW } = W;

/** Mark the nodes with nothing to sell or no buyer: their arcs carry nothing, and they get a price afterwards. */
function markIdle(m: SpeProblem): void {
  const { sFix, sCap, sQ0, dFix, stI0, stLam, stT, nUse, uQ } = m;
  for (let r = 0; r < NR; r++) {
    IDLE[r] = sFix[r] <= 0 && (sCap[r] <= 0 || sQ0[r] <= 0) ? 1 : 0;
    let buyers = dFix[r] > 0 || stI0[r] > 0 || (stLam[r] > 0 && stT[r] > 0) || (m.lK[r] > 0 && m.lCap[r] > 0);
    for (let u = 0; u < nUse[r] && !buyers; u++) if (uQ[r * MAX_USES + u] > 0) buyers = true;
    IDLE[NR + r] = buyers ? 0 : 1;
  }
}

/** Flows at prices p given the centre, the wedges and the weight kap; written into x, xt. */
function flowsAt(m: SpeProblem, p: Float64Array, kap: number, x: Float64Array, xt: Float64Array): void {
  solveClock.evals++;
  const aLo = m.aLo;
  const aCap = m.aCap;
  for (let s = 0; s < NR; s++) {
    const idleS = IDLE[s] === 1;
    const ps = p[s];
    for (let d = 0; d < NR; d++) {
      const a = s * NR + d;
      if (idleS || IDLE[NR + d] === 1) {
        x[a] = 0;
        continue;
      }
      let v = X0[a] + (p[NR + d] - ps - WA[a]) / kap;
      const lo = aLo[a];
      const cap = aCap[a];
      if (v < lo) v = lo;
      if (v > cap) v = cap;
      x[a] = v;
    }
  }
  const nTr = m.nTr;
  if (nTr === 0) return;
  const { trS, trD, trSlope } = m;
  for (let i = 0; i < nTr; i++) {
    const s = trS[i];
    const d = NR + trD[i];
    if (IDLE[s] === 1 || IDLE[d] === 1) {
      xt[i] = 0;
      continue;
    }
    const gap = p[d] - p[s] - WT[i];
    const v = (gap + kap * XT0[i]) / (kap + trSlope[i]);
    xt[i] = v > 0 ? v : 0;
  }
}

/** Whether price x is at or past a bound and v points further out; every comparison made (as moveCentre, below). */
function outward(x: number, v: number, lo: number, hi: number): boolean {
  const below = x <= lo, above = x >= hi, down = v < 0, up = v > 0;
  return (below && down) || (above && up);
}

/** Excess supply at each node (supply node: output - shipments; demand node: arrivals - demand), into F;
 * its largest absolute value into EXN[0] (a number returned from a call that is not inlined is a new heap object). */
const EXN = new Float64Array(1);
function excess(m: SpeProblem, p: Float64Array, x: Float64Array, xt: Float64Array, F: Float64Array, slopes: boolean): void {
  for (let r = 0; r < NR; r++) {
    F[r] = supplyAt(m, r, p[r]);
    // demand and its slope at a price this solve has already worked them out at (the next outer step starts where
    // the last one ended) are taken from there: the same inputs, the same bits
    const pd = p[NR + r];
    if (pd !== MEMO_P[r]) {
      demandFast(m, r, p, NR + r, MEMO_D, MEMO_S);
      MEMO_P[r] = pd;
    }
    F[NR + r] = -MEMO_D[r];
    if (slopes) DSL[r] = MEMO_S[r];
  }
  for (let s = 0; s < NR; s++)
    for (let d = 0; d < NR; d++) {
      const v = x[s * NR + d];
      if (v !== 0) {
        F[s] -= v;
        F[NR + d] += v;
      }
    }
  const nTr = m.nTr;
  if (nTr > 0) {
    const { trS, trD } = m;
    for (let i = 0; i < nTr; i++) {
      F[trS[i]] -= xt[i];
      F[NR + trD[i]] += xt[i];
    }
  }
  // the price bounds as complementarity: at the floor, goods nobody takes are kept (free disposal); at the ceiling,
  // what is short is rationed. Neither bound is reached in a real outcome.
  const floor = m.pmin * (1 + 1e-4);
  const ceil = m.pmax * (1 - 1e-4);
  for (let r = 0; r < NP; r++) F[r] = outward(p[r], -F[r], floor, ceil) ? 0 : F[r];
  let n = 0;
  for (let r = 0; r < NP; r++) n = Math.max(n, Math.abs(F[r]));
  EXN[0] = n;
}

/** The Jacobian of F, symmetric positive semi-definite (plus a tiny ridge), in block form (linsolve.ts): the supply
 * nodes' diagonal W.ds, the demand nodes' diagonal W.dd, and the couplings W.B (minus each interior arc's response),
 * with each supply node's coupled demand nodes as bits in W.nz (B is read only there: the rest is not cleared). */
function jacobian(m: SpeProblem, p: Float64Array, kap: number): void {
  const reg = (1e-9 * m.qref) / m.pref;
  for (let r = 0; r < NR; r++) {
    DS[r] = supplySlope(m, r, p[r]) + reg;
    DD[r] = -DSL[r] + reg; // demand slopes from the excess() call just before
  }
  const k = 1 / kap;
  const aLo = m.aLo;
  const aCap = m.aCap;
  for (let s = 0; s < NR; s++) {
    let bits = 0;
    for (let d = 0; d < NR; d++) {
      const a = s * NR + d;
      const v = XS[a];
      if (v <= aLo[a] || v >= aCap[a]) continue; // at a bound: no response
      BJ[a] = 0 - k; // (0 - k: the bits of clearing B and subtracting)
      DS[s] += k;
      DD[d] += k;
      bits |= 1 << d;
    }
    NZROW[s] = bits;
  }
  const nTr = m.nTr;
  if (nTr === 0) return;
  const { trS, trD, trSlope } = m;
  for (let i = 0; i < nTr; i++) {
    if (XTS[i] <= 0) continue;
    const kt = 1 / (kap + trSlope[i]);
    const s = trS[i];
    const d = trD[i];
    const bit = 1 << d;
    if ((NZROW[s] & bit) === 0) {
      BJ[s * NR + d] = 0 - kt;
      NZROW[s] |= bit;
    } else BJ[s * NR + d] -= kt;
    DS[s] += kt;
    DD[d] += kt;
  }
}

/** The first proximal step's inner solve stops at LOOSE_Q * qref t (its centre is a guess; the later steps are exact). */
const LOOSE_Q = 1e-4;

/** The directional derivative F(p + a d) . d (increasing in a: the convex dual along the ray); prices in W.pt2. */
const PT2 = new Float64Array(NP);
const FT = new Float64Array(NP);
const FT_NORM = new Float64Array(1);
function slopeAlong(m: SpeProblem, p: Float64Array, d: Float64Array, a: number, kap: number): number {
  for (let r = 0; r < NP; r++) PT2[r] = p[r] + a * d[r];
  flowsAt(m, PT2, kap, XS, XTS);
  excess(m, PT2, XS, XTS, FT, true); // with slopes: if this point is taken, the next step reuses it
  FT_NORM[0] = EXN[0];
  let g = 0;
  for (let r = 0; r < NP; r++) g += FT[r] * d[r];
  return g;
}

/** An outer step's end: the flows at p become the centre; true when the conditions (true tariffs) and clearing hold
 * there, the gap in GAP[0]. Apart, called every step: its rare branches, first taken in the solver, threw its code away. */
const GAP = new Float64Array(1);
function moveCentre(m: SpeProblem, kap: number, atP: boolean, cleared: boolean, tolGap: number, tolF: number): boolean {
  const { p, x: mx, xt: mxt } = m;
  // the flows at p (already there when the inner loop ended clearing: the same inputs give the same bits)
  if (!atP) flowsAt(m, p, kap, XS, XTS);
  for (let a = 0; a < NR * NR; a++) mx[a] = X0[a] = XS[a];
  for (let i = 0; i < m.nTr; i++) mxt[i] = XT0[i] = XTS[i];
  // (when the inner loop ended clearing, excess at p with these flows is the value it stopped on, <= tolF)
  const gap = complementarityGap(m, true);
  GAP[0] = gap;
  return gap <= tolGap && (cleared || (excess(m, p, mx, mxt, WF, false), EXN[0] <= tolF));
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
  MEMO_P.fill(NaN);
  st.outer = 0;
  st.newton = 0;
  // proximal weight: a flow of the whole market moves a price by 0.1% of the reference price
  let kap = (0.001 * m.pref) / Math.max(m.qref, 1e-9);
  const p = m.p;
  const pmin = m.pmin;
  const pmax = m.pmax;
  const nTr = m.nTr;
  const { aCap, aLo, aT, aF, trS, trT, trF } = m;
  const mx = m.x;
  const mxt = m.xt;
  for (let r = 0; r < NP; r++) if (!(p[r] >= pmin && p[r] <= pmax)) p[r] = Math.min(pmax, Math.max(pmin, m.pref));
  for (let a = 0; a < NR * NR; a++) X0[a] = Math.min(aCap[a], Math.max(aLo[a], mx[a]));
  for (let i = 0; i < nTr; i++) XT0[i] = mxt[i] > 0 ? mxt[i] : 0;
  const tolF = TOL_Q * m.qref;
  const tolGap = TOL_P * m.pref;
  let gap = Infinity; // the complementarity gap at the last centre
  for (let outer = 0; outer < 200; outer++) {
    st.outer = outer + 1;
    // when flows still rotate after some steps (several patterns nearly as good), take longer proximal steps
    if (outer >= 10 && outer % 10 === 0) kap *= 0.3;
    // wedges at the centre's source prices; the tariff part moves a damped step 1/(1+t) toward its value, so the
    // fixed point converges monotonically even for prohibitive tariffs
    for (let s = 0; s < NR; s++) {
      const ps = p[s];
      for (let d = 0; d < NR; d++) {
        const a = s * NR + d;
        const t = aT[a];
        const f = aF[a];
        const target = f + t * (ps + f);
        WA[a] = outer === 0 ? target : WA[a] + (target - WA[a]) / (1 + t);
      }
    }
    for (let i = 0; i < nTr; i++) {
      const t = trT[i];
      const f = trF[i];
      const target = f + t * (p[trS[i]] + f);
      WT[i] = outer === 0 ? target : WT[i] + (target - WT[i]) / (1 + t);
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
        n = FT_NORM[0];
        for (let r = 0; r < NP; r++) WF[r] = FT[r];
      } else {
        flowsAt(m, p, kap, XS, XTS);
        excess(m, p, XS, XTS, WF, true);
        n = EXN[0];
      }
      if (n <= innerTol) {
        atP = true;
        cleared = n <= tolF;
        break;
      }
      st.newton++;
      jacobian(m, p, kap);
      blockSolve(DS, DD, BJ, NZROW, WF, DP);
      // keep the step inside the sanity bounds: a price already at a bound and pushed past it stays there
      for (let r = 0; r < NP; r++) DP[r] = outward(p[r], DP[r], pmin, pmax) ? 0 : DP[r];
      let amax = 1;
      for (let r = 0; r < NP; r++) {
        const v = p[r] + DP[r];
        if (v < pmin) amax = Math.min(amax, (pmin - p[r]) / DP[r]);
        if (v > pmax) amax = Math.min(amax, (pmax - p[r]) / DP[r]);
      }
      // the line search: the slope of the convex dual along the ray is increasing. Take the full step if the slope
      // is still negative there or small. Else its piecewise-linear part (flows, supply, derived demand) is known
      // exactly along the ray (ray.ts) and the rest (the other demand) is interpolated between the points evaluated:
      // evaluate at the model's root until the slope there is small (usually once).
      let g0 = 0;
      for (let r = 0; r < NP; r++) g0 += WF[r] * DP[r];
      if (!(g0 < 0)) break; // no descent left along Newton's direction
      const tolG = 0.2 * -g0;
      let a = amax;
      let g = slopeAlong(m, p, DP, amax, kap);
      if (g > tolG) {
        setRay(m, p, DP, kap);
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
          g = slopeAlong(m, p, DP, a, kap);
          if (Math.abs(g) <= tolG) break;
          if (g > 0) {
            hi = a;
            gHi = g;
            rHi = g - rayLinear(a);
            gLo *= side === 1 ? 0.5 : 1; // (halved or times 1, exactly: the product made every time)
            side = 1;
          } else {
            lo = a;
            gLo = g;
            rLo = g - rayLinear(a);
            gHi *= side === -1 ? 0.5 : 1;
            side = -1;
          }
          if (hi - lo <= 1e-12 * amax) break;
        }
      }
      if (!(a > 0)) break;
      fresh = true;
      for (let r = 0; r < NP; r++) {
        const v = Math.min(pmax, Math.max(pmin, PT2[r]));
        if (v !== PT2[r]) fresh = false;
        p[r] = v;
      }
    }
    const done = moveCentre(m, kap, atP, cleared, tolGap, tolF);
    gap = GAP[0];
    if (done) break;
  }
  // idle nodes get the price the market implies, unless that would break a condition that held (p, m.x and m.xt
  // are as the loop's last gap saw them)
  const gap0 = gap;
  const pt = W.pt;
  for (let r = 0; r < NP; r++) pt[r] = p[r];
  settleIdlePrices(m);
  let moved = false;
  for (let r = 0; r < NP; r++) if (p[r] !== pt[r]) moved = true;
  let gap1 = moved ? complementarityGap(m, true) : gap0; // no price moved: the same inputs as the loop's last gap
  if (gap1 > Math.max(gap0, tolGap)) {
    for (let r = 0; r < NP; r++) p[r] = pt[r];
    gap1 = gap0; // the prices it was worked out at, restored
  }
  // the conditions that bind: arcs between a node with something to sell and a node with a buyer
  st.maxGap = gap1;
  st.maxResidual = m.residual ? clearingResidual(m) : NaN;
  return st;
}

/** The largest market-clearing residual at the solution in m, t. */
export function clearingResidual(m: SpeProblem): number {
  excess(m, m.p, m.x, m.xt, W.F, false);
  return EXN[0];
}
