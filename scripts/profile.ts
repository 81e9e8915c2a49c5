// `npm run profile -- [status-quo|personas|planner] [--count N] [--warm N] [--top N] [--interval US] [--focus FN]
// [--out FILE]`:
// where the engine's time goes. The engine is bundled with esbuild (as the batch pool's threads load it), warmed up
// by unprofiled games, then sampled by V8's profiler over the measured games; prints the functions with the most time
// of their own (self) and with the most time under them (inclusive), as shares of the samples; --focus FN counts only
// the samples with the function FN on the stack (what FN's time is made of). --out writes the
// .cpuprofile for Chrome DevTools. docs/ARCHITECTURE.md's "Speed" section quotes its output.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { summarise, type Workload } from './profile-run.ts';

const WORKLOADS: Workload[] = ['status-quo', 'personas', 'planner'];
const DEFAULTS: Record<Workload, { count: number; warm: number }> = {
  'status-quo': { count: 300, warm: 30 },
  personas: { count: 150, warm: 30 },
  planner: { count: 70, warm: 10 },
};

function fail(msg: string): never {
  console.error(`profile: ${msg}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ allowPositionals: true, options: { count: { type: 'string' }, warm: { type: 'string' }, top: { type: 'string' }, interval: { type: 'string' }, focus: { type: 'string' }, out: { type: 'string' } } });
}
try {
  args = parse();
} catch (e) {
  fail((e as Error).message);
}
const whole = (name: string, raw: string | undefined, dflt: number, min: number): number => {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`--${name} needs a whole number, at least ${min}; got ${JSON.stringify(raw)}`);
  return n;
};
if (args.positionals.length > 1) fail(`one workload at most; got ${args.positionals.join(' ')}`);
const work = (args.positionals[0] ?? 'status-quo') as Workload;
if (!WORKLOADS.includes(work)) fail(`unknown workload ${JSON.stringify(work)}; one of ${WORKLOADS.join(', ')}`);
const count = whole('count', args.values.count, DEFAULTS[work].count, 1);
const warm = whole('warm', args.values.warm, DEFAULTS[work].warm, 0);
const top = whole('top', args.values.top, 20, 1);
const interval = whole('interval', args.values.interval, 200, 10);

class FocusMissing extends Error {}

const dir = mkdtempSync(join(tmpdir(), 'gambit-profile-'));
try {
  const out = join(dir, 'run.mjs');
  await build({ entryPoints: [new URL('./profile-run.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
  const { profileWork } = (await import(pathToFileURL(out).href)) as typeof import('./profile-run.ts');
  const { loadContent } = await import('../src/content/load.ts');
  const { profile, ms } = await profileWork(loadContent('rare-earth-gambit'), work, count, warm, interval);
  if (args.values.out) writeFileSync(args.values.out, JSON.stringify(profile));
  const focus = args.values.focus;
  const { total, self, incl } = summarise(profile, focus);
  // (not fail(): process.exit would skip the finally that removes the bundle)
  if (focus !== undefined && !incl.has(focus)) throw new FocusMissing(`--focus: no sample has ${JSON.stringify(focus)} on its stack (a function's name, as the lists print it)`);
  const unit = work === 'planner' ? 'decisions' : 'games';
  console.log(`profile of ${count} ${work} ${unit} after ${warm} to warm up: node ${process.version}, ${total} samples every ${interval} us, ${(ms / count).toFixed(2)} ms a ${unit.slice(0, -1)}`);
  if (focus !== undefined) console.log(`only the samples under ${focus}: ${((100 * incl.get(focus)!) / Math.max(1, total)).toFixed(1)}% of all; shares below are of all samples`);
  const pct = (n: number) => `${((100 * n) / Math.max(1, total)).toFixed(1).padStart(5)}%`;
  const list = (title: string, m: Map<string, number>, skip: Set<string>) => {
    console.log(`\n${title}`);
    const rows = [...m].filter(([f]) => !skip.has(f)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top);
    for (const [f, n] of rows) console.log(`  ${pct(n)}  ${f}`);
  };
  list('self time (the function itself)', self, new Set());
  // the root, the profiled loop and its callers hold every sample: leave them out of the inclusive list
  list('inclusive time (the function and what it calls)', incl, new Set(['(root)', '(program)', '(idle)', '(anonymous)', 'profileWork', 'profiledGame', 'profiledDecision']));
} catch (e) {
  if (!(e instanceof FocusMissing)) throw e;
  console.error(`profile: ${e.message}`);
  process.exitCode = 2;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
