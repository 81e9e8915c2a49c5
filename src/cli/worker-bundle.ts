// Batch worker threads start from one prebuilt esbuild bundle of the engine and the batch code instead of from the
// TypeScript sources through tsx: a thread then loads one file (no per-file transform, no tsx loader hooks) and runs
// plain ESM (tsx compiles to CommonJS, where every use of an imported binding is a getter call). The bundle is built
// on first use and cached (src/cli/bundle-cache.mjs: under node_modules/.cache/rare-earth-gambit/ or the system's
// temporary directory, keyed by the size and modification time of every source file that went into it).
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundleOptions, cachedBundle, saveBundle } from './bundle-cache.mjs';

let building: Promise<string | null> | null = null;

/** The path of an up-to-date worker bundle, building it if needed; null when esbuild is missing or the build fails
 * (the pool then starts its threads through tsx, as before). */
export function workerBundle(): Promise<string | null> {
  if (process.env.GAMBIT_WORKER_BUNDLE === '0') return Promise.resolve(null);
  building ??= findOrBuild();
  return building;
}

async function findOrBuild(): Promise<string | null> {
  const hit = cachedBundle('worker');
  if (hit) return hit;
  try {
    const esbuild = await import('esbuild');
    const started = Date.now();
    return saveBundle('worker', await esbuild.build(bundleOptions('src/cli/pool-entry.ts', false)), started);
  } catch {
    return null; // esbuild missing, or the build failed
  }
}

/** This process's Node flags less tsx's loader (--require/--import of tsx's files): a thread that runs the bundle needs
 * no loader, and under `tsx` (the benchmark, `npx tsx src/cli/main.ts`) it would inherit one that transforms the
 * 1 MB bundle again, several times slower to start than no bundle at all. Of the other flags, those a worker thread
 * takes stay (profiling, other loaders); V8's options (heap size, --maglev, --expose-gc) are left out by `accepts`,
 * since Node refuses them in a thread's execArgv and they already hold in every thread of the process. */
export function bundleExecArgv(argv: readonly string[] = process.execArgv, accepts: (flags: readonly string[]) => string[] = workerFlags): string[] {
  return accepts(withoutTsx(argv));
}

const accepted = new Map<string, string[]>();

/** The flags of `flags` a worker thread takes in its execArgv. Node refuses V8's options there with
 * ERR_WORKER_INVALID_EXEC_ARGV, naming them; passing this process's flags through made `node
 * --max-old-space-size=4096 bin/gambit.mjs selfplay --workers 2` end in an internal error. Node is asked once per
 * list: a Worker made with the flags is refused at once (the named flags are dropped and it is asked again; flags it
 * cannot name are all dropped), or made and ended before it runs anything. */
export function workerFlags(flags: readonly string[]): string[] {
  if (!flags.length) return [];
  const key = flags.join('\0');
  const hit = accepted.get(key);
  if (hit) return hit;
  let left = [...flags];
  while (left.length) {
    try {
      void new Worker('', { eval: true, execArgv: left }).terminate();
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
      const named = /flags: (.*)$/.exec((e as Error).message)?.[1].split(', ') ?? [];
      const next = left.filter((f) => !named.includes(f));
      left = next.length < left.length ? next : [];
    }
  }
  accepted.set(key, left);
  return left;
}

function withoutTsx(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--require' || a === '-r' || a === '--import' || a === '--loader') && /[\\/]tsx[\\/]/.test(argv[i + 1] ?? '')) {
      i++;
      continue;
    }
    if (/^--(require|import|loader)=.*[\\/]tsx[\\/]/.test(a)) continue;
    out.push(a);
  }
  return out;
}

/** A Piscina pool's worker file and options for the engine's entry: the prebuilt bundle's (`bundle`, with the flags a
 * thread takes) or, without one, pool-worker.mjs through tsx; both loaded through pool-worker.cjs by import(), never by
 * Piscina's require() (which aborts Node 20 when it races with an import of the same module: pool-worker.cjs). */
export function poolWorker(bundle: string | null): { filename: string; workerData: { entry: string }; execArgv?: string[] } {
  const entry = bundle ? pathToFileURL(bundle).href : new URL('./pool-worker.mjs', import.meta.url).href;
  return { filename: new URL('./pool-worker.cjs', import.meta.url).href, workerData: { entry }, ...(bundle ? { execArgv: bundleExecArgv() } : {}) };
}
