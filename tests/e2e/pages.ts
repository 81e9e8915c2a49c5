// Builds the browser pages (vite build: index.html and class.html) once per test run, for every browser test file,
// which used to start a Vite dev server each (a page then loads hundreds of modules one by one: twice as slow) or
// build the pages each. Vitest's globalSetup: it starts a small helper on 127.0.0.1 in vitest's main process whose
// GET /dist builds the pages on first asking (a run without browser tests builds nothing) and answers the folder.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    /** the address of the pages helper: GET /dist answers the folder of the built pages */
    pagesHelper: string;
  }
}

const ROOT = new URL('../..', import.meta.url).pathname;

/** Builds the pages into a new temporary folder and returns it. */
export async function buildPages(): Promise<string> {
  const { build } = await import('vite');
  const dist = mkdtempSync(join(tmpdir(), 'reg-pages-'));
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  return dist;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let built: Promise<string> | undefined;
  const server: Server = createServer((req, res) => {
    if (req.url !== '/dist') return void res.writeHead(404).end();
    built ??= buildPages();
    built.then(
      (dir) => res.writeHead(200, { 'content-type': 'text/plain' }).end(dir),
      (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`vite build failed: ${(e as Error)?.stack ?? String(e)}`),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  project.provide('pagesHelper', `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    const dir = await built?.catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
