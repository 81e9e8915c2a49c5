// `npm run bench`: engine speed figures (games per second, planner decision time, state size). Prints medians; asserts nothing.
// The engine is bundled with esbuild first, as a browser or worker would load it, so module-loader overhead is not measured.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COPIER_FROM } from '../../engine/init.ts';

const dir = mkdtempSync(join(tmpdir(), 'gambit-bench-'));
const out = join(dir, 'engine.mjs');
await build({ entryPoints: [new URL('./bench-engine.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
const { runBench } = (await import(pathToFileURL(out).href)) as typeof import('./bench-engine.ts');
const { loadContent } = await import('../../src/content/load.ts');
let engine: ReturnType<typeof runBench>;
try {
  engine = runBench(loadContent('rare-earth-gambit'), process.argv.includes('--quick'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The batch pool: worker start-up, the README's tournament through the CLI (--workers 1 against 2), memory.
const { benchPool } = await import('./bench-pool.ts');
// --memory-games N: how many one-turn games the memory run plays (default 3,000 quick, 10,000 full; the figure
// is 100,000, about two minutes more)
const memArg = process.argv.indexOf('--memory-games');
const memoryGames = memArg < 0 ? undefined : Number(process.argv[memArg + 1]);
if (memoryGames !== undefined && !(Number.isInteger(memoryGames) && memoryGames >= 100)) {
  console.error(`bench: --memory-games needs a whole number of games, at least 100; got ${JSON.stringify(process.argv[memArg + 1] ?? '')}`);
  process.exit(2);
}
const pool = await benchPool(loadContent('rare-earth-gambit'), process.argv.includes('--quick'), memoryGames);

// the speed issue's targets (floor: the least that counts as done; goal: what it asks for)
console.log('-'.repeat(90));
console.log(`${'target'.padEnd(52)} ${'now'.padStart(10)} ${'floor'.padStart(8)} ${'goal'.padStart(8)}  now/floor`);
const target = (name: string, now: number, floor: number, goal: number | null, unit: string, lowerIsBetter = false) =>
  console.log(`${name.padEnd(52)} ${now.toFixed(now < 10 ? 2 : 0).padStart(10)} ${String(floor).padStart(8)} ${(goal === null ? '' : String(goal)).padStart(8)}  ${(lowerIsBetter ? floor / now : now / floor).toFixed(2)} ${unit}`);
target('40-turn games/s, status-quo agents, one thread', engine.statusQuoGamesPerSecond, 1000, 2000, '');
target('40-turn games/s, personas in every seat, one thread', engine.personaGamesPerSecond, 500, 1000, '');
target('2 workers vs 1, 540-game tournament, cold (x)', pool.tournamentRatio, 1.7, 1.9, '');
target(`createGame, a content's first ${(COPIER_FROM - 1).toLocaleString('en')} games (ms)`, engine.createGameMs, 0.1, null, '(floor/now)', true);
target('planner decision (ms)', engine.plannerMs, 20, 5, '(floor/now)', true);
console.log(`${'self-play resident memory, last quarter less second (MiB)'.padEnd(52)} ${pool.rssGrowthMiB.toFixed(1).padStart(10)} ${'flat'.padStart(8)} ${'flat'.padStart(8)}  (${pool.rssGames} games)`);
