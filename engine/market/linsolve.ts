// Dense linear solve for the market solver's Newton step (12 prices): Gaussian elimination with partial pivoting.
import { NP } from './curves.ts';

const B = new Float64Array(NP);

/** Solve J dp = -F in place (Gaussian elimination, partial pivoting); J is destroyed, F kept. */
export function linSolve(J: Float64Array, F: Float64Array, dp: Float64Array): void {
  const N = NP;
  const b = B; // scratch for the right-hand side
  for (let r = 0; r < N; r++) b[r] = -F[r];
  for (let c = 0; c < N; c++) {
    let piv = c;
    let best = Math.abs(J[c * N + c]);
    for (let r = c + 1; r < N; r++) {
      const v = Math.abs(J[r * N + c]);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (piv !== c) {
      for (let k = 0; k < N; k++) {
        const t = J[c * N + k];
        J[c * N + k] = J[piv * N + k];
        J[piv * N + k] = t;
      }
      const t = b[c];
      b[c] = b[piv];
      b[piv] = t;
    }
    const d = J[c * N + c];
    if (d === 0) continue;
    for (let r = c + 1; r < N; r++) {
      const f = J[r * N + c] / d;
      if (f === 0) continue;
      for (let k = c; k < N; k++) J[r * N + k] -= f * J[c * N + k];
      b[r] -= f * b[c];
    }
  }
  for (let c = N - 1; c >= 0; c--) {
    let v = b[c];
    for (let k = c + 1; k < N; k++) v -= J[c * N + k] * dp[k];
    const d = J[c * N + c];
    dp[c] = d !== 0 ? v / d : 0;
  }
}

