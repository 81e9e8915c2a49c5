// Small sample statistics shared by the tournament, sweep, experiment and analysis code: mean, sd and t quantiles.

/** Two-sided 95% Student t quantile for df degrees of freedom. */
export function t95(df: number): number {
  const table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
  if (df < 1) return NaN;
  if (df <= 30) return table[df - 1];
  return 1.96 + 2.4 / df; // close to the exact values above 30
}

/** Half the width of a mean's 95% t-interval, from the sample's standard deviation and size; NaN for fewer than two
 * values, which give no interval. */
export function halfWidth95(sd: number, n: number): number {
  return n > 1 ? (t95(n - 1) * sd) / Math.sqrt(n) : NaN;
}

/** Mean and sample standard deviation (n - 1 in the denominator; 0 for a single value). */
export function meanSd(xs: ArrayLike<number>): { mean: number; sd: number } {
  const n = xs.length;
  let s = 0;
  for (let k = 0; k < n; k++) s += xs[k];
  const mean = s / n;
  let v = 0;
  for (let k = 0; k < n; k++) v += (xs[k] - mean) ** 2;
  return { mean, sd: n > 1 ? Math.sqrt(v / (n - 1)) : 0 };
}
