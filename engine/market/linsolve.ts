// The linear solve of the market solver's Newton step (12 prices). The network is bipartite (every arc runs from a
// supply node to a demand node), so the Jacobian is [[Ds, B], [B', Dd]] with Ds and Dd diagonal: the supply prices are
// eliminated (a Schur complement, 6x6, symmetric positive definite) and that is solved by Cholesky.
import { NR } from './curves.ts';

const S = new Float64Array(NR * NR);
const Y = new Float64Array(NR);
/** the demand nodes a supply node is coupled with (B's nonzeros by row) */
const NZ = new Int32Array(NR * NR);
const NNZ = new Int32Array(NR);

/** Solve J dp = -F for J = [[diag(ds), B], [B', diag(dd)]] (B[s * NR + e] couples supply node s with demand node
 * NR + e; bit e of nz[s] is set wherever B[s * NR + e] may be nonzero); ds, dd > 0. A pivot that rounding makes
 * non-positive leaves that price's step at 0. */
export function blockSolve(ds: Float64Array, dd: Float64Array, B: Float64Array, nz: Int32Array, F: Float64Array, dp: Float64Array): void {
  // S = Dd - B' Ds^-1 B (lower triangle) and y = -F_d + B' Ds^-1 F_s, row by row of B's nonzeros
  // (only the lower triangle is ever read)
  for (let e = 0; e < NR; e++) {
    for (let f = 0; f < e; f++) S[e * NR + f] = 0;
    S[e * NR + e] = dd[e];
    Y[e] = -F[NR + e];
  }
  for (let s = 0; s < NR; s++) {
    let n = 0;
    // the set bits in increasing order (the lowest set bit of b is b & -b)
    for (let b = nz[s]; b !== 0; b &= b - 1) {
      const e = 31 - Math.clz32(b & -b);
      if (B[s * NR + e] !== 0) NZ[s * NR + n++] = e;
    }
    NNZ[s] = n;
    if (n === 0) continue;
    const inv = 1 / ds[s];
    const fs = F[s] * inv;
    for (let i = 0; i < n; i++) {
      const e = NZ[s * NR + i];
      const be = B[s * NR + e];
      Y[e] += be * fs;
      const bi = be * inv;
      for (let j = 0; j < n; j++) {
        const f = NZ[s * NR + j];
        if (f <= e) S[e * NR + f] -= bi * B[s * NR + f];
      }
    }
  }
  // Cholesky S = L L' in the lower triangle, then the two triangular solves
  for (let j = 0; j < NR; j++) {
    let d = S[j * NR + j];
    for (let k = 0; k < j; k++) d -= S[j * NR + k] * S[j * NR + k];
    const ok = d > 0;
    const l = ok ? Math.sqrt(d) : 0;
    S[j * NR + j] = l;
    for (let i = j + 1; i < NR; i++) {
      let v = S[i * NR + j];
      for (let k = 0; k < j; k++) v -= S[i * NR + k] * S[j * NR + k];
      S[i * NR + j] = ok ? v / l : 0;
    }
  }
  for (let i = 0; i < NR; i++) {
    let v = Y[i];
    for (let k = 0; k < i; k++) v -= S[i * NR + k] * Y[k];
    Y[i] = S[i * NR + i] > 0 ? v / S[i * NR + i] : 0;
  }
  for (let i = NR - 1; i >= 0; i--) {
    let v = Y[i];
    for (let k = i + 1; k < NR; k++) v -= S[k * NR + i] * dp[NR + k];
    dp[NR + i] = S[i * NR + i] > 0 ? v / S[i * NR + i] : 0;
  }
  // back to the supply prices: Ds dp_s = -F_s - B dp_d
  for (let s = 0; s < NR; s++) {
    let v = -F[s];
    for (let i = 0; i < NNZ[s]; i++) {
      const e = NZ[s * NR + i];
      v -= B[s * NR + e] * dp[NR + e];
    }
    dp[s] = v / ds[s];
  }
}
