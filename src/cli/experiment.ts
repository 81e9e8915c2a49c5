// `gambit experiment NAME`: a named experiment from content/experiments/NAME.json. Each of a seat's strategies plays
// against each set of opponents over seeds (common random numbers); every game is measured against the same game with
// the seat at the status quo, and each strategy against the status-quo strategy seed by seed. Writes NAME.json,
// NAME.csv and report.html (src/cli/experiment-report.ts) into --out.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { COUNTRIES, createGame, playGame, type CountryId, type GameState } from '../../engine/index.ts';
import { loadContent } from '../content/load.ts';
import { UsageError, int, makeSeats } from './args.ts';
import { writeFileAtomic } from './io.ts';
import { meanSd, t95 } from './tournament.ts';
import { experimentReport } from './experiment-report.ts';

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

/** What one game says about the seat's strategy; each figure is explained in the report. */
export interface GameMetrics {
  score: number;
  scoreBy: Record<string, number>;
  usCarTariff: number;
  carExportsUS: number;
  minMagnet: number;
  meanMagnet: number;
  worstCarLossPct: number;
  programmeUsdBn: number;
  extraDefenseUsdBn: number;
  gdpVsYardstickPct: number;
  supplyToUS: number;
  usSupplyRisk: number;
  usMinMagnet: number;
  usChinaTension: number;
  usGain: number;
  chinaGain: number;
  /** the US-China track (engine/leverage.ts): the US's bargaining hand, -1..1, mean over turns */
  usHand: number;
  /** tariff points the US would cut for a truce at the Nash terms, mean over turns */
  truceConcession: number;
  /** turns the track spent in escalation (a Chinese squeeze on the US, or US tariffs on China well above the start) */
  escalationTurns: number;
}
export const METRICS: (keyof Omit<GameMetrics, 'scoreBy'>)[] = ['score', 'usCarTariff', 'carExportsUS', 'minMagnet', 'meanMagnet', 'worstCarLossPct', 'programmeUsdBn', 'extraDefenseUsdBn', 'gdpVsYardstickPct', 'supplyToUS', 'usSupplyRisk', 'usMinMagnet', 'usChinaTension', 'usGain', 'chinaGain', 'usHand', 'truceConcession', 'escalationTurns'];

export function listExperiments(): string[] {
  return existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort() : [];
}

export function loadExperiment(name: string): Experiment {
  const known = listExperiments();
  if (!known.includes(name)) throw new UsageError(`experiment ${JSON.stringify(name)} is not one of: ${known.join(', ') || '(none)'} (content/experiments/)`);
  const path = join(DIR, `${name}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const r = ExperimentSchema.safeParse(json);
  if (!r.success) throw new UsageError(`${path}: ${r.error.issues.map((i) => `$.${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

interface Track {
  obj: number[];
  us: number[];
  cn: number[];
  car: number[];
  defSpend: number[];
  gdp: number;
}

function track(seat: CountryId, r: ReturnType<typeof playGame>): Track {
  const t: Track = { obj: [], us: [], cn: [], car: [], defSpend: [], gdp: r.state.regions[seat].gdp };
  for (const o of r.objectives) {
    t.obj.push(o[seat]);
    t.us.push(o.USA);
    t.cn.push(o.CHN);
  }
  return t;
}

/** Play one strategy against one opponent set on one seed, against the yardstick game of that seed. */
function measure(ex: Experiment, agents: Record<CountryId, string>, seed: number, yard: { t: Track; cars: number[]; def: number[] }): GameMetrics {
  const content = loadContent('rare-earth-gambit');
  const seat = ex.seat;
  const acc = { tariff: 0, exp: 0, minMag: 1, mag: 0, worst: 0, prog: 0, def: 0, supply: 0, risk: 0, usMin: 1, tension: 0, hand: 0, conc: 0, esc: 0, n: 0 };
  // programme spending as it is paid: a project's cost when ordered, and later payments (the deep-sea programme pays
  // each stage when it starts) as its recorded cost grows; projects under way at the start count only what they add
  const paid = new Map<string, number>();
  for (const p of createGame(content, seed).projects) paid.set(p.id, p.costUsdBn);
  const cars: number[] = [];
  const r = playGame(content, seed, makeSeats(content, agents), {
    turns: ex.turns,
    ledger: false,
    dropRefused: true,
    onTurn: (s: GameState) => {
      const me = s.regions[seat];
      const i = acc.n;
      acc.tariff += s.regions.USA.policies.tariffs[seat].autos;
      acc.exp += me.last.autoExports.USA;
      acc.minMag = Math.min(acc.minMag, me.last.magnetSupplyRatio);
      acc.mag += me.last.magnetSupplyRatio;
      cars.push(me.last.autoProduction);
      if (yard.cars[i]) acc.worst = Math.min(acc.worst, 100 * (me.last.autoProduction / yard.cars[i] - 1));
      for (const p of s.projects) {
        if (p.owner !== seat || p.private) continue;
        acc.prog += p.costUsdBn - (paid.get(p.id) ?? 0);
        paid.set(p.id, p.costUsdBn);
      }
      acc.hand += s.track?.usHand ?? 0;
      acc.conc += s.track?.concession ?? 0;
      if (s.track?.phase === 'escalation') acc.esc++;
      acc.def += me.last.defenseSpendUsdBn - (yard.def[i] ?? me.last.defenseSpendUsdBn);
      acc.supply += s.flows['oxide.light'][seat].USA + s.flows['oxide.heavy'][seat].USA + s.flows.magnet[seat].USA;
      acc.risk += s.regions.USA.last.supplyRisk;
      acc.usMin = Math.min(acc.usMin, s.regions.USA.last.magnetSupplyRatio);
      acc.tension += s.tension.USA.CHN;
      acc.n++;
    },
  });
  const t = track(seat, r);
  const n = Math.max(1, acc.n);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const diff = (a: number[], b: number[]) => mean(a.map((x, k) => x - (b[k] ?? x)));
  const scoreBy: Record<string, number> = {};
  for (const rep of r.reports) for (const [k, v] of Object.entries(rep.objectiveBy[seat])) scoreBy[k] = (scoreBy[k] ?? 0) + v / r.reports.length;
  return {
    score: diff(t.obj, yard.t.obj),
    scoreBy,
    usCarTariff: acc.tariff / n,
    carExportsUS: acc.exp / n,
    minMagnet: acc.minMag,
    meanMagnet: acc.mag / n,
    worstCarLossPct: acc.worst,
    programmeUsdBn: acc.prog,
    extraDefenseUsdBn: acc.def,
    gdpVsYardstickPct: 100 * (t.gdp / yard.t.gdp - 1),
    supplyToUS: acc.supply / n,
    usSupplyRisk: acc.risk / n,
    usMinMagnet: acc.usMin,
    usChinaTension: acc.tension / n,
    usGain: diff(t.us, yard.t.us),
    chinaGain: diff(t.cn, yard.t.cn),
    usHand: acc.hand / n,
    truceConcession: acc.conc / n,
    escalationTurns: acc.esc,
  };
}

export interface Cell {
  strategy: string;
  opponents: string;
  games: GameMetrics[];
}

export function interval(xs: number[]): { mean: number; lo: number; hi: number } {
  const { mean, sd } = meanSd(xs);
  const h = xs.length > 1 ? (t95(xs.length - 1) * sd) / Math.sqrt(xs.length) : 0;
  return { mean, lo: mean - h, hi: mean + h };
}

export function runExperiment(ex: Experiment, seeds: number[], opponentIds: string[], progress?: (msg: string) => void): Cell[] {
  const content = loadContent('rare-earth-gambit');
  const cells: Cell[] = [];
  for (const op of ex.opponents.filter((o) => opponentIds.includes(o.id))) {
    const base = Object.fromEntries(COUNTRIES.map((c) => [c, resolveAgent(op.agents[c] ?? 'persona')])) as Record<CountryId, string>;
    const yards = seeds.map((seed) => {
      const agents = { ...base, [ex.seat]: 'status-quo' };
      const cars: number[] = [];
      const def: number[] = [];
      const r = playGame(content, seed, makeSeats(content, agents), { turns: ex.turns, ledger: false, dropRefused: true, keepReports: false, onState: (s) => (cars.push(s.regions[ex.seat].last.autoProduction), def.push(s.regions[ex.seat].last.defenseSpendUsdBn)) });
      return { t: track(ex.seat, r), cars, def };
    });
    for (const st of ex.strategies) {
      const games = seeds.map((seed, k) => measure(ex, { ...base, [ex.seat]: resolveAgent(st.agent) }, seed, yards[k]));
      cells.push({ strategy: st.id, opponents: op.id, games });
      progress?.(`${op.id} / ${st.id}: score ${interval(games.map((g) => g.score)).mean.toFixed(2)} over ${seeds.length} seeds`);
    }
  }
  return cells;
}

/** Scripted agents in an experiment name files relative to the repository. */
function resolveAgent(name: string): string {
  return name.startsWith('scripted:') && !name.slice(9).startsWith('/') ? `scripted:${join(ROOT, name.slice(9))}` : name;
}

export interface ExperimentOptions {
  seeds?: string;
  opponents?: string;
  out: string;
}

export function cmdExperiment(name: string, o: ExperimentOptions): number {
  const ex = loadExperiment(name);
  const n = o.seeds === undefined ? ex.seeds : int('--seeds', 2, 1000)(o.seeds);
  const ids = o.opponents ? o.opponents.split(',') : ex.opponents.map((x) => x.id);
  for (const id of ids) if (!ex.opponents.some((x) => x.id === id)) throw new UsageError(`--opponents: ${JSON.stringify(id)} is not one of ${ex.opponents.map((x) => x.id).join(', ')}`);
  const content = loadContent('rare-earth-gambit');
  for (const st of ex.strategies) makeSeats(content, { ...Object.fromEntries(COUNTRIES.map((c) => [c, 'persona'])), [ex.seat]: resolveAgent(st.agent) } as Record<CountryId, string>);
  const seeds = Array.from({ length: n }, (_, k) => k + 1);
  const cells = runExperiment(ex, seeds, ids, (m) => process.stderr.write(m + '\n'));
  const rows = cells.flatMap((c) => c.games.map((g, k) => ({ strategy: c.strategy, opponents: c.opponents, seed: seeds[k], ...g })));
  writeFileAtomic(join(o.out, `${ex.id}.json`), JSON.stringify({ format: 'rare-earth-gambit-experiment', version: 1, experiment: ex, contentHash: content.hash, seeds, rows }, null, 1) + '\n');
  writeFileAtomic(join(o.out, `${ex.id}.csv`), [['strategy', 'opponents', 'seed', ...METRICS].join(','), ...rows.map((r) => [r.strategy, r.opponents, r.seed, ...METRICS.map((m) => Math.round(r[m] * 10000) / 10000)].join(','))].join('\n') + '\n');
  const { html, summary } = experimentReport(ex, cells, seeds.length);
  writeFileAtomic(join(o.out, 'report.html'), html);
  process.stdout.write(summary + `\nwritten: ${join(o.out, `${ex.id}.json`)}, ${ex.id}.csv, report.html\n`);
  return 0;
}
