// A student's Session calls on the server (the same interface the browser's worker answers, src/session/protocol.ts):
// everything is about the student's own seat, and every view of the world is viewFor its country.
import { OBJECTIVES, validateOrders, viewFor, type CountryId, type CountryOrders } from '../../engine/index.ts';
import { SessionCore } from '../session/core.ts';
import { weightedOnly } from '../session/score.ts';
import type { FinalResult } from '../session/protocol.ts';
import type { ClassRoom } from './classroom.ts';
import type { Method } from './config.ts';
import { HttpError, type Hub } from './hub.ts';
import { contentFor } from './content.ts';
import { redactSummary } from './world.ts';
import { debriefFor } from './debrief.ts';
import { activeWhatIf, classSnapshot, compareWhatIfs, finishWhatIf, forkWhatIf, replayWhatIf, SANDBOX_OFF, switchWhatIf, undoWhatIf, validateWhatIf, whatIfSnapshot } from './sandbox.ts';
import { gdpPercentPoints } from '../session/figures.ts';

const cores = new Map<string, SessionCore>();
export function coreFor(scenarioId: string): SessionCore {
  let c = cores.get(scenarioId);
  if (!c) cores.set(scenarioId, (c = new SessionCore(contentFor(scenarioId))));
  return c;
}

/** What the sandbox being off refuses, by the code's value (a Japanese page words it), in the server's English. */
const OFF_WHAT = { undo: 'Undo', fork: 'Fork', switch: 'Switching timelines', load: 'Loading a file' } as const;
const OFF = (what: keyof typeof OFF_WHAT) => ({ ok: false as const, error: `${OFF_WHAT[what]} ${SANDBOX_OFF}`, code: 'sandboxOff' as const, params: { what } });

export async function studentCall(hub: Hub, cls: ClassRoom, student: string, method: Method, args: unknown[]): Promise<unknown> {
  const st = cls.students.get(student);
  if (!st) throw new HttpError(401, 'this seat is not known here', 'unknownSeat');
  const world = cls.worlds[st.world];
  const c: CountryId = st.country;
  const core = coreFor(cls.config.scenarioId);
  const seat = cls.seat(st.world, c);
  const tl = cls.sandbox ? activeWhatIf(cls, student) : null;
  switch (method) {
    case 'scenarios':
      return core.scenarios();
    case 'agents':
      return [];
    case 'briefing':
      return core.briefing(args[0] as CountryId);
    case 'projectTypes':
      return core.projectTypes();
    case 'start':
      return { ok: false, error: 'in a class, the teacher starts the game' };
    case 'snapshot':
      return tl ? whatIfSnapshot(cls, st, tl) : classSnapshot(cls, st);
    case 'validate': {
      const orders = args[0] as CountryOrders;
      if (tl) return validateWhatIf(cls, tl, c, orders); // a what-if's draft is the student's own
      const v = validateOrders(world.content, world.state, { [c]: orders });
      // a draft that parses is shared with the seat's other students and kept for a reconnect, one the rules refuse
      // too (over a limit, a step too large): a reload gives it back with its issues to mend (it was lost unsaid);
      // nothing sends a draft as orders, so a refused one reaches no turn
      const turn = world.turn;
      if ((v.ok || v.wellFormed) && cls.status !== 'ended' && !world.over && JSON.stringify(orders) !== JSON.stringify(seat.draft ?? {}))
        await hub.lock(cls, async () => {
          // the round resolved while this waited for the lock: the draft was for the turn before, not this one's
          if (world.over || world.turn !== turn) return;
          void hub.emit(cls, 'draft', { world: st.world, turn: world.turn, country: c, orders, student });
          hub.listener.changed(cls);
        });
      return v.ok ? [] : v.issues;
    }
    case 'undo':
    case 'fork':
    case 'switchTimeline': {
      if (!cls.sandbox) return OFF(method === 'switchTimeline' ? 'switch' : method);
      const r = method === 'undo' ? undoWhatIf(cls, st, args[0] as number) : method === 'fork' ? forkWhatIf(cls, st, tl ? tl.states.length - 1 : world.turn, tl) : switchWhatIf(cls, st, args[0] as number);
      hub.listener.changed(cls); // the student's bar says which timeline it is on
      return r;
    }
    case 'load':
      return OFF('load');
    case 'save':
      throw new HttpError(400, 'saving is off in a class: the teacher exports the game', 'noSaving');
    case 'compare':
      if (cls.sandbox) return compareWhatIfs(cls, st);
      return { timelines: world.seatSnapshot(c, cls.config.scenarioId, null).timelines, histories: [world.summaries.map((s) => redactSummary(s, c))] };
    case 'replayTurn': {
      const t = args[0] as number;
      if (tl) return replayWhatIf(cls, st, tl, t);
      if (t > world.reports.length) return { ok: false, error: `no turn ${t} yet` };
      return { ok: true, value: { view: viewFor(world.states[t], c), report: world.reports[t - 1], score: world.turnScoreAt(c, t) } };
    }
    case 'finish':
      if (tl) return finishWhatIf(cls, st, tl);
      return finishFor(cls, st.world, c);
    case 'strategyPlan':
      return null;
    case 'strategyRow':
      throw new HttpError(400, 'no strategies to compare in a class', 'noStrategies');
    default:
      throw new HttpError(400, `no method ${method}`, 'noMethod', { method });
  }
}

/** The end screen of one seat: its score and split, every country's score, its path against the status quo, and the
 * decisions that mattered (from the debrief's counterfactual replays, when they are done). */
async function finishFor(cls: ClassRoom, w: number, c: CountryId): Promise<FinalResult> {
  const world = cls.worlds[w];
  const n = world.reports.length;
  const at = n ? world.turnScoreAt(c, n) : null;
  const split = at?.by ?? null;
  const last = world.summaries[n - 1];
  const scores = Object.fromEntries(Object.keys(last?.countries ?? {}).map((k) => [k, last.countries[k as CountryId].score])) as Record<CountryId, number>;
  const d = cls.status === 'ended' || world.over ? await debriefFor(cls) : null;
  const decisions = d?.seats.find((s) => s.world === w && s.country === c)?.decisions ?? [];
  return {
    score: world.score(c),
    scoreBy: weightedOnly(Object.fromEntries(OBJECTIVES.map((o) => [o, split ? split[o].total : 0])), at?.weighted),
    scores,
    history: world.summaries.map((s) => redactSummary(s, c)),
    baseline: world.baseline.summaries.slice(0, n).map((s) => redactSummary(s, c)),
    decisions,
    yardstick: 'status-quo-world',
    roundTurns: cls.k,
    gdpPercentPoints: gdpPercentPoints(world.content, c),
  };
}
