// Variance-based global sensitivity analysis: an Owen-scrambled Sobol sequence, Saltelli's A/B/AB_i design, the
// Saltelli 2010 first-order and Jansen total-effect estimators, and seeded bootstrap confidence intervals.
import seedrandom from 'seedrandom';
import { JOE_KUO_21201 } from './sobol-directions.ts';

const BITS = 32;
const TWO32 = 4294967296;

/** The direction-number rows: dimension 1 is van der Corput, dimensions 2.. come from Joe and Kuo's table. */
const ROWS: { a: number; m: number[] }[] = JOE_KUO_21201.trim()
  .split(/\s+/)
  .map((e) => {
    const [a, m] = e.split(':');
    return { a: Number(a), m: m.split(',').map(Number) };
  });

/** The most dimensions a Sobol sequence here can have (so the most parameters a Saltelli design can take is half). */
export const SOBOL_MAX_DIMS = ROWS.length + 1;

/** The sequence's dimensions before the table grew from 161 to 400 (see saltelliPairing). */
const PAIRING_DIMS_BEFORE = 161;

/** Direction numbers v_1..v_32 of one dimension, scaled by 2^32. */
function directions(dim: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dim === 0) {
    for (let i = 0; i < BITS; i++) v[i] = 2 ** (BITS - 1 - i);
    return v;
  }
  const { a, m } = ROWS[dim - 1];
  const s = m.length;
  for (let i = 0; i < Math.min(s, BITS); i++) v[i] = m[i] * 2 ** (BITS - 1 - i);
  for (let i = s; i < BITS; i++) {
    let x = v[i - s] ^ (v[i - s] >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[i - k];
    v[i] = x >>> 0;
  }
  return v;
}

function reverseBits(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return ((x >>> 16) | (x << 16)) >>> 0;
}

/**
 * Owen's nested uniform scramble of a 32-bit coordinate, hash based (Burley 2020, "Practical hash-based Owen
 * scrambling", JCGT 9(4), with N. Vegdahl's 2021 constants): on the bit-reversed value, each step leaves every bit
 * flipped or not by a function of the less significant bits only, which is a nested scramble of the digits.
 */
export function owenScramble(x: number, seed: number): number {
  let v = reverseBits(x);
  v ^= Math.imul(v, 0x3d20adea);
  v = (v + seed) | 0;
  v = Math.imul(v, (seed >>> 16) | 1);
  v ^= Math.imul(v, 0x05526c56);
  v ^= Math.imul(v, 0x53a22864);
  return reverseBits(v >>> 0);
}

/** The first n points of the unscrambled sequence, as 32-bit integers, one array per dimension (Gray-code order). */
export function sobolColumns(n: number, dims: number): Uint32Array[] {
  if (dims < 1 || dims > SOBOL_MAX_DIMS) throw new RangeError(`a Sobol sequence here has 1 to ${SOBOL_MAX_DIMS} dimensions, not ${dims}`);
  if (n > 2 ** BITS) throw new RangeError('too many points');
  const cols = Array.from({ length: dims }, () => new Uint32Array(n));
  for (let d = 0; d < dims; d++) {
    const v = directions(d);
    const col = cols[d];
    for (let i = 1, x = 0; i < n; i++) {
      let c = 0; // the lowest zero bit of i - 1
      while (((i - 1) >>> c) & 1) c++;
      x = (x ^ v[c]) >>> 0;
      col[i] = x;
    }
  }
  return cols;
}

/** One Owen-scramble key per dimension, from the seed (dimension d always gets the same key for a seed). */
function scrambleKeys(seed: string): number[] {
  const rng = seedrandom.alea(`sobol-scramble:${seed}`);
  return Array.from({ length: SOBOL_MAX_DIMS }, () => Math.floor(rng() * TWO32) >>> 0);
}

/**
 * The first n points of a `dims`-dimensional Sobol sequence (Joe-Kuo 6.21201 direction numbers), each coordinate in
 * [0, 1). With a seed, every dimension is Owen-scrambled with its own seeded key: the points keep their net structure
 * (a run of 2^m points still puts one point in each 2^-m slice of every axis) but no longer start at the origin, and
 * different seeds give independent replicates (Owen 1997). Without a seed, the plain sequence, as scipy's unscrambled
 * `qmc.Sobol`.
 */
export function sobolPoints(n: number, dims: number, seed?: string): number[][] {
  const cols = sobolColumns(n, dims);
  const keys = seed === undefined ? null : scrambleKeys(seed);
  return Array.from({ length: n }, (_, i) => cols.map((c, d) => (keys ? owenScramble(c[i], keys[d]) : c[i]) / TWO32));
}

/**
 * The t-value of the first 2^m points of two columns as a two-dimensional net: the least t for which every box of area
 * 2^(t-m) made of binary intervals (2^p by 2^q, p + q = m - t) holds exactly 2^t points. 0 is a perfect net; a large t
 * means the two coordinates are far from independent. Stops at `atMost`.
 */
export function pairTValue(a: Uint32Array, b: Uint32Array, m: number, atMost = m): number {
  const n = 2 ** m;
  const counts = new Uint32Array(n);
  for (let t = 0; t < atMost; t++) {
    let ok = true;
    for (let p = 0; p <= m - t && ok; p++) {
      const q = m - t - p;
      const cells = 2 ** (p + q);
      counts.fill(0, 0, cells);
      for (let j = 0; j < n; j++) counts[((p ? a[j] >>> (BITS - p) : 0) << q) | (q ? b[j] >>> (BITS - q) : 0)]++;
      for (let c = 0; c < cells && ok; c++) ok = counts[c] === 2 ** t;
    }
    if (ok) return t;
  }
  return atMost;
}

/**
 * Which dimension of the sequence gives B's column i, for parameter i whose A column is dimension i. Saltelli's
 * recipe takes dimension k + i; but at small N in many dimensions some of those pairs are poor nets (at N = 64 with
 * k = 62, dimensions 39 and 101 have t = 5 and correlate at |r| ~ 0.75, scrambled or not), and then the two columns
 * of that parameter are far from independent, which biases its indices and every first-order index beside it. So each
 * parameter in turn keeps k + i unless an unused dimension from k on makes a net of lower t with its A column.
 */
export function saltelliPairing(n: number, k: number): number[] {
  if (2 * k > SOBOL_MAX_DIMS) throw new RangeError(`at most ${Math.floor(SOBOL_MAX_DIMS / 2)} parameters`);
  const m = Math.floor(Math.log2(n));
  // Up to 80 parameters the partners come from the first 161 dimensions, the table's size before it grew, so a design
  // made then (docs/SENSITIVITY.md) comes out the same; beyond that from all of them.
  const end = 2 * k <= PAIRING_DIMS_BEFORE ? PAIRING_DIMS_BEFORE : SOBOL_MAX_DIMS;
  const cols = sobolColumns(2 ** m, end);
  const used = new Set<number>();
  return Array.from({ length: k }, (_, i) => {
    let best = k + i;
    while (used.has(best)) best = best + 1 < end ? best + 1 : k;
    let bestT = pairTValue(cols[i], cols[best], m);
    for (let c = k; c < end && bestT > 0; c++) {
      if (used.has(c) || c === best) continue;
      const t = pairTValue(cols[i], cols[c], m, bestT);
      if (t < bestT) [best, bestT] = [c, t];
    }
    used.add(best);
    return best;
  });
}

/** Saltelli's design in the unit cube: A and B (n x k), and AB[i] = A with column i taken from B. */
export interface SaltelliDesign {
  A: number[][];
  B: number[][];
  AB: number[][][];
  /** the sequence's dimension behind each column of B (A's column i is dimension i) */
  bDims: number[];
}

/** A and B from one Owen-scrambled Sobol sequence (Saltelli 2010, s. 3): A is dimensions 0..k-1, B the paired ones. */
export function saltelliDesign(n: number, k: number, seed: string): SaltelliDesign {
  const bDims = saltelliPairing(n, k);
  const cols = sobolColumns(n, Math.max(k, ...bDims) + 1);
  const keys = scrambleKeys(seed);
  const u = (d: number, j: number) => owenScramble(cols[d][j], keys[d]) / TWO32;
  const A = Array.from({ length: n }, (_, j) => Array.from({ length: k }, (_, i) => u(i, j)));
  const B = Array.from({ length: n }, (_, j) => bDims.map((d) => u(d, j)));
  const AB = Array.from({ length: k }, (_, i) => A.map((a, j) => a.map((v, q) => (q === i ? B[j][i] : v))));
  return { A, B, AB, bDims };
}

/** One parameter's indices, with bootstrap percentile intervals. */
export interface SobolIndex {
  S1: number;
  S1ci: [number, number];
  ST: number;
  STci: [number, number];
}

export interface SobolResult {
  mean: number;
  /** 0 when the output counts as not varying (flat) */
  variance: number;
  /** the output's variance as observed, flat or not */
  observedVariance: number;
  /** no variance to attribute: constant, or varying no more than `noise` allows; every index is 0 */
  flat: boolean;
  indices: SobolIndex[];
}

export interface SobolOptions {
  /** bootstrap resamples (default 1000; 0 gives intervals equal to the estimate) */
  resamples?: number;
  /** seed of the bootstrap's resampling */
  seed?: string;
  /** confidence level (default 0.95) */
  level?: number;
  /** the sd, relative to the output's size (|mean|, at least 1), at or below which it counts as not varying: its
   * indices would only share out numerical noise (default 1e-6) */
  noise?: number;
}

/** The estimates on the rows `idx` (a bootstrap resample, or every row). */
function estimate(fA: number[], fB: number[], fAB: number[][], idx: ArrayLike<number>, noise: number): { S1: number[]; ST: number[]; mean: number; variance: number; observed: number } {
  const n = idx.length;
  let sum = 0;
  for (let r = 0; r < n; r++) sum += fA[idx[r]] + fB[idx[r]];
  const mean = sum / (2 * n);
  let ss = 0;
  for (let r = 0; r < n; r++) ss += (fA[idx[r]] - mean) ** 2 + (fB[idx[r]] - mean) ** 2;
  const variance = ss / (2 * n);
  // a constant output has no variance to share out: every index is 0 (relative to the output's scale)
  const flat = !(variance > noise * noise * Math.max(1, mean * mean));
  const S1: number[] = [];
  const ST: number[] = [];
  for (const col of fAB) {
    let first = 0;
    let total = 0;
    for (let r = 0; r < n; r++) {
      const j = idx[r];
      first += (fB[j] - mean) * (col[j] - fA[j]); // Saltelli et al. 2010, table 2 (b), f centred (see below)
      total += (fA[j] - col[j]) ** 2; // Jansen 1999, table 2 (f)
    }
    S1.push(flat ? 0 : first / n / variance);
    ST.push(flat ? 0 : total / (2 * n) / variance);
  }
  return { S1, ST, mean, variance: flat ? 0 : variance, observed: variance };
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * First-order (S1) and total (ST) Sobol indices of each of the k inputs from f(A), f(B) and f(AB_i) (n values each):
 * S1_i = mean(f_B (f_ABi - f_A)) / V and ST_i = mean((f_A - f_ABi)^2) / (2V), V the variance of f_A and f_B together
 * (Saltelli, Annoni, Azzini, Campolongo, Ratto and Tarantola 2010, Comput. Phys. Commun. 181, 259-270). f_B is centred
 * on the mean of f_A and f_B first: the expectation is the same (f_ABi - f_A has mean 0) but without it the estimate's
 * noise grows with mean^2 / V, which swamps it for outcomes far from 0 that vary little (as SALib standardises Y). The intervals
 * resample the n base rows with replacement (seeded, so the same inputs always give the same intervals) and take
 * percentiles of the re-estimated indices.
 */
export function sobolIndices(fA: number[], fB: number[], fAB: number[][], o: SobolOptions = {}): SobolResult {
  const n = fA.length;
  if (fB.length !== n || fAB.some((c) => c.length !== n)) throw new RangeError('f(A), f(B) and every f(AB_i) need the same length');
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const noise = o.noise ?? 1e-6;
  const est = estimate(fA, fB, fAB, all, noise);
  const resamples = o.resamples ?? 1000;
  const level = o.level ?? 0.95;
  const boot = fAB.map(() => ({ S1: [] as number[], ST: [] as number[] }));
  const rng = seedrandom.alea(`sobol-bootstrap:${o.seed ?? '1'}`);
  const idx = new Uint32Array(n);
  // flat or not is decided once, on every row: a flat output has no intervals to draw (every index 0, [0, 0]), and a
  // resample of one just above the noise is not zeroed for falling under it, which pulled its intervals towards 0
  for (let b = 0; b < (est.variance === 0 ? 0 : resamples); b++) {
    for (let r = 0; r < n; r++) idx[r] = Math.floor(rng() * n);
    const e = estimate(fA, fB, fAB, idx, 0);
    e.S1.forEach((v, i) => boot[i].S1.push(v));
    e.ST.forEach((v, i) => boot[i].ST.push(v));
  }
  const ci = (xs: number[], x: number): [number, number] => {
    if (!xs.length) return [x, x];
    const s = [...xs].sort((a, b) => a - b);
    return [quantile(s, (1 - level) / 2), quantile(s, (1 + level) / 2)];
  };
  return {
    mean: est.mean,
    variance: est.variance,
    observedVariance: est.observed,
    flat: est.variance === 0,
    indices: fAB.map((_, i) => ({ S1: est.S1[i], S1ci: ci(boot[i].S1, est.S1[i]), ST: est.ST[i], STci: ci(boot[i].ST, est.ST[i]) })),
  };
}
