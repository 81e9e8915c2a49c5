// Best responses, unilateral deviation gains and pure Nash equilibria of a payoff table, never guessing missing profiles.
import { defaultTolerance, deviate, digit, indexTable, profileId, profileLabel, profileOf, type GameIndex, type Profile, type TableLike } from './table.ts';

export interface BestResponse {
  player: string;
  /** The other players' strategies this answer is for. */
  others: Profile;
  /** Strategies within `tolerance` of the highest known mean, in pool order; empty when no profile is known. */
  best: string[];
  /** The highest known mean. */
  value: number | null;
  /** Highest mean minus the second highest (≈0 for ties); null when fewer than two strategies are known. */
  margin: number | null;
  /** Strategies whose profile is missing: when non-empty the answer holds among the known ones only. */
  unknown: string[];
}

export interface ToleranceOptions {
  /** Gains at most this large count as ties; default 1e-9 × max(1, payoff range). */
  tolerance?: number;
}

/** For each player and each combination of the other players' strategies, the best strategy (or the tied ones) and its margin. */
export function bestResponses(table: TableLike, opts: ToleranceOptions = {}): BestResponse[] {
  const g = indexTable(table);
  const tol = opts.tolerance ?? defaultTolerance(g);
  const n = g.players.length;
  const out: BestResponse[] = [];
  for (let i = 0; i < n; i++) {
    const pool = g.pools[i];
    for (const base of contexts(g, i)) {
      let top = -Infinity;
      let second = -Infinity;
      let knownCount = 0;
      const unknown: string[] = [];
      const values: number[] = [];
      for (let s = 0; s < pool.length; s++) {
        const id = base + s * g.strides[i];
        if (!g.known[id]) {
          unknown.push(pool[s]);
          values.push(NaN);
          continue;
        }
        const v = g.mean[id * n + i];
        values.push(v);
        knownCount++;
        if (v > top) [second, top] = [top, v];
        else if (v > second) second = v;
      }
      const others = profileOf(g, base);
      delete others[g.players[i]];
      out.push({
        player: g.players[i],
        others,
        best: knownCount ? pool.filter((_, s) => values[s] >= top - tol) : [],
        value: knownCount ? top : null,
        margin: knownCount >= 2 ? top - second : null,
        unknown,
      });
    }
  }
  return out;
}

/** Profile ids where player i plays its first strategy: one per combination of the others' strategies. */
export function contexts(g: GameIndex, i: number): number[] {
  const out: number[] = [];
  for (let id = 0; id < g.size; id++) if (digit(g, id, i) === 0) out.push(id);
  return out;
}

export interface PlayerDeviation {
  player: string;
  strategy: string;
  /** This player's mean at the profile; null when the profile is missing. */
  payoff: number | null;
  /** Gain of each alternative strategy (deviation payoff minus payoff); null when unknown. */
  gains: Array<{ strategy: string; gain: number | null }>;
  /** The alternative with the largest known gain, and that gain (negative when every deviation loses). */
  bestDeviation: string | null;
  bestGain: number | null;
  /** max(0, bestGain): what this player leaves on the table. */
  regret: number | null;
  /** Alternatives whose profile is missing. */
  unknown: string[];
}

export interface DeviationReport {
  profile: Profile;
  label: string;
  known: boolean;
  players: PlayerDeviation[];
  /** Largest regret over players; a lower bound when `complete` is false; null when the profile is missing. */
  regret: number | null;
  /** True when the profile and every unilateral deviation from it are known. */
  complete: boolean;
}

/** Each player's gains from every unilateral deviation at a profile, and its best one (its regret). */
export function deviationGains(table: TableLike, profile: Profile): DeviationReport {
  const g = indexTable(table);
  return deviationReport(g, profileId(g, profile));
}

export function deviationReport(g: GameIndex, id: number): DeviationReport {
  const n = g.players.length;
  const known = g.known[id] === 1;
  let complete = known;
  let regret: number | null = known ? 0 : null;
  const players = g.players.map((player, i): PlayerDeviation => {
    const cur = digit(g, id, i);
    const payoff = known ? g.mean[id * n + i] : null;
    const gains: PlayerDeviation['gains'] = [];
    const unknown: string[] = [];
    let bestDeviation: string | null = null;
    let bestGain: number | null = null;
    for (let k = 0; k < g.pools[i].length; k++) {
      if (k === cur) continue;
      const s = g.pools[i][k];
      const d = deviate(g, id, i, k);
      if (!g.known[d]) {
        unknown.push(s);
        complete = false;
      }
      const gain = payoff !== null && g.known[d] ? g.mean[d * n + i] - payoff : null;
      gains.push({ strategy: s, gain });
      if (gain !== null && (bestGain === null || gain > bestGain)) [bestGain, bestDeviation] = [gain, s];
    }
    const r = bestGain === null ? (known ? 0 : null) : Math.max(0, bestGain);
    if (r !== null && regret !== null) regret = Math.max(regret, r);
    return { player, strategy: g.pools[i][cur], payoff, gains, bestDeviation, bestGain, regret: r, unknown };
  });
  return { profile: profileOf(g, id), label: profileLabel(g, id), known, players, regret, complete };
}

export interface EquilibriumCandidate {
  profile: Profile;
  label: string;
  payoffs: Record<string, number>;
  /** Smallest payoff − deviation payoff over all known deviations (≥ −tolerance); null when no player can deviate. */
  minMargin: number | null;
  /** The deviation achieving minMargin. */
  closest: { player: string; strategy: string } | null;
  /** Every known deviation loses by more than the tolerance. */
  strict: boolean;
}

export interface UnverifiedCandidate extends EquilibriumCandidate {
  /** Deviation profiles that are missing: the candidate is an equilibrium only if none of them pays. */
  missing: Profile[];
}

export interface PureEquilibriaResult {
  tolerance: number;
  /** Profiles where every deviation is known and none gains more than the tolerance. */
  equilibria: EquilibriumCandidate[];
  /** Profiles with no known profitable deviation but some deviations missing: not claimed as equilibria. */
  unverified: UnverifiedCandidate[];
  profiles: { total: number; known: number };
}

/** Status of every profile: 'eq' (verified), 'unverified', 'no' (a known profitable deviation) or 'missing'. */
export type EqStatus = 'eq' | 'unverified' | 'no' | 'missing';

/** Fast scan used by pureEquilibria and by the resampling: equilibrium ids and unverified ids. */
export function scanEquilibria(g: GameIndex, tol: number): { eq: number[]; unverified: number[] } {
  const n = g.players.length;
  const eq: number[] = [];
  const unverified: number[] = [];
  for (let id = 0; id < g.size; id++) {
    if (!g.known[id]) continue;
    let status: EqStatus = 'eq';
    for (let i = 0; i < n && status !== 'no'; i++) {
      const u = g.mean[id * n + i];
      const cur = digit(g, id, i);
      for (let k = 0; k < g.pools[i].length; k++) {
        if (k === cur) continue;
        const d = id + (k - cur) * g.strides[i];
        if (!g.known[d]) status = 'unverified';
        else if (g.mean[d * n + i] - u > tol) {
          status = 'no';
          break;
        }
      }
    }
    if (status === 'eq') eq.push(id);
    else if (status === 'unverified') unverified.push(id);
  }
  return { eq, unverified };
}

/** Profiles where no player gains more than the tolerance by deviating alone, and those that depend on missing profiles. */
export function pureEquilibria(table: TableLike, opts: ToleranceOptions = {}): PureEquilibriaResult {
  const g = indexTable(table);
  const tol = opts.tolerance ?? defaultTolerance(g);
  const { eq, unverified } = scanEquilibria(g, tol);
  return {
    tolerance: tol,
    equilibria: eq.map((id) => candidate(g, id, tol)),
    unverified: unverified.map((id) => {
      const c = candidate(g, id, tol);
      const missing: Profile[] = [];
      forDeviations(g, id, (_i, _k, d) => {
        if (!g.known[d]) missing.push(profileOf(g, d));
      });
      return { ...c, missing };
    }),
    profiles: { total: g.size, known: g.knownCount },
  };
}

/** Calls f(player, strategy, deviation id) for every unilateral deviation from id. */
export function forDeviations(g: GameIndex, id: number, f: (i: number, k: number, d: number) => void): void {
  for (let i = 0; i < g.players.length; i++) {
    const cur = digit(g, id, i);
    for (let k = 0; k < g.pools[i].length; k++) if (k !== cur) f(i, k, deviate(g, id, i, k));
  }
}

function candidate(g: GameIndex, id: number, tol: number): EquilibriumCandidate {
  const n = g.players.length;
  let minMargin: number | null = null;
  let closest: EquilibriumCandidate['closest'] = null;
  for (let i = 0; i < n; i++) {
    const cur = digit(g, id, i);
    for (let k = 0; k < g.pools[i].length; k++) {
      const d = deviate(g, id, i, k);
      if (k === cur || !g.known[d]) continue;
      const m = g.mean[id * n + i] - g.mean[d * n + i];
      if (minMargin === null || m < minMargin) [minMargin, closest] = [m, { player: g.players[i], strategy: g.pools[i][k] }];
    }
  }
  const payoffs: Record<string, number> = {};
  g.players.forEach((p, i) => (payoffs[p] = g.mean[id * n + i]));
  return { profile: profileOf(g, id), label: profileLabel(g, id), payoffs, minMargin, closest, strict: minMargin === null || minMargin > tol };
}
