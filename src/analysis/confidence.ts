// How much the findings of a payoff table survive its sampling noise: parametric resampling of every profile mean.
import seedrandom from 'seedrandom';
import { alphaRankStationary, effectiveAlphaOf, type AlphaRankOptions } from './alpharank.ts';
import { contexts, forDeviations, scanEquilibria } from './equilibria.ts';
import { difference, type Basis } from './paired.ts';
import { resamplePct } from './resample-caveat.ts';
import { defaultTolerance, indexTable, profileId, profileLabel, profileOf, withMeans, type GameIndex, type Profile, type TableLike } from './table.ts';

/** The findings to test: equilibrium candidates and the top α-Rank profile (either may be omitted). */
export interface ConfidenceFinding {
  equilibria?: Profile[];
  alphaRankTop?: Profile | null;
}

export interface ConfidenceOptions {
  /** Resamples (default 500). */
  samples?: number;
  /** PRNG seed (default 1): the same seed gives the same report. */
  seed?: number | string;
  /** Tie tolerance for equilibria and best responses (default as in pureEquilibria). */
  tolerance?: number;
  /** Also resample best responses (default true). */
  bestResponses?: boolean;
  /** α-Rank settings, as used for the finding. */
  alphaRank?: AlphaRankOptions;
  /** Resamples for α-Rank, which costs O(profiles³) each; default min(samples, 3e8 / (profiles³/3)) (about 10 s),
   * skipped when that is under 20. */
  alphaRankSamples?: number;
}

export interface EquilibriumConfidence {
  profile: Profile;
  label: string;
  /** Fraction of resamples in which it is still a (verified) pure equilibrium. */
  stable: number;
  count: number;
  samples: number;
  /** Smallest payoff − deviation payoff at the point estimate, its standard error, 95% interval, and their ratio. */
  minMargin: number | null;
  minMarginSe: number | null;
  minMarginCi95: [number, number] | null;
  /** Whether that margin was taken seed by seed (paired) or from independent means (unpaired). */
  basis: Basis | null;
  /** minMargin / minMarginSe; null when that se is 0 (no noise: the margin is exact). */
  z: number | null;
  /** Smallest margin/se over all deviations with se > 0 (a big margin can still be noisy). */
  weakestZ: number | null;
  description: string;
}

export interface ConfidenceResult {
  samples: number;
  seed: number | string;
  /** How the resamples were drawn: profiles whose seeds were redrawn together (one seed set each) and profiles whose
   * means were drawn on their own from N(mean, se). */
  resampling: { seedBootstrap: number; independent: number; description: string };
  tolerance: number;
  equilibria: EquilibriumConfidence[];
  /** Profiles that were equilibria in some resamples without being among the findings, most frequent first (≤ 10). */
  others: Array<{ profile: Profile; label: string; frequency: number }>;
  /** Fraction of resamples with no verified pure equilibrium. */
  noEquilibrium: number;
  /** Per best-response entry (same order as bestResponses()), the fraction of resamples whose top strategy is in the
   * original best set; null when no strategy is known there. */
  bestResponses: Array<{ player: string; others: Profile; best: string[]; stability: number | null }> | null;
  alphaRank:
    | { profile: Profile; label: string; stable: number; samples: number; description: string }
    | { skipped: string }
    | null;
}

/** Standard normal draws from a seeded alea stream (Box–Muller, both values used). */
export function normalSource(seed: number | string): () => number {
  const rng = seedrandom.alea(String(seed));
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const u = 1 - rng();
    const r = Math.sqrt(-2 * Math.log(u));
    const t = 2 * Math.PI * rng();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
}

const pct = (f: number) => resamplePct(f); // (its own rounding said 100% of 99.8%)

/**
 * Bootstrap of the profile means, then pure equilibria (and best responses, and the top α-Rank profile) recomputed
 * with the same tolerance. Profiles with per-seed scores on a common seed set (a tournament's common random numbers)
 * are resampled together: each resample draws that set's seeds with replacement and takes every such profile's mean
 * over the drawn seeds, so their correlation carries over (the deviation from the mean is scaled by √(m/(m−1)) for
 * m seeds, so that its variance is se², as for the others). Profiles without per-seed scores (older tables) are drawn
 * on their own from N(mean, sd/√games). Reports how often each finding survives and, for each equilibrium, its
 * smallest deviation margin in standard errors (paired where possible). Missing profiles stay missing.
 */
export function confidence(table: TableLike, finding: ConfidenceFinding, opts: ConfidenceOptions = {}): ConfidenceResult {
  const g = indexTable(table);
  const n = g.players.length;
  const samples = opts.samples ?? 500;
  const seed = opts.seed ?? 1;
  if (!(Number.isInteger(samples) && samples >= 1)) throw new Error('confidence: samples must be a positive integer');
  const tol = opts.tolerance ?? defaultTolerance(g);
  const eqIds = (finding.equilibria ?? []).map((p) => profileId(g, p));
  const eqCount = new Map<number, number>();
  let none = 0;

  const wantBr = opts.bestResponses ?? true;
  const brEntries = wantBr ? bestEntries(g, tol) : [];
  const brHits = new Float64Array(brEntries.length);

  const topId = finding.alphaRankTop ? profileId(g, finding.alphaRankTop) : null;
  const cubic = g.size ** 3 / 3;
  const budget = Math.floor(3e8 / Math.max(1, cubic));
  const arSamples = topId === null || g.knownCount < g.size ? 0 : Math.min(samples, opts.alphaRankSamples ?? (budget >= 20 ? budget : 0));
  let arHits = 0;
  // Keep the point estimate's effective alpha: rescaling per resample would change the chain, not just its inputs.
  const arOpts: AlphaRankOptions | null = arSamples > 0 ? { populationSize: opts.alphaRank?.populationSize, scale: 'none', alpha: effectiveAlphaOf(g, opts.alphaRank).effectiveAlpha } : null;

  const normal = normalSource(seed);
  const uniform = seedrandom.alea(`${seed}:seeds`);
  const sets = g.seedSets.map((seeds, j) => ({ m: seeds.length, ids: [] as number[], j }));
  for (let id = 0; id < g.size; id++) if (g.known[id] && g.seedSet[id] >= 0 && g.seedSets[g.seedSet[id]].length >= 2) sets[g.seedSet[id]].ids.push(id);
  const boot = sets.filter((x) => x.ids.length > 0);
  const inBoot = boot.reduce((a, x) => a + x.ids.length, 0);
  const mean = new Float64Array(g.mean.length);
  const draw = new Int32Array(Math.max(0, ...boot.map((x) => x.m)));
  // Only the players with a choice are redrawn from their seeds: a player with one strategy never deviates, so its
  // payoff enters no equilibrium test, best response or α-Rank move (its mean keeps the draw above, a finite number).
  // Each seed set's per-seed scores of those players are laid out seed by seed (seed s: every profile's scores in a
  // row), so a drawn seed's scores are read together rather than once per profile and player across the whole table.
  const cols = g.pools.flatMap((pool, i) => (pool.length > 1 ? [i] : []));
  const rows = boot.map(({ m, ids }) => seedRows(g, ids, cols, m));
  const sums = new Float64Array(Math.max(0, ...boot.map((x) => x.ids.length * cols.length)));
  for (let r = 0; r < samples; r++) {
    for (let id = 0; id < g.size; id++) {
      for (let i = 0; i < n; i++) {
        const z = normal(); // drawn for every profile, so that tables without seeds resample as they always did
        const k = id * n + i;
        mean[k] = g.known[id] ? g.mean[k] + g.se[k] * z : NaN;
      }
    }
    if (cols.length)
      boot.forEach(({ m, ids }, b) => {
        for (let s = 0; s < m; s++) draw[s] = Math.floor(uniform() * m);
        const c = Math.sqrt(m / (m - 1));
        // each (profile, player) sum adds the drawn seeds' scores in the order drawn, as a sum taken on its own would
        const w = ids.length * cols.length;
        const row = rows[b];
        sums.fill(0, 0, w);
        for (let s = 0; s < m; s++) {
          const at = draw[s] * w;
          for (let q = 0; q < w; q++) sums[q] += row[at + q];
        }
        ids.forEach((id, j) =>
          cols.forEach((i, ci) => {
            const k = id * n + i;
            mean[k] = g.mean[k] + c * (sums[j * cols.length + ci] / m - g.mean[k]);
          }),
        );
      });
    const h = withMeans(g, mean);
    const { eq } = scanEquilibria(h, tol);
    if (eq.length === 0) none++;
    for (const id of eq) eqCount.set(id, (eqCount.get(id) ?? 0) + 1);
    brEntries.forEach((e, j) => {
      if (e.best.length && e.bestIdx.includes(topStrategy(h, e.player, e.base))) brHits[j]++;
    });
    if (arOpts && r < arSamples) {
      const { pi } = alphaRankStationary(h, arOpts);
      let best = 0;
      for (let id = 1; id < pi.length; id++) if (pi[id] > pi[best]) best = id;
      if (best === topId) arHits++;
    }
  }

  const equilibria = eqIds.map((id): EquilibriumConfidence => {
    const count = eqCount.get(id) ?? 0;
    const z = marginZ(g, id);
    const zText =
      z.z !== null
        ? `, smallest margin ${Math.abs(z.z) >= 10 ? z.z.toFixed(1) : z.z.toPrecision(2)} se (${z.basis})`
        : z.minMargin === null
          ? ''
          : z.minMarginSe === 0
            ? ', margin exact (sd 0)'
            : ', margin without a standard error (1 game)';
    return { profile: profileOf(g, id), label: profileLabel(g, id), stable: count / samples, count, samples, ...z, description: `stable in ${pct(count / samples)} of ${samples} resamples${zText}` };
  });
  const listed = new Set(eqIds);
  const others = [...eqCount.entries()]
    .filter(([id]) => !listed.has(id))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 10)
    .map(([id, c]) => ({ profile: profileOf(g, id), label: profileLabel(g, id), frequency: c / samples }));

  let alphaRank: ConfidenceResult['alphaRank'] = null;
  if (topId !== null) {
    if (arSamples > 0) {
      const f = arHits / arSamples;
      alphaRank = { profile: profileOf(g, topId), label: profileLabel(g, topId), stable: f, samples: arSamples, description: `top in ${pct(f)} of ${arSamples} resamples` };
    } else alphaRank = { skipped: g.knownCount < g.size ? 'profiles are missing' : `${g.size} profiles make each α-Rank solve too costly; set alphaRankSamples to force` };
  }

  return {
    samples,
    seed,
    resampling: {
      seedBootstrap: inBoot,
      independent: g.knownCount - inBoot,
      description:
        inBoot === 0
          ? 'each profile mean drawn on its own from N(mean, se)'
          : inBoot === g.knownCount && boot.length === 1
            ? `paired: the ${boot[0].m} seeds redrawn with replacement, every profile together`
            : `${inBoot} of ${g.knownCount} profiles by redrawing their seeds (${boot.length} seed set${boot.length === 1 ? '' : 's'}), the other ${g.knownCount - inBoot} each on its own from N(mean, se)`,
    },
    tolerance: tol,
    equilibria,
    others,
    noEquilibrium: none / samples,
    bestResponses: wantBr ? brEntries.map((e, j) => ({ player: g.players[e.player], others: e.others, best: e.best, stability: e.best.length ? brHits[j] / samples : null })) : null,
    alphaRank,
  };
}

/** The per-seed scores of players `cols` at profiles `ids` (one seed set of m seeds) seed by seed: row s holds profile
 * ids[0]'s scores of cols on seed s, then ids[1]'s, and so on. */
function seedRows(g: GameIndex, ids: number[], cols: number[], m: number): Float64Array {
  const n = g.players.length;
  const w = ids.length * cols.length;
  const out = new Float64Array(m * w);
  ids.forEach((id, j) => {
    const v = g.perSeed[id]!;
    for (let s = 0; s < m; s++) cols.forEach((i, ci) => (out[s * w + j * cols.length + ci] = v[s * n + i]));
  });
  return out;
}

interface BrEntry {
  player: number;
  base: number;
  others: Profile;
  best: string[];
  bestIdx: number[];
}

/** The point-estimate best-response sets, in the order bestResponses() lists them. */
function bestEntries(g: GameIndex, tol: number): BrEntry[] {
  const n = g.players.length;
  const out: BrEntry[] = [];
  for (let i = 0; i < n; i++) {
    for (const base of contexts(g, i)) {
      let top = -Infinity;
      for (let s = 0; s < g.pools[i].length; s++) {
        const id = base + s * g.strides[i];
        if (g.known[id]) top = Math.max(top, g.mean[id * n + i]);
      }
      const bestIdx: number[] = [];
      for (let s = 0; s < g.pools[i].length; s++) {
        const id = base + s * g.strides[i];
        if (g.known[id] && g.mean[id * n + i] >= top - tol) bestIdx.push(s);
      }
      const others = profileOf(g, base);
      delete others[g.players[i]];
      out.push({ player: i, base, others, best: bestIdx.map((s) => g.pools[i][s]), bestIdx });
    }
  }
  return out;
}

/** Index of player i's highest known mean in the context `base` (first in pool order on exact ties), -1 if none. */
function topStrategy(g: GameIndex, i: number, base: number): number {
  const n = g.players.length;
  let best = -1;
  let v = -Infinity;
  for (let s = 0; s < g.pools[i].length; s++) {
    const id = base + s * g.strides[i];
    if (g.known[id] && g.mean[id * n + i] > v) [v, best] = [g.mean[id * n + i], s];
  }
  return best;
}

/** Smallest deviation margin at a profile with its standard error (paired seed by seed when the two profiles share
 * seeds, else sqrt(se_here² + se_there²)), its 95% interval, and the weakest margin/se. */
function marginZ(g: GameIndex, id: number): Pick<EquilibriumConfidence, 'minMargin' | 'minMarginSe' | 'minMarginCi95' | 'basis' | 'z' | 'weakestZ'> {
  let min: ReturnType<typeof difference> | null = null;
  let weakestZ: number | null = null;
  forDeviations(g, id, (i, _k, d) => {
    if (!g.known[id] || !g.known[d]) return;
    const m = difference(g, id, d, i);
    if (min === null || m.diff < min.diff) min = m;
    if (m.se !== null && m.se > 0 && (weakestZ === null || m.diff / m.se < weakestZ)) weakestZ = m.diff / m.se;
  });
  const mm = min as ReturnType<typeof difference> | null;
  if (mm === null) return { minMargin: null, minMarginSe: null, minMarginCi95: null, basis: null, z: null, weakestZ };
  return { minMargin: mm.diff, minMarginSe: mm.se, minMarginCi95: mm.ci95, basis: mm.basis, z: mm.se !== null && mm.se > 0 ? mm.diff / mm.se : null, weakestZ };
}
