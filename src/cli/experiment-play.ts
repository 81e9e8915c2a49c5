// One unit of `gambit experiment`'s work, the same on any thread: the yardstick game of a seed (the seat at the
// status quo) or one strategy's game on a seed measured against that yardstick (passed in, as its journal line holds
// it). Each returns its result as one JSON line, which the experiment's journal keeps; src/cli/experiment.ts plans the
// units and writes the results, and worker threads run them through src/cli/pool-entry.ts.
import { createGame, playGame, type Content, type CountryId, type GameState, type Seats } from '../../engine/index.ts';
import { loadContent } from '../content/load.ts';
import { makeSeats, scriptsByHash } from './args.ts';
import { toWire, type WireError } from './batch.ts';

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
  /** gdpVsYardstickPct by cause (the output gap's parts, engine/macro.ts, and potential output where it differs): they
   * sum to it; empty when the yardstick was recorded without its gap (a journal from before they were kept) */
  gdpBy: Record<string, number>;
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
/** A figure's column in the experiment's CSV: snake case, as self-play's and sweep's CSV columns are (usCarTariff ->
 * us_car_tariff, carExportsUS -> car_exports_us); the JSON keeps the figure's own name. */
export const csvColumn = (k: string): string => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export const METRICS: (keyof Omit<GameMetrics, 'scoreBy' | 'gdpBy'>)[] = ['score', 'usCarTariff', 'carExportsUS', 'minMagnet', 'meanMagnet', 'worstCarLossPct', 'programmeUsdBn', 'extraDefenseUsdBn', 'gdpVsYardstickPct', 'supplyToUS', 'usSupplyRisk', 'usMinMagnet', 'usChinaTension', 'usGain', 'chinaGain', 'usHand', 'truceConcession', 'escalationTurns'];


export interface Track {
  obj: number[];
  us: number[];
  cn: number[];
  car: number[];
  defSpend: number[];
  gdp: number;
  /** the seat's potential GDP and output gap by cause at the end (absent from yardsticks journaled before they were) */
  potential?: number;
  gap?: Record<string, number>;
}

function track(seat: CountryId, r: ReturnType<typeof playGame>): Track {
  const end = r.state.regions[seat];
  const t: Track = { obj: [], us: [], cn: [], car: [], defSpend: [], gdp: end.gdp, potential: end.potential, gap: { ...end.gap } };
  for (const o of r.objectives) {
    t.obj.push(o[seat]);
    t.us.push(o.USA);
    t.cn.push(o.CHN);
  }
  return t;
}

/** Play one strategy against one opponent set on one seed, against the yardstick game of that seed; with `yard` null the
 * game is the yardstick itself (the seat at the status quo), measured against itself, and its yardstick is returned
 * too: every difference from the yardstick is then x - x or x / x - 1, exactly 0, as in a game played apart. */
function measure(content: Content, seat: CountryId, turns: number, seats: Seats, seed: number, given: Yardstick | null): { metrics: GameMetrics; yard: Yardstick } {
  // the game's own rows, read as the yardstick's when it is its own (each turn's is pushed before it is read)
  const own: Yardstick = { t: { obj: [], us: [], cn: [], car: [], defSpend: [], gdp: 0 }, cars: [], def: [] };
  const yard = given ?? own;
  const acc = { tariff: 0, exp: 0, minMag: 1, mag: 0, worst: 0, prog: 0, def: 0, supply: 0, risk: 0, usMin: 1, tension: 0, hand: 0, conc: 0, esc: 0, n: 0 };
  // programme spending as it is paid: a project's cost when ordered, and later payments (the deep-sea programme pays
  // each stage when it starts) as its recorded cost grows; projects under way at the start count only what they add
  const paid = new Map<string, number>();
  for (const p of createGame(content, seed).projects) paid.set(p.id, p.costUsdBn);
  const cars: number[] = [];
  const r = playGame(content, seed, seats, {
    turns,
    ledger: false,
    dropRefused: true,
    onTurn: (s: GameState) => {
      const me = s.regions[seat];
      const i = acc.n;
      own.cars.push(me.last.autoProduction);
      own.def.push(me.last.defenseSpendUsdBn);
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
  own.t = t;
  const n = Math.max(1, acc.n);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const diff = (a: number[], b: number[]) => mean(a.map((x, k) => x - (b[k] ?? x)));
  const scoreBy: Record<string, number> = {};
  for (const rep of r.reports) for (const [k, v] of Object.entries(rep.objectiveBy[seat])) scoreBy[k] = (scoreBy[k] ?? 0) + v / r.reports.length;
  // GDP = potential x (1 + the gap's causes summed), so its difference from the yardstick's splits exactly into
  // (P - Py)(1 + G) for potential output and Py (g_k - gy_k) for each cause k, over the yardstick's GDP
  const gdpBy: Record<string, number> = {};
  if (yard.t.gap && yard.t.potential !== undefined && t.gap && t.potential !== undefined) {
    const Py = yard.t.potential;
    let G = 0;
    for (const k of Object.keys(t.gap).sort()) G += t.gap[k];
    for (const k of [...new Set([...Object.keys(t.gap), ...Object.keys(yard.t.gap)])].sort()) gdpBy[k] = (100 * Py * ((t.gap[k] ?? 0) - (yard.t.gap[k] ?? 0))) / yard.t.gdp;
    gdpBy.potential = (100 * (t.potential - Py) * (1 + G)) / yard.t.gdp;
  }
  const metrics: GameMetrics = {
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
    gdpBy,
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
  return { metrics, yard };
}

/** What a yardstick game leaves for the measured games of its seed. */
export interface Yardstick {
  t: Track;
  cars: number[];
  def: number[];
}

/** A unit of an experiment: `key` is its place in the experiment's list of units (and its journal key). */
export type ExperimentTask =
  /** `measured`: the experiment has the status-quo strategy, whose game is this one: measure it here (not again) */
  | { kind: 'yard'; key: number; seat: CountryId; turns: number; seed: number; agents: Record<CountryId, string>; scripts: Record<string, string>; measured: boolean }
  | { kind: 'measure'; key: number; seat: CountryId; turns: number; seed: number; agents: Record<CountryId, string>; scripts: Record<string, string>; yard: Yardstick };

/** A unit's result line: the yardstick, or the measured game's metrics. */
export type ExperimentLine = { key: number; kind: 'yard'; yard: Yardstick; metrics?: GameMetrics } | { key: number; kind: 'measure'; metrics: GameMetrics };

let cached: Content | null = null;

/** Play one unit; its result as a JSON line. */
export function playExperimentTask(task: ExperimentTask): string {
  const content = (cached ??= loadContent('rare-earth-gambit'));
  const seats = makeSeats(content, task.agents, scriptsByHash(task.scripts));
  if (task.kind === 'measure') return JSON.stringify({ key: task.key, kind: 'measure', metrics: measure(content, task.seat, task.turns, seats, task.seed, task.yard).metrics });
  if (task.measured) {
    const m = measure(content, task.seat, task.turns, seats, task.seed, null);
    return JSON.stringify({ key: task.key, kind: 'yard', yard: m.yard, metrics: m.metrics });
  }
  const cars: number[] = [];
  const def: number[] = [];
  const r = playGame(content, task.seed, seats, { turns: task.turns, ledger: false, dropRefused: true, keepReports: false, onState: (s) => (cars.push(s.regions[task.seat].last.autoProduction), def.push(s.regions[task.seat].last.defenseSpendUsdBn)) });
  const yard: Yardstick = { t: track(task.seat, r), cars, def };
  return JSON.stringify({ key: task.key, kind: 'yard', yard });
}

/** What a worker thread runs for an experiment: the result lines, or the error in a form that survives the trip. */
export function experimentInWorker(tasks: ExperimentTask[]): { lines: string[] } | { error: WireError } {
  try {
    return { lines: tasks.map(playExperimentTask) };
  } catch (e) {
    return { error: toWire(e) };
  }
}
