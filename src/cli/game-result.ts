// One self-play game as a result line, the same whichever thread, process, machine or browser runs it: the unit of
// every batch. Imports only the engine (src/cli/batch.ts adds content files, scripts and overrides around it).
import { COUNTRIES, OBJECTIVES, baselineObjectives, objectivePartsIn, playGame, runningScores, type Content, type CountryId, type GameState, type ObjectiveKey, type Seats } from '../../engine/index.ts';

export interface GameTask {
  scenario: string;
  game: number;
  seed: number;
  agents: Record<CountryId, string>;
  turns?: number;
  run: string;
  shard?: string;
  runGames: number;
  /** content parameters to override, by dotted path into the compiled content (sweeps) */
  overrides?: Record<string, number>;
  /** the hash of each script the agents name, by path: each thread reads a script once, and refuses one that changed */
  scripts?: Record<string, string>;
  /** keep the outcomes unrounded: sweeps aggregate them (a mean or an index of rounded values would hide an effect
   * smaller than the rounding) and round only what they write per game (roundResult) */
  exact?: boolean;
}


export interface ResultLine {
  game: number;
  seed: number;
  agents: Record<CountryId, string>;
  scores: Record<CountryId, number>;
  /** each score split by objective, points: the mean over turns of each objective's part less the yardstick's; the
   * parts sum to the score (to rounding). Absent from files written before the 52nd stop. */
  scoreBy?: Record<CountryId, Record<ObjectiveKey, number>>;
  outcomes: {
    turns: number;
    gdpGrowthPct: Record<CountryId, number>;
    approval: Record<CountryId, number>;
    jpnMinMagnetSupply: number;
    /** world prices at the end, USD/kg; NdPr oxide ('oxide.light') since the tenth stop, absent from older files */
    finalPrices: { 'oxide.light'?: number; 'oxide.heavy': number; magnet: number };
    events: number;
  };
  run: string;
  runGames: number;
  shard?: string;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** A result line as batches write it: scores and GDP growth to 0.01, approval to 0.1, Japan's lowest magnet supply to
 * 0.001, prices to 0.1 USD/kg (heavy oxide to 1). */
export function roundResult(l: ResultLine): ResultLine {
  const per = (v: Record<CountryId, number>, f: (x: number) => number) => Object.fromEntries(COUNTRIES.map((c) => [c, f(v[c])])) as Record<CountryId, number>;
  const p = l.outcomes.finalPrices;
  return {
    ...l,
    scores: per(l.scores, r2),
    ...(l.scoreBy ? { scoreBy: Object.fromEntries(COUNTRIES.map((c) => [c, byObjective((k) => r2(l.scoreBy![c][k]))])) as ScoreBy } : {}),
    outcomes: {
      ...l.outcomes,
      gdpGrowthPct: per(l.outcomes.gdpGrowthPct, r2),
      approval: per(l.outcomes.approval, r1),
      jpnMinMagnetSupply: Math.round(l.outcomes.jpnMinMagnetSupply * 1000) / 1000,
      finalPrices: { ...(p['oxide.light'] === undefined ? {} : { 'oxide.light': r1(p['oxide.light']) }), 'oxide.heavy': Math.round(p['oxide.heavy']), magnet: r1(p.magnet) },
    },
  };
}

type ScoreBy = Record<CountryId, Record<ObjectiveKey, number>>;
const byObjective = (f: (k: ObjectiveKey) => number) => Object.fromEntries(OBJECTIVES.map((k) => [k, f(k)])) as Record<ObjectiveKey, number>;

/** A game's objective per turn and, per country, each objective's part summed over its turns. */
interface Played {
  objectives: Record<CountryId, number>[];
  partSums: ScoreBy;
}

/** Adds each country's objective parts in `s` (as its last turn scored them) to `sums`. */
function addParts(content: Content, s: GameState, sums: ScoreBy): void {
  for (const c of COUNTRIES) {
    const p = objectivePartsIn(content, s, c);
    for (const k of OBJECTIVES) sums[c][k] += p[k];
  }
}

const zeroSums = (): ScoreBy => Object.fromEntries(COUNTRIES.map((c) => [c, byObjective(() => 0)])) as ScoreBy;

const baselineCache = new Map<string, Played>();

/** The status-quo yardstick of a seed, computed once per process (a tournament plays each seed under many profiles). */
function cachedBaseline(content: Content, seed: number, turns: number | undefined): Played {
  const key = `${content.hash}:${seed}:${turns ?? ''}`;
  let b = baselineCache.get(key);
  if (!b) {
    if (baselineCache.size > 5000) baselineCache.clear();
    const partSums = zeroSums();
    b = { objectives: baselineObjectives(content, seed, turns, (s) => addParts(content, s, partSums)), partSums };
    baselineCache.set(key, b);
  }
  return b;
}

/** Play one task's game with these seats and sum it up as its result line (no file or thread in sight: the same code
 * runs in a Node worker thread and in a browser's Web Worker). */
export function gameResult(content: Content, task: GameTask, seats: Seats): ResultLine {
  const allStatusQuo = COUNTRIES.every((k) => task.agents[k] === 'status-quo');
  // no report is built or kept (lean turns): the one figure read each turn is in the state (the report's magnet supply
  // headline is the same number, state.regions.JPN.last.magnetSupplyRatio)
  let minJpn = 1;
  const partSums = zeroSums();
  const onState = (s: GameState) => {
    minJpn = Math.min(minJpn, s.regions.JPN.last.magnetSupplyRatio);
    addParts(content, s, partSums);
  };
  const r = playGame(content, task.seed, seats, { turns: task.turns, ledger: false, keepReports: false, onState });
  const base = allStatusQuo ? { objectives: r.objectives, partSums } : cachedBaseline(content, task.seed, task.turns);
  const scores = runningScores(r.objectives, base.objectives).at(-1)!;
  const turns = r.objectives.length;
  const st = r.state;
  const per = (f: (c: CountryId) => number) => Object.fromEntries(COUNTRIES.map((c) => [c, f(c)])) as Record<CountryId, number>;
  const line: ResultLine = {
    game: task.game,
    seed: task.seed,
    agents: Object.fromEntries(COUNTRIES.map((c) => [c, seats[c].name])) as Record<CountryId, string>,
    scores: per((c) => scores[c]),
    // the mean over turns of each part less the yardstick's: the score's own sum, split
    scoreBy: Object.fromEntries(COUNTRIES.map((c) => [c, byObjective((k) => (partSums[c][k] - base.partSums[c][k]) / turns)])) as ScoreBy,
    outcomes: {
      turns,
      gdpGrowthPct: per((c) => (st.regions[c].gdp / st.regions[c].ref.gdp - 1) * 100),
      approval: per((c) => st.regions[c].approval),
      jpnMinMagnetSupply: minJpn,
      finalPrices: { 'oxide.light': st.worldPrice['oxide.light'], 'oxide.heavy': st.worldPrice['oxide.heavy'], magnet: st.worldPrice.magnet },
      events: st.firedEvents.length,
    },
    run: task.run,
    runGames: task.runGames,
    ...(task.shard ? { shard: task.shard } : {}),
  };
  return task.exact ? line : roundResult(line);
}

