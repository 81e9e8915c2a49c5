// `gambit experiment NAME`: a named experiment from content/experiments/NAME.json. Each of a seat's strategies plays
// against each set of opponents over seeds (common random numbers); every game is measured against the same game with
// the seat at the status quo, and each strategy against the status-quo strategy seed by seed. Writes NAME.json,
// NAME.csv and report.html (src/cli/experiment-report.ts) into --out.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { COUNTRIES, ENGINE_VERSION, hashValue, type CountryId } from '../../engine/index.ts';
import { jsonSyntaxMessage, loadContent } from '../content/load.ts';
import { UsageError, hashesOf, int, loadScripts, makeSeats, type LoadedScript } from './args.ts';
import { FileError } from './errors.ts';
import { STOP_SIGNALS, interruptedLine, playUntilStopped, writeFileAtomic } from './io.ts';
import { onWorkers, parseWorkers } from './batch-options.ts';
import { checkOutputs, earlierFile, refuseForeignReport } from './files.ts';
import { wrapIndented } from './table.ts';
import { nearest } from '../../engine/near.ts';
import { dropEmptyJournal, openJournalWith } from './journal.ts';
import { playScheduled } from './pool.ts';
import { progress } from './progress-log.ts';
import { METRICS, csvColumn, playExperimentTask, type ExperimentLine, type ExperimentTask, type GameMetrics, type Yardstick } from './experiment-play.ts';

export { METRICS, type GameMetrics };
import { halfWidth95, meanSd } from '../analysis/stats.ts';
import { ciText, experimentReport } from './experiment-report.ts';
import { gdpPercentPoints } from '../session/figures.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIR = join(ROOT, 'content', 'experiments');
const country = z.enum(COUNTRIES);
export const ExperimentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string(),
    question: z.string(),
    seat: country,
    turns: z.number().int().min(1).max(200),
    seeds: z.number().int().min(2).max(1000),
    strategies: z.array(z.object({ id: z.string(), label: z.string(), agent: z.string() }).strict()).min(2),
    opponents: z.array(z.object({ id: z.string(), label: z.string(), agents: z.partialRecord(country, z.string()) }).strict()).min(1),
  })
  .strict();
export type Experiment = z.infer<typeof ExperimentSchema>;

export function listExperiments(): string[] {
  return existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
}

export function loadExperiment(name: string): Experiment {
  const known = listExperiments();
  const near = nearest(name, known);
  if (!known.includes(name)) throw new UsageError(`experiment ${JSON.stringify(name)} is not one of: ${known.join(', ') || '(none)'} (content/experiments/)${near ? `: did you mean ${near}?` : ''}`);
  const path = join(DIR, `${name}.json`);
  const text = readFileSync(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FileError(`${path}: not valid JSON (${jsonSyntaxMessage(text, e)})`);
  }
  const r = ExperimentSchema.safeParse(json);
  if (!r.success) throw new FileError(`${path}: ${r.error.issues.map((i) => `$.${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

/** The experiments in content/experiments/, each with its seat, default seeds and opponent sets, for --help (an
 * analyst found the opponent set ids only in the error for a bad one). A file that does not load is named as such. */
export function experimentsHelp(): string {
  const lines = listExperiments().map((id) => {
    try {
      const ex = loadExperiment(id);
      return `  ${id}: ${ex.seat}'s strategies ${ex.strategies.map((x) => x.id).join(', ')}; ${ex.seeds} seeds\n    opponent sets: ${ex.opponents.map((x) => x.id).join(', ')}`;
    } catch (e) {
      return `  ${id}: does not load (${(e as Error).message})`;
    }
  });
  return `Experiments (content/experiments/):\n${lines.join('\n') || '  (none)'}`;
}

export interface Cell {
  strategy: string;
  opponents: string;
  games: GameMetrics[];
}

export function interval(xs: number[]): { mean: number; lo: number; hi: number } {
  const { mean, sd } = meanSd(xs);
  const h = xs.length > 1 ? halfWidth95(sd, xs.length) : 0;
  return { mean, lo: mean - h, hi: mean + h };
}

/** Scripted agents in an experiment name files relative to the repository. */
function resolveAgent(name: string): string {
  return name.startsWith('scripted:') && !name.slice(9).startsWith('/') ? `scripted:${join(ROOT, name.slice(9))}` : name;
}

/**
 * The units of an experiment, in a fixed order: first the yardstick game of every opponent set and seed (key
 * o*n + k), then every strategy's game against it (key O*n + (o*S + s)*n + k). A measured unit needs its yardstick's
 * result (`yardOf`), so the yardsticks are all played first. A strategy that plays the seat at the status quo (the
 * thesis's "status-quo") plays the yardstick's own game: the yardstick unit measures it, and its keys are never played
 * (`twin`), a sixth fewer games in the thesis experiment.
 */
export class ExperimentPlan {
  readonly ops: Experiment['opponents'];
  readonly n: number;
  readonly bases: Record<CountryId, string>[];
  readonly scripts: Record<string, string>;
  constructor(readonly ex: Experiment, readonly seeds: number[], opponentIds: string[]) {
    this.ops = ex.opponents.filter((o) => opponentIds.includes(o.id));
    this.n = seeds.length;
    this.bases = this.ops.map((op) => Object.fromEntries(COUNTRIES.map((c) => [c, resolveAgent(op.agents[c] ?? 'persona')])) as Record<CountryId, string>);
    const every = this.bases.flatMap((b) => [{ ...b, [ex.seat]: 'status-quo' }, ...ex.strategies.map((st) => ({ ...b, [ex.seat]: resolveAgent(st.agent) }))]);
    const scripts: Record<string, LoadedScript> = {};
    for (const names of every) Object.assign(scripts, loadScripts(names));
    this.scripts = hashesOf(scripts);
  }
  get yards(): number {
    return this.ops.length * this.n;
  }
  get total(): number {
    return this.yards * (1 + this.ex.strategies.length);
  }
  /** Whether strategy s is the seat at the status quo, the yardstick's own game. */
  twin(s: number): boolean {
    return resolveAgent(this.ex.strategies[s].agent) === 'status-quo';
  }
  /** Whether the yardstick units measure a strategy too. */
  get yardMeasures(): boolean {
    return this.ex.strategies.some((_, s) => this.twin(s));
  }
  /** Whether a measured unit's key is a twin's (never played: its yardstick unit measures it). */
  twinKey(key: number): boolean {
    return key >= this.yards && this.twin(Math.floor((key - this.yards) / this.n) % this.ex.strategies.length);
  }
  /** The measured units to play, in key order: the twins' keys left out. */
  measureKeys(): number[] {
    const out: number[] = [];
    for (let key = this.yards; key < this.total; key++) if (!this.twinKey(key)) out.push(key);
    return out;
  }
  /** The games played in all: every yardstick and every measured unit that is not a twin. */
  get played(): number {
    return this.yards + this.measureKeys().length;
  }
  yardKey(o: number, k: number): number {
    return o * this.n + k;
  }
  measureKey(o: number, s: number, k: number): number {
    return this.yards + (o * this.ex.strategies.length + s) * this.n + k;
  }
  yardTask(key: number): ExperimentTask {
    const o = Math.floor(key / this.n);
    return { kind: 'yard', key, seat: this.ex.seat, turns: this.ex.turns, seed: this.seeds[key % this.n], agents: { ...this.bases[o], [this.ex.seat]: 'status-quo' }, scripts: this.scripts, measured: this.yardMeasures };
  }
  measureTask(key: number, yardOf: (key: number) => Yardstick): ExperimentTask {
    const i = key - this.yards;
    const k = i % this.n;
    const s = Math.floor(i / this.n) % this.ex.strategies.length;
    const o = Math.floor(i / this.n / this.ex.strategies.length);
    const agents = { ...this.bases[o], [this.ex.seat]: resolveAgent(this.ex.strategies[s].agent) };
    return { kind: 'measure', key, seat: this.ex.seat, turns: this.ex.turns, seed: this.seeds[k], agents, scripts: this.scripts, yard: yardOf(this.yardKey(o, k)) };
  }
  /** The cells (opponent set x strategy, every seed) from the result lines: a twin's metrics from its yardstick's. */
  cells(lineOf: (key: number) => ExperimentLine): Cell[] {
    const metricsOf = (key: number) => lineOf(key).metrics as GameMetrics;
    return this.ops.flatMap((op, o) => this.ex.strategies.map((st, s) => ({ strategy: st.id, opponents: op.id, games: this.seeds.map((_, k) => metricsOf(this.twin(s) ? this.yardKey(o, k) : this.measureKey(o, s, k))) })));
  }
}

/** Play an experiment on this thread, unit by unit (every result through its JSON line, as the journal keeps it). */
export function runExperiment(ex: Experiment, seeds: number[], opponentIds: string[]): Cell[] {
  const plan = new ExperimentPlan(ex, seeds, opponentIds);
  const lines = new Map<number, ExperimentLine>();
  const play = (t: ExperimentTask) => lines.set(t.key, JSON.parse(playExperimentTask(t)) as ExperimentLine);
  for (let key = 0; key < plan.yards; key++) play(plan.yardTask(key));
  const yardOf = (key: number) => (lines.get(key) as Extract<ExperimentLine, { kind: 'yard' }>).yard;
  for (const key of plan.measureKeys()) play(plan.measureTask(key, yardOf));
  return plan.cells((key) => lines.get(key)!);
}

export interface ExperimentOptions {
  seeds?: string;
  opponents?: string;
  /** required, checked after the experiment's name so an unknown name is said first */
  out?: string;
  workers?: string;
  resume?: boolean;
  fresh?: boolean;
  progress?: boolean;
  /** replace a report.html in --out that gambit did not write */
  force?: boolean;
}

export async function cmdExperiment(name: string, o: ExperimentOptions): Promise<number> {
  if (o.resume && o.fresh) throw new UsageError('--resume and --fresh: give one of them (finish the interrupted run, or start again)');
  const ex = loadExperiment(name);
  if (o.out === undefined) throw new UsageError("required option '--out <dir>' not specified");
  if (!o.out.trim()) throw new UsageError('--out: give a directory, not an empty name');
  const out = o.out;
  const n = o.seeds === undefined ? ex.seeds : int('--seeds', 2, 1000)(o.seeds);
  // an empty --opponents (an unset shell variable) is refused, not taken for every opponent set (planners take an hour)
  if (o.opponents !== undefined && !o.opponents.trim()) throw new UsageError(`--opponents: an empty value; name one or more of ${ex.opponents.map((x) => x.id).join(', ')}, or leave --opponents out for all of them`);
  const ids = o.opponents !== undefined ? o.opponents.split(',').map((x) => x.trim()) : ex.opponents.map((x) => x.id);
  for (const id of ids) {
    const near = nearest(id, ex.opponents.map((x) => x.id));
    if (!ex.opponents.some((x) => x.id === id)) throw new UsageError(`--opponents: ${JSON.stringify(id)} is not one of ${ex.opponents.map((x) => x.id).join(', ')}${near ? `: did you mean ${near}?` : ''}`);
  }
  const workers = parseWorkers(o.workers, availableParallelism(), (m) => process.stderr.write(`gambit: ${m}\n`));
  const journal = join(out, `${ex.id}.json.partial`);
  checkOutputs([{ path: out, flag: '--out', dir: true, inside: [`${ex.id}.json`, `${ex.id}.csv`, 'report.html', `${ex.id}.json.partial`] }], []);
  // a report.html gambit did not write is someone's page: refused before a game is played, as `report` does
  refuseForeignReport(join(out, 'report.html'), o.force, '--out');
  // a directory of batch outputs (a tournament, a sweep, self-play results) has its own report.html, which the
  // experiment's would replace, after which `report` refuses the directory as both: refused before a game is played
  // (an analyst's review: it printed "written" over the tournament's report)
  const batch = existsSync(out) ? readdirSync(out).filter((f) => ['payoffs.json', 'analysis.json', 'sweep.json', 'sobol.json', 'fork.json'].includes(f) || f.endsWith('.fork.json') || f.endsWith('.jsonl')) : [];
  if (batch.length) throw new UsageError(`--out ${out}: holds batch outputs (${batch.sort().join(', ')}), and one report.html cannot be the report of both: give the experiment a directory of its own`);
  const content = loadContent('rare-earth-gambit');
  for (const st of ex.strategies) makeSeats(content, { ...Object.fromEntries(COUNTRIES.map((c) => [c, 'persona'])), [ex.seat]: resolveAgent(st.agent) } as Record<CountryId, string>);
  const seeds = Array.from({ length: n }, (_, k) => k + 1);
  const plan = new ExperimentPlan(ex, seeds, ids);
  // --resume with no journal beside results of this very run (a job retried after it had ended): said, and nothing
  // played or rewritten (it played the whole experiment again)
  if (o.resume && !existsSync(journal) && finishedExperiment(join(out, `${ex.id}.json`), ex, content.hash, seeds, ids, plan.scripts)) {
    process.stderr.write(`gambit: --resume: ${join(out, `${ex.id}.json`)} already holds every game of this experiment (${ids.join(', ')}; ${n} seeds); nothing to play (--fresh plays it again)\n`);
    return 0;
  }
  const done = openExperimentJournal(journal, plan, content.hash, o);
  const resumed = done.size;
  const twins = plan.total - plan.played;
  process.stderr.write(`experiment ${ex.id}: ${plan.ops.length} opponent set${plan.ops.length > 1 ? 's' : ''} x ${ex.strategies.length} strategies x ${n} seeds, ${plan.played} games (${plan.yards} of them the seat at the status quo, the yardsticks${twins ? `, which are also the status-quo strategy's ${twins} games` : ''})${resumed ? `, ${resumed} already in the journal` : ''}, ${onWorkers(workers)}\n`);
  const bar = progress(o.progress !== false, 'experiment', plan.played, resumed);
  let finished = 0;
  const line = (key: number) => JSON.parse([...done.lines([key])][0]) as ExperimentLine;
  const phase = async (keys: number[], task: (key: number) => ExperimentTask, stopped: () => boolean) => {
    const todo = keys.filter((k) => !done.has(k));
    await playScheduled<ExperimentTask>({
      tasks: { length: todo.length, at: (i) => task(todo[i]) },
      workers,
      play: playExperimentTask,
      message: (batch) => ({ experiment: batch }),
      onResult: (text) => {
        done.append((JSON.parse(text) as ExperimentLine).key, text);
        finished++;
        bar.update(resumed + finished);
      },
      stopped,
    });
  };
  // the yardsticks first (every measured game needs its seed's), then the measured games
  const sig = await playUntilStopped(
    async (stopped) => {
      await phase(Array.from({ length: plan.yards }, (_, k) => k), (k) => plan.yardTask(k), stopped);
      if (!stopped()) await phase(plan.measureKeys(), (k) => plan.measureTask(k, (y) => (line(y) as Extract<ExperimentLine, { kind: 'yard' }>).yard), stopped);
    },
    { after: () => bar.stop(), onError: () => dropEmptyJournal(done.path, done.size) },
  );
  if (sig) {
    // a journal with no game in it (stopped before the first ended) is no use to --resume, and would refuse a plain rerun
    if (done.size === 0) dropEmptyJournal(done.path, 0);
    const kept = done.size === 0 ? ' before any game ended; nothing kept, nothing written: run the command again' : `; ${done.size} of ${plan.played} games are kept in ${journal}; run the same command with --resume to finish (--fresh to start again)`;
    process.stderr.write(interruptedLine('experiment', sig, kept));
    return STOP_SIGNALS[sig];
  }
  const cells = plan.cells(line);
  // the yardstick named: a tournament's scores, against every seat at the status quo, read as the same figure
  process.stderr.write(`mean score of ${ex.seat}, points against ${ex.seat} at the status quo in the same game:\n`);
  // with its 95% interval, as the detail below gives it (the line gave the mean alone: an analyst's review)
  for (const c of cells) process.stderr.write(`${c.opponents} / ${c.strategy}: score ${n > 1 ? ciText(interval(c.games.map((g) => g.score))) : `${interval(c.games.map((g) => g.score)).mean.toFixed(2)} (one seed: no interval)`} over ${n} seed${n === 1 ? '' : 's'}\n`);
  const rows = cells.flatMap((c) => c.games.map((g, k) => ({ strategy: c.strategy, opponents: c.opponents, seed: seeds[k], ...g })));
  // the seat's name and what 1% of its GDP is worth in points, for the report's split of the score (kept in the file,
  // so `gambit report` writes the same page without the content)
  const scale = { name: content.countries.regions[ex.seat as CountryId].name ?? ex.seat, gdpPoints: gdpPercentPoints(content, ex.seat as CountryId) };
  const json = JSON.stringify({ format: 'rare-earth-gambit-experiment', version: 1, experiment: ex, contentHash: content.hash, engineVersion: ENGINE_VERSION, scripts: plan.scripts, seatScale: scale, seeds, rows }, null, 1) + '\n';
  const before = earlierFile(join(out, `${ex.id}.json`), json);
  writeFileAtomic(join(out, `${ex.id}.json`), json);
  writeFileAtomic(join(out, `${ex.id}.csv`), [['strategy', 'opponents', 'seed', ...METRICS.map(csvColumn)].join(','), ...rows.map((r) => [r.strategy, r.opponents, r.seed, ...METRICS.map((m) => Math.round(r[m] * 10000) / 10000)].join(','))].join('\n') + '\n');
  const { html, summary } = experimentReport(ex, cells, seeds.length, scale);
  writeFileAtomic(join(out, 'report.html'), html);
  rmSync(journal, { force: true });
  process.stdout.write(summary.split('\n').flatMap((l) => wrapIndented(l, 110, 4)).join('\n') + `\n${before === 'none' ? 'written' : 'replaced'}: ${join(out, `${ex.id}.json`)}, ${ex.id}.csv, report.html${before === 'same' ? ' (the same results as before)' : ''}\n${ex.id}.csv's columns, what each is and its unit: report.html, "What the figures are"\n`);
  return 0;
}

/** What decides an experiment's results; its journal's header, so a journal of another run is refused naming what
 * differs. */
interface ExperimentIdentity {
  experiment: string;
  definition: string;
  contentHash: string;
  seeds: number;
  opponents: string[];
  scripts: Record<string, string>;
  engineVersion: string;
  /** 2: the yardstick units measure the status-quo strategy (its games are not played twice); journals before lack it */
  units: number;
}

/** Whether `file` holds this run's results, its CSV and report beside it: the same definition, content, engine, scripts
 * (by their contents' hashes) and seeds, and a row for every strategy against every opponent set asked for on every
 * seed. Anything else, or a file that cannot be read, says no (the run then goes on as before). */
function finishedExperiment(file: string, ex: Experiment, contentHash: string, seeds: number[], ids: string[], scripts: Record<string, string>): boolean {
  if (!existsSync(file) || !existsSync(file.replace(/\.json$/, '.csv')) || !existsSync(join(dirname(file), 'report.html'))) return false;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as { experiment?: unknown; contentHash?: unknown; engineVersion?: unknown; scripts?: unknown; seeds?: unknown; rows?: { strategy: string; opponents: string; seed: number }[] };
    if (hashValue(r.experiment ?? null) !== hashValue(ex) || r.contentHash !== contentHash || r.engineVersion !== ENGINE_VERSION || hashValue(r.scripts ?? null) !== hashValue(scripts) || hashValue(r.seeds ?? null) !== hashValue(seeds) || !Array.isArray(r.rows)) return false;
    const have = new Set(r.rows.map((x) => `${x.strategy}|${x.opponents}|${x.seed}`));
    return have.size === r.rows.length && r.rows.length === ex.strategies.length * ids.length * seeds.length && ex.strategies.every((st) => ids.every((op) => seeds.every((k) => have.has(`${st.id}|${op}|${k}`))));
  } catch {
    return false;
  }
}

function openExperimentJournal(path: string, plan: ExperimentPlan, contentHash: string, o: ExperimentOptions) {
  const id: ExperimentIdentity = { experiment: plan.ex.id, definition: hashValue(plan.ex), contentHash, seeds: plan.n, opponents: plan.ops.map((x) => x.id), scripts: plan.scripts, engineVersion: ENGINE_VERSION, units: 2 };
  const names: Record<keyof ExperimentIdentity, string> = { experiment: 'experiment', definition: 'its definition (content/experiments/)', contentHash: 'content hash', seeds: 'seeds', opponents: 'opponents', scripts: 'scripts', engineVersion: 'engine version', units: 'unit layout' };
  return openJournalWith<ExperimentIdentity>({
    path,
    identity: id,
    resume: Boolean(o.resume),
    fresh: Boolean(o.fresh),
    what: 'experiment',
    differs: (there) => (Object.keys(names) as (keyof ExperimentIdentity)[]).filter((k) => hashValue(id[k]) !== hashValue(there[k] ?? null)).map((k) => `${names[k]} ${k === 'definition' || k === 'scripts' ? 'differs' : `${JSON.stringify(id[k])} here, ${JSON.stringify(there[k] ?? null)} in the journal`}`),
    entry: (text, where, done) => {
      let l: { key?: unknown; kind?: unknown; yard?: unknown; metrics?: unknown } | null = null;
      try {
        l = JSON.parse(text);
      } catch {
        /* refused below */
      }
      const key = l?.key;
      if (!l || typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key >= plan.total) throw new FileError(`${where}: not a result of this experiment's ${plan.played} games`);
      if (plan.twinKey(key) || l.kind !== (key < plan.yards ? 'yard' : 'measure') || (l.kind === 'yard' ? !l.yard || (plan.yardMeasures && !l.metrics) : !l.metrics)) throw new FileError(`${where}: game ${key} is not the kind of result this experiment keeps there`);
      if (done.has(key)) throw new FileError(`${where}: game ${key} appears twice`);
      return key;
    },
  });
}
