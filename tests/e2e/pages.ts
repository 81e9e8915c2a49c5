// Builds the browser pages (vite build: index.html and class.html) once per test run, for every browser test file,
// which used to start a Vite dev server each (a page then loads hundreds of modules one by one: twice as slow) or
// build the pages each. Vitest's globalSetup: it starts a small helper on 127.0.0.1 in vitest's main process whose
// GET /dist builds the pages on first asking (a run without browser tests builds nothing) and answers the folder; GET
// /pglite likewise dumps a fresh PGlite's data directory once a run, for the classroom tests' in-memory stores.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    /** the address of the pages helper: GET /dist answers the folder of the built pages, GET /pglite the folder of
     * the PGlite template (pgdata.tar) */
    pagesHelper: string;
  }
}

const ROOT = new URL('../..', import.meta.url).pathname;

/** Builds the pages into a new temporary folder and returns it; `extra` adds pages to the build's inputs (name: the
 * page's path from the root; the game's two stay), as the renderer's dev page for tests/strait-mark.test.ts. */
export async function buildPages(extra: Record<string, string> = {}): Promise<string> {
  const { build } = await import('vite');
  const dist = mkdtempSync(join(tmpdir(), 'reg-pages-'));
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'error', build: { outDir: dist, emptyOutDir: true, rollupOptions: { input: extra } } });
  return dist;
}

/** A fresh PGlite's data directory, dumped to a file in a new temporary folder (the folder is returned): the classroom
 * tests' in-memory stores start from it (tests/classroom/server.ts) instead of each running initdb. */
export async function pgliteTemplate(): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = mkdtempSync(join(tmpdir(), 'reg-pglite-'));
  const pg = new PGlite();
  try {
    await pg.waitReady; // (dumpDataDir on a PGlite not yet ready never settles)
    writeFileSync(join(dir, 'pgdata.tar'), Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await pg.close();
  }
  return dir;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let built: Promise<string> | undefined;
  let template: Promise<string> | undefined;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/dist' && req.url !== '/pglite') return void res.writeHead(404).end();
    const made = req.url === '/dist' ? (built ??= buildPages()) : (template ??= pgliteTemplate());
    made.then(
      (dir) => res.writeHead(200, { 'content-type': 'text/plain' }).end(dir),
      (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${req.url === '/dist' ? 'vite build' : 'the PGlite template'} failed: ${(e as Error)?.stack ?? String(e)}`),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  project.provide('pagesHelper', `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    for (const made of [built, template]) {
      const dir = await made?.catch(() => undefined);
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** The address of this test run's pages helper (vitest's globalSetup above), or undefined outside vitest (a script). */
export async function pagesHelper(): Promise<string | undefined> {
  try {
    return (await import('vitest')).inject('pagesHelper');
  } catch {
    return undefined; // not under vitest
  }
}
