// `gambit sweep --method sobol`: global sensitivity of the outcomes to the content's ranged assumptions. Saltelli's
// design over a scrambled Sobol sequence, N(k+2) sample points played on common seeds, first-order and total indices.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { hashValue, type Content } from '../../engine/index.ts';
import { SOBOL_MAX_DIMS, saltelliDesign, sobolIndices, type SobolIndex } from '../analysis/sobol.ts';
import { readBundle } from '../content/load.ts';
import { displayOnly, rangedParams } from '../content/ranges.ts';
import { UsageError, hashesOf, int, loadScripts, makeSeats, parseAgentSpec } from './args.ts';
import { checkParamValues } from './param-check.ts';
import { batchSetup, checkRunSize, checkSeeds, onWorkers } from './batch-options.ts';
import { inputFiles } from './content.ts';
import { checkOutputs } from './files.ts';
import { notAParam, readParam, type GameTask, type ResultLine } from './batch.ts';
import { writeFileAtomic } from './io.ts';
import { runTasks } from './pool.ts';
import { sobolMarkdown, sobolSummary } from './sobol-report.ts';
import { OUTCOMES, SOLVER_NOISE, type SweepOptions } from './sweep.ts';
import { plural } from './table.ts';


export interface SobolParam {
  path: string;
  base: number;
  lo: number;
  hi: number;
  src: string;
}

export interface SobolOutcome {
  id: string;
  mean: number;
  sd: number;
  /** every index is 0 when the outcome did not vary beyond numerical noise: its sd at most `noise` of its size */
  constant: boolean;
  /** that relative sd (SOLVER_NOISE; absent in a file written before it was recorded) */
  noise?: number;
  indices: ({ path: string } & SobolIndex)[];
}

export interface SobolRun {
  format: 'rare-earth-gambit-sobol';
  version: 1;
  command: string;
  commit: string;
  scenario: string;
  contentHash: string;
  seed: number;
  n: number;
  games: number;
  turns: number | null;
  agents: Record<string, string>;
  sampling: string;
  estimators: string;
  bootstrap: { resamples: number; level: number };
  params: SobolParam[];
  outcomes: SobolOutcome[];
  /** the design: block A, B or AB:i (the parameter's index), base row, parameter values, mean outcomes */
  points: { block: string; row: number; x: number[]; f: number[] }[];
}

/** The parameters: every ranged assumption of the content, or the --param subset (PATH, or PATH=lo,hi). */
export function sobolParams(content: Content, scenario: string, specs: string[]): SobolParam[] {
  const raw = readBundle(scenario);
  const ranged = rangedParams(raw, content);
  if (!specs.length) {
    if (!ranged.length) throw new UsageError('--method sobol: no content parameter has a "range"; give --param PATH=lo,hi');
    return ranged.map(({ path, base, lo, hi, src }) => ({ path, base, lo, hi, src }));
  }
  const seen = new Set<string>();
  return specs.map((spec) => {
    const m = /^([A-Za-z0-9_.]+)(?:=(.*))?$/.exec(spec);
    if (!m) throw new UsageError(`--param: expected PATH or PATH=lo,hi, got ${JSON.stringify(spec)}`);
    const path = m[1];
    const base = readParam(content, path);
    if (base === undefined) throw new UsageError(notAParam(content, path, 'rules.macro.tradeElasticity'));
    const shown = displayOnly(raw, path);
    if (shown) throw new UsageError(`--param ${path}: the engine does not read it, so varying it changes nothing ("${shown}"); vary what it is derived from`);
    if (seen.has(path)) throw new UsageError(`--param ${path}: given twice`);
    seen.add(path);
    if (m[2] === undefined) {
      const r = ranged.find((p) => p.path === path);
      if (!r) throw new UsageError(`--param ${path}: has no range in the content; give one as ${path}=lo,hi`);
      return { path, base, lo: r.lo, hi: r.hi, src: r.src };
    }
    const vs = m[2].split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
    if (vs.length !== 2 || vs.some((v) => !Number.isFinite(v))) throw new UsageError(`--param ${path}: --method sobol takes a range PATH=lo,hi, got ${JSON.stringify(m[2])}`);
    if (!(vs[0] < vs[1])) throw new UsageError(`--param ${path}: the range needs lo < hi, got ${vs[0]},${vs[1]}`);
    checkParamValues(raw, [{ path, values: vs }]); // a range's ends: each value between them passes the same rules
    return { path, base, lo: vs[0], hi: vs[1], src: 'range given on the command line' };
  });
}

function gitCommit(): string {
  const run = (args: string[]) => spawnSync('git', args, { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
  const head = run(['rev-parse', '--short', 'HEAD']);
  if (head.status !== 0) return 'unknown';
  const dirty = run(['status', '--porcelain', '--untracked-files=no']).stdout.trim() !== '';
  return head.stdout.trim() + (dirty ? ' (with uncommitted changes)' : '');
}

const shellWord = (s: string) => (/^[A-Za-z0-9_.,=:/@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export async function cmdSobol(o: SweepOptions): Promise<number> {
  const { content, seed, turns, workers } = batchSetup(o);
  const games = o.games === undefined ? 1 : int('--games', 1, 10_000)(o.games);
  const n = o.n === undefined ? 32 : int('--n', 2, 65_536)(o.n);
  if ((n & (n - 1)) !== 0) throw new UsageError(`--n must be a power of 2 (a Sobol sequence is balanced in runs of 2^m points), got ${n}`);
  const resamples = o.bootstrap === undefined ? 1000 : int('--bootstrap', 0, 100_000)(o.bootstrap);
  checkSeeds(seed, games);
  const agents = parseAgentSpec(o.agents);
  checkOutputs([{ path: o.out, flag: '--out', dir: true, inside: ['sobol.json', 'sobol.csv', 'sobol.md'] }], inputFiles(o.scenario, agents));
  const scripts = loadScripts(agents, content);
  makeSeats(content, agents, scripts);
  const params = sobolParams(content, o.scenario, o.param);
  const k = params.length;
  if (2 * k > SOBOL_MAX_DIMS) throw new UsageError(`--method sobol: at most ${Math.floor(SOBOL_MAX_DIMS / 2)} parameters, got ${k}; choose some with --param`);
  const design = saltelliDesign(n, k, String(seed));
  const points: { block: string; row: number; x: number[] }[] = [];
  const scale = (u: number[]) => u.map((v, i) => params[i].lo + v * (params[i].hi - params[i].lo));
  for (let j = 0; j < n; j++) {
    points.push({ block: 'A', row: j, x: scale(design.A[j]) }, { block: 'B', row: j, x: scale(design.B[j]) });
    for (let i = 0; i < k; i++) points.push({ block: `AB:${i}`, row: j, x: scale(design.AB[i][j]) });
  }
  checkRunSize(points.length * games, points.length * games, 'sobol: N(k+2) sample points x --games', false);
  const id = hashValue({ s: content.hash, method: 'sobol', seed, games, n, params, agents, turns: turns ?? null, scripts: hashesOf(scripts) });
  const tasks: GameTask[] = [];
  for (const p of points) {
    const overrides = Object.fromEntries(params.map((q, i) => [q.path, p.x[i]]));
    for (let g = 0; g < games; g++) tasks.push({ scenario: o.scenario, game: tasks.length, seed: seed + g, agents, turns, run: id, runGames: points.length * games, overrides, scripts: hashesOf(scripts), exact: true });
  }
  process.stderr.write(`sweep (sobol): ${plural(k, 'parameter')}, N = ${n}: ${points.length} sample points x ${games} game${games > 1 ? 's' : ''} = ${tasks.length} games ${onWorkers(workers)}\n`);
  // the code that plays the games is the code checked out now: a commit made while they run is not theirs
  const commit = gitCommit();
  const lines = (await runTasks({ tasks, workers, progress: o.progress, label: 'sobol' })).map((l) => JSON.parse(l) as ResultLine);
  // each point's outcome: the mean over its games (common seeds across points), of the games' unrounded figures (exact):
  // an effect smaller than a result line's rounding still counts
  const f = points.map((_, p) => OUTCOMES.map((x) => lines.slice(p * games, (p + 1) * games).reduce((a, l) => a + x.get(l), 0) / games));
  const at = (block: string) => points.map((p, i) => (p.block === block ? i : -1)).filter((i) => i >= 0);
  const rowsA = at('A');
  const rowsB = at('B');
  const rowsAB = params.map((_, i) => at(`AB:${i}`));
  const outcomes: SobolOutcome[] = OUTCOMES.map((x, q) => {
    const r = sobolIndices(
      rowsA.map((i) => f[i][q]),
      rowsB.map((i) => f[i][q]),
      rowsAB.map((rows) => rows.map((i) => f[i][q])),
      { resamples, seed: `${seed}:${x.id}`, level: 0.95, noise: SOLVER_NOISE },
    );
    const indices = r.indices.map((ix, i) => ({ path: params[i].path, ...ix }));
    indices.sort((a, b) => b.ST - a.ST || a.path.localeCompare(b.path));
    return { id: x.id, mean: r.mean, sd: Math.sqrt(r.observedVariance), constant: r.flat, noise: SOLVER_NOISE, indices };
  });
  const run: SobolRun = {
    format: 'rare-earth-gambit-sobol',
    version: 1,
    command: ['npm run gambit --', ...process.argv.slice(2).map(shellWord)].join(' '),
    commit,
    scenario: content.scenario.id,
    contentHash: content.hash,
    seed,
    n,
    games,
    turns: turns ?? null,
    agents,
    sampling: `Saltelli design (A, B and AB_i, N(k+2) points) from the first N points of a Sobol sequence (Joe-Kuo 6.21201 direction numbers), Owen-scrambled (hash-based, keys from --seed); A is dimensions 1-${k}, and B's column for each parameter the unused dimension that makes the best two-dimensional net with its A column (lowest t-value; Saltelli's dimension k+i where that is as good); each parameter uniform over [lo, hi]`,
    estimators: 'S1: Saltelli et al. 2010 (mean of f_B (f_ABi - f_A) / V); ST: Jansen 1999 (mean of (f_A - f_ABi)^2 / 2V); V the variance of f_A and f_B together; 95% bootstrap percentile intervals',
    bootstrap: { resamples, level: 0.95 },
    params,
    outcomes,
    points: points.map((p, i) => ({ ...p, f: f[i] })),
  };
  writeFileAtomic(join(o.out, 'sobol.json'), JSON.stringify(run) + '\n');
  const num = (v: number) => String(Math.round(v * 1e6) / 1e6);
  const csv = ['outcome,parameter,lo,hi,base,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi'];
  for (const x of outcomes)
    for (const ix of x.indices) {
      const p = params.find((q) => q.path === ix.path)!;
      csv.push([x.id, ix.path, p.lo, p.hi, p.base, ...[ix.S1, ...ix.S1ci, ix.ST, ...ix.STci].map(num)].join(','));
    }
  writeFileAtomic(join(o.out, 'sobol.csv'), csv.join('\n') + '\n');
  writeFileAtomic(join(o.out, 'sobol.md'), sobolMarkdown(run));
  process.stdout.write(sobolSummary(run) + `\nwritten: ${join(o.out, 'sobol.json')}, sobol.csv, sobol.md\n`);
  return 0;
}
