// One world of a class: a game of the engine whose state is its replay (orders per turn, a state hash per turn), with
// the status-quo path as the yardstick for scores, and what each seat may see of it (viewFor, summaries redacted).
import {
  COUNTRIES,
  collectOrders,
  createGame,
  hashValue,
  makeAgent,
  makeReplay,
  playGame,
  resolveTurn,
  runningScores,
  statusQuoSeats,
  turnSummary,
  validateOrders,
  viewFor,
  type Content,
  type CountryId,
  type GameState,
  type OrderIssue,
  type Orders,
  type Replay,
  type Seats,
  type TurnReport,
  type TurnSummary,
} from '../../engine/index.ts';
import type { CountryOrders } from '../../engine/index.ts';
import type { SessionSnapshot } from '../session/protocol.ts';
import { turnScore } from '../session/score.ts';
import { contentFigures } from '../session/figures.ts';
import { mergeRound, roundStart } from './round-report.ts';

/** The status-quo path of a scenario and seed (every country keeps its policies): the yardstick of every score. */
export interface Baseline {
  objectives: Record<CountryId, number>[];
  parts: TurnReport['objectiveBy'][];
  summaries: TurnSummary[];
}

const baselines = new Map<string, Baseline>();

export function baselineFor(content: Content, seed: number, turns: number): Baseline {
  const key = `${content.hash}:${seed}:${turns}`;
  const hit = baselines.get(key);
  if (hit) return hit;
  // each turn summed up as it is played (the game is resolved once, not replayed for its summaries)
  const zero = Object.fromEntries(COUNTRIES.map((c) => [c, 0])) as Record<CountryId, number>;
  const summaries: TurnSummary[] = [];
  const g = playGame(content, seed, statusQuoSeats(), { turns, ledger: false, onTurn: (st, rep) => summaries.push(turnSummary(st, rep, zero)) });
  const b = { objectives: g.objectives, parts: g.reports.map((r) => r.objectiveBy), summaries };
  baselines.set(key, b);
  return b;
}

/** A turn's outcome before it is recorded. */
export interface Resolved {
  state: GameState;
  report: TurnReport;
  orders: Orders;
  hash: string;
}

export class World {
  readonly states: GameState[];
  readonly reports: TurnReport[] = [];
  readonly orders: Orders[] = [];
  readonly hashes: string[] = [];
  readonly summaries: TurnSummary[] = [];
  readonly baseline: Baseline;

  constructor(
    readonly index: number,
    readonly content: Content,
    readonly seed: number,
    readonly turns: number,
  ) {
    this.states = [createGame(content, seed)];
    this.baseline = baselineFor(content, seed, turns);
  }

  get state(): GameState {
    return this.states[this.states.length - 1];
  }
  /** turns played so far */
  get turn(): number {
    return this.state.turn;
  }
  get over(): boolean {
    return this.turn >= this.turns;
  }

  /** The orders the personas give this turn for the seats they play (the others are left out: no change). */
  botOrders(bots: CountryId[]): Orders {
    const seats = statusQuoSeats() as Seats;
    for (const c of bots) seats[c] = makeAgent(this.content, 'persona', c);
    return collectOrders(this.content, this.state, seats);
  }

  /** Resolve the next turn with these orders (throws InvalidOrdersError, leaving the world as it was). */
  compute(orders: Orders): Resolved {
    const r = resolveTurn(this.content, this.state, orders);
    return { state: r.state, report: r.report, orders, hash: hashValue(r.state) };
  }

  push(r: Resolved): void {
    this.states.push(r.state);
    this.reports.push(r.report);
    this.orders.push(r.orders);
    this.hashes.push(r.hash);
    const scores = runningScores(this.reports.map((x) => x.objective), this.baseline.objectives.slice(0, this.reports.length));
    this.summaries.push(turnSummary(r.state, r.report, scores[scores.length - 1]));
  }

  score(c: CountryId): number {
    return this.summaries[this.summaries.length - 1]?.countries[c].score ?? 0;
  }

  /** What a seat sees: its own view, the last report, the history with other countries' budgets and stocks taken out. */
  seatSnapshot(country: CountryId, scenarioId: string, draft: CountryOrders | null, roundTurns = 1): SessionSnapshot & { draft: CountryOrders | null } {
    const n = this.reports.length;
    return {
      config: { scenarioId, country, agents: {} as Record<CountryId, string>, turns: this.turns, seed: this.seed },
      view: viewFor(this.state, country),
      report: this.roundReport(roundTurns),
      history: this.summaries.map((s) => redactSummary(s, country)),
      turn: this.turn,
      turns: this.turns,
      over: this.over,
      score: this.score(country),
      turnScore: n ? this.turnScoreAt(country, n, roundTurns) : null,
      ...contentFigures(this.content, this.state, country, this.states[0]!),
      timelines: [{ id: 0, label: `class:${this.index + 1}`, forkedAt: 0, turn: this.turn, score: this.score(country) }],
      activeTimeline: 0,
      draft,
      ...this.draftIssues(country, draft),
    };
  }

  /** The issues of a seat's draft (kept though the rules refuse it: src/server/student.ts), for its pages to show: in
   * the snapshot and in every status push (a co-player's page takes the draft from one). Checked once a draft (each
   * draft event makes a new object; drafts are cleared as a turn resolves, so the state it was checked on holds). */
  draftIssues(country: CountryId, draft: CountryOrders | null): { draftIssues?: OrderIssue[] } {
    if (!draft) return {};
    let issues = this.checked.get(draft);
    if (issues === undefined) {
      const v = validateOrders(this.content, this.state, { [country]: draft });
      issues = v.ok ? null : v.issues;
      this.checked.set(draft, issues);
    }
    return issues ? { draftIssues: issues } : {};
  }
  private checked = new WeakMap<CountryOrders, OrderIssue[] | null>();

  /** The last turn's report; when a round is several turns, with the events and news of the whole round (the digest
   * a student reads after a round must not miss a ban of its first quarter) and the headlines' changes over it with
   * their causes (round-report.ts). */
  roundReport(roundTurns: number): TurnReport | null {
    const n = this.reports.length;
    if (!n) return null;
    return mergeRound(this.reports.slice(roundStart(n, roundTurns)));
  }

  /** a seat's score after `turn`, against the status-quo world (what the digest names as its yardstick); its changes over
   * the round of `roundTurns` quarters it ends */
  turnScoreAt(c: CountryId, turn: number, roundTurns = 1) {
    const since = roundStart(turn, roundTurns);
    return { ...turnScore(this.reports.map((r) => r.objectiveBy[c]), this.baseline.parts.map((p) => p[c]), turn, this.content.countries.regions[c].objectives, since), yardstick: 'status-quo-world' as const };
  }

  replay(agents: Record<CountryId, string>): Replay {
    return makeReplay(this.content, this.seed, agents, { state: this.state, reports: this.reports, orders: this.orders, hashes: this.hashes, objectives: this.reports.map((r) => r.objective) });
  }
}

/** The parts of a seat's orders that stand for every quarter of a round of several (policies: tariffs, export controls,
 * defence spending, rare-earth output); one-off orders (investments, stockpile releases, deals) are given once, in the
 * round's first quarter. */
export function standingOrders(o: CountryOrders): CountryOrders {
  const out: CountryOrders = {};
  if (o.tariffs) out.tariffs = o.tariffs;
  if (o.exportControls) out.exportControls = o.exportControls;
  if (o.defenseSpendingPct !== undefined) out.defenseSpendingPct = o.defenseSpendingPct;
  if (o.rareEarthOutputPct !== undefined) out.rareEarthOutputPct = o.rareEarthOutputPct;
  return out;
}

/** A summary as one country may see it: no other country's strategic stocks or programme budget. */
export function redactSummary(s: TurnSummary, c: CountryId): TurnSummary {
  const countries = {} as TurnSummary['countries'];
  for (const k of COUNTRIES) {
    if (k === c) countries[k] = s.countries[k];
    else {
      const { budgetUsdBn: _b, ...rest } = s.countries[k];
      countries[k] = rest as TurnSummary['countries'][CountryId];
    }
  }
  return { ...s, stockpiles: { [c]: s.stockpiles[c] } as TurnSummary['stockpiles'], countries };
}
