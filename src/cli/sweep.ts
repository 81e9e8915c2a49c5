// `gambit sweep`: vary numeric content parameters one at a time or as a Latin hypercube, play seeded games for each
// variant on common seeds, and rank the parameters by how much they move the outcomes (Sobol indices: sobol.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTRIES, OBJECTIVES, hashValue } from '../../engine/index.ts';
import { makeRng } from '../../engine/prng.ts';
import { readBundle } from '../content/load.ts';
import { displayOnly } from '../content/ranges.ts';
import { UsageError, choice, hashesOf, int, loadScripts, makeSeats, parseAgentSpec } from './args.ts';
import { checkParamValues } from './param-check.ts';
import { MAX_GAMES_PER_RUN, batchSetup, checkRunSize, checkSeeds, onWorkers } from './batch-options.ts';
import { inputFiles } from './content.ts';
import { checkOutputs, earlierFile } from './files.ts';
import { csvCell, notAParam, readParam, type GameTask, type ResultLine } from './batch.ts';
import { runTasks } from './pool.ts';
import { writeFileAtomic } from './io.ts';
import { halfWidth95, meanSd } from '../analysis/stats.ts';

/** An outcome whose sd over the sample is at most this share of its size (|mean|, at least 1) has no variance to
 * attribute: the markets are solved to a price tolerance of 1e-6 of the reference price (engine/market/conditions.ts,
 * TOL_P), so differences this small are the solver's, not the parameters', and ranking their indices ranked noise
 * (an analyst's play-test: prices that moved by 2e-6 of themselves were listed as depending on the parameters). Ten
 * times the tolerance, for what it does downstream. */
export const SOLVER_NOISE = 1e-5;

export interface SweepOptions {
  scenario: string;
  param: string[];
  method?: string;
  lhs?: string;
  /** Sobol base samples, and bootstrap resamples for its intervals */
  n?: string;
  bootstrap?: string;
  games?: string;
  seed: string;
  agents?: string;
  turns?: string;
  workers?: string;
  out: string;
  progress: boolean;
}

/** The outcomes a sweep ranks parameters by. */
export const OUTCOMES: { id: string; get: (l: ResultLine) => number }[] = [
  ...COUNTRIES.map((c) => ({ id: `score_${c}`, get: (l: ResultLine) => l.scores[c] })),
  ...COUNTRIES.map((c) => ({ id: `gdp_growth_pct_${c}`, get: (l: ResultLine) => l.outcomes.gdpGrowthPct[c] })),
  { id: 'jpn_min_magnet_supply', get: (l) => l.outcomes.jpnMinMagnetSupply },
  { id: 'final_price_oxide_light', get: (l) => l.outcomes.finalPrices['oxide.light'] ?? NaN },
  { id: 'final_price_oxide_heavy', get: (l) => l.outcomes.finalPrices['oxide.heavy'] },
  { id: 'final_price_magnet', get: (l) => l.outcomes.finalPrices.magnet },
];

/** The smallest change in an outcome's own units that the sweep counts as an effect (a floor of presentation, not of
 * the model; assumption, chosen as the figures the game and its reports show): 0.01 points of score, 0.01 percentage
 * points of GDP growth, 0.001 of Japan's magnet needs (0.1%), 1% of a price at the base value. Below it an effect is
 * negligible however many standard deviations it is (an analyst's sweep ranked a parameter first for moving an outcome
 * whose standard deviation was 0.0007 percentage points). */
export function materialFloor(id: string, baseMean: number): number {
  if (id.startsWith('score_') || id.startsWith('gdp_growth_pct_')) return 0.01;
  if (id === 'jpn_min_magnet_supply') return 0.001;
  if (id.startsWith('final_price_')) return 0.01 * Math.abs(baseMean);
  return 0;
}

/** materialFloor in words, as the sweep, its report and the Sobol report say it. */
export const FLOOR_WORDS = "0.01 points of score or percentage points of GDP growth, 0.1% of Japan's magnet needs, 1% of a price";
/** The sweep's note under a ranking with a negligible strongest effect (the report's too). */
export const NEGLIGIBLE_NOTE = `(negligible): the change in the outcome's own units is below the smallest change the sweep counts (${FLOOR_WORDS}), however many standard deviations it is; such a parameter has no clear effect.`;

/** Whether these games cannot tell an effect from 0: its 95% interval (± half95 about it, or a bootstrap ci95) includes
 * 0. An effect with no interval (one game a variant) is not within noise. The sweep's `clear` count, its printed
 * "(within noise)" and the report's all read this. */
export function withinNoise(effect: number, bounds: { half95?: number | null; ci95?: readonly number[] | null }): boolean {
  if (typeof bounds.half95 === 'number') return Math.abs(effect) <= bounds.half95;
  return bounds.ci95 != null && bounds.ci95[0] <= 0 && bounds.ci95[1] >= 0;
}

/** Ordinary least squares of y on the columns of X (with an intercept); returns the slopes. */
export function ols(X: number[][], y: number[]): number[] {
  const k = X[0].length + 1;
  const A = Array.from({ length: k }, () => new Array(k).fill(0));
  const b = new Array(k).fill(0);
  X.forEach((row, i) => {
    const r = [1, ...row];
    for (let p = 0; p < k; p++) {
      b[p] += r[p] * y[i];
      for (let q = 0; q < k; q++) A[p][q] += r[p] * r[q];
    }
  });
  // Gauss-Jordan with partial pivoting
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    [b[c], b[piv]] = [b[piv], b[c]];
    if (Math.abs(A[c][c]) < 1e-12) continue;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let q = c; q < k; q++) A[r][q] -= f * A[c][q];
      b[r] -= f * b[c];
    }
  }
  return b.slice(1).map((v, i) => (Math.abs(A[i + 1][i + 1]) < 1e-12 ? 0 : v / A[i + 1][i + 1]));
}

/** The method a sweep's flags ask for (--lhs alone means lhs, as before --method); refuses flags of another method. */
export function sweepMethod(o: SweepOptions): 'oat' | 'lhs' | 'sobol' {
  const m = choice('--method', ['oat', 'lhs', 'sobol'] as const)(o.method ?? (o.lhs === undefined ? 'oat' : 'lhs'));
  if (m === 'lhs' && o.lhs === undefined) throw new UsageError('--method lhs: give the number of samples with --lhs N');
  if (m !== 'lhs' && o.lhs !== undefined) throw new UsageError(`--lhs is for --method lhs, not ${m}`);
  if (m !== 'sobol' && (o.n !== undefined || o.bootstrap !== undefined)) throw new UsageError(`--${o.n !== undefined ? 'n' : 'bootstrap'} is for --method sobol, not ${m}`);
  if (m !== 'sobol' && o.games === undefined) throw new UsageError(`--games: required for --method ${m} (games per variant)`);
  return m;
}

export async function cmdSweep(o: SweepOptions): Promise<number> {
  const { content, seed, turns, workers } = batchSetup(o);
  const games = int('--games', 1, MAX_GAMES_PER_RUN)(o.games!);
  checkSeeds(seed, games);
  const agents = parseAgentSpec(o.agents);
  checkOutputs([{ path: o.out, flag: '--out', dir: true, inside: ['sweep.json', 'sweep.csv'] }], inputFiles(o.scenario, agents));
  const scripts = loadScripts(agents, content);
  makeSeats(content, agents, scripts);
  if (!o.param.length) throw new UsageError('--param: give at least one, e.g. --param goods.autos.sigma=1.5,2.3,3');
  const raw = readBundle(o.scenario);
  const seen = new Set<string>();
  const params = o.param.map((spec) => {
    const m = /^([A-Za-z0-9_.]+)=(.+)$/.exec(spec);
    if (!m) throw new UsageError(`--param: expected PATH=v1,v2,..., got ${JSON.stringify(spec)}`);
    // twice would rank one parameter twice, each row from both lists' variants: refused, as sobol does
    if (seen.has(m[1])) throw new UsageError(`--param ${m[1]}: given twice; list all its values once (${m[1]}=v1,v2,...)`);
    seen.add(m[1]);
    const base = readParam(content, m[1]);
    if (base === undefined) throw new UsageError(notAParam(content, m[1], 'countries.regions.JPN.gdpUsdBn'));
    const shown = displayOnly(raw, m[1]);
    if (shown) throw new UsageError(`--param ${m[1]}: the engine does not read it, so varying it changes nothing ("${shown}"); vary what it is derived from`);
    const values = m[2].split(',').map((v) => Number(v));
    if (values.some((v) => !Number.isFinite(v))) throw new UsageError(`--param ${m[1]}: values must be numbers, got ${m[2]}`);
    return { path: m[1], base, values };
  });
  checkParamValues(raw, params);
  const lhs = o.lhs === undefined ? 0 : int('--lhs', 2, 10_000)(o.lhs);
  // a hypercube samples each parameter over [min, max] of its values: one value would hold it fixed, and the ranking
  // would then say that it moved nothing
  const flat = lhs ? params.find((p) => Math.min(...p.values) === Math.max(...p.values)) : undefined;
  if (flat) throw new UsageError(`--param ${flat.path}: --lhs samples between the smallest and largest value given; give two different values (${flat.path}=lo,hi)`);
  // one at a time, a parameter whose values are all its base value plays the baseline again and ranks as moving nothing
  const idle = lhs ? undefined : params.find((p) => p.values.every((v) => v === p.base));
  if (idle) throw new UsageError(`--param ${idle.path}: ${idle.values.length > 1 ? 'every value given is' : 'the only value given is'} its base value ${idle.base}, so the sweep would compare the baseline with itself; give other values (${idle.path}=lo,hi)`);
  // the variants: the baseline, then one at a time, or a Latin hypercube over each parameter's [min, max]
  const variants: Record<string, number>[] = [{}];
  if (!lhs) for (const p of params) for (const v of p.values) variants.push({ [p.path]: v });
  else {
    const rng = makeRng(`lhs:${seed}`);
    const cols = params.map((p) => {
      const lo = Math.min(...p.values);
      const hi = Math.max(...p.values);
      const strata = Array.from({ length: lhs }, (_, i) => lo + ((i + rng()) / lhs) * (hi - lo));
      for (let i = strata.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [strata[i], strata[j]] = [strata[j], strata[i]];
      }
      return strata;
    });
    for (let i = 0; i < lhs; i++) variants.push(Object.fromEntries(params.map((p, k) => [p.path, cols[k][i]])));
  }
  checkRunSize(variants.length * games, variants.length * games, '--games', false);
  const id = hashValue({ s: content.hash, seed, games, variants, agents, turns: turns ?? null, scripts: hashesOf(scripts) });
  // a one-at-a-time variant that sets its parameter to the base value plays the baseline's games again, bit for bit
  // (the same content numbers): it takes the baseline's results instead of playing them (a sweep that lists the base
  // among the values, as --param goods.autos.sigma=1.5,2.3,3 does, saves a variant's games)
  const baseOf = new Map(params.map((p) => [p.path, p.base]));
  const atBase = (v: Record<string, number>) => !lhs && Object.keys(v).length > 0 && Object.entries(v).every(([k, x]) => x === baseOf.get(k));
  const tasks: GameTask[] = [];
  /** for each variant's games in order, the index of the task whose result it is */
  const from: number[] = [];
  variants.forEach((v, i) => {
    for (let g = 0; g < games; g++) {
      if (atBase(v)) {
        from.push(g);
        continue;
      }
      from.push(tasks.length);
      tasks.push({ scenario: o.scenario, game: i * games + g, seed: seed + g, agents, turns, run: id, runGames: variants.length * games, overrides: v, scripts: hashesOf(scripts), exact: true });
    }
  });
  const shared = variants.filter(atBase).length;
  process.stderr.write(`sweep: ${variants.length} variants x ${games} game${games > 1 ? 's' : ''} = ${variants.length * games} games${turns !== undefined ? ` of ${turns} turn${turns === 1 ? '' : 's'} each` : ''}${shared ? `, ${tasks.length} played (${shared} variant${shared > 1 ? 's' : ''} at the base value take${shared > 1 ? '' : 's'} the baseline's games)` : ''} ${onWorkers(workers)}\n`);
  // unrounded outcomes (exact): the means, spreads and effects below are of the games' own figures, as sweep.csv's
  // per-game rows are
  const played = (await runTasks({ tasks, workers, progress: o.progress, label: 'sweep' })).map((l) => JSON.parse(l) as ResultLine);
  const lines = from.map((k) => played[k]);
  const byVariant = variants.map((v, i) => ({ params: v, lines: lines.slice(i * games, (i + 1) * games) }));
  const summary = byVariant.map((b) => ({ params: b.params, means: Object.fromEntries(OUTCOMES.map((x) => [x.id, meanSd(b.lines.map(x.get)).mean])) }));
  // the unit of an effect: one at a time, an outcome's standard deviation over all games; a Latin hypercube's
  // standardised coefficients, that of the outcome's mean over the samples it is fitted to (the textbook SRC, at most 1
  // in magnitude with one parameter: over all games, the baseline's games in it too, a perfect line read 1.15)
  const spreadOf = Object.fromEntries(OUTCOMES.map((x) => [x.id, lhs ? meanSd(summary.slice(1).map((s) => s.means[x.id])) : meanSd(lines.map(x.get))]));
  const spread = Object.fromEntries(OUTCOMES.map((x) => [x.id, spreadOf[x.id].sd || 1]));
  // an outcome that varies no more than the market solver's numerical noise has no effect to rank (as in Sobol runs):
  // a Latin hypercube ranked a parameter 2.354 on Japan's lowest magnet supply, 0.939211 in all 11 variants, its
  // spread 5e-15 dividing the fitted noise (an analyst's review)
  const noiseOnly = new Set(OUTCOMES.filter((x) => spreadOf[x.id].sd <= SOLVER_NOISE * Math.max(1, Math.abs(spreadOf[x.id].mean))).map((x) => x.id));
  // Latin hypercube: a 95% percentile interval for each standardised coefficient, from 200 resamples of the sample
  // points (seeded), so a coefficient of noise is not read as an effect
  const lhsCi: Record<string, [number, number][]> = {};
  if (lhs) {
    const X = summary.slice(1).map((s) => params.map((q) => s.params[q.path]));
    const sdX = params.map((_, j) => meanSd(X.map((r) => r[j])).sd || 1);
    const rng = makeRng(`lhs-bootstrap:${seed}`);
    const B = 200;
    const draws = Array.from({ length: B }, () => X.map(() => Math.floor(rng() * X.length)));
    for (const x of OUTCOMES) {
      const y = summary.slice(1).map((s) => s.means[x.id]);
      const bs = draws.map((d) => ols(d.map((i) => X[i]), d.map((i) => y[i])));
      lhsCi[x.id] = params.map((_, j) => {
        const v = bs.map((b) => (noiseOnly.has(x.id) ? 0 : (b[j] * sdX[j]) / spread[x.id])).sort((a, b) => a - b);
        return [v[Math.floor(0.025 * (B - 1))], v[Math.ceil(0.975 * (B - 1))]];
      });
    }
  }
  // ranking: effect of each parameter on each outcome, in standard deviations of that outcome over all games
  const ranking = params.map((p, k) => {
    const effects: Record<string, number> = {};
    // one at a time: the 95% half-width of the range, from the seed-by-seed differences between the variants with the
    // highest and the lowest mean (the same seeds, so paired); none with one game a variant (the spread of one
    // difference is unknown: no half95 at all in sweep.json, not a null)
    const half95: Record<string, number> = {};
    // the same effects in each outcome's own units, and the two means behind a range: an effect in standard deviations
    // of an outcome that hardly varies (Japan's lowest magnet supply, 0.9389 in every game) read as large
    const raw: Record<string, number> = {};
    const ends: Record<string, [number, number]> = {};
    if (!lhs) {
      const rows = byVariant.map((b, i) => ({ b, m: summary[i] })).filter((r) => p.path in r.m.params);
      for (const x of OUTCOMES) {
        const ms = rows.map((r) => r.m.means[x.id]);
        effects[x.id] = noiseOnly.has(x.id) ? 0 : (Math.max(...ms) - Math.min(...ms)) / spread[x.id];
        raw[x.id] = Math.max(...ms) - Math.min(...ms);
        ends[x.id] = [Math.min(...ms), Math.max(...ms)];
        const hi = rows[ms.indexOf(Math.max(...ms))].b.lines.map(x.get);
        const lo = rows[ms.indexOf(Math.min(...ms))].b.lines.map(x.get);
        if (games > 1) half95[x.id] = noiseOnly.has(x.id) ? 0 : halfWidth95(meanSd(hi.map((v, g) => v - lo[g])).sd, games) / spread[x.id];
      }
    } else {
      const X = summary.slice(1).map((s) => params.map((q) => s.params[q.path]));
      const sdX = params.map((_, j) => meanSd(X.map((r) => r[j])).sd || 1);
      for (const x of OUTCOMES) {
        const beta = ols(X, summary.slice(1).map((s) => s.means[x.id]));
        effects[x.id] = noiseOnly.has(x.id) ? 0 : (beta[k] * sdX[k]) / spread[x.id]; // standardised regression coefficient
        raw[x.id] = beta[k] * (Math.max(...p.values) - Math.min(...p.values)); // the fitted change over the range sampled
      }
    }
    const ci95 = lhs ? Object.fromEntries(OUTCOMES.map((x) => [x.id, lhsCi[x.id][k]])) : null;
    const withHalf = !lhs && games > 1;
    // an effect these games tell from 0: outside its 95% interval (one game a variant: no interval, every effect counts),
    // and not negligible in the outcome's own units (materialFloor)
    const material = (id: string): boolean => Math.abs(raw[id]) >= materialFloor(id, summary[0].means[id]);
    const isClear = (id: string): boolean => material(id) && !withinNoise(effects[id], lhs ? { ci95: ci95![id] } : withHalf ? { half95: half95[id] } : {});
    const told = OUTCOMES.filter((x) => isClear(x.id)).map((x) => x.id);
    const clear = told.length;
    // the strongest effect told apart from noise where there is one (the largest range of noise named an outcome the
    // parameter did not move: an analyst's sweep ranked a parameter with no clear effect above one with three)
    const byStrength = Object.entries(effects).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
    const top = byStrength.find(([id]) => isClear(id)) ?? byStrength[0];
    // an effect below the smallest change the sweep counts in its outcome's own units counts 0 here: an outcome that
    // hardly varies (a price within 3e-5 of its mean) gave standardised coefficients of ±1 that ranked a parameter first
    // by outcomes the same summary said it moved none of (an analyst's review)
    const overall = Math.sqrt(OUTCOMES.reduce((a, x) => a + (material(x.id) ? effects[x.id] * effects[x.id] : 0), 0) / OUTCOMES.length);
    // a parameter that moves no outcome has no strongest effect (naming the first outcome would say it moved that one)
    // (sweep.json holds no nulls: a parameter that moved nothing has no strongest outcome at all)
    const strongest: { outcome?: string; effect: number; raw: number; means?: [number, number]; half95?: number; ci95?: [number, number]; negligible?: true } = { ...(top[1] === 0 ? {} : { outcome: top[0] }), effect: top[1], raw: raw[top[0]], ...(lhs ? { ci95: ci95![top[0]] } : { means: ends[top[0]], ...(withHalf ? { half95: half95[top[0]] } : {}) }), ...(top[1] !== 0 && !material(top[0]) ? { negligible: true as const } : {}) };
    return { path: p.path, base: p.base, values: p.values, effects, ...(lhs ? { ci95 } : withHalf ? { half95 } : {}), overall, clear, told, strongest };
  });
  // parameters with an effect told apart from noise first, then the others; each group by overall effect
  ranking.sort((a, b) => Number(b.clear > 0) - Number(a.clear > 0) || b.overall - a.overall || a.path.localeCompare(b.path));
  const json = JSON.stringify({ format: 'rare-earth-gambit-sweep', version: 1, scenario: content.scenario.id, seed, gamesPerVariant: games, turns: turns ?? null, method: lhs ? `latin-hypercube(${lhs})` : 'one-at-a-time', agents, variants: summary, ranking }, null, 1) + '\n';
  const before = earlierFile(join(o.out, 'sweep.json'), json);
  // what `gambit report` made from an earlier, different sweep here is of that sweep: said, not removed (the user's files)
  const stale = before === 'other' ? ['report.html', 'report-sweep.csv'].filter((f) => existsSync(join(o.out, f))) : [];
  writeFileAtomic(join(o.out, 'sweep.json'), json);
  // the games' length last, so a --turns sweep's rows are told apart from a full one's; which parameter a variant moves
  // and whether its games are the baseline's (variant 0, and a value at the base), so grouping by a parameter does not
  // count the baseline's games several times; the outcomes unrounded, the figures the means and effects are of (rounded
  // to 0.01, a score that moved by 0.001 read the same in every row: an analyst's review)
  // each seat's agent, as self-play's CSV has them (two sweeps' rows, one per strategy, could not be told apart once
  // loaded together), and each score split by objective, self-play's columns too (which objective a parameter moves
  // the score through: an analyst's review)
  const header = ['variant', 'varies', 'baseline_games', ...params.map((p) => p.path), ...COUNTRIES.map((c) => `agent_${c}`), 'game', 'seed', ...OUTCOMES.map((x) => x.id), ...COUNTRIES.flatMap((c) => OBJECTIVES.map((k) => `score_${k}_${c}`)), 'turns'];
  const csv = byVariant.flatMap((b, i) => b.lines.map((l) => [i, i === 0 ? '(baseline)' : lhs ? '(all)' : Object.keys(b.params)[0], i === 0 || atBase(b.params) ? 1 : 0, ...params.map((p) => b.params[p.path] ?? p.base), ...COUNTRIES.map((c) => csvCell(l.agents[c])), l.game % games, l.seed, ...OUTCOMES.map((x) => x.get(l)), ...COUNTRIES.flatMap((c) => OBJECTIVES.map((k) => l.scoreBy?.[c][k] ?? '')), l.outcomes.turns].join(',')));
  writeFileAtomic(join(o.out, 'sweep.csv'), [header.join(','), ...csv].join('\n') + '\n');
  const out = [`sensitivity${turns !== undefined ? ` over games of ${turns} turn${turns === 1 ? '' : 's'}` : ''} (${lhs ? `Latin hypercube, ${lhs} samples, standardised regression coefficients; in standard deviations of each outcome's mean over the samples` : 'one at a time, range of mean outcome; in standard deviations of each outcome over all games'}):`, ''];
  out.push(`${'parameter'.padEnd(50)} ${'overall'.padStart(8)}  strongest effect${lhs ? ' (signed: outcome up as the parameter goes up; [95% bootstrap interval])' : ` (range of the means${games > 1 ? ', ± its 95% interval over the seeds' : ''})`}`);
  const strongest = (r: (typeof ranking)[number]) =>
    r.strongest.outcome === undefined
      ? 'none: no outcome moved beyond the market solver\'s numerical noise'
      : `${r.strongest.outcome} ${lhs && r.strongest.effect >= 0 ? '+' : ''}${r.strongest.effect.toFixed(3)}${typeof r.strongest.half95 === 'number' ? ` ±${r.strongest.half95.toFixed(3)}` : ''}${r.strongest.ci95 ? ` [${r.strongest.ci95.map((v) => v.toFixed(3)).join(', ')}]` : ''} (${inUnits(r.strongest)})`;
  // an effect inside its own 95% interval cannot be told from 0 by these games: said, so it is not read as a finding
  const noise = (r: (typeof ranking)[number]) => r.strongest.outcome !== undefined && withinNoise(r.strongest.effect, r.strongest);
  for (const r of ranking) out.push(`${r.path.padEnd(50)} ${r.overall.toFixed(3).padStart(8)}  ${strongest(r)}${r.strongest.negligible ? '  (negligible)' : noise(r) ? '  (within noise)' : ''}`);
  // each outcome's own ranking: which parameters move Japan's score, say, not only which move the outcomes overall
  const per = byOutcome(ranking, OUTCOMES.map((x) => x.id));
  const moved = per.filter((o) => o.movers.length);
  if (moved.length) {
    out.push('', 'by outcome: the parameters that move it (effects these games tell from 0, strongest first, at most three):');
    for (const o of moved) out.push(`  ${o.outcome.padEnd(26)} ${o.movers.slice(0, 3).map((m) => `${m.path} ${lhs && m.effect >= 0 ? '+' : ''}${m.effect.toFixed(3)}`).join(', ')}${o.movers.length > 3 ? ` (+${o.movers.length - 3} more)` : ''}`);
    const still = per.filter((o) => !o.movers.length).map((o) => o.outcome);
    if (still.length) out.push(`  moved by none of these: ${still.join(', ')}`);
  }
  out.push(
    '',
    `overall: the root mean square of a parameter's effects over the ${OUTCOMES.length} outcomes (sweep.csv has the outcomes, a game a row; sweep.json's ranking the effects, a parameter an entry), an effect below the smallest change the sweep counts in its outcome's own units (${FLOOR_WORDS}) counted as 0; the parameters with an effect these games tell from 0 come first, and their strongest effect is the largest of those.`,
    ...(ranking.some((r) => r.strongest.negligible) ? [NEGLIGIBLE_NOTE] : []),
    ...(ranking.some((r) => !r.strongest.negligible && noise(r)) ? [`(within noise): the 95% interval of the effect includes 0, so these games cannot tell it from 0: ${lhs ? 'more samples (--lhs) or games' : 'more games per variant'} would.`] : []),
    `${before === 'none' ? 'written' : 'replaced'}: ${join(o.out, 'sweep.json')}, sweep.csv${before === 'same' ? ' (the same sweep as before)' : ''}`,
    ...(stale.length ? [`note: ${stale.map((f) => join(o.out, f)).join(' and ')} ${stale.length > 1 ? 'are' : 'is'} of the earlier sweep, not this one; gambit report ${o.out}`] : []),
  );
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

/** Each outcome with the parameters whose effect on it the sweep told from 0 (a ranking entry's `told`), strongest
 * first (ties by path); the outcomes in the order given. The summary's "by outcome" lines and the report's table. */
export function byOutcome(ranking: readonly { path: string; effects: Record<string, number | null>; told?: readonly string[] }[], outcomes: readonly string[]): { outcome: string; movers: { path: string; effect: number }[] }[] {
  return outcomes.map((outcome) => ({
    outcome,
    movers: ranking
      .filter((r) => r.told?.includes(outcome))
      .map((r) => ({ path: r.path, effect: r.effects[outcome] ?? 0 }))
      .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || a.path.localeCompare(b.path)),
  }));
}

/** A strongest effect in its outcome's own units, as the summary and the report write it in brackets: "means 0.9388
 * to 0.9389" (one at a time), "+0.0000302 over the range" (a hypercube); '' when the sweep.json has neither (older). */
export function inUnits(st: { raw?: number; means?: readonly number[] }): string {
  if (st.means) return `means ${apart([st.means[0], st.means[1]]).join(' to ')}`;
  return typeof st.raw === 'number' ? `${st.raw >= 0 ? '+' : '-'}${apart([0, Math.abs(st.raw)])[1]} over the range` : '';
}

/** Two figures to the fewest significant digits (at least 3, at most 10) that tell them apart, as written in the
 * sweep's summary: the means 0.938938 and 0.938789 of an outcome, not 0.939 and 0.939. */
export function apart([a, b]: readonly [number, number]): [string, string] {
  const g = (x: number, d: number): string => String(Number(x.toPrecision(d)));
  let d = 3;
  while (d < 10 && a !== b && g(a, d) === g(b, d)) d++;
  return [g(a, d), g(b, d)];
}
