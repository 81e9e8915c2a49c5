// Runs every analysis on one payoff table and gathers a single JSON-serialisable result for files and reports.
import { alphaRank, type AlphaRankOptions, type AlphaRankResult } from './alpharank.ts';
import { confidence, type ConfidenceOptions, type ConfidenceResult } from './confidence.ts';
import { bestResponses, deviationReport, pureEquilibria, type BestResponse, type DeviationReport, type PureEquilibriaResult } from './equilibria.ts';
import { replicatorDynamics, type ReplicatorOptions, type ReplicatorResult } from './replicator.ts';
import { defaultTolerance, indexTable, missingProfiles, profileId, type Profile, type TableLike } from './table.ts';

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
  players: string[];
  strategies: Record<string, string[]>;
  profiles: { total: number; known: number; missingCount: number; missing: Profile[] };
  tolerance: number;
  /** Best responses with, when confidence ran, the fraction of resamples that keep the same best strategy. */
  bestResponses: Array<BestResponse & { stability: number | null }>;
  equilibria: PureEquilibriaResult;
  replicator: ReplicatorResult | null;
  alphaRank: AlphaRankResult | null;
  /** Resampling report (its bestResponses are merged into the list above and set to null here). */
  confidence: ConfidenceResult | null;
  /** Deviation gains at the top α-Rank profile, or, without α-Rank, at the known profile with the least regret. */
  topProfile: { source: 'alpha-rank' | 'least-regret'; deviations: DeviationReport } | null;
  notes: string[];
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
  if (equilibria.unverified.length) notes.push(`${equilibria.unverified.length} profile(s) have no known profitable deviation but depend on missing profiles; they are not claimed as equilibria.`);
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
  if (topId !== null) topProfile = { source: 'alpha-rank', deviations: deviationReport(g, topId) };
  else {
    let best: DeviationReport | null = null;
    for (let id = 0; id < g.size; id++) {
      if (!g.known[id]) continue;
      const r = deviationReport(g, id);
      const better = best === null || (r.complete && !best.complete) || (r.complete === best.complete && (r.regret ?? Infinity) < (best.regret ?? Infinity));
      if (better) best = r;
    }
    if (best) topProfile = { source: 'least-regret', deviations: best };
  }

  return {
    format: 'rare-earth-gambit-analysis',
    version: 1,
    scenario: t.scenario,
    seed: t.seed,
    gamesPerProfile: t.gamesPerProfile,
    players: [...t.players],
    strategies: Object.fromEntries(t.players.map((p) => [p, [...t.strategies[p]]])),
    profiles: { total: g.size, known: g.knownCount, missingCount, missing: missingProfiles(g, opts.missingLimit ?? 50) },
    tolerance,
    bestResponses: br.map((b, i) => ({ ...b, stability: stability ? stability[i] : null })),
    equilibria,
    replicator,
    alphaRank: ar,
    confidence: conf,
    topProfile,
    notes,
  };
}
