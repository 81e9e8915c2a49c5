// The debrief's counterfactual replays run on a worker thread, so the server keeps answering students, teachers and
// the clock while a debrief is computed. The thread is the batch pool's (src/cli/pool.ts): a Piscina worker started
// from the same prebuilt esbuild bundle (src/cli/worker-bundle.ts; through tsx when no bundle can be built), whose
// entry also takes decision tasks. CLASS_DECISION_THREADS sets the threads (default 1: the machine is shared with the
// server's own thread; 0 runs the replays on the server's thread, yielding between turns).
import { Piscina } from 'piscina';
import { poolWorker, workerBundle } from '../cli/worker-bundle.ts';
import { decisionWorths, type DecisionTask, type DecisionWorth } from './counterfactual.ts';

let pool: Promise<Piscina> | null = null;

export function decisionThreads(): number {
  const n = Number(process.env.CLASS_DECISION_THREADS ?? 1);
  return Number.isInteger(n) && n >= 0 && n <= 16 ? n : 1;
}

function poolOf(threads: number): Promise<Piscina> {
  pool ??= workerBundle().then((bundle) => {
    return new Piscina({ ...poolWorker(bundle), minThreads: 0, maxThreads: threads, idleTimeout: 30_000 });
  });
  return pool;
}

const breathe = () => new Promise<void>((r) => setImmediate(r));

/** One seat's decision worths: on the worker pool, or on this thread when `threads` is 0. */
export async function runDecisions(task: DecisionTask, threads = decisionThreads()): Promise<DecisionWorth[]> {
  if (threads === 0) return decisionWorths(task, breathe);
  const r = (await (await poolOf(threads)).run({ decisions: task })) as { worths: DecisionWorth[] } | { error: string };
  if ('error' in r) throw new Error(`the debrief's replays failed: ${r.error}`);
  return r.worths;
}

/** Tasks the worker threads have finished so far (0 when no pool was started). */
export async function decisionPoolCompleted(): Promise<number> {
  return pool ? (await pool).completed : 0;
}

/** Stop the worker threads (the server is closing). */
export async function closeDecisionPool(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) await (await p).destroy();
}
