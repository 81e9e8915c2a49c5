// The data of one market's spatial price equilibrium (typed arrays, preallocated) and its curves: supply,
// demand by use, storage. The solver is spe.ts.
import { exp, log, pow } from '../detmath.ts';

export const NR = 6;
/** price variables: a supply node and a demand node per region */
export const NP = 2 * NR;
/** most demand uses a region can have in one market */
export const MAX_USES = 8;
/** most transshipment arcs in one market */
export const MAX_TRANS = 120;
/** the elasticity of demand above a use's willingness to pay: the use chokes off (assumption: 6-12) */
export const CHOKE = 8; // useAt squares (W/p) three times: change it there too

export interface SpeProblem {
  /** reference price and quantity of the market, for scaling tolerances */
  pref: number;
  qref: number;
  /** sanity bounds on prices, USD/kg: far outside any real outcome */
  pmin: number;
  pmax: number;
  // supply: S = fix + clamp(q0 * (p - pc) / (p0 - pc), 0, cap)
  sFix: Float64Array;
  sQ0: Float64Array;
  sP0: Float64Array;
  sPc: Float64Array;
  sCap: Float64Array;
  // demand by use (r * MAX_USES + u): q = Q (p/pr)^eps below W, Q (W/pr)^eps (W/p)^CHOKE above
  nUse: Int32Array;
  uQ: Float64Array;
  uPr: Float64Array;
  uEps: Float64Array;
  uW: Float64Array;
  /** scratch the solver fills at its start: ln(uPr) and each use's quantity at its willingness to pay */
  uLnPr: Float64Array;
  uQW: Float64Array;
  /** price-inelastic demand (stockpile purchases), t */
  dFix: Float64Array;
  // derived demand of plants for their input (separators for ore): D = clamp(lK (lZ - p), 0, lCap), linear like
  // the plants' own supply curves
  lK: Float64Array;
  lZ: Float64Array;
  lCap: Float64Array;
  // storage: net demand = lam (T (pexp/p)^eta - I0)
  stI0: Float64Array;
  stT: Float64Array;
  stPexp: Float64Array;
  stEta: Float64Array;
  stLam: Float64Array;
  // direct arcs s*NR+d
  aF: Float64Array;
  aT: Float64Array;
  aCap: Float64Array;
  aLo: Float64Array;
  // transshipment arcs
  nTr: number;
  trS: Int32Array;
  trK: Int32Array;
  trD: Int32Array;
  trF: Float64Array;
  trT: Float64Array;
  trSlope: Float64Array;
  // solution (warm start in, solution out): p[r] producers' price, p[NR + r] buyers' price in region r
  p: Float64Array;
  x: Float64Array;
  xt: Float64Array;
  /** whether the solve works out its clearing residual (SpeStats.maxResidual; NaN when not): only the turn's report
   * reads it, so a lean turn's chain does without (chain.ts runChain) */
  residual: boolean;
}

export interface SpeStats {
  outer: number;
  newton: number;
  /** largest complementarity violation, USD/kg */
  maxGap: number;
  /** largest market-clearing residual, t */
  maxResidual: number;
}

export function newProblem(): SpeProblem {
  const f = (n: number) => new Float64Array(n);
  const i = (n: number) => new Int32Array(n);
  return {
    pref: 1,
    qref: 1,
    pmin: 1e-3,
    pmax: 1e3,
    sFix: f(NR),
    sQ0: f(NR),
    sP0: f(NR),
    sPc: f(NR),
    sCap: f(NR),
    nUse: i(NR),
    uQ: f(NR * MAX_USES),
    uPr: f(NR * MAX_USES),
    uEps: f(NR * MAX_USES),
    uW: f(NR * MAX_USES),
    uLnPr: f(NR * MAX_USES),
    uQW: f(NR * MAX_USES),
    dFix: f(NR),
    lK: f(NR),
    lZ: f(NR),
    lCap: f(NR),
    stI0: f(NR),
    stT: f(NR),
    stPexp: f(NR),
    stEta: f(NR),
    stLam: f(NR),
    aF: f(NR * NR),
    aT: f(NR * NR),
    aCap: f(NR * NR).fill(Infinity),
    aLo: f(NR * NR),
    nTr: 0,
    trS: i(MAX_TRANS),
    trK: i(MAX_TRANS),
    trD: i(MAX_TRANS),
    trF: f(MAX_TRANS),
    trT: f(MAX_TRANS),
    trSlope: f(MAX_TRANS),
    p: f(NP).fill(1),
    x: f(NR * NR),
    xt: f(MAX_TRANS),
    residual: true,
  };
}

/** Clear everything but the warm start (p, x, xt). */
export function resetProblem(m: SpeProblem): void {
  resetCurves(m);
  m.aF.fill(0);
  m.aT.fill(0);
  m.aCap.fill(Infinity);
  m.aLo.fill(0);
}

/** Clear the curves (supply, uses, storage, derived demand) and the transshipment count, not the direct arcs: for a
 * caller that then writes every arc (problem.ts setTrade). One loop, not fifteen fills of six entries (each fill a
 * call into a builtin: about 1% of a status-quo turn). */
export function resetCurves(m: SpeProblem): void {
  const { sFix, sQ0, sP0, sPc, sCap, nUse, dFix, lK, lZ, lCap, stI0, stT, stPexp, stEta, stLam } = m;
  for (let r = 0; r < NR; r++) {
    sFix[r] = 0;
    sQ0[r] = 0;
    sP0[r] = 1;
    sPc[r] = 0;
    sCap[r] = 0;
    nUse[r] = 0;
    dFix[r] = 0;
    lK[r] = 0;
    lZ[r] = 0;
    lCap[r] = 0;
    stI0[r] = 0;
    stT[r] = 0;
    stPexp[r] = 1;
    stEta[r] = 0;
    stLam[r] = 0;
  }
  m.nTr = 0;
}

// ---- the curves (exported for the chain, the report and the tests)

export function supplyAt(m: SpeProblem, r: number, p: number): number {
  return m.sFix[r] + producedAt(m, r, p);
}

/** Output of region r's producers at price p (without recycling and releases). */
export function producedAt(m: SpeProblem, r: number, p: number): number {
  const q0 = m.sQ0[r];
  if (q0 <= 0 || m.sCap[r] <= 0) return 0;
  const v = (q0 * (p - m.sPc[r])) / (m.sP0[r] - m.sPc[r]);
  return v <= 0 ? 0 : v >= m.sCap[r] ? m.sCap[r] : v;
}

export function supplySlope(m: SpeProblem, r: number, p: number): number {
  const q0 = m.sQ0[r];
  if (q0 <= 0 || m.sCap[r] <= 0) return 0;
  const k = q0 / (m.sP0[r] - m.sPc[r]);
  const v = k * (p - m.sPc[r]);
  return v <= 0 || v >= m.sCap[r] ? 0 : k;
}

export function useAt(m: SpeProblem, j: number, p: number): number {
  const Q = m.uQ[j];
  if (Q <= 0) return 0;
  const W = m.uW[j];
  const e = m.uEps[j];
  if (p <= W) return e === 0 ? Q : Q * pow(p / m.uPr[j], e);
  const r = W / p;
  const r2 = r * r;
  const r4 = r2 * r2;
  // CHOKE = 8: (W/p)^8 by squaring
  return (e === 0 ? Q : Q * pow(W / m.uPr[j], e)) * r4 * r4;
}


/** Net storage demand of region r at price p (negative: holders sell from stock). */
export function storageAt(m: SpeProblem, r: number, p: number): number {
  const lam = m.stLam[r];
  if (lam <= 0) return 0;
  const want = m.stEta[r] > 0 ? m.stT[r] * pow(m.stPexp[r] / p, m.stEta[r]) : m.stT[r];
  return lam * (want - m.stI0[r]);
}

/** Region r's plants' derived demand for their input at price p (0 where none is set). */
export function derivedAt(m: SpeProblem, r: number, p: number): number {
  const k = m.lK[r];
  if (k <= 0 || m.lCap[r] <= 0) return 0;
  const v = k * (m.lZ[r] - p);
  return v <= 0 ? 0 : v >= m.lCap[r] ? m.lCap[r] : v;
}

export function demandAt(m: SpeProblem, r: number, p: number): number {
  let d = m.dFix[r] + derivedAt(m, r, p) + storageAt(m, r, p);
  const n = m.nUse[r];
  for (let u = 0; u < n; u++) d += useAt(m, r * MAX_USES + u, p);
  return d;
}

/** Fill the per-use scratch the fast demand functions read (once per solve): ln(uPr); each use's quantity at its
 * willingness to pay is worked out when a price first passes it (NaN until then). */
export function prepareUses(m: SpeProblem): void {
  // the last two reference prices and their logarithms: uses often share one (the magnet uses; an oxide region's
  // uses alternate between last quarter's price and the base price)
  let pr = NaN;
  let ln = NaN;
  let pr2 = NaN;
  let ln2 = NaN;
  const { nUse, uPr, uLnPr, uQW } = m;
  for (let r = 0; r < NR; r++) {
    const n = nUse[r];
    for (let u = 0; u < n; u++) {
      const j = r * MAX_USES + u;
      const v = uPr[j];
      if (v !== pr) {
        const l = v === pr2 ? ln2 : log(v);
        pr2 = pr;
        ln2 = ln;
        pr = v;
        ln = l;
      }
      uLnPr[j] = ln;
      uQW[j] = NaN;
    }
  }
}

/** Demand of region r at the price prices[i], the same as demandAt, with one logarithm per node instead of a power
 * per use (after prepareUses), into outD[r], and its slope into outS[r] (the Newton step needs both). The price comes
 * in an array and the results go out in arrays: a number passed to or returned from a call that is not inlined is a
 * new heap object. */
export function demandFast(m: SpeProblem, r: number, prices: Float64Array, i: number, outD: Float64Array, outS: Float64Array): void {
  const p = prices[i];
  let d = m.dFix[r];
  let sl = 0;
  const lk = m.lK[r];
  if (lk > 0 && m.lCap[r] > 0) {
    const v = lk * (m.lZ[r] - p);
    if (v >= m.lCap[r]) d += m.lCap[r];
    else if (v > 0) {
      d += v;
      sl = -lk;
    }
  }
  const lam = m.stLam[r];
  if (lam > 0) {
    const eta = m.stEta[r];
    const want = eta > 0 ? m.stT[r] * pow(m.stPexp[r] / p, eta) : m.stT[r];
    d += lam * (want - m.stI0[r]);
    if (eta > 0) sl += (-eta * lam * want) / p;
  }
  const n = m.nUse[r];
  if (n === 0) {
    outD[r] = d;
    outS[r] = sl;
    return;
  }
  const lp = log(p);
  const { uQ, uW, uEps, uLnPr, uQW } = m; // (locals: the calls below would make each use read them again)
  for (let u = 0; u < n; u++) {
    const j = r * MAX_USES + u;
    const Q = uQ[j];
    if (Q <= 0) continue;
    const W = uW[j];
    const e = uEps[j];
    if (p <= W) {
      const q = e === 0 ? Q : Q * exp(e * (lp - uLnPr[j]));
      d += q;
      sl += (e * q) / p;
    } else {
      let qw = uQW[j];
      if (qw !== qw) qw = uQW[j] = e === 0 ? Q : Q * pow(W / m.uPr[j], e);
      const x = W / p;
      const x2 = x * x;
      const x4 = x2 * x2;
      const q = qw * x4 * x4;
      d += q;
      sl += (-CHOKE * q) / p;
    }
  }
  outD[r] = d;
  outS[r] = sl;
}
