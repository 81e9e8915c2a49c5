// When resampling and the 95% interval disagree. With few games a profile (3 seeds, say) a margin can hold in every
// resample, "stable 100%", while its t interval takes in 0, "not firm": the bootstrap redraws only the seeds played
// (3 seeds give 10 different draws) and so cannot show more doubt than they do, and the t interval allows for how few
// they are. The report said both side by side (an analyst's play-test); it now says which to go by, and why.

/** Stability at or above this beside an interval that takes in 0 is the disagreement to explain. */
export const STABLE_BUT_UNSURE = 0.95;

/** Whether a margin's resampled stability (a share) says more than its 95% interval does. */
export function overstated(ci: [number, number] | null | undefined, stable: number | null | undefined): boolean {
  return ci != null && !(ci[0] > 0) && stable != null && stable >= STABLE_BUT_UNSURE;
}

/** A share of resamples as a percentage, "100%" only for every resample: from 99.5% to under 100% to one decimal,
 * rounded down (the HTML report rounded 99.8% up to 100% where the text said 99.8%; 995 of 1,000 read "100%", and 1,999
 * of 2,000 "100.0%"). */
export const resamplePct = (f: number | null | undefined, none = '-'): string =>
  f === null || f === undefined || !Number.isFinite(f) ? none : f >= 0.995 && f < 1 ? `${(Math.floor(f * 1000) / 10).toFixed(1)}%` : `${(f * 100).toFixed(0)}%`;

/** Distinct multisets of m seeds drawn from m with replacement: C(2m-1, m). */
export function distinctDraws(m: number): number {
  let c = 1;
  for (let k = 1; k <= m; k++) c = (c * (m - 1 + k)) / k;
  return Math.round(c);
}

/** Why such a stability is not to be gone by, in words: `n` games per profile, paired (seed bootstrap) or not. */
export function caveatWords(n: number, paired: boolean): string {
  const how = paired
    ? `resampling only redraws the ${n} seeds played${n <= 12 ? ` (${distinctDraws(n).toLocaleString('en-US')} different draws)` : ''}, so it cannot show more doubt than they do`
    : `resampling draws each mean with a normal error, which allows less than the t interval does with ${n} games a profile`;
  return `${how}; the 95% interval, which allows for how few games there are, is the one to go by`;
}
