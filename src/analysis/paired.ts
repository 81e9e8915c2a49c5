// Differences between two profiles' payoffs with their uncertainty: seed by seed (paired) when both profiles were
// played on the same seeds and the table keeps the per-seed scores, else as independent means (Welch).
import { meanSd, t95 } from './stats.ts';
import type { GameIndex } from './table.ts';

/** How a difference's standard error was taken. */
export type Basis = 'paired' | 'unpaired';

export interface Difference {
  /** Mean of profile a minus mean of profile b, for one player. */
  diff: number;
  /** Its standard error: sd of the per-seed differences / sqrt(seeds) when paired, sqrt(se_a² + se_b²) when not;
   * null when a profile rests on one game (no standard error). */
  se: number | null;
  /** 95% t interval: over the seeds (seeds - 1 degrees of freedom) when paired, Welch's degrees of freedom when not. */
  ci95: [number, number] | null;
  basis: Basis;
  /** Common seeds (paired) or null. */
  seeds: number | null;
}

/** True when profiles a and b carry per-seed scores on the same seeds. */
export const pairable = (g: GameIndex, a: number, b: number): boolean => g.seedSet[a] >= 0 && g.seedSet[a] === g.seedSet[b];

/** Player i's payoff at profile a minus at profile b (both known), with its standard error and 95% interval. */
export function difference(g: GameIndex, a: number, b: number, i: number): Difference {
  const n = g.players.length;
  const diff = g.mean[a * n + i] - g.mean[b * n + i];
  if (pairable(g, a, b)) {
    const m = g.seedSets[g.seedSet[a]].length;
    const xa = g.perSeed[a]!;
    const xb = g.perSeed[b]!;
    const d = new Float64Array(m);
    for (let s = 0; s < m; s++) d[s] = xa[s * n + i] - xb[s * n + i];
    if (m < 2) return { diff, se: null, ci95: null, basis: 'paired', seeds: m };
    const se = meanSd(d).sd / Math.sqrt(m);
    const h = t95(m - 1) * se;
    return { diff, se, ci95: [diff - h, diff + h], basis: 'paired', seeds: m };
  }
  const [na, nb] = [g.games[a], g.games[b]];
  if (na < 2 || nb < 2) return { diff, se: null, ci95: null, basis: 'unpaired', seeds: null };
  const va = g.se[a * n + i] ** 2;
  const vb = g.se[b * n + i] ** 2;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { diff, se, ci95: [diff, diff], basis: 'unpaired', seeds: null };
  const df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1)); // Welch-Satterthwaite
  const h = t95(Math.max(1, Math.floor(df))) * se;
  return { diff, se, ci95: [diff - h, diff + h], basis: 'unpaired', seeds: null };
}

export interface Pairing {
  /** paired: every known profile has per-seed scores on one seed set; unpaired: none has them; mixed: some or several sets. */
  basis: 'paired' | 'unpaired' | 'mixed';
  /** Known profiles with per-seed scores, and the distinct seed sets among them. */
  withSeeds: number;
  seedSets: number;
  description: string;
}

const seedsText = (s: number[]) => (s.length === 1 ? `seed ${s[0]}` : s.length > 2 && s[s.length - 1] - s[0] === s.length - 1 ? `seeds ${s[0]}-${s[s.length - 1]}` : `seeds ${s.join(', ')}`);

/** Which comparisons of the table can be paired, in words for the report. */
export function pairingOf(g: GameIndex): Pairing {
  let withSeeds = 0;
  const used = new Set<number>();
  for (let id = 0; id < g.size; id++)
    if (g.known[id] && g.seedSet[id] >= 0) {
      withSeeds++;
      used.add(g.seedSet[id]);
    }
  const k = g.knownCount;
  if (withSeeds === 0)
    return {
      basis: 'unpaired',
      withSeeds,
      seedSets: 0,
      description:
        'unpaired: the table has no per-seed scores (profiles[].seeds and profiles[].scores, which tournaments write from this version on), so profiles are taken as independent. If they were played on common seeds, that ignores how their scores move together from seed to seed: usually that makes intervals wider and stabilities lower than paired figures would be, though not always. Re-run the tournament for paired figures.',
    };
  if (withSeeds === k && used.size === 1) {
    const s = g.seedSets[[...used][0]];
    return {
      basis: 'paired',
      withSeeds,
      seedSets: 1,
      description: `paired: ${k === 1 ? 'the one profile was' : `all ${k} profiles were`} played on the same ${s.length === 1 ? '' : `${s.length} `}${seedsText(s)}, so every difference between two profiles is taken seed by seed (its mean, and a t interval over the seeds), and resampling redraws the seeds, every profile together.`,
    };
  }
  return {
    basis: 'mixed',
    withSeeds,
    seedSets: used.size,
    description: `mixed: ${withSeeds} of ${k} profiles carry per-seed scores, on ${used.size} different seed set${used.size === 1 ? '' : 's'}; differences between profiles on the same seeds are paired (seed by seed), the others unpaired (independent means, Welch intervals), and resampling redraws the seeds of each set together and the other profiles' means on their own.`,
  };
}

/** For each best-response entry (the order of bestResponses(): player by player, context by context), the margin of
 * the top strategy over the runner-up as a Difference; null when fewer than two strategies are known there. */
export function bestResponseMargins(g: GameIndex, contextsOf: (i: number) => number[]): Array<Difference | null> {
  const n = g.players.length;
  const out: Array<Difference | null> = [];
  for (let i = 0; i < n; i++) {
    for (const base of contextsOf(i)) {
      let top = -1;
      let second = -1;
      const val = (id: number) => g.mean[id * n + i];
      for (let s = 0; s < g.pools[i].length; s++) {
        const id = base + s * g.strides[i];
        if (!g.known[id]) continue;
        if (top < 0 || val(id) > val(top)) [second, top] = [top, id];
        else if (second < 0 || val(id) > val(second)) second = id;
      }
      out.push(second < 0 ? null : difference(g, top, second, i));
    }
  }
  return out;
}
