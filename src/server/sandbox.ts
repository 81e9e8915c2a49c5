// A class's sandbox (a teacher's option): a student may fork private "what-if" timelines from the class world, play
// them on at once against the personas, undo there, and switch back. The class world itself is shared and never
// changes by a student's undo or fork. What-if timelines live in the server's memory only (not in the class log: a
// restart drops them) and never enter the debrief.
import {
  InvalidOrdersError,
  OBJECTIVES,
  collectOrders,
  makeAgent,
  resolveTurn,
  runningScores,
  statusQuoSeats,
  turnSummary,
  validateOrders,
  viewFor,
  type CountryId,
  type CountryOrders,
  type GameState,
  type OrderIssue,
  type Orders,
  type Seats,
  type TurnReport,
  type TurnSummary,
} from '../../engine/index.ts';
import type { FinalResult, SessionResult, SessionSnapshot, TimelineInfo } from '../session/protocol.ts';
import { turnScore, weightedOnly } from '../session/score.ts';
import { contentFigures, gdpPercentPoints } from '../session/figures.ts';
import type { ClassRoom, Student } from './classroom.ts';
import type { ServerCode, ServerParams } from '../classroom/server-says.ts';
import { redactSummary, standingOrders, type World } from './world.ts';

/** A refusal with its code and values beside the English (server-says.ts), which a Japanese student's page words. */
const refuse = (error: string, code: ServerCode, params?: ServerParams, issues?: OrderIssue[]) => ({ ok: false as const, error, code, ...(params ? { params } : {}), ...(issues ? { issues } : {}) });

interface WhatIf {
  id: number;
  label: string;
  /** the class world it was forked from, and at which turn */
  world: number;
  forkedAt: number;
  states: GameState[];
  reports: TurnReport[];
  orders: Orders[];
  summaries: TurnSummary[];
}

interface StudentSandbox {
  active: number;
  timelines: WhatIf[];
}

const byClass = new WeakMap<ClassRoom, Map<string, StudentSandbox>>();

function boxOf(cls: ClassRoom, student: string): StudentSandbox | undefined {
  return byClass.get(cls)?.get(student);
}

/** The what-if timeline a student is on, or null (the class world). */
export function activeWhatIf(cls: ClassRoom, student: string): WhatIf | null {
  const b = boxOf(cls, student);
  const st = cls.students.get(student);
  const tl = b?.timelines.find((t) => t.id === b.active) ?? null;
  // a student moved to another world since is back on the class world
  return tl && st && tl.world === st.world ? tl : null;
}

export function whatIfLabel(cls: ClassRoom, student: string): string | null {
  return activeWhatIf(cls, student)?.label ?? null;
}

/** The teacher turned the sandbox off: every what-if of the class is dropped. Returns the students who were on one. */
export function dropSandboxes(cls: ClassRoom): string[] {
  const m = byClass.get(cls);
  byClass.delete(cls);
  return m ? [...m].filter(([, b]) => b.active !== 0).map(([id]) => id) : [];
}

// a student's first what-if is A: the class's world is not a lettered timeline (a single player's game is Timeline A, so
// its first fork is B; a class's first what-if read "What-if B" beside "World 1 (the class)")
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const SANDBOX_OFF = 'is off in this class: the teacher has not turned on the sandbox (the class plays one shared timeline)';

/** Fork a what-if from the class world at `turn` (the present, or an earlier turn when the student undoes there). */
export function forkWhatIf(cls: ClassRoom, st: Student, turn: number, from?: WhatIf | null): SessionResult<SessionSnapshot> {
  const world = cls.worlds[st.world];
  const src = from ?? { states: world.states, reports: world.reports, orders: world.orders, summaries: world.summaries };
  let m = byClass.get(cls);
  if (!m) byClass.set(cls, (m = new Map()));
  let b = m.get(st.id);
  if (!b) m.set(st.id, (b = { active: 0, timelines: [] }));
  if (b.timelines.length >= LETTERS.length) return refuse(`at most ${LETTERS.length} what-if timelines`, 'whatIfLimit', { max: LETTERS.length });
  const id = b.timelines.length + 1;
  const tl: WhatIf = {
    id,
    label: `what-if:${LETTERS[id - 1]}`, // language-neutral: the page words it (src/ui/labels.ts timelineName)
    world: st.world,
    forkedAt: turn,
    states: src.states.slice(0, turn + 1),
    reports: src.reports.slice(0, turn),
    orders: src.orders.slice(0, turn),
    summaries: src.summaries.slice(0, turn),
  };
  b.timelines.push(tl);
  b.active = id;
  return { ok: true, value: whatIfSnapshot(cls, st, tl) };
}

/** Undo on a what-if: back to the start of an earlier round (not before the fork; undoing on the class world forks). */
export function undoWhatIf(cls: ClassRoom, st: Student, toTurn: number): SessionResult<SessionSnapshot> {
  const tl = activeWhatIf(cls, st.id);
  const k = cls.k;
  const now = tl ? tl.states.length - 1 : cls.worlds[st.world].turn;
  const to = Math.floor(Math.max(0, toTurn) / k) * k;
  if (!Number.isInteger(toTurn) || toTurn < 0 || to >= now) return refuse(`nothing to undo: can only go back to a turn before ${now + 1}`, 'nothingToUndo', { turn: now + 1 });
  if (!tl) return forkWhatIf(cls, st, to);
  if (to < tl.forkedAt) return forkWhatIf(cls, st, to); // before this what-if began: a new one from the class world
  tl.states.length = to + 1;
  tl.reports.length = tl.orders.length = tl.summaries.length = to;
  return { ok: true, value: whatIfSnapshot(cls, st, tl) };
}

export function switchWhatIf(cls: ClassRoom, st: Student, id: number): SessionResult<SessionSnapshot> {
  const b = boxOf(cls, st.id);
  if (id !== 0 && !b?.timelines.some((t) => t.id === id && t.world === st.world)) return refuse(`no timeline ${id}`, 'noTimeline', { id });
  if (b) b.active = id;
  return { ok: true, value: id === 0 ? classSnapshot(cls, st) : whatIfSnapshot(cls, st, activeWhatIf(cls, st.id)!) };
}

export function validateWhatIf(cls: ClassRoom, tl: WhatIf, c: CountryId, orders: CountryOrders): OrderIssue[] {
  const v = validateOrders(cls.worlds[tl.world].content, tl.states.at(-1)!, { [c]: orders });
  return v.ok ? [] : v.issues;
}

/** A round on a what-if: resolved at once, the personas playing every other country (as bots do in a class round). */
export function submitWhatIf(cls: ClassRoom, st: Student, tl: WhatIf, orders: CountryOrders): SessionResult<SessionSnapshot> {
  const world = cls.worlds[tl.world];
  if (tl.states.length - 1 >= world.turns) return refuse('this what-if has reached the last round', 'whatIfLastRound');
  const issues = validateWhatIf(cls, tl, st.country, orders);
  if (issues.length) return refuse('some orders are not valid', 'ordersInvalid', undefined, issues);
  const seats = statusQuoSeats() as Seats;
  for (const c of Object.keys(seats) as CountryId[]) if (c !== st.country) seats[c] = makeAgent(world.content, 'persona', c);
  for (let i = 0; i < cls.k && tl.states.length - 1 < world.turns; i++) {
    const state = tl.states.at(-1)!;
    const all = collectOrders(world.content, state, seats);
    const mine = i === 0 ? orders : standingOrders(orders);
    if (Object.keys(mine).length) all[st.country] = mine;
    let r;
    try {
      r = resolveTurn(world.content, state, all);
    } catch (e) {
      if (e instanceof InvalidOrdersError) return refuse(`these orders clash with another country's: ${e.message}`, 'ordersClash', undefined, e.issues);
      throw e;
    }
    tl.states.push(r.state);
    tl.reports.push(r.report);
    tl.orders.push(all);
    const sc = runningScores(tl.reports.map((x) => x.objective), world.baseline.objectives.slice(0, tl.reports.length)).at(-1)!;
    tl.summaries.push(turnSummary(r.state, r.report, sc));
  }
  return { ok: true, value: whatIfSnapshot(cls, st, tl) };
}

function timelinesOf(cls: ClassRoom, st: Student): TimelineInfo[] {
  const world = cls.worlds[st.world];
  const score = (s: TurnSummary[]) => s.at(-1)?.countries[st.country].score ?? 0;
  const own = boxOf(cls, st.id)?.timelines.filter((t) => t.world === st.world) ?? [];
  return [{ id: 0, label: `class:${st.world + 1}`, forkedAt: 0, turn: world.turn, score: world.score(st.country) }, ...own.map((t) => ({ id: t.id, label: t.label, forkedAt: t.forkedAt, turn: t.states.length - 1, score: score(t.summaries) }))];
}

/** The class world's snapshot for a seat, with its what-ifs listed (a sandbox's timeline menu). */
export function classSnapshot(cls: ClassRoom, st: Student): SessionSnapshot {
  const seat = cls.seat(st.world, st.country);
  const snap = { ...cls.worlds[st.world].seatSnapshot(st.country, cls.config.scenarioId, seat.draft, cls.k), draftSeq: seat.draftSeq, world: st.world };
  return cls.sandbox ? { ...snap, timelines: timelinesOf(cls, st), activeTimeline: 0 } : snap;
}

function turnScoreOf(world: World, tl: WhatIf, c: CountryId, turn: number) {
  return turnScore(tl.reports.map((r) => r.objectiveBy[c]), world.baseline.parts.map((p) => p[c]), turn, world.content.countries.regions[c].objectives);
}

export function whatIfSnapshot(cls: ClassRoom, st: Student, tl: WhatIf): SessionSnapshot {
  const world = cls.worlds[tl.world];
  const c = st.country;
  const n = tl.reports.length;
  const turn = tl.states.length - 1;
  return {
    config: { scenarioId: cls.config.scenarioId, country: c, agents: {} as Record<CountryId, string>, turns: world.turns, seed: world.seed },
    view: viewFor(tl.states[turn], c),
    report: tl.reports[n - 1] ?? null,
    history: tl.summaries.map((s) => redactSummary(s, c)),
    turn,
    turns: world.turns,
    over: turn >= world.turns,
    score: tl.summaries.at(-1)?.countries[c].score ?? 0,
    turnScore: n ? turnScoreOf(world, tl, c, n) : null,
    ...contentFigures(world.content, tl.states[turn], c, tl.states[0]!),
    timelines: timelinesOf(cls, st),
    activeTimeline: tl.id,
    draft: null,
    world: tl.world,
  };
}

export function compareWhatIfs(cls: ClassRoom, st: Student): { timelines: TimelineInfo[]; histories: TurnSummary[][] } {
  const world = cls.worlds[st.world];
  const own = boxOf(cls, st.id)?.timelines.filter((t) => t.world === st.world) ?? [];
  return { timelines: timelinesOf(cls, st), histories: [world.summaries, ...own.map((t) => t.summaries)].map((h) => h.map((s) => redactSummary(s, st.country))) };
}

export function replayWhatIf(cls: ClassRoom, st: Student, tl: WhatIf, t: number) {
  if (t > tl.reports.length) return refuse(`no turn ${t} yet`, 'noTurnYet', { turn: t });
  return { ok: true, value: { view: viewFor(tl.states[t], st.country), report: tl.reports[t - 1], score: turnScoreOf(cls.worlds[tl.world], tl, st.country, t) } };
}

/** The end screen of a finished what-if: its score against the status quo (no decisions: those are the class's). */
export function finishWhatIf(cls: ClassRoom, st: Student, tl: WhatIf): FinalResult {
  const world = cls.worlds[tl.world];
  const n = tl.reports.length;
  const at = n ? turnScoreOf(world, tl, st.country, n) : null;
  const split = at?.by ?? null;
  const last = tl.summaries[n - 1];
  return {
    score: last?.countries[st.country].score ?? 0,
    scoreBy: weightedOnly(Object.fromEntries(OBJECTIVES.map((o) => [o, split ? split[o].total : 0])), at?.weighted),
    scores: Object.fromEntries(Object.entries(last?.countries ?? {}).map(([k, v]) => [k, v.score])) as Record<CountryId, number>,
    history: tl.summaries.map((s) => redactSummary(s, st.country)),
    baseline: world.baseline.summaries.slice(0, n).map((s) => redactSummary(s, st.country)),
    decisions: [],
    yardstick: 'status-quo-world',
    gdpPercentPoints: gdpPercentPoints(world.content, st.country),
  };
}
