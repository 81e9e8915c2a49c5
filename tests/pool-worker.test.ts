// Every Piscina pool starts its threads with src/cli/pool-worker.cjs, which loads the engine's entry by one import()
// shared by the thread's tasks: Piscina's own require() of an ES module raced with an import() of it on a thread
// taking several tasks at once, and Node 20 aborted the process (CI, a sweep on 3 workers). The race is not
// reproducible on demand; this drives the path it took: many tasks posted at once to threads that take several each,
// from the prebuilt bundle and through tsx, and checks each answer.
import { Piscina } from 'piscina';
import { describe, expect, it } from 'vitest';
import { poolWorker, workerBundle } from '../src/cli/worker-bundle.ts';
import { runId, type GameTask } from '../src/cli/batch.ts';
import { content } from './helpers.ts';

const agents = { AUS: 'status-quo', CHN: 'status-quo', JPN: 'status-quo', MYS: 'status-quo', USA: 'status-quo' } as GameTask['agents'];
const run = runId(content, { seed: 1, games: 8, agents, turns: 2 });
const task = (g: number): GameTask => ({ scenario: 'rare-earth-gambit', game: g, seed: 1 + g, agents, run, runGames: 8, turns: 2 });

async function answers(bundle: string | null): Promise<string[][]> {
  const w = poolWorker(bundle);
  expect(w.filename).toMatch(/\/src\/cli\/pool-worker\.cjs$/);
  expect(w.workerData.entry).toMatch(bundle ? /^file:.*\.mjs$/ : /\/src\/cli\/pool-worker\.mjs$/);
  const pool = new Piscina({ ...w, minThreads: 2, maxThreads: 2, concurrentTasksPerWorker: 4 });
  try {
    // all at once, before any thread has loaded its entry
    const out = await Promise.all(Array.from({ length: 8 }, (_, g) => pool.run([task(g)]) as Promise<{ lines: string[] }>));
    return out.map((r) => r.lines);
  } finally {
    await pool.destroy();
  }
}

describe('the pools load their entry once per thread, by import()', () => {
  it('from the prebuilt bundle and through tsx, the same lines for tasks posted all at once', async () => {
    const bundle = await workerBundle();
    expect(bundle).not.toBeNull();
    const fromBundle = await answers(bundle);
    const fromTsx = await answers(null);
    expect(fromBundle.every((l) => l.length === 1)).toBe(true);
    expect(fromBundle.map((l) => JSON.parse(l[0]!).game)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(fromTsx).toEqual(fromBundle);
  }, 120_000);
});
