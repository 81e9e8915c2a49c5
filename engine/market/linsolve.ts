// The linear solve of the market solver's Newton step (12 prices). The network is bipartite (every arc runs from a
// supply node to a demand node), so the Jacobian is [[Ds, B], [B', Dd]] with Ds and Dd diagonal: the supply prices are
// eliminated (a Schur complement, 6x6, symmetric positive definite) and that is solved by Cholesky.
import { NR } from './curves.ts';

const S = new Float64Array(NR * NR);
const Y = new Float64Array(NR);
const BS = new Float64Array(NR * NR);

/** Solve J dp = -F for J = [[diag(ds), B], [B', diag(dd)]] (B[s * NR + e] couples supply node s with demand node
 * NR + e); ds, dd > 0. A pivot that rounding makes non-positive leaves that price's step at 0. */
export function blockSolve(ds: Float64Array, dd: Float64Array, B: Float64Array, F: Float64Array, dp: Float64Array): void {
  // BS = Ds^-1 B; the reduced right-hand side y = -F_d + B' Ds^-1 F_s; S = Dd - B' Ds^-1 B
  for (let s = 0; s < NR; s++) {
    const inv = 1 / ds[s];
    for (let e = 0; e < NR; e++) BS[s * NR + e] = B[s * NR + e] * inv;
  }
  for (let e = 0; e < NR; e++) {
    let y = -F[NR + e];
    for (let s = 0; s < NR; s++) y += BS[s * NR + e] * F[s];
    Y[e] = y;
    for (let f = 0; f <= e; f++) {
      let v = e === f ? dd[e] : 0;
      for (let s = 0; s < NR; s++) v -= B[s * NR + e] * BS[s * NR + f];
      S[e * NR + f] = v;
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
    for (let e = 0; e < NR; e++) v -= B[s * NR + e] * dp[NR + e];
    dp[s] = v / ds[s];
  }
}
