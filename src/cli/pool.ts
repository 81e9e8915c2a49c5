// Plays game tasks on N threads (this one and N-1 worker threads) pulling from one queue, and hands results back by task index.
import { Piscina } from 'piscina';
import { fromWire, playMany, type GameTask, type WireError } from './batch.ts';
import { poolWorker, workerBundle } from './worker-bundle.ts';
import { STOP_SIGNALS, interruptedLine, playUntilStopped } from './io.ts';
import { progress } from './progress-log.ts';

/** Tasks by index: an array, or a list that makes each task when it is handed out (long batches). */
export type TaskList<T = GameTask> = readonly T[] | { readonly length: number; at(i: number): T };

export interface Schedule<T = GameTask> {
  tasks: TaskList<T>;
  /** plays one task on this thread, returning its result line (default: a game, playMany) */
  play?: (task: T) => string;
  /** the message a worker thread gets for some tasks (default: the tasks themselves, games; src/cli/pool-entry.ts
   * tells the kinds apart) */
  message?: (tasks: T[]) => unknown;
  workers: number;
  /** called with each finished task's result line and its index in `tasks` (in finishing order) */
  onResult: (line: string, index: number) => void;
  /** checked before each task is handed out; true stops handing out more (an interrupt). Tasks already running
   * finish and are reported, so an interrupt loses no finished game. */
  stopped?: () => boolean;
  /** start worker threads only once this thread estimates the work left at more than this many ms (default 5000,
   * or GAMBIT_THREAD_WORTH_MS; threadsPay); 0 starts them at once */
  threadWorthMs?: number;
}

/** Each worker thread first spends some 3 s of CPU starting and compiling the engine, which on a 2-core machine it
 * takes from this thread's games. Measured on the README's tournament pools (2 cores, threads started at once): 135
 * games (3.4 s on one thread) ran 0.81-0.84x as fast on two, 270 games (5.1-5.3 s) 0.95-1.0x, 540 games (8.6 s)
 * 1.20x, 1,620 games (22.5 s) 1.49x. So threads start only when the work left would take this thread THREAD_WORTH_MS
 * or more (threadsPay), judged once it is warm: the 270-game job (about 3.5 s left after 40 games) stays on one
 * thread, the 540-game one (about 6.5 s left) starts its thread. */
const THREAD_WORTH_MS = 5_000;
/** This thread's first games run while V8 is still compiling the engine, several times slower than once it is warm
 * (the README tournament's fifth task took 370 ms on a loaded machine, its later ones 11-16 ms; the bench needs some
 * 30 games before the pace settles). Compiling goes by games played, not by time (a loaded machine plays fewer games
 * a second), so the pace of this thread's tasks is taken for the work left's once it has played WARM_TASKS tasks, or
 * WARM_MS of long ones; before that an estimate counts for 1/EARLY_DISCOUNT of itself, so only a job far past the
 * threshold starts its threads at once. */
const WARM_TASKS = 40;
const WARM_MS = 10_000;
const EARLY_DISCOUNT = 30;
/** The pace of the work left: the mean of this thread's tasks after its first PACE_SKIP (the coldest), or of all of
 * them before that. Tasks differ (a tournament plays each profile's games in a row; a seed's first game also plays
 * its status-quo yardstick), so the pace is a mean over many, not over the last few. */
const PACE_SKIP = 20;

/** What this thread knows when it decides whether to start the worker threads: tasks it has played and left to hand
 * out, its fastest task, its mean pace (PACE_SKIP), and its time playing so far (ms). */
export interface PaceSoFar {
  played: number;
  left: number;
  fastestMs: number;
  paceMs: number;
  playedMs: number;
}

/** Whether starting the worker threads now pays: once this thread is warm (WARM_TASKS tasks or WARM_MS played), when
 * the work left at its mean pace is worth `worthMs` or more; before that (from its fifth task) only when the work
 * left at its fastest pace is EARLY_DISCOUNT times that. */
export function threadsPay(p: PaceSoFar, worthMs: number): boolean {
  if (p.left <= 0 || p.played < 1) return false;
  if (p.played >= WARM_TASKS || p.playedMs >= WARM_MS) return p.left * p.paceMs >= worthMs;
  return p.played >= 5 && (p.left * p.fastestMs) / EARLY_DISCOUNT >= worthMs;
}

/** Tasks a worker thread holds at a time. This thread answers a worker's result only between its own games, so a
 * worker holding one task waits for this thread's game to end after each of its own. Four keep it busy across one of
 * this thread's games; a finished result still waits at most one game to be recorded, so an interrupt loses nothing.
 * The tasks carry no AbortSignal: Piscina runs an abortable task alone on its thread (`currentUsage` is Infinity while
 * one runs), so with a signal the worker held one task whatever this said, and waited 9 ms between games of 12 ms
 * (a 1,620-game tournament on two threads: the worker busy 66% of the time, 612 of the games to this thread's 1,008). */
const QUEUE_PER_THREAD = 4;

/**
 * Play every task. The calling thread plays too, so `workers: 2` means this thread and one worker thread (every
 * thread pays its own start-up and JIT warm-up, so a pool beside an idle main thread paid one for nothing). This
 * thread plays one task at a time and yields between tasks so worker results and the progress bar are handled as
 * they come. After each task it estimates the work left and starts the worker threads if that is worth it
 * (threadsPay). Each worker thread gets work once it has loaded the engine and holds QUEUE_PER_THREAD tasks at a time, so
 * it starts the next without waiting for this thread. Results depend only on the task, never on the thread.
 */
export async function playScheduled<T = GameTask>(s: Schedule<T>): Promise<void> {
  const { tasks } = s;
  const taskAt = (i: number): T => (Array.isArray(tasks) ? (tasks as readonly T[])[i] : (tasks as { at(i: number): T }).at(i)!);
  const playHere = s.play ?? ((t: T) => playMany([t as GameTask])[0]);
  const message = s.message ?? ((b: T[]) => b);
  const stopped = s.stopped ?? (() => false);
  const threads = Math.max(0, Math.min(s.workers, tasks.length) - 1);
  const worth = s.threadWorthMs ?? Number(process.env.GAMBIT_THREAD_WORTH_MS ?? THREAD_WORTH_MS);
  let next = 0;
  let failed = false;
  let firstError: unknown;
  let noMore = () => {};
  const noMoreWork = new Promise<void>((res) => (noMore = res));
  const take = (): number | null => {
    if (failed || next >= tasks.length || stopped()) {
      noMore();
      return null;
    }
    return next++;
  };
  // the first failure stops the handing out; tasks under way end (at most QUEUE_PER_THREAD a thread) and are not waited
  // for longer than that, and their errors are not the one reported
  const fail = (e: unknown) => {
    if (!failed) {
      failed = true;
      firstError = e;
    }
  };
  let pool: Piscina | null = null;
  let starting = false;
  const workerLoops: Promise<unknown>[] = [];
  // the threads load a prebuilt bundle of the engine (cached; built once per source version, while this thread plays)
  const startThreads = () => {
    starting = true;
    workerLoops.push(
      workerBundle()
        .then((b) => (failed || stopped() || next >= tasks.length ? undefined : launch(b)))
        .catch(fail),
    );
  };
  const launch = (bundlePath: string | null): Promise<unknown> => {
    const p = new Piscina({ ...poolWorker(bundlePath), minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: QUEUE_PER_THREAD, idleTimeout: 1000 });
    pool = p;
    const run = async (batch: T[]): Promise<string[]> => {
      const r = (await p.run(message(batch))) as { lines: string[] } | { error: WireError };
      if ('error' in r) throw fromWire(r.error);
      return r.lines;
    };
    // one call per thread that returns once the thread has loaded the engine; if this thread runs out of work
    // first, the booting threads are not waited for (destroy ends them; their rejection is expected and ignored)
    const ready = Promise.all(Array.from({ length: threads }, () => run([])));
    ready.catch(() => {});
    const loop = async () => {
      await Promise.race([ready, noMoreWork]);
      for (let i = take(); i !== null; i = take()) {
        const [line] = await run([taskAt(i)]);
        s.onResult(line, i);
      }
    };
    return Promise.all(Array.from({ length: QUEUE_PER_THREAD * threads }, () => loop().catch(fail)));
  };
  const mainLoop = async () => {
    if (threads > 0 && worth <= 0) startThreads();
    let played = 0;
    let fastest = Infinity; // the fastest task so far: early tasks run while V8 is still compiling, 3-30x slower
    let playedMs = 0;
    let skippedMs = 0; // the first PACE_SKIP tasks' time
    for (let i = take(); i !== null; i = take()) {
      const t0 = performance.now();
      s.onResult(playHere(taskAt(i)), i);
      const ms = performance.now() - t0;
      played++;
      playedMs += ms;
      fastest = Math.min(fastest, ms);
      if (played <= PACE_SKIP) skippedMs = playedMs;
      const paceMs = played > PACE_SKIP ? (playedMs - skippedMs) / (played - PACE_SKIP) : playedMs / played;
      if (threads > 0 && !starting && threadsPay({ played, left: tasks.length - next, fastestMs: fastest, paceMs, playedMs }, worth)) startThreads();
      await new Promise((res) => setImmediate(res)); // lets worker results, the progress bar and Ctrl-C in
    }
  };
  try {
    await mainLoop().catch(fail);
    await Promise.all(workerLoops);
    if (failed) throw firstError;
  } finally {
    await (pool as Piscina | null)?.destroy();
  }
}

export interface PoolRun {
  tasks: GameTask[];
  workers: number;
  progress: boolean;
  label: string;
  onResult?: (line: string, index: number) => void;
}

/** Play every task with a progress bar on stderr; resolves with the result lines in task order. */
export async function runTasks(r: PoolRun): Promise<string[]> {
  const out: string[] = new Array(r.tasks.length);
  const bar = progress(r.progress, r.label, r.tasks.length);
  let done = 0;
  // Ctrl-C or SIGTERM: hand out no more games, let the running ones end, then say that nothing was written (these
  // batches keep no journal) and exit 130 (143 for SIGTERM); a second signal exits at once
  const sig = await playUntilStopped(
    (stopped) =>
      playScheduled({
        tasks: r.tasks,
        workers: r.workers,
        onResult: (line, i) => {
          out[i] = line;
          r.onResult?.(line, i);
          done++;
          bar.update(done);
        },
        stopped,
      }),
    { after: () => bar.stop() },
  );
  if (sig) {
    process.stderr.write(interruptedLine(r.label, sig, ` after ${done} of ${r.tasks.length} games; nothing written (a ${r.label} keeps no journal: run it again)`));
    process.exit(STOP_SIGNALS[sig]);
  }
  return out;
}
