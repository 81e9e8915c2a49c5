// Faults: the server is killed (SIGKILL) in the middle of a round and started again on the same data folder: every world,
// seat, draft, submitted order and deadline is back (the turns replayed from the log, every hash checked), and the round
// goes on. And a student whose connection drops mid-round reconnects to the same seat and draft.
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from './classroom/client.ts';
import { makeClass, startTestServer } from './classroom/server.ts';
import { spawnServer } from './classroom/spawn.ts';


/** `npm start`'s server (without the build step) on a free port over a PGlite folder. */
const serve = (dataDir: string) => spawnServer({ DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-ui') });

const dirs: string[] = [];
const procs: ChildProcess[] = [];
afterAll(() => {
  for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('restart', () => {
  it('SIGKILL mid-round, restart: worlds, seats, drafts, orders and deadlines are back; no order is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gambit-class-'));
    dirs.push(dir);
    const a = await serve(dir);
    procs.push(a.proc);
    const k = await makeClass(a.base, { worlds: 2, turns: 4, roundSeconds: 600, seatsPerCountry: 1, countries: ['JPN', 'CHN'], idleGraceSeconds: 0 }, ['Ann', 'Ben', 'Cat', 'Dan']);
    await k.teacher.call('begin');
    const [ann, ben, cat, dan] = k.students; // w1 JPN, w2 JPN, w1 CHN, w2 CHN
    // round 1 in both worlds
    const r1 = await Promise.all(k.students.map((s) => s.client.call('submit', [{ tariffs: { USA: { other: 3 } } }, 0])));
    expect(r1.every((r) => (r.value as { value: { turn: number } }).value.turn === 1)).toBe(true);
    // round 2: Ann submits (acknowledged), Cat only drafts, Ben submits in world 2; then the server is killed
    await new Promise<void>((acked) => void ann.client.call('submit', [{ tariffs: { CHN: { autos: 12.5 } } }, 1], acked));
    await new Promise<void>((acked) => void ben.client.call('submit', [{ stockpileRelease: {} }, 1], acked));
    expect((await cat.client.call('validate', [{ tariffs: { JPN: { magnets: 7.5 } } }])).value).toEqual([]);
    const before = (await k.teacher.call('state')).value as { worlds: { turn: number; clock: { deadline: number }; seats: { country: string; submitted: boolean }[] }[] };
    const csvBefore = await (await fetch(`${a.base}/api/classes/${k.classId}/export.csv`, { headers: { authorization: `Bearer ${k.teacherToken}` } })).text();
    a.proc.kill('SIGKILL');
    await new Promise((r) => a.proc.once('exit', r));

    const b = await serve(dir);
    procs.push(b.proc);
    const t = await connect(b.base, k.teacherToken);
    const after = (await t.call('state')).value as typeof before;
    expect(after.worlds.map((w) => w.turn)).toEqual([1, 1]);
    expect(after.worlds.map((w) => w.clock.deadline)).toEqual(before.worlds.map((w) => w.clock.deadline));
    expect(after.worlds.map((w) => w.seats.filter((s) => s.submitted).map((s) => s.country))).toEqual([['JPN'], ['JPN']]);
    // the same outcomes, hash for hash
    const csvAfter = await (await fetch(`${b.base}/api/classes/${k.classId}/export.csv`, { headers: { authorization: `Bearer ${k.teacherToken}` } })).text();
    expect(csvAfter).toBe(csvBefore);
    // Cat's draft is back on her seat; her token still works
    const cat2 = await connect(b.base, cat.token);
    expect(cat2.hello?.role).toBe('seat');
    const snap = (await cat2.call('snapshot')).value as { turn: number; draft: unknown; config: { country: string } };
    expect(snap).toMatchObject({ turn: 1, draft: { tariffs: { JPN: { magnets: 7.5 } } }, config: { country: 'CHN' } });
    // the round goes on: Cat and Dan submit, both worlds resolve turn 2 with Ann's and Ben's orders from before the kill
    const dan2 = await connect(b.base, dan.token);
    const r2 = await Promise.all([cat2.call('submit', [{ tariffs: { JPN: { magnets: 7.5 } } }, 1]), dan2.call('submit', [{}, 1])]);
    expect(r2.map((r) => (r.value as { value: { turn: number } }).value.turn)).toEqual([2, 2]);
    const csv = await (await fetch(`${b.base}/api/classes/${k.classId}/export.csv`, { headers: { authorization: `Bearer ${k.teacherToken}` } })).text();
    const row = (w: number, c: string) => csv.split('\n').find((l) => l.includes(`,${w},1,2,`) && l.includes(`,${c},`))!;
    expect(row(1, 'JPN')).toContain('{""tariffs"":{""CHN"":{""autos"":12.5}}}');
    expect(row(2, 'JPN')).toContain('{""stockpileRelease"":{}}');
    expect(row(1, 'CHN')).toContain('{""tariffs"":{""JPN"":{""magnets"":7.5}}}');
    b.proc.kill('SIGTERM');
  }, 240_000);
});

describe('disconnects', () => {
  it('a student who drops mid-round reconnects to the same seat and draft; a bot takes the idle seat and gives it back', async () => {
    const srv = await startTestServer();
    try {
      const k = await makeClass(srv.base, { worlds: 1, turns: 3, roundSeconds: 300, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 30 }, ['Ann', 'Ben']);
      await k.teacher.call('begin');
      const [ann, ben] = k.students;
      await ann.client.call('validate', [{ tariffs: { CHN: { autos: 20 } } }]);
      ann.client.close();
      await ann.client.closed;
      const again = await connect(srv.base, ann.token);
      const snap = (await again.call('snapshot')).value as { draft: unknown; config: { country: string }; turn: number };
      expect(snap).toMatchObject({ turn: 0, draft: { tariffs: { CHN: { autos: 20 } } }, config: { country: 'JPN' } });
      again.close();
      await again.closed;
      // Ann stays away: warned at 60% of the grace period, then her bot plays (visibly)
      srv.advance(20_000);
      await srv.hub.tick();
      let st = (await k.teacher.call('state')).value as { worlds: { seats: { country: string; bot: boolean; warned: boolean }[] }[] };
      expect(st.worlds[0].seats.find((s) => s.country === 'JPN')).toMatchObject({ bot: false, warned: true });
      srv.advance(15_000);
      await srv.hub.tick();
      st = (await k.teacher.call('state')).value as typeof st;
      expect(st.worlds[0].seats.find((s) => s.country === 'JPN')).toMatchObject({ bot: true });
      // Ben submits: the world resolves with the bot's orders for Japan
      const r = await ben.client.call('submit', [{}, 0]);
      expect((r.value as { value: { turn: number } }).value.turn).toBe(1);
      const cls = srv.hub.classes.get(k.classId)!;
      expect(cls.resolvedAt[0].bots).toContain('JPN');
      // Ann comes back: the seat is hers again
      const back = await connect(srv.base, ann.token);
      await back.call('snapshot');
      expect(cls.seat(0, 'JPN').bot).toBe(false);
      back.close();
    } finally {
      await srv.close();
    }
  }, 120_000);

  it('a round ends on the clock with the default for a seat that did not submit', async () => {
    const srv = await startTestServer();
    try {
      const k = await makeClass(srv.base, { worlds: 1, turns: 2, roundSeconds: 30, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0, missed: 'keep' }, ['Ann', 'Ben']);
      await k.teacher.call('begin');
      await new Promise<void>((acked) => void k.students[0].client.call('submit', [{ tariffs: { CHN: { other: 4 } } }, 0], acked));
      await srv.hub.tick();
      const cls = srv.hub.classes.get(k.classId)!;
      expect(cls.worlds[0].turn).toBe(0);
      const before = k.students[1].client.pushes.length; // (a push that comes during the tick is looked for there too)
      srv.advance(31_000);
      await srv.hub.tick();
      expect(cls.worlds[0].turn).toBe(1);
      expect(cls.resolvedAt[0].reason).toBe('clock');
      expect(cls.worlds[0].orders[0].JPN).toEqual({ tariffs: { CHN: { other: 4 } } });
      expect(cls.worlds[0].orders[0].CHN).toBeUndefined(); // Ben kept his policies
      // Ben's client got the new turn as a push
      if (!k.students[1].client.pushes.slice(before).some((m) => m.push === 'snapshot')) await k.students[1].client.waitFor((m) => m.push === 'snapshot');
    } finally {
      await srv.close();
    }
  }, 120_000);
});
