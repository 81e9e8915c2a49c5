// Progress for a log rather than a terminal: when stderr is not a TTY (CI, a job scheduler's log file, a pipe) the
// progress bar is not drawn, and a long batch would say nothing for hours. Instead, one plain line at most once a
// minute (GAMBIT_PROGRESS_MS to change it); a batch that ends sooner prints none. `progress()` is what a batch
// command calls: the bar on a terminal, these lines in a log.
import cliProgress from 'cli-progress';

const EVERY_MS = 60_000;

const duration = (s: number) => (s < 90 ? `${Math.max(1, Math.round(s))} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

export class LogProgress {
  private readonly t0 = performance.now();
  private last = this.t0;
  private readonly every: number;

  /** `start`: games already done before this run (a resumed journal), counted in the total but not in the rate. */
  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly start = 0,
  ) {
    const env = Number(process.env.GAMBIT_PROGRESS_MS);
    this.every = process.env.GAMBIT_PROGRESS_MS !== undefined && Number.isFinite(env) && env >= 0 ? env : EVERY_MS;
  }

  /** `done`: games finished in all, `start` included. */
  update(done: number): void {
    const now = performance.now();
    if (now - this.last < this.every || done >= this.total) return;
    this.last = now;
    const rate = (done - this.start) / ((now - this.t0) / 1000);
    const left = rate > 0 ? `, about ${duration((this.total - done) / rate)} left` : '';
    process.stderr.write(`${this.label}: ${done} of ${this.total} games (${Math.floor((100 * done) / this.total)}%), ${rate.toFixed(1)} games/s${left}\n`);
  }
}

/** The log's progress lines when the bar cannot be drawn (stderr not a TTY) and progress is wanted. */
export function logProgress(want: boolean, label: string, total: number, start = 0): LogProgress | null {
  return want && !process.stderr.isTTY ? new LogProgress(label, total, start) : null;
}

/** A batch's progress on stderr: told the games finished, it stops when the batch ends. */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** The batch's progress: a bar with the rate and time left when stderr is a terminal, plain lines at most once a minute
 * when it is not (LogProgress), nothing when not wanted (--no-progress). `start`: games done before this run (a
 * resumed journal), counted in the total but not in the rate. */
export function progress(want: boolean, label: string, total: number, start = 0): Progress {
  const log = logProgress(want, label, total, start);
  const bar = want && process.stderr.isTTY ? new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total} games | {rate} games/s | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, etaBuffer: 50 }, cliProgress.Presets.shades_classic) : null;
  const t0 = performance.now();
  bar?.start(total, start, { rate: '0' });
  return {
    update(done) {
      bar?.update(done, { rate: ((done - start) / Math.max(1e-3, (performance.now() - t0) / 1000)).toFixed(1) });
      log?.update(done);
    },
    stop: () => bar?.stop(),
  };
}
