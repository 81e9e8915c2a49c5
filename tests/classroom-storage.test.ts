// The storage layer on both backends: PGlite (embedded, the default) and a real PostgreSQL (a throwaway cluster on
// 127.0.0.1, when Debian's server binaries are here; .ci/run installs them). The same code: events kept byte for byte
// and in order, a duplicate event refused, and a class played on the store rebuilt from it by a fresh server. And
// `npm start`'s entry (src/server/main.ts) with DATABASE_URL keeps its classes in that PostgreSQL database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { openStore, type Store } from '../src/server/store.ts';
import { makeClass, startTestServer } from './classroom/server.ts';
import { pgBin, startCluster, type Cluster } from './classroom/postgres.ts';
import { connect } from './classroom/client.ts';
import { spawnServer } from './classroom/spawn.ts';
import pg from 'pg';

function storageSuite(name: string, open: () => Promise<Store>) {
  describe(name, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    }, 120_000);
    afterAll(async () => {
      await store?.close();
    });

    it('keeps events in order and byte for byte, and refuses a second event with the same number', async () => {
      {
        await store.createClass('c1', 'ABC234', 1_700_000_000_000);
        const odd = { orders: { JPN: { tariffs: { CHN: { autos: 0.1 + 0.2 } } } }, text: 'naïve "quotes" \\ ünïcødé', big: 1e21, small: 5e-324 };
        await store.append('c1', 1, 'class', { config: { a: 1 } }, 1_700_000_000_001);
        await store.append('c1', 2, 'order', odd, 1_700_000_000_002);
        await expect(store.append('c1', 2, 'order', {}, 1_700_000_000_003)).rejects.toThrow();
        const evs = await store.events('c1');
        expect(evs.map((e) => [e.seq, e.type, e.at])).toEqual([
          [1, 'class', 1_700_000_000_001],
          [2, 'order', 1_700_000_000_002],
        ]);
        expect(JSON.stringify(evs[1].data)).toBe(JSON.stringify(odd));
        expect(await store.listClasses()).toEqual([{ id: 'c1', code: 'ABC234' }]);
        await expect(store.createClass('c2', 'ABC234', 1)).rejects.toThrow(); // codes are unique
      }
    });

    it('a class played on it is rebuilt by a fresh server, every turn\'s hash checked', async () => {
      const srv = await startTestServer({ store });
      const k = await makeClass(srv.base, { worlds: 1, turns: 2, roundSeconds: 300, countries: ['JPN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann']);
      await k.teacher.call('begin');
      await k.students[0].client.call('submit', [{ tariffs: { USA: { other: 2.5 } } }, 0]);
      const hashes = [...srv.hub.classes.get(k.classId)!.worlds[0].hashes];
      // the hand-made class c1 of the test before is no class at all: it is reported and left out, the rest runs
      expect(srv.hub.unrestored.map((u) => u.id)).toEqual(['c1']);
      expect(hashes).toHaveLength(1);
      await srv.app.close();
      const before = Date.now();
      const again = await startTestServer({ store });
      try {
        const cls = again.hub.classes.get(k.classId)!;
        // the idle clock starts again at the restart (no seat goes to a bot for the time the server was down)
        expect(Math.min(...[...cls.students.values()].map((s) => s.lastSeen))).toBeGreaterThanOrEqual(before);
        expect(cls.worlds[0].hashes).toEqual(hashes);
        const ann = await connect(again.base, k.students[0].token);
        expect(((await ann.call('snapshot')).value as { turn: number }).turn).toBe(1);
        ann.close();
      } finally {
        await again.app.close();
      }
    }, 60_000);
  });
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

storageSuite('storage on PGlite (a data folder)', async () => {
  const d = mkdtempSync(join(tmpdir(), 'gambit-pglite-'));
  dirs.push(d);
  return openStore({ dataDir: d });
});

describe.runIf(pgBin() !== null || process.env.CI === 'true')('storage on PostgreSQL', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());
  storageSuite('a throwaway cluster on 127.0.0.1', async () => {
    const db = 'classroom';
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    return openStore({ url: cluster.url.replace(/\/postgres$/, `/${db}`) });
  });

  it("npm start's entry honours DATABASE_URL: the class is kept in PostgreSQL (no PGlite folder) and restored after a restart", async () => {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE served');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/served');
    const dataDir = join(mkdtempSync(join(tmpdir(), 'gambit-served-')), 'data');
    const env = { DATABASE_URL: url, DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-ui') };
    const a = await spawnServer(env);
    try {
      expect(a.out()).toMatch(/storage: PostgreSQL; 0 classes restored/);
      const k = await makeClass(a.base, { worlds: 1, turns: 3, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann', 'Ben']);
      await k.teacher.call('begin');
      const r = await Promise.all(k.students.map((s) => s.client.call('submit', [{ tariffs: { USA: { other: 2 } } }, 0])));
      expect(r.map((x) => (x.value as { value: { turn: number } }).value.turn)).toEqual([1, 1]);
      for (const c of [k.teacher, ...k.students.map((s) => s.client)]) c.close();
      // the events are in the PostgreSQL database the URL names, and nothing was written to the PGlite folder
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const rows = (await db.query('SELECT type FROM events WHERE class_id = $1 ORDER BY seq', [k.classId])).rows.map((x) => x.type);
      await db.end();
      expect(rows.slice(0, 1)).toEqual(['class']);
      expect(rows.filter((t) => t === 'resolve')).toHaveLength(1);
      expect(rows.filter((t) => t === 'order')).toHaveLength(2);
      expect(existsSync(dataDir)).toBe(false);
      a.proc.kill('SIGTERM');
      await new Promise((res) => a.proc.once('exit', res));
      // started again on the same URL: the class is back, at turn 1
      const b = await spawnServer(env);
      try {
        expect(b.out()).toMatch(/storage: PostgreSQL; 1 class restored/);
        const t = await connect(b.base, k.teacherToken);
        const st = (await t.call('state')).value as { worlds: { turn: number }[]; status: string };
        expect(st).toMatchObject({ status: 'running', worlds: [{ turn: 1 }] });
        t.close();
      } finally {
        b.proc.kill('SIGKILL');
      }
    } finally {
      if (a.proc.exitCode === null) a.proc.kill('SIGKILL');
      rmSync(dirname(dataDir), { recursive: true, force: true });
    }
  }, 180_000);
});
