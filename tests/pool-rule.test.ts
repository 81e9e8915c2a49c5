// When the batch pool starts its worker threads (src/cli/pool.ts, threadsPay): the decision rule, on the paces a
// run reports, not a timing. And a worker's failure ends the batch with its error, not a hang.
import { describe, expect, it } from 'vitest';
import { playScheduled, threadsPay } from '../src/cli/pool.ts';
import type { GameTask } from '../src/cli/batch.ts';
import { UsageError } from '../src/cli/errors.ts';

/** The default threshold (pool.ts THREAD_WORTH_MS): 5 s of work left at this thread's warm pace. */
const WORTH = 5_000;

describe('threadsPay', () => {
  it('keeps short tournaments on one thread and starts the thread for the README tournament (540 games), once warm', () => {
    // the README pools on 2 cores, threads forced at once: 135 games ran 0.81-0.84x as fast on two threads, 270 games
    // 0.95-1.0x, 540 games 1.20x (pool.ts). Warm paces after 40 games: about 15 ms a game
    expect(threadsPay({ played: 40, left: 95, fastestMs: 11, paceMs: 15, playedMs: 1200 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 40, left: 230, fastestMs: 11, paceMs: 15, playedMs: 1200 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 40, left: 500, fastestMs: 11, paceMs: 13, playedMs: 1200 }, WORTH)).toBe(true);
    // before the pace settles, a cold task's time counts for a thirtieth: the 270-game job's fifth task at 370 ms
    // (a loaded machine) does not start them
    expect(threadsPay({ played: 5, left: 265, fastestMs: 370, paceMs: 754, playedMs: 3770 }, WORTH)).toBe(false);
  });

  it('starts them for long jobs: many games once warm, huge jobs at once, long games once 10 s are played', () => {
    // 3,000 persona games: 2,960 x 25 ms = 74 s left once warm
    expect(threadsPay({ played: 40, left: 2960, fastestMs: 15, paceMs: 25, playedMs: 3000 }, WORTH)).toBe(true);
    // 100,000 games: from the fifth task, before the pace settles
    expect(threadsPay({ played: 5, left: 99_995, fastestMs: 300, paceMs: 500, playedMs: 3000 }, WORTH)).toBe(true);
    // the same estimate before the fifth task does not count (the first tasks are the coldest)
    expect(threadsPay({ played: 4, left: 99_996, fastestMs: 300, paceMs: 500, playedMs: 2000 }, WORTH)).toBe(false);
    // a job of long games (20 s each): after the first
    expect(threadsPay({ played: 1, left: 19, fastestMs: 20_000, paceMs: 20_000, playedMs: 20_000 }, WORTH)).toBe(true);
    // planner games, 2-4 s each: once 10 s are played (before, 3 tasks left x 2.5 s / 30 is not enough)
    expect(threadsPay({ played: 4, left: 3, fastestMs: 2500, paceMs: 3000, playedMs: 9500 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 4, left: 3, fastestMs: 2500, paceMs: 3000, playedMs: 10_500 }, WORTH)).toBe(true);
  });

  it('never starts them with nothing left, and takes the threshold as given (0: at once, with work left)', () => {
    expect(threadsPay({ played: 100, left: 0, fastestMs: 10, paceMs: 10, playedMs: 1000 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 40, left: 1, fastestMs: 10, paceMs: 10, playedMs: 1000 }, 0)).toBe(true);
    expect(threadsPay({ played: 40, left: 1200, fastestMs: 10, paceMs: 25, playedMs: 1000 }, 30_000)).toBe(true);
    expect(threadsPay({ played: 40, left: 1200, fastestMs: 10, paceMs: 25, playedMs: 1000 }, 30_001)).toBe(false);
  });
});

describe('a worker thread that fails', () => {
  it('ends the batch with its error once the tasks under way end, handing out no more', async () => {
    // the worker threads' games name an agent that does not exist (a UsageError in the thread); this thread's own
    // games are slow stand-ins, so the failure comes from a worker
    const bad: GameTask = { scenario: 'rare-earth-gambit', game: 0, seed: 1, agents: { AUS: 'status-quo', CHN: 'status-quo', JPN: 'no-such-agent', MYS: 'status-quo', USA: 'status-quo' }, turns: 1, run: 'x', runGames: 2000 };
    // 2,000 of them: 60 s of stand-ins, so a thread slow to start (its bundle built on a fresh clone, a loaded machine: a
    // 200-task batch with a bound of 150 failed so once) still stops the batch far from its end
    const tasks = Array.from({ length: 2000 }, (_, g) => ({ ...bad, game: g, seed: 1 + g }));
    let here = 0;
    let results = 0;
    const t0 = performance.now();
    const done = playScheduled({
      tasks,
      workers: 2,
      threadWorthMs: 0,
      play: () => {
        here++;
        const until = performance.now() + 30;
        while (performance.now() < until);
        return '{}';
      },
      onResult: () => results++,
    });
    const e = await done.then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toMatch(/no-such-agent/);
    // stopped early: at most half the tasks played here (30 s of the 60), and every one played was handed on
    expect(here).toBeLessThan(1000);
    expect(results).toBeLessThanOrEqual(here);
    expect(performance.now() - t0).toBeLessThan(60_000);
  }, 120_000);
});
