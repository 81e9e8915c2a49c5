// Where the player's path sits among an experiment's strategies: the end screen of a scenario tied to an experiment
// (content/experiments/, the same file `gambit experiment` runs). Each strategy is played in the player's game: the
// same scenario, seed and opponents, as many turns, the player's seat given to the strategy's agent; each is scored
// against the player's yardstick (the same game with that seat at the status quo), so the status quo scores exactly 0.
// The key figures are measured as `gambit experiment` measures them (src/cli/experiment.ts).
import { COUNTRIES, OBJECTIVES, createGame, isCountry, makeAgent, playGame, runningScores, type Content, type CountryId, type GameState, type Seats, type TurnReport } from '../../engine/index.ts';
import thesis from '../../content/experiments/thesis.json';
import type { GameConfig, PathFigures, StrategyPlan, StrategyRow } from './protocol.ts';
import { turnScore } from './score.ts';

interface Experiment {
  id: string;
  title: string;
  question: string;
  seat: CountryId;
  strategies: { id: string; label: string; agent: string }[];
}

/** Scenario id -> the experiment its end screen compares the player's path with. */
const EXPERIMENTS: Record<string, unknown> = { 'japans-gambit': thesis };

/** The experiment a scenario's end screen uses, or null (checked loosely: the CLI's schema lives in src/cli). */
export function experimentFor(scenarioId: string): Experiment | null {
  const ex = Object.hasOwn(EXPERIMENTS, scenarioId) ? (EXPERIMENTS[scenarioId] as Partial<Experiment>) : null;
  if (!ex || typeof ex.id !== 'string' || typeof ex.title !== 'string' || typeof ex.question !== 'string' || !isCountry(String(ex.seat)) || !Array.isArray(ex.strategies)) return null;
  return ex as Experiment;
}

/** Key figures of a path, turn by turn: feed it each state after a turn. */
export class FigureTracker {
  private n = 0;
  private tariff = 0;
  private exports = 0;
  private minMagnet = 1;
  private programme = 0;
  /** what each project had cost when last seen: programme spending counts payments as they are made (the deep-sea
   * programme pays each stage when it starts), from the opening state on, as `gambit experiment` does */
  private readonly paid = new Map<string, number>();
  constructor(
    private readonly seat: CountryId,
    start: GameState,
  ) {
    for (const p of start.projects) this.paid.set(p.id, p.costUsdBn);
  }

  add(s: GameState): void {
    const me = s.regions[this.seat];
    if (this.seat !== 'USA') this.tariff += s.regions.USA.policies.tariffs[this.seat].autos;
    this.exports += me.last.autoExports.USA;
    this.minMagnet = Math.min(this.minMagnet, me.last.magnetSupplyRatio);
    for (const p of s.projects) {
      if (p.owner !== this.seat || p.private) continue;
      this.programme += p.costUsdBn - (this.paid.get(p.id) ?? 0);
      this.paid.set(p.id, p.costUsdBn);
    }
    this.n++;
  }

  figures(): PathFigures {
    const n = Math.max(1, this.n);
    return { usCarTariff: this.tariff / n, carExportsUS: this.exports / n, minMagnet: this.minMagnet, programmeUsdBn: this.programme };
  }
}

type Yardstick = { objectives: Record<CountryId, number>[]; parts: TurnReport['objectiveBy'][] };

/** A path's score and its split by objective against the yardstick, after its last turn. */
function scored(seat: CountryId, reports: TurnReport[], yard: Yardstick): { score: number; scoreBy: Record<string, number> } {
  const n = reports.length;
  const score = runningScores(reports.map((r) => r.objective), yard.objectives.slice(0, n)).at(-1)?.[seat] ?? 0;
  const by = n ? turnScore(reports.map((r) => r.objectiveBy[seat]), yard.parts.map((p) => p[seat]), n).by : null;
  return { score, scoreBy: Object.fromEntries(OBJECTIVES.map((ob) => [ob, by ? by[ob].total : 0])) };
}

/**
 * The comparison's plan for the player's finished (or current) path: the experiment, its strategies, and the player's
 * own row. Null when the scenario has no experiment. `player` is null when the player's seat is not the experiment's.
 */
export function strategyPlan(content: Content, config: GameConfig, states: GameState[], reports: TurnReport[], yard: Yardstick): StrategyPlan | null {
  const ex = experimentFor(content.scenario.id);
  if (!ex) return null;
  const base = { experiment: ex.id, title: ex.title, question: ex.question, seat: ex.seat, turns: reports.length, strategies: ex.strategies.map((s) => ({ id: s.id, label: s.label })) };
  if (config.country !== ex.seat || !reports.length) return { ...base, player: null };
  const t = new FigureTracker(ex.seat, createGame(content, config.seed));
  for (const s of states) t.add(s);
  return { ...base, player: { id: 'you', label: 'Your path', ...scored(ex.seat, reports, yard), figures: t.figures() } };
}

/** One strategy played in the player's game for `turns` turns, scored against the player's yardstick. */
export function strategyRow(content: Content, config: GameConfig, id: string, turns: number, yard: Yardstick): StrategyRow {
  const ex = experimentFor(content.scenario.id);
  const st = ex?.strategies.find((s) => s.id === id);
  if (!ex || !st) throw new Error(`no strategy ${id} for scenario ${content.scenario.id}`);
  if (config.country !== ex.seat) throw new Error(`the strategies are for ${ex.seat}'s seat`);
  // fresh agents (a planner keeps a cache): the player's opponents, and the strategy in the player's seat
  const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, c === ex.seat ? st.agent : (config.agents[c] ?? 'persona'), c)])) as Seats;
  const t = new FigureTracker(ex.seat, createGame(content, config.seed));
  const r = playGame(content, config.seed, seats, { turns, ledger: false, dropRefused: true, onTurn: (s) => t.add(s) });
  return { id: st.id, label: st.label, ...scored(ex.seat, r.reports, yard), figures: t.figures() };
}
