// When the batch pool starts its worker threads (src/cli/pool.ts, threadsPay): the decision rule, on the paces a
// run reports, not a timing.
import { describe, expect, it } from 'vitest';
import { threadsPay } from '../src/cli/pool.ts';

const WORTH = 30_000;

describe('threadsPay', () => {
  it('does not start threads for the README tournament (540 games, about 15 s on one thread): not on its slow first tasks, not once warm', () => {
    // task 5 as seen on a loaded machine: still compiling, 370 ms the fastest task so far (the old rule, 535 x 370 ms
    // >= 25 s, started the threads here, and two workers ran 0.90x as fast as one)
    expect(threadsPay({ played: 5, left: 535, fastestMs: 370, paceMs: 754, playedMs: 3770 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 30, left: 510, fastestMs: 26, paceMs: 120, playedMs: 4952 }, WORTH)).toBe(false);
    // warm, as measured at load 4 (tasks 21-40 at 45-50 ms: 500 x 50 ms = 25 s; the run took 15 s on one thread and
    // 17-33 s on two once the threads started)
    expect(threadsPay({ played: 40, left: 500, fastestMs: 22, paceMs: 50, playedMs: 5430 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 200, left: 340, fastestMs: 14, paceMs: 60, playedMs: 14720 }, WORTH)).toBe(false);
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
    // planner games, 2-4 s each: once 10 s are played (before, 16 tasks left x 2.5 s / 30 is not enough)
    expect(threadsPay({ played: 4, left: 16, fastestMs: 2500, paceMs: 3000, playedMs: 9500 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 4, left: 16, fastestMs: 2500, paceMs: 3000, playedMs: 10_500 }, WORTH)).toBe(true);
  });

  it('never starts them with nothing left, and takes the threshold as given (0: at once, with work left)', () => {
    expect(threadsPay({ played: 100, left: 0, fastestMs: 10, paceMs: 10, playedMs: 1000 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 40, left: 1, fastestMs: 10, paceMs: 10, playedMs: 1000 }, 0)).toBe(true);
    expect(threadsPay({ played: 40, left: 1200, fastestMs: 10, paceMs: 25, playedMs: 1000 }, 30_000)).toBe(true);
    expect(threadsPay({ played: 40, left: 1200, fastestMs: 10, paceMs: 25, playedMs: 1000 }, 30_001)).toBe(false);
  });
});
