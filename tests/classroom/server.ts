// Test helpers: a classroom server in this process (PGlite in memory unless a store is given, a clock the test can
// move), and a class with students joined.
import type { FastifyInstance } from 'fastify';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildServer } from '../../src/server/app.ts';
import { openStore, type Store } from '../../src/server/store.ts';
import type { Hub } from '../../src/server/hub.ts';
import type { CreateLimits } from '../../src/server/access.ts';
import { connect, post, type Client } from './client.ts';
import { pagesHelper, pgliteTemplate } from '../e2e/pages.ts';

export interface TestServer {
  app: FastifyInstance;
  hub: Hub;
  store: Store;
  base: string;
  /** move the server's clock forward (and run the server's timers it passes) */
  advance(ms: number): void;
  close(): Promise<void>;
}

let template: Promise<Blob> | undefined;

/** A store in memory, started from a fresh PGlite's data directory dumped once a test run (the pages helper's GET
 * /pglite, tests/e2e/pages.ts; outside vitest, once a process): the same empty database initdb makes, without
 * running initdb for each of the suite's dozens of stores. The schema is made by openStore as for any store. */
export function memoryStore(): Promise<Store> {
  template ??= (async () => {
    const helper = await pagesHelper();
    const r = helper ? await fetch(`${helper}/pglite`) : undefined;
    if (r && !r.ok) throw new Error(await r.text());
    const dir = r ? await r.text() : await pgliteTemplate();
    const tar = await readFile(join(dir, 'pgdata.tar'));
    if (!r) rmSync(dir, { recursive: true, force: true });
    return new Blob([tar]);
  })();
  return template.then((from) => openStore({ dataDir: null, from }));
}

export async function startTestServer(opts: { store?: Store; clock?: boolean; staticDir?: string; trustProxy?: boolean | string; createLimits?: CreateLimits; /** the clock's start, ms ahead of the real one */ skew?: number; /** 0: any free port */ port?: number } = {}): Promise<TestServer> {
  const store = opts.store ?? (await memoryStore());
  let skew = opts.skew ?? 0;
  const now = () => Date.now() + skew;
  // the server's timers on this clock: `advance` runs the ones it reaches
  const timers = new Set<{ at: number; f: () => void }>();
  const schedule = (at: number, f: () => void) => {
    const t = { at, f };
    timers.add(t);
    return () => void timers.delete(t);
  };
  const { app, hub } = await buildServer({ store, now, schedule, clock: opts.clock ?? false, staticDir: opts.staticDir, trustProxy: opts.trustProxy, createLimits: opts.createLimits });
  await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return {
    app,
    hub,
    store,
    base,
    advance(ms) {
      skew += ms;
      for (const t of [...timers].sort((a, b) => a.at - b.at))
        if (t.at <= now() && timers.delete(t)) t.f();
    },
    async close() {
      await app.close();
      if (!opts.store) await store.close();
    },
  };
}

export interface TestClass {
  classId: string;
  code: string;
  teacherToken: string;
  projectorToken: string;
  teacher: Client;
  students: { label: string; token: string; world: number; country: string; client: Client }[];
}

export async function makeClass(base: string, config: Record<string, unknown>, labels: string[]): Promise<TestClass> {
  const c = await post(base, '/api/classes', config);
  if (c.status !== 200) throw new Error(`create: ${JSON.stringify(c.json)}`);
  const teacher = await connect(base, c.json.teacherToken as string);
  const students = [];
  for (const label of labels) {
    const j = await post(base, '/api/join', { code: c.json.code, label });
    if (j.status !== 200) throw new Error(`join ${label}: ${JSON.stringify(j.json)}`);
    students.push({ label, token: j.json.token as string, world: j.json.world as number, country: j.json.country as string, client: await connect(base, j.json.token as string) });
  }
  return { classId: c.json.classId as string, code: c.json.code as string, teacherToken: c.json.teacherToken as string, projectorToken: c.json.projectorToken as string, teacher, students };
}
