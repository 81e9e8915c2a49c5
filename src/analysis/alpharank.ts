// Multi-population α-Rank (Omidshafiei et al., Scientific Reports 2019): a Markov chain over pure profiles ranked by its stationary distribution.
import { digit, indexTable, mixRecord, payoffRange, profileLabel, profileOf, type GameIndex, type Mix, type Profile, type TableLike } from './table.ts';

export interface AlphaRankOptions {
  /** Selection intensity before scaling (default 50). */
  alpha?: number;
  /** Individuals per population, m (default 50). */
  populationSize?: number;
  /** 'range' (default): the effective α is alpha / payoff range, so α·Δf never exceeds `alpha`; 'none': use alpha as is. */
  scale?: 'range' | 'none';
  /** Profiles listed in `top` (default 10). */
  top?: number;
  /** Refuse tables with more profiles than this (default 1024, about 8 s): the exact solve costs O(profiles³). */
  maxProfiles?: number;
}

export interface RankedProfile {
  profile: Profile;
  label: string;
  mass: number;
}

export type AlphaRankResult =
  | { available: false; reason: string }
  | {
      available: true;
      alpha: number;
      effectiveAlpha: number;
      payoffRange: number;
      populationSize: number;
      profiles: number;
      /** Profiles by stationary mass, highest first (ties by profile order). */
      top: RankedProfile[];
      /** Per player, the stationary mass on each of its strategies. */
      marginals: Mix;
      note: string;
    };

/**
 * log of the fixation probability of a mutant with fitness advantage Δ (α already applied: d = α·Δ) in a
 * population of m under the Fermi rule: ρ = (1 − e^{−d}) / (1 − e^{−m·d}), 1/m when d = 0.
 * Written with expm1 and, for d < 0, as e^{−(m−1)|d|}·(1 − e^{−|d|})/(1 − e^{−m|d|}) so nothing overflows.
 */
export function logFixation(d: number, m: number): number {
  if (d === 0) return -Math.log(m);
  if (d > 0) return Math.log(-Math.expm1(-d)) - Math.log(-Math.expm1(-m * d));
  const a = -d;
  return -(m - 1) * a + Math.log(-Math.expm1(-a)) - Math.log(-Math.expm1(-m * a));
}

const logAdd = (a: number, b: number): number => {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
};

/**
 * Stationary distribution of an irreducible chain given by log transition probabilities (dense, row-major,
 * −Infinity for none; the diagonal is ignored), by the Grassmann–Taksar–Heyman elimination carried out in
 * log space: it never subtracts, so transition probabilities far below 1e-308 still count.
 */
export function logStationary(L: Float64Array, N: number): Float64Array {
  const cols = new Int32Array(N);
  for (let k = N - 1; k >= 1; k--) {
    const piv = k * N;
    let s = -Infinity;
    let nc = 0;
    for (let j = 0; j < k; j++) {
      const b = L[piv + j];
      if (b === -Infinity) continue;
      cols[nc++] = j;
      s = logAdd(s, b);
    }
    if (s === -Infinity) throw new Error('alphaRank: the chain is reducible');
    for (let i = 0; i < k; i++) {
      const a = L[i * N + k];
      if (a === -Infinity) continue;
      const w = a - s;
      L[i * N + k] = w;
      const row = i * N;
      for (let c = 0; c < nc; c++) {
        const j = cols[c];
        if (j === i) continue;
        const t = w + L[piv + j];
        const o = L[row + j];
        // Beyond a difference of 40 the smaller term is below double precision: skip the exp/log.
        if (t - o > 40) L[row + j] = t;
        else if (o - t <= 40) L[row + j] = t > o ? t + Math.log1p(Math.exp(o - t)) : o + Math.log1p(Math.exp(t - o));
      }
    }
  }
  const lp = new Float64Array(N).fill(-Infinity);
  lp[0] = 0;
  for (let k = 1; k < N; k++) {
    let v = -Infinity;
    for (let i = 0; i < k; i++) v = logAdd(v, lp[i] + L[i * N + k]);
    lp[k] = v;
  }
  let total = -Infinity;
  for (let k = 0; k < N; k++) total = logAdd(total, lp[k]);
  return lp.map((v) => Math.exp(v - total));
}

/** α as applied to payoff differences: alpha / payoff range by default, alpha itself with scale 'none'. */
export function effectiveAlphaOf(g: GameIndex, opts: AlphaRankOptions = {}): { effectiveAlpha: number; range: number } {
  const alpha = opts.alpha ?? 50;
  const range = payoffRange(g);
  return { effectiveAlpha: (opts.scale ?? 'range') === 'range' ? (range > 0 ? alpha / range : 0) : alpha, range };
}

/** The effective α and the stationary distribution over all profiles (needs the full factorial). */
export function alphaRankStationary(g: GameIndex, opts: AlphaRankOptions = {}): { pi: Float64Array; effectiveAlpha: number; range: number } {
  const n = g.players.length;
  const m = opts.populationSize ?? 50;
  const alpha = opts.alpha ?? 50;
  if (!(Number.isInteger(m) && m >= 2)) throw new Error('alphaRank: populationSize must be an integer ≥ 2');
  if (!(alpha >= 0 && Number.isFinite(alpha))) throw new Error('alphaRank: alpha must be a finite number ≥ 0');
  const { effectiveAlpha, range } = effectiveAlphaOf(g, opts);
  const N = g.size;
  if (N === 1) return { pi: Float64Array.of(1), effectiveAlpha, range };
  let eta = 0;
  for (const pool of g.pools) eta += pool.length - 1;
  const logEta = Math.log(eta);
  const L = new Float64Array(N * N).fill(-Infinity);
  for (let id = 0; id < N; id++) {
    for (let i = 0; i < n; i++) {
      const cur = digit(g, id, i);
      for (let k = 0; k < g.pools[i].length; k++) {
        if (k === cur) continue;
        const to = id + (k - cur) * g.strides[i];
        const d = effectiveAlpha * (g.mean[to * n + i] - g.mean[id * n + i]);
        L[id * N + to] = logFixation(d, m) - logEta;
      }
    }
  }
  return { pi: logStationary(L, N), effectiveAlpha, range };
}

/**
 * Multi-population α-Rank. From a profile, one player (population) k is picked, a mutant strategy τ ≠ s_k
 * is picked, and the mutant takes over with the Fermi-rule fixation probability ρ computed from
 * f_k(τ, s_−k) − f_k(s); transitions are ρ/η with η = Σ_k (|S_k| − 1). Returns the stationary
 * distribution's top profiles and per-player marginals. Needs the full factorial.
 *
 * The default α = 50 scaled by the payoff range (so the largest possible payoff difference weighs 50)
 * with m = 50 is deep in the large-α regime the paper recommends, where the ranking stops changing
 * with α; the chain is solved exactly in log space so tiny escape probabilities are kept.
 */
export function alphaRank(table: TableLike, opts: AlphaRankOptions = {}): AlphaRankResult {
  const g = indexTable(table);
  if (g.knownCount < g.size) return { available: false, reason: `${g.size - g.knownCount} of ${g.size} profiles are missing; α-Rank needs every transition` };
  const maxProfiles = opts.maxProfiles ?? 1024;
  if (g.size > maxProfiles) return { available: false, reason: `${g.size} profiles exceed maxProfiles ${maxProfiles} (the exact solve costs O(profiles³))` };
  const { pi, effectiveAlpha, range } = alphaRankStationary(g, opts);
  const alpha = opts.alpha ?? 50;
  const m = opts.populationSize ?? 50;
  const order = Array.from(pi.keys()).sort((a, b) => pi[b] - pi[a] || a - b);
  const marg = g.pools.map((pool) => new Float64Array(pool.length));
  for (let id = 0; id < g.size; id++) for (let i = 0; i < g.players.length; i++) marg[i][digit(g, id, i)] += pi[id];
  const scaled = (opts.scale ?? 'range') === 'range';
  return {
    available: true,
    alpha,
    effectiveAlpha,
    payoffRange: range,
    populationSize: m,
    profiles: g.size,
    top: order.slice(0, opts.top ?? 10).map((id) => ({ profile: profileOf(g, id), label: profileLabel(g, id), mass: pi[id] })),
    marginals: mixRecord(g, marg),
    note: `${scaled ? `alpha ${alpha} scaled by the payoff range ${fmt(range)} (effective alpha ${fmt(effectiveAlpha)})` : `alpha ${alpha} unscaled`}, population ${m}: ${
      effectiveAlpha * range >= 10
        ? 'large-alpha regime, where mass concentrates on the sink components of the response graph'
        : 'weak selection: drift spreads mass over profiles, so the ranking depends on alpha'
    }`,
  };
}

const fmt = (v: number) => (Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : String(Math.round(v * 1e4) / 1e4));
