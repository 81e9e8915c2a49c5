// The workload `npm run profile` profiles (bundled by scripts/profile.ts, so the engine runs as a worker thread runs
// it): warm-up games first, unprofiled, then the measured work under V8's sampling profiler (node:inspector), started
// and stopped around it. Returns the profile; the summary is made by the caller.
import { Session } from 'node:inspector';
import { COUNTRIES, createGame, makeAgent, playGame, statusQuoSeats, viewFor, type Content } from '../engine/index.ts';
import { makeRng } from '../engine/prng.ts';

export type Workload = 'status-quo' | 'personas' | 'planner';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const post = <T>(s: Session, method: string, params?: object): Promise<T> =>
  new Promise((resolve, reject) => s.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));

/** Plays `count` games (or planner decisions) of `work` after `warm` unprofiled ones and returns the profile of the
 * measured ones, sampled every `intervalUs` microseconds, with the wall time they took. */
export async function profileWork(content: Content, work: Workload, count: number, warm: number, intervalUs: number): Promise<{ profile: CpuProfile; ms: number }> {
  const seats = work === 'status-quo' ? statusQuoSeats() : (Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as ReturnType<typeof statusQuoSeats>);
  // batch games as src/cli/game-result.ts plays them: no reports kept, no why ledger (lean turns)
  const profiledGame = (seed: number) => playGame(content, seed, seats, { ledger: false, keepReports: false });
  // planner decisions: Japan, from the states of a persona game, as the bench times them
  const planner = makeAgent(content, 'planner', 'JPN');
  const states = [createGame(content, 7)];
  if (work === 'planner') playGame(content, 7, seats, { turns: 9, ledger: false, keepReports: false, onState: (s) => states.push(s) });
  const profiledDecision = (i: number) => planner.decide({ content, view: viewFor(states[i % states.length], 'JPN'), rng: makeRng(`profile:${i}`) });
  const one = work === 'planner' ? profiledDecision : profiledGame;
  for (let i = 0; i < warm; i++) one(100_000 + i);
  const session = new Session();
  session.connect();
  try {
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: intervalUs });
    await post(session, 'Profiler.start');
    const t0 = performance.now();
    for (let i = 0; i < count; i++) one(i);
    const ms = performance.now() - t0;
    const { profile } = await post<{ profile: CpuProfile }>(session, 'Profiler.stop');
    return { profile, ms };
  } finally {
    session.disconnect();
  }
}

/** Self and inclusive samples by function name (a function that recurses is counted once a sample); with `focus`,
 * only the samples with that function on the stack count (`total` is still every sample). */
export function summarise(p: CpuProfile, focus?: string): { total: number; self: Map<string, number>; incl: Map<string, number> } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => byId.get(id)!.callFrame.functionName || '(anonymous)';
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const samples = p.samples ?? [];
  for (const id of samples) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(name(at));
    if (focus !== undefined && !seen.has(focus)) continue;
    self.set(name(id), (self.get(name(id)) ?? 0) + 1);
    for (const f of seen) incl.set(f, (incl.get(f) ?? 0) + 1);
  }
  return { total: samples.length, self, incl };
}
