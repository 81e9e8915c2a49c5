// Tokens that run out while their page is open (a student's and the projector's 24 hours, the teacher's 30 days): the
// socket is closed then, told why and what to do, and the dashboard gets a new projector link; a wait longer than a
// timer allows is taken in steps.
import { describe, expect, it } from 'vitest';
import { post } from './classroom/client.ts';
import { TWO_SEATS, useServers } from './classroom/fixtures.ts';
import { EXPIRED, scheduleAt } from '../src/server/access.ts';

const { start, open, makeClass } = useServers();

describe('tokens that expire while their page is open', () => {
  it('a student\'s and the projector\'s sockets are closed at their 24 hours, each told what to do; the dashboard gets a new projector link', async () => {
    const srv = await start();
    const k = await makeClass(srv.base, TWO_SEATS, ['Ann']);
    const ann = k.students[0];
    const projector = await open(srv.base, k.projectorToken);
    expect(projector.hello?.role).toBe('projector');
    // half a day in, the dashboard's projector link is kept as it is
    srv.advance(11 * 3600_000);
    expect((await k.teacher.call('projectorLink', [k.projectorToken])).value).toBe(k.projectorToken);
    srv.advance(13 * 3600_000 - 60_000);
    expect((await ann.client.call('snapshot')).ok).toBe(true);
    const sent = { ann: ann.client.raw.length, proj: projector.raw.length };
    // the 24 hours end: both sockets are closed then, without waiting for a message of theirs, each told why and what
    // to do; the class goes on (the teacher's link lasts 30 days)
    srv.advance(2 * 60_000);
    const [annClosed, projClosed] = await Promise.all([ann.client.closed, projector.closed]);
    expect([annClosed.code, projClosed.code]).toEqual([4401, 4401]);
    expect(JSON.parse(ann.client.raw.at(-1)!)).toEqual({ ok: false, status: 401, error: EXPIRED.seat, code: 'expired', params: { role: 'seat' } });
    expect(ann.client.raw.length).toBe(sent.ann + 1);
    expect(JSON.parse(projector.raw.at(-1)!)).toEqual({ ok: false, status: 401, error: EXPIRED.projector, code: 'expired', params: { role: 'projector' } });
    expect(projector.raw.length).toBeLessThanOrEqual(sent.proj + 2); // a state push at most, then the reason
    expect(EXPIRED.seat).toMatch(/join with the class code and the same name/);
    expect((await k.teacher.call('state')).ok).toBe(true);
    // the dashboard asks for the projector link again: a new one, which opens the class
    const renewed = (await k.teacher.call('projectorLink', [k.projectorToken])).value as string;
    expect(renewed).not.toBe(k.projectorToken);
    expect((await open(srv.base, renewed)).hello?.role).toBe('projector');
    // Ann joins again under her name from the page that lost its seat: her teacher is asked
    const j = await post(srv.base, '/api/join', { code: k.code, label: 'Ann', token: ann.token });
    expect(j.json).toMatchObject({ pending: true });
  }, 120_000);

  it('a wait longer than a timer allows (a teacher\'s 30 days) is taken in steps: nothing runs before its time', () => {
    let t = 0;
    const timers: { at: number; f: () => void }[] = [];
    // a schedule that fires at most 10 units ahead, as setTimeout does at 2^31 ms
    const schedule = (at: number, f: () => void) => (timers.push({ at: Math.min(at, t + 10), f }), () => void timers.splice(0));
    const ran: number[] = [];
    const cancel = scheduleAt(schedule, () => t, 25, () => ran.push(t));
    for (t = 1; t <= 30 && !ran.length; t++) for (const x of timers.splice(0)) if (x.at <= t) x.f(); else timers.push(x);
    expect(ran).toEqual([25]);
    scheduleAt(schedule, () => t, 100, () => ran.push(t))();
    expect(timers).toEqual([]);
    cancel();
  });
});
