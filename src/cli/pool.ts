// Plays game tasks on N threads (this one and N-1 worker threads) pulling from one queue, and hands results back by task index.
import { Piscina } from 'piscina';
import { setMaxListeners } from 'node:events';
import cliProgress from 'cli-progress';
import { playMany, type GameTask } from './batch.ts';

export interface Schedule {
  tasks: GameTask[];
  workers: number;
  /** called with each finished task's result line and its index in `tasks` (in finishing order) */
  onResult: (line: string, index: number) => void;
  /** checked before each task is handed out; true stops handing out more (an interrupt) */
  stopped?: () => boolean;
}

/**
 * Play every task. The calling thread plays too, so `workers: 2` means this thread and one worker thread: every
 * thread pays its own start-up and JIT warm-up, so a pool that sat beside an idle main thread cost a warm-up for
 * nothing. Worker threads take small chunks, this thread one task at a time, and it yields between tasks so worker
 * results and the progress bar are handled as they come. Results depend only on the task, never on the thread.
 */
export async function playScheduled(s: Schedule): Promise<void> {
  const { tasks } = s;
  const stopped = s.stopped ?? (() => false);
  const threads = Math.max(0, Math.min(s.workers, tasks.length) - 1);
  const size = Math.max(1, Math.min(8, Math.ceil(tasks.length / (s.workers * 8))));
  let next = 0;
  let failed = false;
  let firstError: unknown;
  const take = (n: number): [number, number] | null => {
    if (failed || next >= tasks.length || stopped()) return null;
    const from = next;
    next = Math.min(tasks.length, next + n);
    return [from, next];
  };
  const pool = threads > 0 ? new Piscina({ filename: new URL('./pool-worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads, idleTimeout: 1000 }) : null;
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const workerLoop = async () => {
    for (let r = take(size); r; r = take(size)) {
      const [from, to] = r;
      let lines: string[];
      try {
        lines = (await pool!.run(tasks.slice(from, to), { signal: abort.signal })) as string[];
      } catch (e) {
        if (stopped() && abort.signal.aborted) return; // an interrupt ends queued work quietly
        throw e;
      }
      lines.forEach((l, k) => s.onResult(l, from + k));
    }
  };
  const mainLoop = async () => {
    for (let r = take(1); r; r = take(1)) {
      s.onResult(playMany([tasks[r[0]]])[0], r[0]);
      await new Promise((res) => setImmediate(res)); // lets worker results, the progress bar and Ctrl-C in
    }
  };
  const loops = [mainLoop(), ...Array.from({ length: threads }, workerLoop)].map((p) =>
    p.catch((e: unknown) => {
      if (!failed) {
        failed = true;
        firstError = e; // the real failure, not the aborts it causes in the other loops
        abort.abort();
      }
    }),
  );
  const stopWatch = setInterval(() => {
    if (stopped()) abort.abort();
  }, 50);
  try {
    await Promise.all(loops);
    if (failed) throw firstError;
  } finally {
    clearInterval(stopWatch);
    await pool?.destroy();
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
  const bar = r.progress && process.stderr.isTTY ? new cliProgress.SingleBar({ format: `${r.label} [{bar}] {value}/{total} games | {rate} games/s | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, etaBuffer: 50 }, cliProgress.Presets.shades_classic) : null;
  bar?.start(r.tasks.length, 0, { rate: '0' });
  const t0 = performance.now();
  let done = 0;
  try {
    await playScheduled({
      tasks: r.tasks,
      workers: r.workers,
      onResult: (line, i) => {
        out[i] = line;
        r.onResult?.(line, i);
        done++;
        bar?.update(done, { rate: (done / ((performance.now() - t0) / 1000)).toFixed(1) });
      },
    });
  } finally {
    bar?.stop();
  }
  return out;
}
