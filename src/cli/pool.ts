// Runs game tasks on worker threads (or in this thread for one worker) and hands results back in task order.
import { Piscina } from 'piscina';
import { setMaxListeners } from 'node:events';
import cliProgress from 'cli-progress';
import { playMany, type GameTask } from './batch.ts';

export interface PoolRun {
  tasks: GameTask[];
  workers: number;
  progress: boolean;
  label: string;
  onResult?: (line: string, index: number) => void;
}

/** Play every task; resolves with the result lines in task order. */
export async function runTasks(r: PoolRun): Promise<string[]> {
  const out: string[] = new Array(r.tasks.length);
  const bar = r.progress && process.stderr.isTTY ? new cliProgress.SingleBar({ format: `${r.label} [{bar}] {value}/{total} games | {rate} games/s | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, etaBuffer: 50 }, cliProgress.Presets.shades_classic) : null;
  bar?.start(r.tasks.length, 0, { rate: '0' });
  const t0 = performance.now();
  let done = 0;
  const got = (i: number, line: string) => {
    out[i] = line;
    r.onResult?.(line, i);
    done++;
    bar?.update(done, { rate: (done / ((performance.now() - t0) / 1000)).toFixed(1) });
  };
  try {
    if (r.workers <= 1 || r.tasks.length <= 1) {
      r.tasks.forEach((t, i) => got(i, playMany([t])[0]));
    } else {
      const pool = new Piscina({ filename: new URL('./pool-worker.mjs', import.meta.url).href, minThreads: r.workers, maxThreads: r.workers, idleTimeout: 1000 });
      const abort = new AbortController();
      setMaxListeners(0, abort.signal);
      const size = Math.max(1, Math.min(8, Math.ceil(r.tasks.length / (r.workers * 6))));
      const jobs: Promise<void>[] = [];
      for (let i = 0; i < r.tasks.length; i += size) {
        const idx = i;
        jobs.push(
          (pool.run(r.tasks.slice(idx, idx + size), { signal: abort.signal }) as Promise<string[]>).then((lines) => lines.forEach((l, k) => got(idx + k, l))),
        );
      }
      try {
        await Promise.all(jobs);
      } catch (e) {
        abort.abort();
        throw e;
      } finally {
        await pool.destroy();
      }
    }
  } finally {
    bar?.stop();
  }
  return out;
}
