// Runs every analysis on one payoff table and gathers a single JSON-serialisable result for files and reports.
import { alphaRank, type AlphaRankOptions, type AlphaRankResult } from './alpharank.ts';
import { confidence, type ConfidenceOptions, type ConfidenceResult } from './confidence.ts';
import { bestResponses, contexts, deviationReport, pureEquilibria, type BestResponse, type DeviationReport, type PlayerDeviation, type PureEquilibriaResult } from './equilibria.ts';
import { bestResponseMargins, difference, pairingOf, type Basis, type Pairing } from './paired.ts';
import { replicatorDynamics, type ReplicatorOptions, type ReplicatorResult } from './replicator.ts';
import { defaultTolerance, deviate, indexTable, missingProfiles, profileId, type GameIndex, type Profile, type TableLike } from './table.ts';

export interface AnalyzeOptions {
  /** Tie tolerance for best responses and equilibria (default 1e-9 × max(1, payoff range)). */
  tolerance?: number;
  /** Replicator settings (default: 5000 RK4 steps of 0.05 from the uniform mix plus 3 random starts); false to skip. */
  replicator?: ReplicatorOptions | false;
  /** α-Rank settings (default alpha 50 scaled by the payoff range, population 50); false to skip. */
  alphaRank?: AlphaRankOptions | false;
  /** Resampling settings (default 500 resamples, seed 1); false to skip. */
  confidence?: Omit<ConfidenceOptions, 'tolerance' | 'alphaRank'> | false;
  /** Missing profiles listed by name (default 50; the count is always given). */
  missingLimit?: number;
}

export interface AnalysisResult {
  format: 'rare-earth-gambit-analysis';
  version: 1;
  scenario: string;
  seed: number;
  gamesPerProfile: number;
  /** the turns each game played (null: the whole game; absent when the table did not record it) */
  turns?: number | null;
  /** the payoff table analysed, by its hash (the engine's hashValue of the parsed table): set by `gambit analyze`, so
   * `gambit report` can tell an analysis of this table from one of a table played before in the same directory */
  table?: string;
  players: string[];
  strategies: Record<string, string[]>;
  profiles: { total: number; known: number; missingCount: number; missing: Profile[] };
  tolerance: number;
  /** Whether comparisons between profiles were paired (the same seeds, per-seed scores in the table) or unpaired. */
  pairing: Pairing;
  /** Best responses with, when confidence ran, the fraction of resamples that keep the same best strategy, and the
   * margin's standard error and 95% interval (paired or unpaired, as marginBasis says; null for one game). */
  bestResponses: Array<BestResponse & { stability: number | null; marginSe: number | null; marginCi95: [number, number] | null; marginBasis: Basis | null }>;
  equilibria: PureEquilibriaResult;
  replicator: ReplicatorResult | null;
  alphaRank: AlphaRankResult | null;
  /** Resampling report (its bestResponses are merged into the list above and set to null here). */
  confidence: ConfidenceResult | null;
  /** Deviation gains at the top α-Rank profile, or, without α-Rank, at the known profile with the least regret; each
   * player's best gain with its standard error and 95% interval. */
  topProfile: { source: 'alpha-rank' | 'least-regret'; deviations: TopDeviations } | null;
  notes: string[];
}

export type GainStats = { bestGainSe: number | null; bestGainCi95: [number, number] | null; basis: Basis | null };
export type TopDeviations = Omit<DeviationReport, 'players'> & { players: Array<PlayerDeviation & GainStats> };

/** The deviation report with the uncertainty of each player's best gain. */
function withGainStats(g: GameIndex, id: number, d: DeviationReport): TopDeviations {
  return {
    ...d,
    players: d.players.map((x, i) => {
      const k = x.bestDeviation === null ? -1 : g.pools[i].indexOf(x.bestDeviation);
      if (k < 0 || x.payoff === null) return { ...x, bestGainSe: null, bestGainCi95: null, basis: null };
      const diff = difference(g, deviate(g, id, i, k), id, i);
      return { ...x, bestGainSe: diff.se, bestGainCi95: diff.ci95, basis: diff.basis };
    }),
  };
}

/** Every analysis of the table with one set of options; the result survives JSON.stringify/parse unchanged. */
export function analyzeTable(table: TableLike, opts: AnalyzeOptions = {}): AnalysisResult {
  const g = indexTable(table);
  const t = g.table;
  const tolerance = opts.tolerance ?? defaultTolerance(g);
  const notes: string[] = [];
  const missingCount = g.size - g.knownCount;
  if (missingCount > 0) notes.push(`${missingCount} of ${g.size} profiles are missing: best responses and equilibria hold among known profiles only, and replicator dynamics and α-Rank need the full factorial.`);

  const br = bestResponses(g, { tolerance });
  const equilibria = pureEquilibria(g, { tolerance });
  if (equilibria.unverified.length) notes.push(`${equilibria.unverified.length === 1 ? '1 profile has' : `${equilibria.unverified.length} profiles have`} no known profitable deviation but depend${equilibria.unverified.length === 1 ? 's' : ''} on missing profiles; ${equilibria.unverified.length === 1 ? 'it is' : 'they are'} not claimed as ${equilibria.unverified.length === 1 ? 'an equilibrium' : 'equilibria'}.`);
  const replicator = opts.replicator === false ? null : replicatorDynamics(g, { starts: 3, ...opts.replicator });
  const arOpts = opts.alphaRank === false ? null : (opts.alphaRank ?? {});
  const ar = arOpts ? alphaRank(g, arOpts) : null;
  const topProfileOfAr = ar && ar.available && ar.top.length ? ar.top[0].profile : null;
  const topId = topProfileOfAr ? profileId(g, topProfileOfAr) : null;

  let conf: ConfidenceResult | null = null;
  // the sd of one game is not 0 but unknown: resampling with it would call every figure exact and 100% stable
  const single = t.profiles.filter((p) => p.games < 2).length;
  if (single && opts.confidence !== false)
    notes.push(`${single} of ${t.profiles.length} profiles rest on 1 game, which has no standard error: no stability or z figures. Play at least 2 games per profile for them.`);
  if (opts.confidence !== false && !single) {
    conf = confidence(g, { equilibria: equilibria.equilibria.map((e) => e.profile), alphaRankTop: topProfileOfAr }, { ...opts.confidence, tolerance, alphaRank: arOpts ?? undefined });
    if (t.profiles.length && t.profiles.every((p) => Object.values(p.sd).every((v) => v === 0))) notes.push('Every sd is 0: resampling cannot move anything, so stabilities are trivially 100%.');
  }
  const stability = conf?.bestResponses?.map((b) => b.stability) ?? null;
  if (conf) conf = { ...conf, bestResponses: null };

  let topProfile: AnalysisResult['topProfile'] = null;
  if (topId !== null) topProfile = { source: 'alpha-rank', deviations: withGainStats(g, topId, deviationReport(g, topId)) };
  else {
    let best: DeviationReport | null = null;
    let bestId = -1;
    for (let id = 0; id < g.size; id++) {
      if (!g.known[id]) continue;
      const r = deviationReport(g, id);
      const better = best === null || (r.complete && !best.complete) || (r.complete === best.complete && (r.regret ?? Infinity) < (best.regret ?? Infinity));
      if (better) [best, bestId] = [r, id];
    }
    if (best) topProfile = { source: 'least-regret', deviations: withGainStats(g, bestId, best) };
  }
  const pairing = pairingOf(g);
  const margins = bestResponseMargins(g, (i) => contexts(g, i));

  return {
    format: 'rare-earth-gambit-analysis',
    version: 1,
    scenario: t.scenario,
    seed: t.seed,
    gamesPerProfile: t.gamesPerProfile,
    ...(t.turns !== undefined ? { turns: t.turns } : {}),
    players: [...t.players],
    strategies: Object.fromEntries(t.players.map((p) => [p, [...t.strategies[p]]])),
    profiles: { total: g.size, known: g.knownCount, missingCount, missing: missingProfiles(g, opts.missingLimit ?? 50) },
    tolerance,
    pairing,
    bestResponses: br.map((b, i) => ({ ...b, stability: stability ? stability[i] : null, marginSe: margins[i]?.se ?? null, marginCi95: margins[i]?.ci95 ?? null, marginBasis: margins[i]?.basis ?? null })),
    equilibria,
    replicator,
    alphaRank: ar,
    confidence: conf,
    topProfile,
    notes,
  };
}
