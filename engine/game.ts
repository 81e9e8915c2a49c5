// Playing whole games: agents in seats, the status-quo yardstick for scores, and replays with a state hash per turn.
import { COUNTRIES, type CountryId } from './ids.ts';
import type { Content } from './content.ts';
import type { GameState, TurnReport } from './state.ts';
import { ENGINE_VERSION } from './state.ts';
import type { Orders } from './schema.ts';
import { createGame } from './init.ts';
import { resolveTurn, resolveTurnLean } from './turn.ts';
import { InvalidOrdersError } from './policy.ts';
import { viewFor } from './view.ts';
import { makeRngJoined } from './prng.ts';
import { hashValue } from './hash.ts';
import type { Agent } from './agents/types.ts';
import { statusQuo } from './agents/archetypes.ts';
import { objectiveParts, type ObjectiveKey } from './economy.ts';
import { independenceFrom } from './risk.ts';

export type Seats = Record<CountryId, Agent>;

export interface PlayOptions {
  /** orders the rules refuse are dropped seat by seat instead of ending the game (yardstick games: a script written
   * for the real game may not fit the game without one seat) */
  dropRefused?: boolean;
  /** play fewer turns than the scenario has */
  turns?: number;
  /** hash the state after every turn (replays); costs time */
  hashes?: boolean;
  /** build the why ledger in each report (default true) */
  ledger?: boolean;
  /** keep each turn's report and orders in the result (default true). False leaves `reports` and `orders` empty
   * (`onTurn` still sees each turn's): a batch that reads only the objectives and the final state then does not keep
   * 40 reports alive through the game, which the garbage collector pays for (a sixth of a status-quo game's CPU) */
  keepReports?: boolean;
  onTurn?: (state: GameState, report: TurnReport, orders: Orders) => void;
  /** each turn's new state and orders, for a host that reads no report: unlike `onTurn` it leaves the turns lean
   * (batch games read the state, and the report would be built only to be thrown away) */
  onState?: (state: GameState, orders: Orders) => void;
}

export interface PlayResult {
  state: GameState;
  reports: TurnReport[];
  orders: Orders[];
  hashes: string[];
  /** objective index per turn per country */
  objectives: Record<CountryId, number>[];
}

/** Orders every seat gives this turn. Agents get their own RNG stream, keyed by seed, turn, country and agent. */
export function collectOrders(content: Content, state: GameState, seats: Seats): Orders {
  const orders: Orders = {};
  // the seats' views share the other regions' public records (one copy of each per turn, not one per seat)
  const shared = {};
  for (const c of COUNTRIES) {
    const a = seats[c];
    if (a === statusQuo) continue;
    const view = a.needsView ? viewFor(state, c, shared) : ({ turn: state.turn, country: c } as ReturnType<typeof viewFor>);
    const o = a.decide({ content, view, rng: makeRngJoined(state.seed, state.turn + 1, c, a.name) });
    if (hasOwnKey(o)) orders[c] = o;
  }
  return orders;
}

/** Whether an object has a key of its own (Object.keys(o).length > 0, without building the array). */
function hasOwnKey(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
}

/** An agent gave orders the rules refuse: which turn, which seats, and every bad field. */
export class AgentOrdersError extends Error {
  constructor(
    readonly turn: number,
    readonly agents: Record<string, string>,
    readonly refusal: InvalidOrdersError,
  ) {
    super(`turn ${turn}: the agents' orders were refused (${Object.entries(agents).map(([c, a]) => `${c}=${a}`).join(', ')}):\n${refusal.message}`);
    this.name = 'AgentOrdersError';
  }
}

export function playGame(content: Content, seed: string | number, seats: Seats, opts: PlayOptions = {}): PlayResult {
  let state = createGame(content, seed);
  const turns = Math.min(opts.turns ?? state.turns, state.turns);
  const reports: TurnReport[] = [];
  const orders: Orders[] = [];
  const hashes: string[] = [];
  const objectives: Record<CountryId, number>[] = [];
  const keep = opts.keepReports !== false;
  // nobody reads the reports: the turns skip building them (the state does not depend on them)
  const lean = !keep && !opts.onTurn;
  for (let t = 0; t < turns; t++) {
    const o = collectOrders(content, state, seats);
    let r: PlayedTurn;
    try {
      r = playTurn(content, state, o, opts.ledger, lean);
    } catch (e) {
      if (e instanceof InvalidOrdersError && opts.dropRefused) {
        for (const c of new Set(e.issues.map((i) => i.country))) delete o[c as CountryId];
        r = playTurn(content, state, o, opts.ledger, lean);
      } else if (e instanceof InvalidOrdersError) {
        const who = Object.fromEntries([...new Set(e.issues.map((i) => i.country))].filter((c) => c !== '*').map((c) => [c, seats[c as CountryId].name]));
        throw new AgentOrdersError(state.turn + 1, who, e);
      } else throw e;
    }
    state = r.state;
    if (keep) {
      reports.push(r.report!);
      orders.push(o);
    }
    objectives.push(r.objective);
    if (opts.hashes) hashes.push(hashValue(state));
    opts.onTurn?.(state, r.report!, o);
    opts.onState?.(state, o);
  }
  return { state, reports, orders, hashes, objectives };
}

type PlayedTurn = { state: GameState; report: TurnReport | null; objective: Record<CountryId, number> };

/** One turn of playGame; `lean`: without its report (null), only the objective it would hold (the same object). */
function playTurn(content: Content, state: GameState, o: Orders, ledger: boolean | undefined, lean: boolean): PlayedTurn {
  if (lean) {
    const p = resolveTurnLean(content, state, o, { ledger });
    return { state: p.state, report: null, objective: p.objective };
  }
  const r = resolveTurn(content, state, o, { ledger });
  return { state: r.state, report: r.report, objective: r.report.objective };
}

export function statusQuoSeats(): Seats {
  return Object.fromEntries(COUNTRIES.map((c) => [c, statusQuo])) as Seats;
}

/** Objective per turn of the status-quo path for a seed: the yardstick every score is measured against (`onState`
 * sees the state after each turn, for a caller that sums more of the yardstick than its objectives). */
export function baselineObjectives(content: Content, seed: string | number, turns?: number, onState?: (state: GameState) => void): Record<CountryId, number>[] {
  return playGame(content, seed, statusQuoSeats(), { turns, ledger: false, keepReports: false, onState }).objectives;
}

/**
 * Each seat's yardstick: the objective per turn of the same game with that seat kept at the status quo and every other
 * seat played by the same agents (who react to it). A seat already at the status quo is its own yardstick (null here:
 * the caller uses the game's own objectives, so doing nothing scores exactly 0). One extra game per other seat.
 */
export function seatYardsticks(content: Content, seed: string | number, seats: Seats, turns?: number): Record<CountryId, { objectives: Record<CountryId, number>[]; parts: TurnReport['objectiveBy'][] } | null> {
  const out = {} as Record<CountryId, { objectives: Record<CountryId, number>[]; parts: TurnReport['objectiveBy'][] } | null>;
  for (const c of COUNTRIES) {
    if (seats[c] === statusQuo) {
      out[c] = null;
      continue;
    }
    const g = playGame(content, seed, { ...seats, [c]: statusQuo }, { turns, ledger: false, dropRefused: true });
    out[c] = { objectives: g.objectives, parts: g.reports.map((r) => r.objectiveBy) };
  }
  return out;
}

/** Each objective's part of a country's objective index in a state, as its last turn scored them (macro.ts: the same
 * function on the same fields, so the parts sum, in OBJECTIVES' order, to `regions[c].last.objective` to the bit;
 * tests/score-split.test.ts holds them to it). Batches sum them over a game for the score by objective. */
export function objectivePartsIn(content: Content, state: GameState, c: CountryId): Record<ObjectiveKey, number> {
  const r = state.regions[c];
  return objectiveParts(content, c, r, independenceFrom(content, r.last.supplyRisk));
}

/** Running score per turn: mean over turns so far of (objective - status-quo objective), in points. */
export function runningScores(objectives: Record<CountryId, number>[], baseline: Record<CountryId, number>[]): Record<CountryId, number>[] {
  const out: Record<CountryId, number>[] = [];
  const sum = Object.fromEntries(COUNTRIES.map((c) => [c, 0])) as Record<CountryId, number>;
  objectives.forEach((o, i) => {
    const row = {} as Record<CountryId, number>;
    for (const c of COUNTRIES) {
      sum[c] += o[c] - baseline[i][c];
      row[c] = sum[c] / (i + 1);
    }
    out.push(row);
  });
  return out;
}

// ---- replays ----
/** Replays are untrusted input: `verifyReplay` checks the recorded turn count and final hash (a cut replay fails)
 * and the engine version before it plays a single turn. Version 2 added `turns` and `finalHash`. */
export interface Replay {
  format: 'rare-earth-gambit-replay';
  version: 2;
  scenarioId: string;
  contentHash: string;
  engineVersion: string;
  seed: string;
  agents: Record<CountryId, string>;
  /** how many turns were played: orders and hashes hold exactly this many */
  turns: number;
  orders: Orders[];
  hashes: string[];
  /** the state hash after the last turn */
  finalHash: string;
}

export const REPLAY_VERSION = 2;

export function makeReplay(content: Content, seed: string | number, agents: Record<CountryId, string>, r: PlayResult): Replay {
  return {
    format: 'rare-earth-gambit-replay',
    version: 2,
    scenarioId: content.scenario.id,
    contentHash: content.hash,
    engineVersion: ENGINE_VERSION,
    seed: String(seed),
    agents,
    turns: r.orders.length,
    orders: r.orders,
    hashes: r.hashes,
    finalHash: r.hashes[r.hashes.length - 1] ?? '',
  };
}

export type VerifyResult =
  | { ok: true; turns: number }
  | { ok: false; turn: number; expected: string; actual: string; reason: string };

/** What is wrong with a replay's own record before any turn is played (engine version, turn count, final hash,
 * content), or null. */
export function replayRecordProblem(content: Content, replay: Replay): string | null {
  if (replay.engineVersion !== ENGINE_VERSION)
    return `the replay was recorded by engine version ${JSON.stringify(replay.engineVersion)} and this is engine version ${ENGINE_VERSION}; a replay verifies only on the engine version that recorded it`;
  if (replay.version !== REPLAY_VERSION) return `the replay is in format version ${JSON.stringify(replay.version)}, this program reads version ${REPLAY_VERSION} (record it again with gambit run --out)`;
  const n = replay.turns;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return 'the replay records no turn count (a whole number of turns, at least 1)';
  if (n > content.scenario.turns) return `the replay records ${n} turns, more than the scenario's ${content.scenario.turns}`;
  if (!Array.isArray(replay.orders) || !Array.isArray(replay.hashes) || replay.orders.length !== n || replay.hashes.length !== n)
    return `the replay records ${n} turns but holds ${replay.orders?.length} turns of orders and ${replay.hashes?.length} hashes: it has been cut or padded`;
  if (replay.finalHash !== replay.hashes[n - 1]) return `the replay's final hash ${JSON.stringify(replay.finalHash)} is not the hash of its last turn: it has been cut or altered`;
  if (replay.contentHash !== content.hash) return `content differs from the replay's (the replay's scenario ${replay.scenarioId}; checked against ${content.scenario.id})`;
  return null;
}

/** Re-run a replay's orders; name the first turn whose state hash differs. `upTo` checks the whole record but plays
 * only the first turns (fork). `visit` sees each state whose hash matched, with the number of turns played to it
 * (0 for the opening, `upTo` for the last), so a caller that also needs the states (the agents' check, fork's start)
 * plays the replay once. */
export function verifyReplay(content: Content, replay: Replay, opts: { upTo?: number; visit?: (state: GameState, played: number) => void } = {}): VerifyResult {
  const problem = replayRecordProblem(content, replay);
  if (problem) return { ok: false, turn: 0, expected: problem.startsWith('content') ? replay.contentHash : '', actual: problem.startsWith('content') ? content.hash : '', reason: problem };
  const upTo = Math.min(opts.upTo ?? replay.turns, replay.turns);
  let state = createGame(content, replay.seed);
  opts.visit?.(state, 0);
  for (let i = 0; i < upTo; i++) {
    let next: GameState;
    try {
      next = resolveTurn(content, state, replay.orders[i]).state;
    } catch (e) {
      return { ok: false, turn: i + 1, expected: replay.hashes[i] ?? '', actual: '', reason: `turn ${i + 1}'s orders are refused: ${(e as Error).message}` };
    }
    state = next;
    const h = hashValue(state);
    if (h !== replay.hashes[i]) return { ok: false, turn: i + 1, expected: replay.hashes[i] ?? '(missing)', actual: h, reason: `state hash differs at turn ${i + 1}` };
    opts.visit?.(state, i + 1);
  }
  return { ok: true, turns: upTo };
}
