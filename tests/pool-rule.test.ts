// When the batch pool starts its worker threads (src/cli/pool.ts, threadsPay): the decision rule, on the paces a
// run reports, not a timing.
import { describe, expect, it } from 'vitest';
import { threadsPay } from '../src/cli/pool.ts';

const WORTH = 15_000;

describe('threadsPay', () => {
  it("does not start threads for the README tournament (540 games, 11-14 s on one thread): not on its slow first tasks, not once warm", () => {
    // task 5 as seen on a loaded machine: still compiling, 370 ms the fastest task so far (the old rule, 535 x 370 ms
    // >= 25 s, started the threads here, and two workers ran 0.90x as fast as one)
    expect(threadsPay({ played: 5, left: 535, fastestMs: 370, recentMs: 754, playedMs: 3770 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 20, left: 520, fastestMs: 60, recentMs: 150, playedMs: 9000 }, WORTH)).toBe(false);
    // warm, at 20-25 ms a task: 500 x 25 ms = 12.5 s left
    expect(threadsPay({ played: 40, left: 500, fastestMs: 12, recentMs: 25, playedMs: 2500 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 200, left: 340, fastestMs: 11, recentMs: 20, playedMs: 5000 }, WORTH)).toBe(false);
  });

  it('starts them for long jobs: many games once warm, huge jobs at once, long games after the first', () => {
    // 3,000 persona games: 2,960 x 25 ms = 74 s left once warm
    expect(threadsPay({ played: 40, left: 2960, fastestMs: 15, recentMs: 25, playedMs: 3000 }, WORTH)).toBe(true);
    // 100,000 games at 20 ms: from the fifth task, before the pace settles
    expect(threadsPay({ played: 5, left: 99_995, fastestMs: 300, recentMs: 500, playedMs: 3000 }, WORTH)).toBe(true);
    // a job of long games (20 s each): after the first
    expect(threadsPay({ played: 1, left: 19, fastestMs: 20_000, recentMs: 20_000, playedMs: 20_000 }, WORTH)).toBe(true);
    // planner games, 2-4 s each: once 10 s are played (before, 15 tasks left x 3 s / 30 is not enough)
    expect(threadsPay({ played: 4, left: 16, fastestMs: 2500, recentMs: 3000, playedMs: 9500 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 4, left: 16, fastestMs: 2500, recentMs: 3000, playedMs: 10_500 }, WORTH)).toBe(true);
    // the same estimate before the fifth task does not count (the first tasks include loading the engine)
    expect(threadsPay({ played: 4, left: 99_996, fastestMs: 300, recentMs: 500, playedMs: 2000 }, WORTH)).toBe(false);
  });

  it('never starts them with nothing left, and takes the threshold as given (0: at once, with work left)', () => {
    expect(threadsPay({ played: 100, left: 0, fastestMs: 10, recentMs: 10, playedMs: 1000 }, WORTH)).toBe(false);
    expect(threadsPay({ played: 40, left: 1, fastestMs: 10, recentMs: 10, playedMs: 1000 }, 0)).toBe(true);
    expect(threadsPay({ played: 40, left: 600, fastestMs: 10, recentMs: 25, playedMs: 1000 }, 15_000)).toBe(true);
    expect(threadsPay({ played: 40, left: 600, fastestMs: 10, recentMs: 25, playedMs: 1000 }, 15_001)).toBe(false);
  });
});
