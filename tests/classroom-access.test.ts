// Who gets into a class and for how long, on the wire: a revoked student is out of every device and of the seat, also
// after a restart; rejoining under a student's name needs the seat's token or the teacher's approval; tokens stop
// working a stated time after the class ends; creating classes is limited per address and per process; /api/health
// names no join code.
import { describe, expect, it, vi } from 'vitest';
import { post, type Client } from './classroom/client.ts';
import { TWO_SEATS, useServers } from './classroom/fixtures.ts';
import { AFTER_END, MAX_REQUESTS, parseCreateLimits } from '../src/server/access.ts';
import { hashToken } from '../src/server/hub.ts';

const { start, stop, open, makeClass } = useServers();
type State = { students: number; away: { label: string }[]; requests: { id: string; label: string; country: string | null; seconds: number }[]; worlds: { seats: { country: string; bot: boolean; students: { label: string }[] }[] }[] };
const state = async (t: Client) => (await t.call('state')).value as State;

describe('revoking a student', () => {
  it('closes every socket of theirs, frees the seat, and holds after a restart; their name then needs the teacher', async () => {
    const srv = await start();
    const k = await makeClass(srv.base, TWO_SEATS, ['Ann', 'Ben']);
    const ann = k.students[0];
    // Ann on a second device with the same token (the browser's token copied, or a second tab)
    const second = await open(srv.base, ann.token);
    expect(second.hello?.student).toBe('s1');
    const closed = [ann.client.closed, second.closed];
    expect((await k.teacher.call('revoke', ['s1'])).ok).toBe(true);
    expect((await Promise.all(closed)).map((c) => c.code)).toEqual([4401, 4401]);
    // out of the seat: a bot plays Japan, and the dashboard lists her as revoked
    const after = await state(k.teacher);
    expect(after.worlds[0].seats.find((s) => s.country === 'JPN')).toMatchObject({ bot: true, students: [] });
    expect(after.away.map((a) => a.label)).toEqual(['Ann']);
    expect(after.students).toBe(1);
    // a restart replays the log: still revoked, still out of the seat
    await stop(srv);
    const again = await start({ store: srv.store });
    const retry = await open(again.base, ann.token);
    expect(retry.hello).toBeNull();
    expect(JSON.parse(retry.raw[0])).toMatchObject({ status: 401, error: 'your teacher took you out of this seat: join again with the class code and your name, and your teacher will be asked to let you back in' });
    const teacher = await open(again.base, k.teacherToken);
    expect((await state(teacher)).worlds[0].seats.find((s) => s.country === 'JPN')).toMatchObject({ bot: true, students: [] });
    // her name, with her old token or without it, only asks the teacher
    const secrets: string[] = [];
    for (const body of [{ code: k.code, label: 'ann' }, { code: k.code, label: 'Ann', token: ann.token }]) {
      const r = await post(again.base, '/api/join', body);
      expect(r.status).toBe(202);
      expect(r.json).toMatchObject({ pending: true, revoked: true, message: 'waiting for your teacher to let you back in as Ann' });
      expect(r.json.token).toBeUndefined();
      secrets.push(r.json.request as string);
    }
    // allowed: back in her old seat with a new token
    const req = (await state(teacher)).requests[0];
    expect(req).toMatchObject({ id: hashToken(secrets[0]), label: 'Ann', country: null });
    expect((await teacher.call('admit', [req.id, true])).ok).toBe(true);
    const back = await post(again.base, '/api/join', { code: k.code, label: 'Ann', request: secrets[0] });
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ student: 's1', world: 0, country: 'JPN' });
    const s = await state(teacher);
    expect(s.worlds[0].seats.find((x) => x.country === 'JPN')).toMatchObject({ bot: false, students: [{ label: 'Ann' }] });
    expect(s.away).toEqual([]);
  }, 180_000);
});

describe('rejoining under a student\'s name', () => {
  it('with the seat\'s token: at once; without it: only once the teacher allows it, and the old device is signed out', async () => {
    const srv = await start();
    const k = await makeClass(srv.base, TWO_SEATS, ['Ann', 'Ben']);
    const [ann, ben] = k.students;
    // while Ann is connected, her name is refused outright
    expect((await post(srv.base, '/api/join', { code: k.code, label: 'Ann' })).status).toBe(409);
    ann.client.close();
    await ann.client.closed;
    // the browser that holds her token (she closed the tab and typed her name again): her seat, no question asked
    const same = await post(srv.base, '/api/join', { code: k.code, label: 'Ann', token: ann.token });
    expect(same.status).toBe(200);
    expect(same.json).toMatchObject({ token: ann.token, student: 's1', country: 'JPN' });
    // a token of another seat does not open hers
    const byBen = await post(srv.base, '/api/join', { code: k.code, label: 'Ann', token: ben.token });
    expect(byBen.status).toBe(202);
    const r1Secret = byBen.json.request as string;
    // another browser, without the token: a request the teacher sees, and no seat until it is answered
    const ask = await post(srv.base, '/api/join', { code: k.code, label: ' ANN ' });
    expect(ask.status).toBe(202);
    const secret = ask.json.request as string;
    expect(secret).toMatch(/^[\w-]{24}$/);
    // the dashboard (and the log) know a request by its hash: what gets the seat stays with the asking page
    const id = hashToken(secret);
    const reqs = (await state(k.teacher)).requests;
    expect(reqs.map((r) => [r.label, r.country])).toEqual([['Ann', 'JPN'], ['Ann', 'JPN']]);
    expect(reqs.map((r) => r.id)).toContain(id);
    expect((await post(srv.base, '/api/join', { code: k.code, label: 'Ann', request: secret })).status).toBe(202);
    // a made-up request id, or the dashboard's id of a request, is just a new request
    expect((await post(srv.base, '/api/join', { code: k.code, label: 'Ann', request: id })).json.request).not.toBe(id);
    // at most MAX_REQUESTS.perStudent wait for one name
    const more = await post(srv.base, '/api/join', { code: k.code, label: 'Ann' });
    expect(more.status).toBe(429);
    expect(more.json.error).toBe(`${MAX_REQUESTS.perStudent} requests to rejoin as Ann are already waiting for the teacher: wait for their answer`);
    // the teacher refuses one, allows another
    const [r1, r2] = (await state(k.teacher)).requests.filter((r) => r.id !== id);
    expect(r1.id).toBe(hashToken(r1Secret));
    expect((await k.teacher.call('admit', [r1.id, false])).ok).toBe(true);
    expect((await k.teacher.call('admit', [id, true])).ok).toBe(true);
    expect((await k.teacher.call('admit', [id, true])).status).toBe(404); // answered already
    const refused = await post(srv.base, '/api/join', { code: k.code, label: 'Ann', request: r1Secret });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toBe('your teacher did not let you back in as Ann: speak to your teacher, then ask again');
    const ok = await post(srv.base, '/api/join', { code: k.code, label: 'Ann', request: secret });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ student: 's1', world: 0, country: 'JPN' });
    expect(ok.json.token).not.toBe(ann.token);
    // the seat has one device's token now: the old one is refused
    const old = await open(srv.base, ann.token);
    expect(JSON.parse(old.raw[0])).toMatchObject({ status: 401, error: 'your teacher took you out of this seat: join again with the class code and your name, and your teacher will be asked to let you back in' });
    expect((await open(srv.base, ok.json.token as string)).hello?.student).toBe('s1');
    // a student may not answer requests
    expect((await ben.client.call('admit', [r2.id, true])).status).toBe(403);
  }, 180_000);
});

describe('tokens after the class ends', () => {
  it(`students and the projector keep read-only access for ${AFTER_END.seat / 3600_000} hours, the teacher for ${AFTER_END.teacher / 86_400_000} days; then 401, also after a restart`, async () => {
    const srv = await start();
    const k = await makeClass(srv.base, TWO_SEATS, ['Ann']);
    expect((await k.teacher.call('endClass')).ok).toBe(true);
    const ann = k.students[0];
    srv.advance(AFTER_END.seat - 60_000);
    expect((await ann.client.call('snapshot')).ok).toBe(true);
    const projector = await open(srv.base, k.projectorToken);
    expect(projector.hello?.role).toBe('projector');
    // the window ends: the open sockets of students and the projector are closed then, without waiting for a message
    // of theirs, each told why; the teacher's stays
    const sent = ann.client.raw.length;
    srv.advance(2 * 60_000);
    const [annClosed, projClosed] = await Promise.all([ann.client.closed, projector.closed]);
    expect([annClosed.code, projClosed.code]).toEqual([4401, 4401]);
    // told once, last (a status push the projector's arrival set off may land after \`sent\` was read: a push, no error)
    const after = ann.client.raw.slice(sent).map((m) => JSON.parse(m) as { error?: string; push?: string });
    expect(after.filter((m) => m.error !== undefined)).toHaveLength(1);
    expect(after.slice(0, -1).every((m) => m.push !== undefined)).toBe(true);
    expect(after.at(-1)!.error).toMatch(/^this class ended \d{4}-\d\d-\d\d \d\d:\d\d UTC, and a student's link works for 2 hours after the end$/);
    expect(JSON.parse(projector.raw.at(-1)!)).toMatchObject({ status: 401, error: expect.stringMatching(/the projector's link works for 2 hours/) });
    expect((await k.teacher.call('state')).ok).toBe(true);
    // a new socket is refused at its hello
    expect(JSON.parse((await open(srv.base, k.projectorToken)).raw[0])).toMatchObject({ status: 401, error: expect.stringMatching(/the projector's link works for 2 hours/) });
    const teacher2 = await open(srv.base, k.teacherToken);
    expect(teacher2.hello?.role).toBe('teacher');
    const dl = await fetch(`${srv.base}/api/classes/${k.classId}/export.csv`, { headers: { authorization: `Bearer ${k.teacherToken}` } });
    expect(dl.status).toBe(200);
    // the teacher's week: their open sockets close when it ends
    srv.advance(AFTER_END.teacher - AFTER_END.seat);
    expect((await teacher2.closed).code).toBe(4401);
    expect((await k.teacher.closed).code).toBe(4401);
    // the end is in the log: after a restart the same rule holds, and the timer is set again (a projector left open
    // on a restored class is closed when its 2 hours are over)
    await stop(srv);
    const again = await start({ store: srv.store, skew: AFTER_END.seat - 60_000 });
    const proj2 = await open(again.base, k.projectorToken);
    expect(proj2.hello?.role).toBe('projector');
    again.advance(2 * 60_000);
    expect((await proj2.closed).code).toBe(4401);
    expect(JSON.parse((await open(again.base, ann.token)).raw[0])).toMatchObject({ status: 401 });
    again.advance(AFTER_END.teacher);
    const late = await fetch(`${again.base}/api/classes/${k.classId}/export.csv`, { headers: { authorization: `Bearer ${k.teacherToken}` } });
    expect(late.status).toBe(401);
    expect(((await late.json()) as { error: string }).error).toMatch(/the teacher's link works for 7 days after the end/);
  }, 180_000);
});

describe('creating classes', () => {
  it('is limited per client address an hour (429) and per process in live classes (503), each error naming its limit', { timeout: 120_000 }, async () => {
    const srv = await start({ trustProxy: 'loopback', createLimits: { perHour: 2, maxLive: 3 } });
    const create = async (from: string) => {
      const r = await srv.app.inject({ method: 'POST', url: '/api/classes', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': from }, payload: TWO_SEATS });
      return { status: r.statusCode, json: r.json() as { error?: string; code?: string; teacherToken?: string } };
    };
    expect((await create('198.51.100.1')).status).toBe(200);
    // a form with a mistake creates no class and uses up none of the hour's allowance, however often it is sent
    for (let i = 0; i < 3; i++) {
      const typo = await srv.app.inject({ method: 'POST', url: '/api/classes', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.1' }, payload: { ...TWO_SEATS, roundSeconds: 1 } });
      expect(typo.statusCode).toBe(400);
      expect((typo.json() as { error: string }).error).toMatch(/^class options: roundSeconds: /);
    }
    const second = await create('198.51.100.1');
    expect(second.status).toBe(200);
    const third = await create('198.51.100.1');
    expect(third.status).toBe(429);
    expect(third.json.error).toBe('this address created 2 classes in the last hour, the limit (CLASS_CREATE_PER_HOUR=2): try again in 60 minutes');
    // another address (behind the same trusted proxy) has its own allowance, up to the process's cap
    const other = await create('198.51.100.2');
    expect(other.status).toBe(200);
    const full = await create('198.51.100.3');
    expect(full.status).toBe(503);
    expect(full.json.error).toBe('this server already runs 3 live classes, its limit (MAX_LIVE_CLASSES=3): end a class, or try again later');
    expect(srv.hub.classes.size).toBe(3);
    // a class that ends is no longer live: room for one more
    const t = await open(srv.base, second.json.teacherToken!);
    expect((await t.call('endClass')).ok).toBe(true);
    expect((await create('198.51.100.3')).status).toBe(200);
    // an hour later the first address may create again, once the cap leaves room
    srv.advance(3600_000);
    expect((await create('198.51.100.1')).status).toBe(503);
    const t2 = await open(srv.base, other.json.teacherToken!);
    expect((await t2.call('endClass')).ok).toBe(true);
    expect((await create('198.51.100.1')).status).toBe(200);
    expect(parseCreateLimits({})).toEqual({ perHour: 20, maxLive: 200 });
    expect(parseCreateLimits({ CLASS_CREATE_PER_HOUR: '5', MAX_LIVE_CLASSES: ' 40 ' })).toEqual({ perHour: 5, maxLive: 40 });
    expect(() => parseCreateLimits({ MAX_LIVE_CLASSES: 'many' })).toThrow('MAX_LIVE_CLASSES must be a whole number from 1 to 1000000, found "many"');
  });

  it('/api/health counts classes and names no join code', { timeout: 120_000 }, async () => {
    const srv = await start();
    const k = await makeClass(srv.base, TWO_SEATS, []);
    const text = await (await fetch(`${srv.base}/api/health`)).text();
    expect(JSON.parse(text)).toEqual({ ok: true, classes: 1, live: 1, store: 'pglite' });
    expect(text).not.toContain(k.code);
  });
});

describe('a round\'s clock after an outage', () => {
  type Clocked = { worlds: { turn: number; clock: { deadline: number | null } }[]; recovery: { at: number; downMs: number; worlds: number[] } | null };
  it('a deadline that passed while the server was down is moved: the round gets back what it had left, at least a minute', async () => {
    const srv = await start();
    const k = await makeClass(srv.base, { ...TWO_SEATS, worlds: 2, roundSeconds: 300 }, ['Ann']);
    expect((await k.teacher.call('begin')).ok).toBe(true);
    const before = (await k.teacher.call('state')).value as Clocked;
    await stop(srv);
    // the last sign of life: the class's last event (the start), or the heartbeat written as the server stopped
    const lastAlive = Math.max(srv.hub.classes.get(k.classId)!.lastAt, (await srv.store.aliveAt(k.classId))!);
    // down for 6 minutes: both worlds' deadlines (5 minutes) passed meanwhile
    const again = await start({ store: srv.store, skew: 6 * 60_000 });
    const now = again.hub.now();
    const t = await open(again.base, k.teacherToken);
    const after = (await t.call('state')).value as Clocked;
    for (let w = 0; w < 2; w++) {
      // what the round had left when the server stopped, from the moment the class was restored
      expect(after.worlds[w].clock.deadline! - after.recovery!.at).toBe(Math.min(300_000, Math.max(60_000, before.worlds[w].clock.deadline! - lastAlive)));
      expect(after.worlds[w].clock.deadline! - now).toBeGreaterThan(290_000);
    }
    expect(after.recovery?.worlds).toEqual([0, 1]);
    expect(after.recovery!.downMs).toBeGreaterThanOrEqual(6 * 60_000);
    // the clock does not end the round on its first tick
    await again.hub.tick();
    expect(((await t.call('state')).value as Clocked).worlds.map((w) => w.turn)).toEqual([0, 0]);
    // the new deadline is in the log: a second restart keeps it and adds nothing
    await stop(again);
    const third = await start({ store: srv.store, skew: 6 * 60_000 + 1000 });
    const t3 = await open(third.base, k.teacherToken);
    expect(((await t3.call('state')).value as Clocked).worlds.map((w) => w.clock.deadline)).toEqual(after.worlds.map((w) => w.clock.deadline));
  }, 180_000);

  it('a round with time to spare keeps its deadline; one left with 30 s gets back what it had when the server was last alive, not at its last event', async () => {
    const srv = await start();
    const k = await makeClass(srv.base, { ...TWO_SEATS, roundSeconds: 600 }, ['Ann']);
    expect((await k.teacher.call('begin')).ok).toBe(true);
    const deadline = srv.hub.classes.get(k.classId)!.rounds[0].deadline!;
    await stop(srv);
    const quick = await start({ store: srv.store, skew: 30_000 });
    expect(quick.hub.classes.get(k.classId)!.rounds[0].deadline).toBe(deadline);
    expect(quick.hub.classes.get(k.classId)!.recovery).toBeNull();
    // a quiet round: no event for 9 minutes, the server alive all along (its heartbeat written on the clock's ticks)
    quick.advance(510_000);
    await quick.hub.tick();
    await vi.waitFor(async () => expect(await srv.store.aliveAt(k.classId)).toBeGreaterThanOrEqual(deadline - 60_000));
    const beat = (await srv.store.aliveAt(k.classId))!;
    expect(beat).toBeLessThanOrEqual(quick.hub.now());
    // the server dies without a clean stop (no last heartbeat): here, its hub's clock is stopped before the app closes
    (quick.hub as unknown as { beat: () => Promise<void> }).beat = async () => {};
    await stop(quick);
    // back 20 minutes later: the round had about 60 s left when the server was last alive (not the 10 minutes it had at
    // its last event, the start), so it gets a minute
    const late = await start({ store: srv.store, skew: 20 * 60_000 });
    const cls = late.hub.classes.get(k.classId)!;
    expect(cls.rounds[0].deadline! - cls.recovery!.at).toBe(Math.max(60_000, deadline - beat));
    expect(cls.rounds[0].deadline! - cls.recovery!.at).toBeLessThan(61_000);
    expect(cls.recovery!.downMs).toBe(cls.recovery!.at - beat);
    // a clean stop writes the heartbeat as it stops: a round stopped with 5 minutes left, after 5 quiet ones, and back
    // 20 minutes later gets those 5 minutes (not the 10 it had at its start)
    const k2 = await makeClass(late.base, { ...TWO_SEATS, roundSeconds: 600 }, ['Cat']);
    expect((await k2.teacher.call('begin')).ok).toBe(true);
    late.advance(300_000);
    const deadline2 = late.hub.classes.get(k2.classId)!.rounds[0].deadline!;
    await stop(late);
    const beat2 = (await srv.store.aliveAt(k2.classId))!;
    const back = await start({ store: srv.store, skew: 45 * 60_000 });
    const c2 = back.hub.classes.get(k2.classId)!;
    // what was left at the stop's heartbeat: 300 s less the real time the test took between them (not 1 s at most,
    // which a loaded machine can exceed)
    expect(c2.rounds[0].deadline! - c2.recovery!.at).toBe(deadline2 - beat2);
    expect(c2.rounds[0].deadline! - c2.recovery!.at).toBeGreaterThan(280_000);
    expect(c2.rounds[0].deadline! - c2.recovery!.at).toBeLessThanOrEqual(300_000);
  }, 180_000);
});

describe('requests to rejoin across a restart', () => {
  it('are in the class\'s log: the restored dashboard shows them, the asking page gets its answer, and an answer is collected once', async () => {
    const srv = await start();
    const k = await makeClass(srv.base, TWO_SEATS, ['Ann', 'Ben']);
    k.students[0].client.close();
    await k.students[0].client.closed;
    // Ann on another device asks twice (two pages); Ben's name once
    const a1 = (await post(srv.base, '/api/join', { code: k.code, label: 'Ann' })).json.request as string;
    const a2 = (await post(srv.base, '/api/join', { code: k.code, label: 'Ann' })).json.request as string;
    k.students[1].client.close();
    await k.students[1].client.closed;
    const b1 = (await post(srv.base, '/api/join', { code: k.code, label: 'Ben' })).json.request as string;
    const before = (await state(k.teacher)).requests;
    expect(before.map((r) => [r.label, r.country])).toEqual([['Ann', 'JPN'], ['Ann', 'JPN'], ['Ben', 'CHN']]);
    // the teacher allows Ann's second page and refuses Ben's; then the server restarts before either page asks again
    expect((await k.teacher.call('admit', [hashToken(a2), true])).ok).toBe(true);
    expect((await k.teacher.call('admit', [hashToken(b1), false])).ok).toBe(true);
    await stop(srv);
    const again = await start({ store: srv.store, skew: 5000 });
    const teacher = await open(again.base, k.teacherToken);
    // still waiting: Ann's first page, with the same id, its waiting time counted from when it asked
    const after = (await state(teacher)).requests;
    expect(after).toEqual([{ ...before[0], seconds: after[0].seconds }]);
    expect(after[0].seconds).toBeGreaterThanOrEqual(5);
    expect((await post(again.base, '/api/join', { code: k.code, label: 'Ann', request: a1 })).status).toBe(202);
    // the answers given before the restart reach their pages
    const refused = await post(again.base, '/api/join', { code: k.code, label: 'Ben', request: b1 });
    expect(refused.status).toBe(403);
    const allowed = await post(again.base, '/api/join', { code: k.code, label: 'Ann', request: a2 });
    expect(allowed.status).toBe(200);
    expect(allowed.json).toMatchObject({ student: 's1', country: 'JPN' });
    // collected: after another restart the same id does not get a second seat token, it only asks again
    await stop(again);
    const third = await start({ store: srv.store, skew: 10_000 });
    const replay = await post(third.base, '/api/join', { code: k.code, label: 'Ann', request: a2 });
    expect(replay.status).toBe(202);
    expect(replay.json.request).not.toBe(a2);
    // and the log holds no id that gets a seat, only hashes
    const log = JSON.stringify(await srv.store.events(k.classId));
    for (const s of [a1, a2, b1]) expect(log).not.toContain(s);
  }, 180_000);
});
