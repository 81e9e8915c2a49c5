// `npm run bench` part 2: the batch pool. First how long a worker thread takes to load the engine, from the prebuilt
// bundle (src/cli/worker-bundle.ts) and through tsx. Then 1 against 2 threads, two ways, back to back in each
// repetition (so both see the same machine load); ratios are taken per repetition and their median printed. Last, the
// resident memory of a long self-play run sampled as it goes (flat: it holds a number per game, not its line).
// - warm: the self-play worker bundle on pools of 1 and 2 threads, each thread first warmed with 100 games, then the
//   same 240 persona games: the pool's throughput once V8 has compiled the engine, i.e. in any long batch.
// - cold: the README's tournament (27 profiles, 540 games) by the real CLI in a fresh process, --workers 1 and 2: every
//   run pays start-up and JIT warm-up per thread, as a user's short run does. Beside it, the same tournament as two
//   shards (--shard 1/2, 2/2) in two processes at once: what this machine's two cores give the same split work with
//   no pool at all, so the pool's own cost shows as the gap between the two lines.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { runId, type GameTask } from '../../src/cli/batch.ts';
import { poolWorker, workerBundle } from '../../src/cli/worker-bundle.ts';
import type { Content, CountryId } from '../../engine/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pools = ['--pool', 'JPN=persona,diversifier,hawk', '--pool', 'CHN=persona,hawk,free-trader', '--pool', 'USA=persona,protectionist,tit-for-tat'];

function tournament(workers: number, gamesPerProfile: number, dir: string, extra: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const args = ['bin/gambit.mjs', 'tournament', ...pools, '--games-per-profile', String(gamesPerProfile), '--workers', String(workers), '--no-progress', '--out', dir, ...extra];
    const p = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve((performance.now() - t0) / 1000) : reject(new Error(`tournament --workers ${workers} exited ${code}: ${err}`))));
  });
}

/** Games per second of a warm pool of `threads` threads. */
async function warmRate(content: Content, threads: number, warm: number, games: number): Promise<number> {
  const agents = { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' } as Record<CountryId, string>;
  const run = runId(content, { seed: 500, games, agents });
  const task = (g: number): GameTask => ({ scenario: 'rare-earth-gambit', game: g, seed: 500 + g, agents, run, runGames: games });
  const bundle = await workerBundle();
  const pool = new Piscina({ ...poolWorker(bundle), minThreads: threads, maxThreads: threads });
  try {
    const chunk = 10;
    const warmTasks = Array.from({ length: warm * threads }, (_, g) => task(10_000 + g));
    await Promise.all(Array.from({ length: warmTasks.length / chunk }, (_, k) => pool.run(warmTasks.slice(k * chunk, k * chunk + chunk))));
    const tasks = Array.from({ length: games }, (_, g) => task(g));
    const t0 = performance.now();
    await Promise.all(Array.from({ length: Math.ceil(games / 4) }, (_, k) => pool.run(tasks.slice(k * 4, k * 4 + 4))));
    return games / ((performance.now() - t0) / 1000);
  } finally {
    await pool.destroy();
  }
}

/** Milliseconds from creating a one-thread pool to the thread's first (empty) task done: loading the engine. */
async function threadReady(bundle: string | null): Promise<number> {
  const t0 = performance.now();
  const pool = new Piscina({ ...poolWorker(bundle), minThreads: 1, maxThreads: 1 });
  try {
    await pool.run([]);
    return performance.now() - t0;
  } finally {
    await pool.destroy();
  }
}

/** A self-play run through the CLI with its resident memory sampled; RSS in MiB, by time. */
function selfplayRss(games: number, out: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const sq = 'AUS=status-quo,CHN=status-quo,JPN=status-quo,MYS=status-quo,USA=status-quo';
    const p = spawn(process.execPath, ['bin/gambit.mjs', 'selfplay', '--games', String(games), '--turns', '1', '--agents', sq, '--workers', '1', '--no-progress', '--out', out], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    const rss: number[] = [];
    const timer = setInterval(() => {
      try {
        const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
        if (m) rss.push(Number(m[1]) / 1024);
      } catch {
        // not on Linux, or the process has just ended
      }
    }, 200);
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => {
      clearInterval(timer);
      if (code === 0) resolve(rss);
      else reject(new Error(`selfplay exited ${code}: ${err}`));
    });
  });
}

export interface PoolFigures {
  tournamentRatio: number;
  rssGrowthMiB: number;
  rssGames: number;
}

export async function benchPool(content: Content, quick: boolean, memoryGames?: number): Promise<PoolFigures> {
  const tmp = mkdtempSync(join(tmpdir(), 'gambit-bench-pool-'));
  const line = (name: string, value: string, note = '') => console.log(`${name.padEnd(44)} ${value.padStart(12)}  ${note}`);
  const figures: PoolFigures = { tournamentRatio: NaN, rssGrowthMiB: NaN, rssGames: 0 };
  try {
    const reps = quick ? 1 : 3;
    {
      // a worker thread's start: the prebuilt bundle (built now if the cache is stale) against tsx on the sources
      const bundle = await workerBundle();
      if (bundle) {
        const tsx: number[] = [];
        const bun: number[] = [];
        for (let r = 0; r < reps + 2; r++) {
          tsx.push(await threadReady(null));
          bun.push(await threadReady(bundle));
        }
        line('worker thread ready, prebuilt bundle', `${median(bun).toFixed(0)} ms`, `median of ${reps + 2}; through tsx from the sources: ${median(tsx).toFixed(0)} ms (${(median(tsx) / median(bun)).toFixed(1)}x)`);
      } else line('worker thread ready, prebuilt bundle', 'n/a', 'esbuild missing: threads start through tsx');
    }
    {
      const r1: number[] = [];
      const r2: number[] = [];
      const ratios: number[] = [];
      for (let r = 0; r < reps; r++) {
        const a = await warmRate(content, 1, 100, 240);
        const b = await warmRate(content, 2, 100, 240);
        r1.push(a);
        r2.push(b);
        ratios.push(b / a);
      }
      line('warm pool, 2 worker threads vs 1', `${median(ratios).toFixed(2)} x`, `median of ${reps}: ${median(r1).toFixed(1)} vs ${median(r2).toFixed(1)} games/s (240 persona games, each with its status-quo yardstick)`);
    }
    for (const gpp of [20]) {
      const games = 27 * gpp;
      const one: number[] = [];
      const two: number[] = [];
      const ratios: number[] = [];
      const pair: number[] = [];
      for (let r = 0; r < reps; r++) {
        const a = await tournament(1, gpp, join(tmp, `w1-${r}`));
        const b = await tournament(2, gpp, join(tmp, `w2-${r}`));
        const [c, d] = await Promise.all([tournament(1, gpp, join(tmp, `p1-${r}`), ['--shard', '1/2']), tournament(1, gpp, join(tmp, `p2-${r}`), ['--shard', '2/2'])]);
        one.push(a);
        two.push(b);
        ratios.push(a / b);
        pair.push(a / Math.max(c, d));
      }
      figures.tournamentRatio = median(ratios);
      line(`tournament ${games} games, --workers 2 vs 1`, `${median(ratios).toFixed(2)} x`, `median of ${reps}: ${median(one).toFixed(1)} s vs ${median(two).toFixed(1)} s, each a fresh process`);
      line(`  --shard 1/2 and 2/2 as two processes at once`, `${median(pair).toFixed(2)} x`, `the same games split with no pool at all, against --workers 1`);
    }
    {
      // memory: one-turn status-quo games, so many games fit in a short run; the output streams from the journal
      const games = memoryGames ?? (quick ? 3000 : 10000);
      const rss = await selfplayRss(games, join(tmp, 'mem.jsonl'));
      const q = (k: number) => median(rss.slice(Math.floor((k * rss.length) / 4), Math.floor(((k + 1) * rss.length) / 4)));
      figures.rssGrowthMiB = q(3) - q(1);
      figures.rssGames = games;
      line(`self-play ${games} games, resident memory`, `${Math.max(...rss).toFixed(0)} MiB`, `peak; medians by quarter of the run: ${[0, 1, 2, 3].map((k) => q(k).toFixed(0)).join(', ')} MiB`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
}
