// Batch worker threads start from one prebuilt esbuild bundle of the engine and the batch code instead of from the
// TypeScript sources through tsx: a thread then loads one file (no per-file transform, no tsx loader hooks) and runs
// plain ESM (tsx compiles to CommonJS, where every use of an imported binding is a getter call). The bundle is built
// on first use and cached (src/cli/bundle-cache.mjs: under node_modules/.cache/rare-earth-gambit/ or the system's
// temporary directory, keyed by the size and modification time of every source file that went into it).
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
    return saveBundle('worker', await esbuild.build(bundleOptions('src/cli/pool-entry.ts', false)));
  } catch {
    return null; // esbuild missing, or the build failed
  }
}

/** This process's Node flags less tsx's loader (--require/--import of tsx's files): a thread that runs the bundle needs
 * no loader, and under `tsx` (the benchmark, `npx tsx src/cli/main.ts`) it would inherit one that transforms the
 * 1 MB bundle again, several times slower to start than no bundle at all. Other flags (heap size, profiling) stay. */
export function bundleExecArgv(argv: readonly string[] = process.execArgv): string[] {
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
