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

// The batch pool: the README's tournament through the CLI, --workers 1 against --workers 2.
const { benchPool } = await import('./bench-pool.ts');
await benchPool(loadContent('rare-earth-gambit'), process.argv.includes('--quick'));
