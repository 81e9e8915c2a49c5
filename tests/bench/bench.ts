// `npm run bench`: engine speed figures (games per second, planner decision time, state size). Prints medians; asserts nothing.
// The engine is bundled with esbuild first, as a browser or worker would load it, so module-loader overhead is not measured.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join(tmpdir(), 'gambit-bench-'));
const out = join(dir, 'engine.mjs');
await build({ entryPoints: [new URL('./bench-engine.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
const { runBench } = (await import(pathToFileURL(out).href)) as typeof import('./bench-engine.ts');
const { loadContent } = await import('../../src/content/load.ts');
try {
  runBench(loadContent('rare-earth-gambit'), process.argv.includes('--quick'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Worker threads: the same batch of persona games on a pool of 1 and of 2 threads (selfplay's pool and worker file).
const { Piscina } = await import('piscina');
const { runId } = await import('../../src/cli/batch.ts');
const quick = process.argv.includes('--quick');
const content = loadContent('rare-earth-gambit');
const agents = { AUS: 'persona', CHN: 'persona', JPN: 'persona', MYS: 'persona', USA: 'persona' } as const;
const games = quick ? 16 : 40;
const run = runId(content, { seed: 100, games, agents, turns: undefined });
const tasks = Array.from({ length: games }, (_, g) => ({ scenario: 'rare-earth-gambit', game: g, seed: 100 + g, agents, run, runGames: games }));
const timePool = async (threads: number): Promise<number> => {
  const pool = new Piscina({ filename: new URL('../../src/cli/pool-worker.mjs', import.meta.url).href, minThreads: threads, maxThreads: threads });
  await Promise.all(Array.from({ length: threads }, (_, i) => pool.run([tasks[i]]))); // warm each thread up
  const t0 = performance.now();
  await Promise.all(tasks.map((t) => pool.run([t])));
  const s = (performance.now() - t0) / 1000;
  await pool.destroy();
  return s;
};
const reps = quick ? 1 : 3;
const ratios: number[] = [];
let one = 0;
let two = 0;
for (let r = 0; r < reps; r++) {
  one = await timePool(1);
  two = await timePool(2);
  ratios.push(one / two);
}
ratios.sort((a, b) => a - b);
console.log(`${'selfplay pool, 1 vs 2 worker threads'.padEnd(44)} ${ratios[Math.floor(ratios.length / 2)].toFixed(2).padStart(9)} x     ${games} persona games (+ status-quo yardstick): last run ${(games / one).toFixed(1)} vs ${(games / two).toFixed(1)} games/s; median of ${reps}`);
