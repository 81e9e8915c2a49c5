// The debrief's "decisions that mattered", as one pure computation a worker thread can run (src/cli/pool-entry.ts
// takes it) or this thread: a seat's world replayed from its seed with one round's orders of the seat left out at a
// time, every other seat's orders as they were given; what the round was worth = final score with it - without it.
import { createGame, resolveTurnLean, runningScores, type CountryId, type CountryOrders, type GameState, type Orders } from '../../engine/index.ts';
import { contentFor } from './content.ts';
import { withoutEachKind, withoutKind, type OrderKind } from '../session/describe.ts';

export interface DecisionTask {
  scenarioId: string;
  /** the content hash the class was played with (a worker refuses other content) */
  contentHash: string;
  seed: number;
  country: CountryId;
  /** the world's orders per engine turn, as resolved */
  orders: Orders[];
  /** the status-quo path's objectives per engine turn (the yardstick of every score) */
  baseline: Record<CountryId, number>[];
  /** engine turns per round */
  k: number;
  /** engine turns (0-based) whose round start a bot played for the seat: not the students' decisions */
  botTurns: number[];
}

/** One worth per round the seat gave orders in: the round's first engine turn (0-based) and final - without; for the
 * five that mattered most (as the debrief ranks them), a round of several kinds of order also has each kind's worth,
 * the round replayed without that kind alone (in each of its turns: a round's later turns hold its standing orders). */
export interface DecisionWorth {
  turn: number;
  worth: number;
  parts?: { kind: OrderKind; worth: number }[];
}

/** How many of a seat's decisions the debrief shows (src/server/debrief.ts): those get their parts. */
export const DECISIONS_SHOWN = 5;

/** The debrief's order of decisions: the largest worth either way first, then the earlier. */
export const byMattered = (a: { turn: number; worth: number }, b: { turn: number; worth: number }) => Math.abs(b.worth) - Math.abs(a.worth) || a.turn - b.turn;

/** Every round's worth for one seat (`breathe` is awaited between turns when this runs on the server's own thread). */
export async function decisionWorths(t: DecisionTask, breathe?: () => Promise<void>): Promise<DecisionWorth[]> {
  const content = contentFor(t.scenarioId);
  if (content.hash !== t.contentHash) throw new Error(`the content changed since the class was played (${t.contentHash} then, ${content.hash} now)`);
  const n = t.orders.length;
  // the world as it was played, replayed from its seed (the engine is deterministic: the same states, the same scores)
  const path: GameState[] = [createGame(content, t.seed)];
  const objectivesWith: Record<CountryId, number>[] = [];
  for (let i = 0; i < n; i++) {
    const r = resolveTurnLean(content, path[i], t.orders[i], { ledger: false });
    objectivesWith.push(r.objective);
    path.push(r.state);
  }
  const final = n ? runningScores(objectivesWith, t.baseline.slice(0, n)).at(-1)![t.country] : 0;
  /** final - the score with the seat's orders in the round from engine turn i changed by `change` (undefined: none) */
  const worthOf = async (i: number, change: (o: CountryOrders) => CountryOrders | undefined): Promise<number> => {
    let st = path[i];
    const objectives = objectivesWith.slice(0, i);
    for (let j = i; j < n; j++) {
      const o: Orders = { ...t.orders[j] };
      if (j < i + t.k) {
        const changed = o[t.country] && change(o[t.country]!);
        if (changed) o[t.country] = changed;
        else delete o[t.country];
      }
      st = resolveLenient(content, st, o, t.country, objectives);
      if (breathe) await breathe();
    }
    return final - runningScores(objectives, t.baseline.slice(0, n)).at(-1)![t.country];
  };
  const out: DecisionWorth[] = [];
  for (let i = 0; i < n; i += t.k) {
    const mine = t.orders[i][t.country];
    if (!mine || !Object.keys(mine).length || t.botTurns.includes(i)) continue;
    out.push({ turn: i, worth: await worthOf(i, () => undefined) }); // the whole round without the seat's orders
  }
  for (const d of [...out].sort(byMattered).slice(0, DECISIONS_SHOWN)) {
    const kinds = withoutEachKind(t.orders[d.turn][t.country]!).map((x) => x.kind);
    if (!kinds.length) continue;
    d.parts = [];
    for (const kind of kinds) d.parts.push({ kind, worth: await worthOf(d.turn, (o) => withoutKind(o, kind)) });
  }
  return out;
}

/** A later order of the seat's that no longer fits the changed world is dropped (then, at worst, every order). */
function resolveLenient(content: ReturnType<typeof contentFor>, s: GameState, o: Orders, c: CountryId, objectives: Record<CountryId, number>[]): GameState {
  let r;
  try {
    r = resolveTurnLean(content, s, o, { ledger: false });
  } catch {
    const { [c]: _drop, ...rest } = o;
    try {
      r = resolveTurnLean(content, s, rest as Orders, { ledger: false });
    } catch {
      r = resolveTurnLean(content, s, {}, { ledger: false });
    }
  }
  objectives.push(r.objective);
  return r.state;
}

/** The worker thread's side: plain data in, plain data out (an error as its message). */
export async function decisionsInWorker(t: DecisionTask): Promise<{ worths: DecisionWorth[] } | { error: string }> {
  try {
    return { worths: await decisionWorths(t) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
