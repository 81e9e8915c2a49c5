// A cache of esbuild bundles of this repository's TypeScript: the batch worker threads' engine (src/cli/worker-bundle.ts)
// and the `gambit` command itself (bin/gambit.mjs). Bundles live under node_modules/.cache/rare-earth-gambit/ (the
// worker's also in the system's temporary directory when that is not writable), each with a manifest of the size and
// modification time of every source file that went into it, so an edited source rebuilds it. Plain JavaScript, so
// bin/gambit.mjs can use it before any TypeScript loader is registered.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every module in these bundles that reads import.meta.url lives two directories under the root (src/cli,
 * src/content, src/analysis) and resolves ../../content and the like from it; a bundle gets the URL of a file beside
 * this one. */
export const META_URL = pathToFileURL(join(ROOT, 'src/cli/bundle.mjs')).href;

/** Where bundles of `kind` may be cached, in order. The CLI's bundle leaves its npm packages as imports, which Node
 * resolves from the bundle's folder upwards, so it can live only inside the repository's node_modules. */
export function cacheDirs(kind) {
  const dirs = [join(ROOT, 'node_modules/.cache/rare-earth-gambit')];
  if (kind !== 'cli') dirs.push(join(tmpdir(), 'rare-earth-gambit-cache'));
  return dirs;
}

function stamp(path) {
  try {
    const s = statSync(path);
    return [s.size, Math.round(s.mtimeMs)];
  } catch {
    return null;
  }
}

/** The path of the cached bundle of `kind` if there is one and every source that went into it is unchanged. */
export function cachedBundle(kind) {
  for (const dir of cacheDirs(kind)) {
    try {
      const m = JSON.parse(readFileSync(join(dir, `${kind}-manifest.json`), 'utf8'));
      let fresh = true;
      for (const [p, st] of Object.entries(m.inputs)) {
        const now = stamp(join(ROOT, p));
        if (!now || now[0] !== st[0] || now[1] !== st[1]) {
          fresh = false;
          break;
        }
      }
      const path = join(dir, m.bundle);
      if (fresh && stamp(path)) return path;
    } catch {
      // no manifest here, or an unreadable one: try the next place
    }
  }
  return null;
}

/** esbuild's options for a bundle of `entry` (a path under the root); `external` leaves npm packages as imports. */
export function bundleOptions(entry, external) {
  return {
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    define: { 'import.meta.url': JSON.stringify(META_URL) },
    ...(external ? { packages: 'external' } : {}),
  };
}

/** Writes a built bundle (esbuild's result; `started`: when its build began, Date.now()) and its manifest into the
 * first writable cache folder, each by a rename so a concurrent reader never sees half a file; deletes this kind's
 * bundles that are over an hour old (older source versions; a process started within the hour may still be loading
 * one). The bundle's path, or null. */
export function saveBundle(kind, result, started) {
  const text = result.outputFiles[0].text;
  const inputs = {};
  for (const p of Object.keys(result.metafile.inputs)) {
    const st = stamp(join(ROOT, p));
    // a source written after the build began (`started`, ms) may have been read before the write: its stamp now would
    // vouch for a bundle of its old text (an engine edit during a test run's build left `gambit schema` writing the
    // old schema until the next edit), so it is recorded as changed and the next run builds again
    if (st) inputs[p] = started !== undefined && st[1] >= started - 5 ? [-1, -1] : st;
  }
  const name = `${kind}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`;
  for (const dir of cacheDirs(kind)) {
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = join(dir, `.${name}.${process.pid}`);
      writeFileSync(tmp, text);
      renameSync(tmp, join(dir, name));
      const mtmp = join(dir, `.${kind}-manifest.${process.pid}`);
      writeFileSync(mtmp, JSON.stringify({ bundle: name, inputs }));
      renameSync(mtmp, join(dir, `${kind}-manifest.json`));
      removeOld(dir, kind, name);
      return join(dir, name);
    } catch {
      // not writable: try the next place
    }
  }
  return null;
}

function removeOld(dir, kind, keep) {
  for (const f of readdirSync(dir)) {
    if (f === keep || !f.startsWith(`${kind}-`) || !f.endsWith('.mjs')) continue;
    try {
      if (statSync(join(dir, f)).mtimeMs < Date.now() - 3_600_000) unlinkSync(join(dir, f));
    } catch {
      // gone already (another process cleaned up)
    }
  }
}

/** The `gambit` command's bundle (src/cli/main.ts and everything it imports from this repository; npm packages stay
 * imports), built now with esbuild if the cache is stale (about half a second); null when esbuild is missing, the
 * build fails or nothing is writable, and the command then runs through tsx. GAMBIT_CLI_BUNDLE=0 turns it off. */
export async function cliBundle() {
  if (process.env.GAMBIT_CLI_BUNDLE === '0') return null;
  const hit = cachedBundle('cli');
  if (hit) return hit;
  try {
    const esbuild = await import('esbuild');
    const started = Date.now();
    return saveBundle('cli', esbuild.buildSync(bundleOptions('src/cli/main.ts', true)), started);
  } catch {
    return null;
  }
}
