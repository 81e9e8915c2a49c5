// Beyond one machine: two real server processes (src/server/main.ts) share a throwaway PostgreSQL on 127.0.0.1. Each
// runs the classes it created (it holds their leases); a student joins and plays through the other process (the join,
// the websocket and the teacher's download are passed on to the owner); the owner is killed (SIGKILL) mid-round, and
// once its lease (8 s here) has lapsed the survivor takes its class over by replaying the log: the same turns, state
// hashes, submitted orders, drafts and deadlines, the old seat tokens still work, and the round goes on. A lease
// taken from a live process (as when it stalled) moves its class cleanly too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { connect, post, type Client } from './classroom/client.ts';
import { LeaseLost, openStore } from '../src/server/store.ts';
import { pgBin, startCluster, type Cluster } from './classroom/postgres.ts';
import { spawnServer } from './classroom/spawn.ts';

// long enough that a loaded machine's stalls do not hand a class over by themselves; short enough for a quick test
const LEASE_SECONDS = 8;

interface Proc {
  proc: ChildProcess;
  base: string;
  out: () => string;
}

/** `npm start`'s server on a free port against PostgreSQL, named `id`; resolves once it listens and holds its leases. */
const serve = (databaseUrl: string, id: string): Promise<Proc> =>
  spawnServer({ DATABASE_URL: databaseUrl, SERVER_ID: id, LEASE_SECONDS: String(LEASE_SECONDS), STATIC_DIR: '/nonexistent' });

const health = async (p: Proc) => (await (await fetch(`${p.base}/api/health`)).json()) as { server: string; ids: string[]; classes: number; live: number };
/** /api/health names a process's classes by id and counts them; it never lists a join code (anyone may ask it) */
const noCodes = async (p: Proc, ...codes: string[]) => {
  const text = await (await fetch(`${p.base}/api/health`)).text();
  for (const c of codes) expect(text).not.toContain(c);
};

/** Poll (no fixed sleep) until `f` gives a truthy value. */
async function until<T>(f: () => Promise<T>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A dashboard state push with this turn, already received or still to come. */
async function stateAt(c: Client, turn: number): Promise<void> {
  const at = (m: { push?: string; value?: unknown }) => m.push === 'state' && (m.value as TeacherState).worlds[0].turn === turn;
  if (!c.pushes.some(at)) await c.waitFor(at, 15_000);
}

const clients: Client[] = [];

type TeacherState = { worlds: { turn: number; clock: { deadline: number | null }; seats: { country: string; submitted: boolean }[] }[] };

describe.runIf(pgBin() !== null || process.env.CI === 'true')('several server processes on one PostgreSQL', () => {
  let cluster: Cluster;
  let url = '';
  const procs: ChildProcess[] = [];
  beforeAll(async () => {
    cluster = await startCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE multi');
    await admin.end();
    url = cluster.url.replace(/\/postgres$/, '/multi');
  }, 60_000);
  afterAll(() => {
    for (const c of clients) c.close();
    for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    cluster?.stop();
  });

  it('a lease goes to one process at a time, and a process that lost one cannot write the class\'s log', async () => {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE fence');
    await admin.end();
    const db = cluster.url.replace(/\/postgres$/, '/fence');
    const [x, y] = await Promise.all([openStore({ url: db }), openStore({ url: db })]);
    try {
      x.fence = { id: 'x', leaseMs: 60_000 };
      y.fence = { id: 'y', leaseMs: 60_000 };
      await x.createClass('k', 'KKKKKK', Date.now());
      await x.append('k', 1, 'class', { n: 1 }, Date.now());
      expect([await x.claim(), await y.claim(), await y.claim('k')]).toEqual([['k'], [], []]); // x holds it
      expect(await y.route({ code: 'KKKKKK' })).toMatchObject({ classId: 'k', owner: 'x', live: true });
      // x's lease lapses (as if x had stopped renewing): y takes the class; x's next event is refused, nothing written
      const q = new pg.Client({ connectionString: db });
      await q.connect();
      await q.query("UPDATE classes SET lease_until = now() - interval '1 second'");
      await q.end();
      expect(await y.claim()).toEqual(['k']);
      await expect(x.append('k', 2, 'order', { from: 'x' }, Date.now())).rejects.toBeInstanceOf(LeaseLost);
      await y.append('k', 2, 'order', { from: 'y' }, Date.now());
      expect((await y.events('k')).map((e) => e.data)).toEqual([{ n: 1 }, { from: 'y' }]);
      expect(await x.claim()).toEqual([]); // y's lease runs
      await y.release(); // a clean stop: free at once
      expect(await x.claim('k')).toEqual(['k']);
    } finally {
      await Promise.all([x.close(), y.close()]);
    }
  }, 60_000);

  it('each class is run by its owner and reached through the other; a killed owner\'s class is taken over, no order lost', async () => {
    const [a, b] = await Promise.all([serve(url, 'proc-a'), serve(url, 'proc-b')]);
    procs.push(a.proc, b.proc);
    try {
      await play(a, b, url);
    } catch (e) {
      // what the two processes said (a class dropped, a lease lost, an error) explains most failures
      console.error(`--- proc-a ---\n${a.out()}\n--- proc-b ---\n${b.out()}`);
      throw e;
    }
  }, 120_000);
});

async function play(a: Proc, b: Proc, url: string): Promise<void> {
  const config = { worlds: 1, turns: 4, roundSeconds: 600, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0 };
  const k1 = (await post(a.base, '/api/classes', config)).json as { classId: string; code: string; teacherToken: string };
  const k2 = (await post(b.base, '/api/classes', config)).json as { classId: string; code: string; teacherToken: string };
  expect(await health(a)).toMatchObject({ server: 'proc-a', ids: [k1.classId], classes: 1, live: 1 });
  expect(await health(b)).toMatchObject({ server: 'proc-b', ids: [k2.classId], classes: 1, live: 1 });
  await noCodes(a, k1.code, k2.code);
  await noCodes(b, k1.code, k2.code);

  // class 1 (run by A) reached through B: the joins, the teacher's socket and Ann's socket go through B
  const ann = await post(b.base, '/api/join', { code: k1.code, label: 'Ann' });
  const ben = await post(b.base, '/api/join', { code: k1.code.toLowerCase(), label: 'Ben' });
  expect([ann.status, ann.json.country, ben.status, ben.json.country]).toEqual([200, 'JPN', 200, 'CHN']);
  expect((await post(b.base, '/api/join', { code: 'ZZZZZZ', label: 'Eve' })).status).toBe(404);
  expect(await health(b)).toMatchObject({ ids: [k2.classId] }); // B passed them on; it did not take class 1
  const teacher = await connect(b.base, k1.teacherToken);
  const annC = await connect(b.base, ann.json.token as string);
  const benC = await connect(a.base, ben.json.token as string);
  clients.push(teacher, annC, benC);
  expect([teacher.hello?.role, annC.hello?.student, benC.hello?.student]).toEqual(['teacher', 's1', 's2']);
  expect((await teacher.call('begin')).ok).toBe(true);
  const r1 = await Promise.all([annC.call('submit', [{ tariffs: { USA: { other: 3 } } }, 0]), benC.call('submit', [{}, 0])]);
  expect(r1.map((r) => (r.value as { value: { turn: number } }).value.turn)).toEqual([1, 1]);
  // the teacher's dashboard, relayed by B, follows the owner's pushes
  await stateAt(teacher, 1);

  // class 2 (run by B) reached through A
  const cat = await post(a.base, '/api/join', { code: k2.code, label: 'Cat' });
  const t2 = await connect(a.base, k2.teacherToken);
  const catC = await connect(a.base, cat.json.token as string);
  clients.push(t2, catC);
  await t2.call('begin');
  // Cat is class 2's only student (China's seat is a bot's): her submit resolves its turn 1
  expect(((await catC.call('submit', [{ tariffs: { CHN: { magnets: 5 } } }, 0])).value as { value: { turn: number } }).value.turn).toBe(1);
  // class 2's lease moves to A while B is alive (as when B stalled past its lease): B drops the class at its next
  // heartbeat and closes its sockets (1012), A's heartbeat loads it, and Cat's reconnection through A is served by A
  const q = new pg.Client({ connectionString: url });
  await q.connect();
  await q.query("UPDATE classes SET owner = 'proc-a' WHERE id = $1", [k2.classId]);
  await q.end();
  expect((await catC.closed).code).toBe(1012);
  await until(async () => (await health(a)).ids.includes(k2.classId) && !(await health(b)).ids.includes(k2.classId), 20_000, 'class 2 to move to A');
  const catOnA = await connect(a.base, cat.json.token as string);
  clients.push(catOnA);
  expect(((await catOnA.call('snapshot')).value as { turn: number }).turn).toBe(1);
  // the process logs the class it loaded as it loads it; its output reaches this process a moment later (Node 24 on
  // a loaded machine: the class answered before the line had arrived)
  const ranA = new RegExp(`proc-a runs class ${k2.code} \\(\\d+ events, 1 turns replayed`);
  await until(async () => ranA.test(a.out()) || null, 10_000, 'proc-a to log the class it took');

  // round 2 of class 1: Ann submits (acknowledged), Ben only drafts; the teacher's download goes through B too
  await new Promise<void>((acked) => void annC.call('submit', [{ tariffs: { CHN: { autos: 12.5 } } }, 1], acked));
  expect((await benC.call('validate', [{ tariffs: { JPN: { magnets: 7.5 } } }])).value).toEqual([]);
  // a draft is written without holding up the answer (orders are acknowledged once written, drafts are not): wait
  // until it is in the log, as it would be a moment later on any machine
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  await until(async () => (await db.query("SELECT 1 FROM events WHERE class_id = $1 AND type = 'draft'", [k1.classId])).rowCount === 1, 10_000, "Ben's draft in the log");
  await db.end();
  const before = (await teacher.call('state')).value as TeacherState;
  expect(before.worlds[0].seats.filter((s) => s.submitted).map((s) => s.country)).toEqual(['JPN']);
  const csv = (p: Proc) => fetch(`${p.base}/api/classes/${k1.classId}/export.csv`, { headers: { authorization: `Bearer ${k1.teacherToken}` } });
  const csvBefore = await csv(b);
  expect(csvBefore.headers.get('content-disposition')).toContain(`class-${k1.code}.csv`);
  const csvTextBefore = await csvBefore.text();

  // A dies mid-round; the sockets B relayed to it are told to reconnect (1012)
  a.proc.kill('SIGKILL');
  await new Promise((r) => a.proc.once('exit', r));
  const killed = Date.now();
  expect((await annC.closed).code).toBe(1012);
  // Ann reconnects at once, through B, while A's lease still runs: B holds her socket until it has taken the class over
  const annAgain = await connect(b.base, ann.json.token as string);
  clients.push(annAgain);
  const waited = Date.now() - killed;
  expect(annAgain.hello?.student).toBe('s1');
  const h = await until(async () => ((await health(b)).ids.length === 2 ? health(b) : null), 30_000, 'B to run both classes');
  expect(h!.ids).toEqual([k1.classId, k2.classId].sort());
  console.log(`takeover: Ann's reconnection through B answered ${waited} ms after A was killed (lease ${LEASE_SECONDS} s)`);
  expect(waited).toBeGreaterThan(500); // she waited for the lease to lapse (8 s, less the time since the last renewal)
  const ranB = new RegExp(`proc-b runs class ${k1.code} \\(\\d+ events, 1 turns replayed`);
  await until(async () => ranB.test(b.out()) || null, 10_000, 'proc-b to log the class it took over');

  // everything is back: turn, deadline, submitted seats, and the outcomes hash for hash
  const teacherAgain = await connect(b.base, k1.teacherToken);
  clients.push(teacherAgain);
  const after = (await teacherAgain.call('state')).value as TeacherState;
  expect(after.worlds.map((w) => w.turn)).toEqual([1]);
  expect(after.worlds[0].clock.deadline).toBe(before.worlds[0].clock.deadline);
  expect(after.worlds[0].seats.filter((s) => s.submitted).map((s) => s.country)).toEqual(['JPN']);
  expect(await (await csv(b)).text()).toBe(csvTextBefore);
  // Ben's old token works, his draft is back, and his submit resolves turn 2 with Ann's order from before the kill
  const benAgain = await connect(b.base, ben.json.token as string);
  clients.push(benAgain);
  const snap = (await benAgain.call('snapshot')).value as { turn: number; draft: unknown };
  expect(snap).toMatchObject({ turn: 1, draft: { tariffs: { JPN: { magnets: 7.5 } } } });
  const r2 = await benAgain.call('submit', [{ tariffs: { JPN: { magnets: 7.5 } } }, 1]);
  expect((r2.value as { value: { turn: number } }).value.turn).toBe(2);
  await stateAt(teacherAgain, 2);
  const rows = (await (await csv(b)).text()).split('\n');
  expect(rows.find((l) => l.includes(',1,1,2,') && l.includes(',JPN,'))).toContain('{""tariffs"":{""CHN"":{""autos"":12.5}}}');
  expect(rows.find((l) => l.includes(',1,1,2,') && l.includes(',CHN,'))).toContain('{""tariffs"":{""JPN"":{""magnets"":7.5}}}');
  // class 2, back on B with class 1, goes on where it was
  const t2b = await connect(b.base, k2.teacherToken);
  clients.push(t2b);
  expect(((await t2b.call('state')).value as TeacherState).worlds[0].turn).toBe(1);
  b.proc.kill('SIGTERM');
}
