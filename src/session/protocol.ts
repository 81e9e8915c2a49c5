// The session interface the UI talks to: start, submit orders, undo, fork, save, load, finish.
// Today it wraps the engine in a Web Worker; a classroom server will sit behind the same interface.
import type { CountryId, CountryOrders, CountryView, OrderIssue, Overridden, RiskParts, TurnReport, TurnSummary } from '../../engine/index.ts';

export interface GameConfig {
  scenarioId: string;
  country: CountryId;
  /** agent name for every country; the player's own entry is ignored */
  agents: Record<CountryId, string>;
  turns: number;
  seed: number;
}

export interface TimelineInfo {
  id: number;
  label: string;
  /** turn it was forked at (0 for the original) */
  forkedAt: number;
  turn: number;
  score: number;
}

export interface SessionSnapshot {
  config: GameConfig;
  /** the player's view of the state after the last resolved turn */
  view: CountryView;
  /** the last turn's report (null before turn 1) */
  report: TurnReport | null;
  /** per-turn summaries so far, for sparklines and charts (index 0 = turn 1) */
  history: TurnSummary[];
  turn: number;
  turns: number;
  over: boolean;
  /** the player's running score against the status-quo path */
  score: number;
  /** the last turn's score split by objective against the yardstick game (null before turn 1) */
  turnScore: TurnScore | null;
  budget: number;
  /** the most budget that can be held: rules.budget.carryCap years of the programme budget (engine budgetAnnual) */
  budgetCap: number;
  /** the supply risk at which supply independence is 0 (rules.supplyRisk.scale): independence = 1 - risk / riskScale */
  riskScale: number;
  /** the country's supply risk at the start (turn 1's change in supply independence is from it; older hosts: absent) */
  openingRisk?: number;
  /** the country's supply risk taken apart, by level and origin (engine/risk.ts riskParts; older hosts: absent) */
  riskParts?: RiskParts;
  /** output a year moved per dollar of capital a deal's investment moves (rules.macro.capitalReturn; engine/macro.ts) */
  capitalReturn: number;
  timelines: TimelineInfo[];
  activeTimeline: number;
  /** orders being drafted for the next turn (a class keeps a seat's shared draft on the server) */
  draft?: CountryOrders | null;
  /** a class seat's count of changes to that draft (src/classroom/pushed-draft.ts tells later pushes by it) */
  draftSeq?: number;
  /** what the rules refuse in that draft (a class keeps a well-formed draft they refuse, for the student to mend):
   * the page shows them when it opens */
  draftIssues?: OrderIssue[];
  /** a class's world the seat is in (a student can be moved to another) */
  world?: number;
}

/** The player's score after a turn, split by objective. The yardstick is the same game with the player's seat at status
 * quo; the score is the mean over the turns so far of the player's objective minus the yardstick's. */
export interface TurnScore {
  turn: number;
  /** the score after this turn, and before it (before the round, when `since` is given) */
  score: number;
  prev: number;
  /** a class round of several quarters: the turns played before it, from which `prev` and the changes are measured */
  since?: number;
  /** this turn's objective minus the yardstick's */
  gap: number;
  /** per objective: its part of the score (the parts sum to score), how much this turn moved it, and this turn's gap */
  by: Record<string, { total: number; change: number; gap: number }>;
  /** the objectives the player's country weighs (weight > 0), in `by`'s order; absent: all of them. An objective of
   * weight 0 (environment, for most countries) is always ±0.00 and is not shown: the briefing does not list it */
  weighted?: string[];
  /** what the score is measured against: in a class, the status-quo world (every country keeping its policies);
   * absent, the same game with the player's seat at status quo (the other seats' agents reacting) */
  yardstick?: 'status-quo-world';
}

export interface Decision {
  turn: number;
  date: string;
  summary: string;
  /** the orders themselves, for a host that words them in its own language */
  orders?: CountryOrders;
  /** final score without this turn's orders minus the score with them: what the decision was worth */
  worth: number;
  /** those of the orders that a deal in force overrode that turn (the report's), when any */
  overridden?: Overridden[];
  /** a turn of several kinds of order (the tab each comes from): what each kind was worth, the turn played without it
   * alone; they need not add up to `worth` (kinds of order interact) */
  parts?: { kind: string; worth: number }[];
}

export interface FinalResult {
  score: number;
  /** the player's score split by objective (points, summing to score) */
  scoreBy: Record<string, number>;
  /** the split after each turn (index 0 = turn 1): the end screen's chart of the score by objective over time */
  scoreByTurn?: Record<string, number>[];
  scores: Record<CountryId, number>;
  history: TurnSummary[];
  baseline: TurnSummary[];
  decisions: Decision[];
  /** what `baseline` and the score are measured against: 'self' (default: the same game with the player's seat keeping
   * its policies, the other seats' agents reacting), or 'status-quo-world' (a class: every country keeps its policies) */
  yardstick?: 'self' | 'status-quo-world';
  /** a class round may be several turns of the game: the decisions' `turn` is then a round */
  roundTurns?: number;
  /** for scale: the points GDP 1% above the yardstick's in every quarter is worth to the player (100 ln 1.01 x the GDP
   * weight); absent where the host does not give it */
  gdpPercentPoints?: number;
}

export type SessionResult<T> = { ok: true; value: T } | { ok: false; error: string; issues?: OrderIssue[] };

export interface Session {
  /** true where submitting waits for other players (a class's round), not only for the engine: the End turn button says so */
  readonly waitsForOthers?: boolean;
  /** why End turn cannot be pressed yet (a class the teacher has not started), or null: the button is disabled, saying so */
  closed?: () => string | null;
  scenarios(): Promise<{ id: string; name: string; turns: number }[]>;
  agents(): Promise<string[]>;
  /** the briefing for a country in a scenario (default: the scenario of the game in progress, or the first) */
  briefing(country: CountryId, scenarioId?: string): Promise<Briefing>;
  start(config: GameConfig): Promise<SessionResult<SessionSnapshot>>;
  validate(orders: CountryOrders): Promise<OrderIssue[]>;
  submit(orders: CountryOrders): Promise<SessionResult<SessionSnapshot>>;
  undo(toTurn: number): Promise<SessionResult<SessionSnapshot>>;
  fork(): Promise<SessionResult<SessionSnapshot>>;
  switchTimeline(id: number): Promise<SessionResult<SessionSnapshot>>;
  compare(): Promise<{ timelines: TimelineInfo[]; histories: TurnSummary[][] }>;
  save(): Promise<string>;
  load(text: string): Promise<SessionResult<SessionSnapshot>>;
  finish(): Promise<FinalResult>;
  replayTurn(turn: number): Promise<SessionResult<{ view: CountryView; report: TurnReport; score: TurnScore }>>;
  projectTypes(): Promise<ProjectInfo[]>;
  /** the end screen's comparison with the scenario's experiment (null: the scenario has none); then one strategy at a time */
  strategyPlan(): Promise<StrategyPlan | null>;
  strategyRow(id: string): Promise<StrategyRow>;
}

/** Key figures of a path, measured as `gambit experiment` does: averages over the turns, except the lowest and the sum. */
export interface PathFigures {
  /** the US tariff on the seat's cars, percent, averaged over the turns */
  usCarTariff: number;
  /** the seat's car exports to the US, vehicles a quarter, averaged */
  carExportsUS: number;
  /** the seat's lowest quarterly magnet supply, share of need */
  minMagnet: number;
  /** public rare-earth programme started by the seat, USD bn */
  programmeUsdBn: number;
}

export interface StrategyRow {
  id: string;
  label: string;
  /** points against the player's yardstick (the same game with the seat at the status quo) */
  score: number;
  scoreBy: Record<string, number>;
  figures: PathFigures;
}

export interface StrategyPlan {
  experiment: string;
  title: string;
  question: string;
  seat: CountryId;
  turns: number;
  strategies: { id: string; label: string }[];
  /** the player's own row; null when the player did not play the experiment's seat */
  player: StrategyRow | null;
}

export interface Briefing {
  country: CountryId;
  name: string;
  situation: string[];
  objectives: { name: string; weight: number; meaning: string }[];
  levers: string[];
}

export interface ProjectInfo {
  type: string;
  label: string;
  description: string;
  costUsdBn: number;
  leadQuarters: number;
  capacity: number;
  stage?: string;
  hosts?: string[];
  maxUnits: number;
  successChance: number;
  /** the deep-sea mud programme only: each stage's cost per unit, USD bn, and a retry's share of it (what a stage
   * paused for budget needs to start, engine/deepsea.ts stageCost) */
  mud?: { stageCostUsdBn: number[]; retryCostShare: number };
  /** mines, separation and magnet plants: the share of capacity at completion and the quarters to all of it */
  rampUp?: { firstShare: number; quarters: number };
}
