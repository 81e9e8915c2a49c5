// One self-play game as a result line, the same whichever thread, process, machine or browser runs it: the unit of
// every batch. Imports only the engine (src/cli/batch.ts adds content files, scripts and overrides around it).
import { COUNTRIES, baselineObjectives, playGame, runningScores, type Content, type CountryId, type Seats } from '../../engine/index.ts';

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
}


export interface ResultLine {
  game: number;
  seed: number;
  agents: Record<CountryId, string>;
  scores: Record<CountryId, number>;
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

const baselineCache = new Map<string, Record<CountryId, number>[]>();

/** The status-quo yardstick of a seed, computed once per process (a tournament plays each seed under many profiles). */
function cachedBaseline(content: Content, seed: number, turns: number | undefined): Record<CountryId, number>[] {
  const key = `${content.hash}:${seed}:${turns ?? ''}`;
  let b = baselineCache.get(key);
  if (!b) {
    if (baselineCache.size > 5000) baselineCache.clear();
    b = baselineObjectives(content, seed, turns);
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
  const r = playGame(content, task.seed, seats, { turns: task.turns, ledger: false, keepReports: false, onState: (s) => (minJpn = Math.min(minJpn, s.regions.JPN.last.magnetSupplyRatio)) });
  const base = allStatusQuo ? r.objectives : cachedBaseline(content, task.seed, task.turns);
  const scores = runningScores(r.objectives, base).at(-1)!;
  const st = r.state;
  const per = (f: (c: CountryId) => number) => Object.fromEntries(COUNTRIES.map((c) => [c, f(c)])) as Record<CountryId, number>;
  return {
    game: task.game,
    seed: task.seed,
    agents: Object.fromEntries(COUNTRIES.map((c) => [c, seats[c].name])) as Record<CountryId, string>,
    scores: per((c) => r2(scores[c])),
    outcomes: {
      turns: r.objectives.length,
      gdpGrowthPct: per((c) => r2((st.regions[c].gdp / st.regions[c].ref.gdp - 1) * 100)),
      approval: per((c) => Math.round(st.regions[c].approval * 10) / 10),
      jpnMinMagnetSupply: Math.round(minJpn * 1000) / 1000,
      finalPrices: { 'oxide.light': Math.round(st.worldPrice['oxide.light'] * 10) / 10, 'oxide.heavy': Math.round(st.worldPrice['oxide.heavy']), magnet: Math.round(st.worldPrice.magnet * 10) / 10 },
      events: st.firedEvents.length,
    },
    run: task.run,
    runGames: task.runGames,
    ...(task.shard ? { shard: task.shard } : {}),
  };
}

