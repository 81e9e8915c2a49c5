// One self-play game as a result line, the same whichever thread or machine runs it: the unit of every batch.
import { COUNTRIES, baselineObjectives, hashValue, playGame, runningScores, type Content, type CountryId } from '../../engine/index.ts';
import { loadContent } from '../content/load.ts';
import { makeSeats, resolvedNames } from './args.ts';

export interface GameTask {
  scenario: string;
  game: number;
  seed: number;
  agents: Record<CountryId, string>;
  turns?: number;
  run: string;
  shard?: string;
  runGames: number;
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
    finalPrices: { 'oxide.heavy': number; magnet: number };
    events: number;
  };
  run: string;
  runGames: number;
  shard?: string;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The id of a batch: everything that decides its results. Shards of one batch share it. */
export function runId(content: Content, p: { seed: number; games: number; agents: Record<CountryId, string>; turns?: number }): string {
  return hashValue({ scenario: content.scenario.id, content: content.hash, seed: p.seed, games: p.games, agents: p.agents, turns: p.turns ?? null });
}

export function playOne(task: GameTask, content: Content = loadContent(task.scenario)): ResultLine {
  const seats = makeSeats(content, task.agents);
  const allStatusQuo = COUNTRIES.every((k) => task.agents[k] === 'status-quo');
  const r = playGame(content, task.seed, seats, { turns: task.turns, ledger: false });
  const base = allStatusQuo ? r.objectives : baselineObjectives(content, task.seed, task.turns);
  const scores = runningScores(r.objectives, base).at(-1)!;
  const st = r.state;
  let minJpn = 1;
  for (const rep of r.reports) minJpn = Math.min(minJpn, rep.headlines.JPN.magnetSupplyRatio.value);
  const per = (f: (c: CountryId) => number) => Object.fromEntries(COUNTRIES.map((c) => [c, f(c)])) as Record<CountryId, number>;
  return {
    game: task.game,
    seed: task.seed,
    agents: resolvedNames(seats),
    scores: per((c) => r2(scores[c])),
    outcomes: {
      turns: r.reports.length,
      gdpGrowthPct: per((c) => r2((st.regions[c].gdp / st.regions[c].ref.gdp - 1) * 100)),
      approval: per((c) => Math.round(st.regions[c].approval * 10) / 10),
      jpnMinMagnetSupply: Math.round(minJpn * 1000) / 1000,
      finalPrices: { 'oxide.heavy': Math.round(st.worldPrice['oxide.heavy']), magnet: Math.round(st.worldPrice.magnet * 10) / 10 },
      events: st.firedEvents.length,
    },
    run: task.run,
    runGames: task.runGames,
    ...(task.shard ? { shard: task.shard } : {}),
  };
}

/** A batch of tasks, as a worker thread runs it. */
export function playMany(tasks: GameTask[]): string[] {
  return tasks.map((t) => JSON.stringify(playOne(t)));
}

export const CSV_HEADER = [
  'game',
  'seed',
  ...COUNTRIES.map((c) => `agent_${c}`),
  ...COUNTRIES.map((c) => `score_${c}`),
  ...COUNTRIES.map((c) => `gdp_growth_pct_${c}`),
  ...COUNTRIES.map((c) => `approval_${c}`),
  'jpn_min_magnet_supply',
  'final_price_oxide_heavy',
  'final_price_magnet',
  'events',
  'turns',
];

export function csvRow(l: ResultLine): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [
    l.game,
    l.seed,
    ...COUNTRIES.map((c) => q(l.agents[c])),
    ...COUNTRIES.map((c) => l.scores[c]),
    ...COUNTRIES.map((c) => l.outcomes.gdpGrowthPct[c]),
    ...COUNTRIES.map((c) => l.outcomes.approval[c]),
    l.outcomes.jpnMinMagnetSupply,
    l.outcomes.finalPrices['oxide.heavy'],
    l.outcomes.finalPrices.magnet,
    l.outcomes.events,
    l.outcomes.turns,
  ].join(',');
}
