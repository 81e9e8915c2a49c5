// The market solver's line search model: along a Newton ray p + a d, the slope of the convex dual,
// g(a) = F(p + a d) . d, is a piecewise-linear part (the arc flows, clamped at their bounds, the linear supply
// curves and the plants' linear derived demand) plus the other demand curves' part, which is smooth. The
// piecewise-linear part is worked out exactly here, with no exp or log; the smooth part is interpolated between the
// points the solver has evaluated. The solver then evaluates
// the true slope only at the model's root, usually once a step (spe.ts).
import { NR, NP, MAX_TRANS, type SpeProblem } from './curves.ts';

/** The solver's scratch, preallocated (no allocation inside a solve). */
export const W = {
  x0: new Float64Array(NR * NR),
  xt0: new Float64Array(MAX_TRANS),
  w: new Float64Array(NR * NR),
  wt: new Float64Array(MAX_TRANS),
  F: new Float64Array(NP),
  /** the Newton step's Jacobian in block form: supply nodes' diagonal, demand nodes' diagonal, couplings s * NR + d */
  ds: new Float64Array(NR),
  dd: new Float64Array(NR),
  B: new Float64Array(NR * NR),
  dp: new Float64Array(NP),
  pt: new Float64Array(NP),
  xs: new Float64Array(NR * NR),
  xts: new Float64Array(MAX_TRANS),
  /** demand slopes at the current prices, written by excess(..., true) */
  dsl: new Float64Array(NR),
  /** the demand, its slope and the price they were worked out at, by region (excess() reuses them) */
  memoP: new Float64Array(NR),
  memoD: new Float64Array(NR),
  memoS: new Float64Array(NR),
  /** 1 where a node takes no part this solve: a supply node with nothing to sell, a demand node with no buyer */
  idle: new Uint8Array(NP),
  /** the demand nodes each supply node is coupled with in B, as bits (1 << e), written by the Jacobian */
  nz: new Int32Array(NR),
};

// the ray's pieces: flow u + a * v clamped to [lo, hi], times the price difference's rate k (arcs and transshipment);
// supply k * (p - pc) + a * k * d clamped to [0, cap], times d; derived demand likewise, times -d
const NPIECE = NR * NR + MAX_TRANS + 2 * NR;
const U = new Float64Array(NPIECE);
const V = new Float64Array(NPIECE);
const LO = new Float64Array(NPIECE);
const HI = new Float64Array(NPIECE);
const K = new Float64Array(NPIECE);
// the products rayLinear adds, worked out once a ray (the same products, so the same bits): lo * k, hi * k, v * k
const LK = new Float64Array(NPIECE);
const HK = new Float64Array(NPIECE);
const VK = new Float64Array(NPIECE);
let nPiece = 0;

function piece(u: number, v: number, lo: number, hi: number, k: number): void {
  U[nPiece] = u;
  V[nPiece] = v;
  LO[nPiece] = lo;
  HI[nPiece] = hi;
  LK[nPiece] = lo * k;
  HK[nPiece] = hi * k;
  VK[nPiece] = v * k;
  K[nPiece] = k;
  nPiece++;
}

/** Set up the ray p + a d for the model (the flows' centre, wedges and weight as flowsAt reads them). */
export function setRay(m: SpeProblem, p: Float64Array, d: Float64Array, kap: number): void {
  nPiece = 0;
  nSeen = 0;
  const { idle, x0, w, wt, xt0 } = W;
  const { aLo, aCap } = m;
  for (let s = 0; s < NR; s++) {
    if (idle[s] === 1) continue;
    for (let e = 0; e < NR; e++) {
      if (idle[NR + e] === 1) continue;
      const a = s * NR + e;
      const k = d[NR + e] - d[s];
      if (k === 0 || aLo[a] >= aCap[a]) continue; // a constant flow: no part in the slope's change
      piece(x0[a] + (p[NR + e] - p[s] - w[a]) / kap, k / kap, aLo[a], aCap[a], k);
    }
  }
  const nTr = m.nTr;
  const { trS, trD, trSlope } = m;
  for (let i = 0; i < nTr; i++) {
    const s = trS[i];
    const e = NR + trD[i];
    if (idle[s] === 1 || idle[e] === 1) continue;
    const k = d[e] - d[s];
    if (k === 0) continue;
    const den = kap + trSlope[i];
    piece((p[e] - p[s] - wt[i] + kap * xt0[i]) / den, k / den, 0, Infinity, k);
  }
  for (let r = 0; r < NR; r++) {
    const q0 = m.sQ0[r];
    if (d[r] === 0 || q0 <= 0 || m.sCap[r] <= 0) continue;
    const k = q0 / (m.sP0[r] - m.sPc[r]);
    // F_r d_r = supply * d_r; the flows out of r are the arcs above
    piece(k * (p[r] - m.sPc[r]), k * d[r], 0, m.sCap[r], d[r]);
  }
  for (let r = 0; r < NR; r++) {
    const k = m.lK[r];
    const e = NR + r;
    if (d[e] === 0 || k <= 0 || m.lCap[r] <= 0 || idle[e] === 1) continue;
    // F_e d_e = -demand * d_e
    piece(k * (m.lZ[r] - p[e]), -k * d[e], 0, m.lCap[r], -d[e]);
  }
}

/** The piecewise-linear part of the slope at a, as set up by setRay; its derivative in DERIV.v. */
export const DERIV = { v: 0 };

// the last few points rayLinear worked out on this ray (the line search asks for its bracket's ends again): a pure
// function of a and the pieces, so a point asked for again gets the same bits; cleared by setRay
const SEEN = 4;
const SEEN_A = new Float64Array(SEEN);
const SEEN_G = new Float64Array(SEEN);
const SEEN_D = new Float64Array(SEEN);
let nSeen = 0;

export function rayLinear(a: number): number {
  const n = nSeen < SEEN ? nSeen : SEEN;
  for (let i = 0; i < n; i++)
    if (SEEN_A[i] === a) {
      DERIV.v = SEEN_D[i];
      return SEEN_G[i];
    }
  let g = 0;
  let dg = 0;
  for (let i = 0; i < nPiece; i++) {
    const v = U[i] + a * V[i];
    if (v <= LO[i]) g += LK[i];
    else if (v >= HI[i]) g += HK[i];
    else {
      g += v * K[i];
      dg += VK[i];
    }
  }
  DERIV.v = dg;
  const slot = nSeen++ % SEEN;
  SEEN_A[slot] = a;
  SEEN_G[slot] = g;
  SEEN_D[slot] = dg;
  return g;
}

/** The root in [lo, hi] of rayLinear(a) + c0 + c1 * a (increasing; negative at lo): safeguarded Newton on the
 * pieces, exact once it stays on one piece. Returns hi when the model is still negative there. */
export function modelRoot(lo: number, hi: number, c0: number, c1: number, tol: number): number {
  const mHi = rayLinear(hi) + c0 + c1 * hi;
  if (mHi <= 0) return hi;
  let a = lo;
  let ma = rayLinear(lo) + c0 + c1 * lo;
  let dm = DERIV.v + c1;
  for (let k = 0; k < 60; k++) {
    // Newton on the piece at a; where that leaves the bracket (a kink ahead), bisect
    let b = dm > 0 ? a - ma / dm : NaN;
    if (!(b > lo && b < hi)) b = 0.5 * (lo + hi);
    const mb = rayLinear(b) + c0 + c1 * b;
    a = b;
    ma = mb;
    dm = DERIV.v + c1;
    if (Math.abs(mb) <= tol) break;
    if (mb < 0) lo = b;
    else hi = b;
    if (hi - lo <= 1e-14 * hi) break;
  }
  return a;
}
