// The flags every batch command shares (--scenario, --seed, --turns, --workers, --shard, game counts), checked the same
// way everywhere, and limited to what runs exactly: safe integers, seeds that stay distinct, and a sane size per run.
import { availableParallelism } from 'node:os';
import type { Content } from '../../engine/index.ts';
import { UsageError, int } from './args.ts';
import { loadScenarioContent } from './content.ts';

export interface BatchFlags {
  scenario: string;
  seed: string;
  turns?: string;
  workers?: string;
}

/** Games one process plays at most (about half a day of persona games on two cores); more is split into shards. */
export const MAX_GAMES_PER_RUN = 100_000;
/** Games in a whole batch, over all its shards. */
export const MAX_GAMES = 1_000_000_000;
/** Shards of one batch at most (a merge reads them all at once). */
export const MAX_SHARDS = 10_000;
/** Games of a merged tournament at most: the merge holds every game in memory to make the payoff table (whose size
 * this bounds, and so `analyze`'s cap on a table's size, LIMITS.table). */
export const MAX_MERGED_GAMES = 1_000_000;
/** Profiles of one tournament at most (tournament.json lists them all). */
export const MAX_TOURNAMENT_PROFILES = 100_000;

export function batchSetup(o: BatchFlags): { content: Content; seed: number; turns: number | undefined; workers: number } {
  const content = loadScenarioContent(o.scenario);
  return {
    content,
    seed: int('--seed', 0)(o.seed),
    turns: o.turns === undefined ? undefined : int('--turns', 1, content.scenario.turns)(o.turns),
    workers: parseWorkers(o.workers, availableParallelism(), (m) => process.stderr.write(`gambit: ${m}\n`)),
  };
}

/** A batch's "on N workers" words: threads beyond the calling one start only once the work left pays for their start
 * (pool.ts, threadsPay), so a small batch with --workers 2 plays on one; "up to" says so (an analyst's review). */
export function onWorkers(workers: number): string {
  return workers > 1 ? `on up to ${workers} workers` : 'on 1 worker';
}

/** --workers at most this many threads, or the machine's cores if it has more: each thread keeps its own copy of the
 * engine and spends seconds of CPU compiling it, so far past the cores a batch only gets slower and bigger. */
export const MAX_WORKERS = 64;

/** --workers N: 1..max(MAX_WORKERS, cores), refused beyond with the limit named; above the machine's cores it is
 * allowed (results are the same for any count) but `warn` says what it costs. Unset: the cores. */
export function parseWorkers(value: string | undefined, cores: number, warn: (message: string) => void): number {
  if (value === undefined) return cores;
  const limit = Math.max(MAX_WORKERS, cores);
  const n = int('--workers', Number.MIN_SAFE_INTEGER)(value);
  if (n < 1) throw new UsageError(`--workers must be between 1 and ${limit}, got ${n}`);
  if (n > limit) throw new UsageError(`--workers ${n}: at most ${limit} (${cores === limit ? "this machine's cores" : `this machine has ${cores} core${cores > 1 ? 's' : ''}`}); more threads than cores play no faster, and each costs memory and start-up time`);
  if (n > cores)
    warn(`--workers ${n} is more than this machine's ${cores} core${cores > 1 ? 's' : ''}: the threads take turns on them, so the batch runs no faster, and each extra thread still pays its start-up (seconds of CPU compiling the engine) and memory; results are the same for any count`);
  return n;
}

/** Seeds seed..seed+count-1 must all be safe integers, or two games would share a seed. */
export function checkSeeds(seed: number, count: number): void {
  // seed > MAX - (count - 1), not seed + count - 1 > MAX: near 2^53 the sum rounds (…990 + 3 - 1 gave …991), and the
  // last seed went past the limit unrefused
  if (seed > Number.MAX_SAFE_INTEGER - (count - 1))
    throw new UsageError(`--seed ${seed}: the games would use seeds up to ${seed} + ${count - 1}, beyond ${Number.MAX_SAFE_INTEGER} where whole numbers stay distinct; use a smaller --seed`);
}

export interface Shard {
  k: number;
  n: number;
}

/** --shard K/N, with 1 <= K <= N <= min(games, MAX_SHARDS) when the game count is known. */
export function parseShard(s: string | undefined, games?: number): Shard | null {
  if (s === undefined) return null;
  const m = /^(\d{1,16})\/(\d{1,16})$/.exec(s);
  if (!m) throw new UsageError(`--shard must look like K/N (1 <= K <= N), got ${JSON.stringify(s)}`);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || k < 1 || k > n) throw new UsageError(`--shard must look like K/N with 1 <= K <= N, got ${s}`);
  if (n > MAX_SHARDS) throw new UsageError(`--shard ${s}: at most ${MAX_SHARDS} shards`);
  if (games !== undefined && n > games) throw new UsageError(`--shard ${s}: more shards than games (${games}); every shard must play at least one game`);
  return { k, n };
}

/** How many of `games` games shard k/n plays (games g with g % n == k - 1). */
export function shardSize(games: number, shard: Shard | null): number {
  if (!shard) return games;
  return shard.k > games ? 0 : Math.floor((games - shard.k) / shard.n) + 1;
}

/** Refuse a run of more games than one process should play, pointing at shards. */
export function checkRunSize(mine: number, total: number, what = '--games', shardable = true): void {
  if (mine > MAX_GAMES_PER_RUN) {
    const shards = Math.ceil(total / MAX_GAMES_PER_RUN);
    const hint = shardable ? `split it with --shard K/N for N of at least ${shards} (one job each), then gambit merge` : 'ask for fewer games';
    throw new UsageError(`${what}: ${mine} games in one run is more than ${MAX_GAMES_PER_RUN} (days of work, and one failure loses it all); ${hint}`);
  }
}
