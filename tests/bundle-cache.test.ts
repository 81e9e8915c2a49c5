// The bundle cache behind `gambit` and the batch worker threads (src/cli/bundle-cache.mjs): a bundle is reused only
// while every source that went into it is unchanged, and the command gives the same output from its bundle as from
// the TypeScript sources through tsx.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, cacheDirs, cachedBundle, saveBundle } from '../src/cli/bundle-cache.mjs';

const kind = `test${process.pid}`;
const dir = cacheDirs(kind)[0];
const src = join(dir, `${kind}-input.txt`);

afterAll(() => {
  // this test's files only: its input, manifest and bundles all start with `${kind}-`
  for (const f of readdirSync(dir)) if (f.startsWith(`${kind}-`)) rmSync(join(dir, f), { force: true });
});

/** A stand-in for esbuild's result: one output file and the inputs it lists. */
const result = (text: string, inputs: string[]) => ({ outputFiles: [{ text }], metafile: { inputs: Object.fromEntries(inputs.map((p) => [p, {}])) } }) as never;

describe('bundle cache', () => {
  it('reuses a bundle while its sources are unchanged and drops it when one changes size or time', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(src, 'one');
    expect(cachedBundle(kind)).toBeNull();
    const path = saveBundle(kind, result('export const x = 1;\n', [relative(ROOT, src)]));
    expect(path).not.toBeNull();
    expect(readFileSync(path!, 'utf8')).toBe('export const x = 1;\n');
    expect(cachedBundle(kind)).toBe(path);
    writeFileSync(src, 'two!'); // a different size
    expect(cachedBundle(kind)).toBeNull();
    saveBundle(kind, result('export const x = 2;\n', [relative(ROOT, src)]));
    expect(cachedBundle(kind)).not.toBeNull();
    utimesSync(src, new Date(2020, 0, 1), new Date(2020, 0, 1)); // same size, another time
    expect(cachedBundle(kind)).toBeNull();
    rmSync(src);
    expect(cachedBundle(kind)).toBeNull(); // a source that is gone
  });

  // an engine file edited while a test run's build of the command was under way: the manifest, stamped after the build,
  // vouched for a bundle of the old text, and `gambit schema` wrote the old schema until the next edit
  it('does not vouch for a source written after its build began', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(src, 'old');
    const started = Date.now() + 10; // the build "began" after the write: the bundle is good
    saveBundle(kind, result('export const x = 3;\n', [relative(ROOT, src)]), started);
    expect(cachedBundle(kind)).not.toBeNull();
    const begun = Date.now() - 60_000; // the build began a minute ago; the source was written since
    saveBundle(kind, result('export const x = 4;\n', [relative(ROOT, src)]), begun);
    expect(cachedBundle(kind)).toBeNull();
    rmSync(src);
  });

  it('gambit prints the same from its bundle as from the sources through tsx', () => {
    const run = (env: Record<string, string>) => spawnSync(process.execPath, ['bin/gambit.mjs', 'run', '--turns', '2', '--seed', '5'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
    const a = run({});
    const b = run({ GAMBIT_CLI_BUNDLE: '0' });
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(100);
    expect(a.stdout).toBe(b.stdout);
    expect(cachedBundle('cli')).not.toBeNull(); // the first run left an up-to-date bundle
  }, 120_000);
});
