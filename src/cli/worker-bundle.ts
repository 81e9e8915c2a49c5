// Batch worker threads start from one prebuilt esbuild bundle of the engine and the batch code instead of from the
// TypeScript sources through tsx: a thread then loads one file (no per-file transform, no tsx loader hooks) and runs
// plain ESM (tsx compiles to CommonJS, where every use of an imported binding is a getter call). The bundle is built
// on first use and cached under node_modules/.cache/rare-earth-gambit/ (or the system's temporary directory),
// keyed by the size and modification time of every source file that went into it, so an edited source rebuilds it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = join(ROOT, 'src/cli/pool-entry.ts');
/** Every module in the bundle that reads import.meta.url lives two directories under the root (src/cli, src/content)
 * and resolves ../../content and the like from it; the bundle gets the URL of a file beside this one. */
const META_URL = pathToFileURL(join(ROOT, 'src/cli/pool-bundle.mjs')).href;

interface Manifest {
  bundle: string;
  inputs: Record<string, [number, number]>;
}

function cacheDirs(): string[] {
  return [join(ROOT, 'node_modules/.cache/rare-earth-gambit'), join(tmpdir(), 'rare-earth-gambit-cache')];
}

function stamp(path: string): [number, number] | null {
  try {
    const s = statSync(path);
    return [s.size, Math.round(s.mtimeMs)];
  } catch {
    return null;
  }
}

/** The cached bundle's path if it is there and every input is unchanged. */
function cached(dir: string): string | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'worker-manifest.json'), 'utf8')) as Manifest;
    for (const [p, st] of Object.entries(m.inputs)) {
      const now = stamp(join(ROOT, p));
      if (!now || now[0] !== st[0] || now[1] !== st[1]) return null;
    }
    const path = join(dir, m.bundle);
    return stamp(path) ? path : null;
  } catch {
    return null;
  }
}

let building: Promise<string | null> | null = null;

/** The path of an up-to-date worker bundle, building it if needed; null when esbuild is missing or the build fails
 * (the pool then starts its threads through tsx, as before). */
export function workerBundle(): Promise<string | null> {
  if (process.env.GAMBIT_WORKER_BUNDLE === '0') return Promise.resolve(null);
  building ??= findOrBuild();
  return building;
}

async function findOrBuild(): Promise<string | null> {
  for (const dir of cacheDirs()) {
    const hit = cached(dir);
    if (hit) return hit;
  }
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  try {
    const r = await esbuild.build({
      entryPoints: [ENTRY],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: ROOT,
      define: { 'import.meta.url': JSON.stringify(META_URL) },
    });
    const text = r.outputFiles[0].text;
    const inputs: Manifest['inputs'] = {};
    for (const p of Object.keys(r.metafile.inputs)) {
      const st = stamp(join(ROOT, p));
      if (st) inputs[p] = st;
    }
    const name = `worker-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`;
    for (const dir of cacheDirs()) {
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = join(dir, `.${name}.${process.pid}`);
        writeFileSync(tmp, text);
        renameSync(tmp, join(dir, name));
        const mtmp = join(dir, `.worker-manifest.${process.pid}`);
        writeFileSync(mtmp, JSON.stringify({ bundle: name, inputs } satisfies Manifest));
        renameSync(mtmp, join(dir, 'worker-manifest.json'));
        return join(dir, name);
      } catch {
        // not writable: try the next place
      }
    }
    return null;
  } catch {
    return null;
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
