// Idle time counts from the round's start: a student who joined early and waited in the lobby is not idle when the
// teacher begins (the dashboard showed "idle 56 s" at once). The bot's timer already counted so; the dashboard now
// counts the same way. On the server's clock (the test moves it and ticks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClass, startTestServer, type TestServer } from './classroom/server.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
}, 60_000);
afterAll(async () => {
  await srv?.close();
});

type TS = { worlds: { seats: { country: string; bot: boolean; warned: boolean; drafted?: boolean; students: { label: string; idleSeconds: number }[] }[] }[] };

describe('idle time', () => {
  it('counts from the round’s start, not from the lobby: on the dashboard and for the bot that takes an idle seat', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 3, roundSeconds: 600, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 30 }, ['Ann', 'Ben']);
    // both wait in the lobby for two minutes, doing nothing
    srv.advance(120_000);
    await srv.hub.tick();
    expect((await k.teacher.call('begin')).error).toBeUndefined();
    await srv.hub.tick();
    const seat = async (c: string) => ((await k.teacher.call('state')).value as TS).worlds[0].seats.find((s) => s.country === c)!;
    const jpn = await seat('JPN');
    expect(jpn).toMatchObject({ bot: false, warned: false });
    expect(jpn.students[0].idleSeconds).toBeLessThan(5);
    // 20 s into the round: warned (60% of the grace period), and the dashboard says 20 s
    srv.advance(20_000);
    await srv.hub.tick();
    const later = await seat('JPN');
    expect(later).toMatchObject({ bot: false, warned: true });
    expect(Math.abs(later.students[0].idleSeconds - 20)).toBeLessThan(3);
    // a pause takes the warning back (nothing happens in a pause, and the idle count starts again on resume: the
    // paused student read "a bot will take this seat soon", the dashboard "warned" after the resume)
    expect((await k.teacher.call('pause')).ok).toBe(true);
    expect(await seat('JPN')).toMatchObject({ bot: false, warned: false });
    srv.advance(60_000);
    await srv.hub.tick();
    expect((await k.teacher.call('resume')).ok).toBe(true);
    await srv.hub.tick();
    expect(await seat('JPN')).toMatchObject({ bot: false, warned: false });
    // past the grace period after the resume: warned at 60%, then the bot plays the seat
    srv.advance(20_000);
    await srv.hub.tick();
    expect(await seat('JPN')).toMatchObject({ bot: false, warned: true });
    srv.advance(15_000);
    await srv.hub.tick();
    expect(await seat('JPN')).toMatchObject({ bot: true });
    // Ben sends China's orders: every seat a student plays is in, and the round is played with the bot for Japan. The
    // dashboard says a bot played Japan (it said "all submitted" and nothing else), and Ann's page, once she is back,
    // that the last round's moves were the bot's (her digest called them "your moves")
    const [ann, ben] = k.students;
    await new Promise<void>((acked) => void ben.client.call('submit', [{}, 0], acked));
    await srv.hub.tick();
    const w = async () => ((await k.teacher.call('state')).value as { worlds: { turn: number; lastReason: string; lastMissed: string[]; lastIdle: string[] }[] }).worlds[0];
    await expect.poll(async () => (await w()).turn).toBe(1);
    expect(await w()).toMatchObject({ lastReason: 'all-submitted', lastMissed: [], lastIdle: ['JPN'] });
    // (the wait is set before the call: the push can come before the call's reply, and a wait set after it missed it)
    const back = ann.client.waitFor((m) => m.push === 'status' && (m.value as { bot: boolean; turn: number }).bot === false && (m.value as { turn: number }).turn === 1);
    await ann.client.call('validate', [{}]); // anything she does takes her seat back
    const status = (await back) as { value: { botLast: boolean; missedLast: boolean; botTurns: number[] } };
    expect(status.value).toMatchObject({ botLast: true, missedLast: false });
    // the turns her seat's bot played, for the notes on each digest she has not read (a stack of them, after rounds away)
    expect(status.value.botTurns).toEqual([1]);
    // the teacher swaps them: Ben, now in Japan's seat, is not told its bot played "while you were away" (he was in
    // China's), and his end screen will not count Japan's bot quarter; Ann, now China's, carries none of it either
    const cls = srv.hub.classes.get(k.classId)!;
    const id = (label: string) => [...cls.students.values()].find((s) => s.label === label)!.id;
    expect((await k.teacher.call('move', [id('Ann'), 0, 'CHN', id('Ben')])).error).toBeUndefined();
    const { seatStatus } = await import('../src/server/views.ts');
    expect(seatStatus(cls, id('Ben'), srv.hub.now())).toMatchObject({ country: 'JPN', botLast: false, missedLast: false, botTurns: [] });
    expect(seatStatus(cls, id('Ann'), srv.hub.now())).toMatchObject({ country: 'CHN', botLast: false, botTurns: [] });
    for (const c of [k.teacher, ...k.students.map((s) => s.client)]) c.close();
  }, 60_000);

  // A classroom walkthrough: a student changed China's controls, did not press End turn, and read for the grace period;
  // the bot took the seat and played its own moves, the draft lost unseen, and once bots filled every seat still out
  // the round ended early. A seat with a draft of this round's is not idle: it waits for End turn or the clock.
  it('takes no seat whose students have a draft this round: no warning, no bot, the round waits for the clock', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 3, roundSeconds: 300, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 30 }, ['Ann', 'Ben']);
    expect((await k.teacher.call('begin')).error).toBeUndefined();
    const [ann, ben] = k.students;
    expect(await ann.client.call('validate', [{ tariffs: { CHN: { other: 12 } } }])).toMatchObject({ ok: true });
    // Ben's draft holds nothing (an investment added and taken out again): it does not keep his seat (a review)
    expect(await ben.client.call('validate', [{ investments: [] }])).toMatchObject({ ok: true });
    const cls = srv.hub.classes.get(k.classId)!;
    await expect.poll(() => cls.seat(0, 'CHN').draft).toEqual({ investments: [] });
    const seat = async (c: string) => ((await k.teacher.call('state')).value as TS).worlds[0].seats.find((s) => s.country === c)!;
    const w = async () => ((await k.teacher.call('state')).value as { worlds: { turn: number; lastReason: string; lastMissed: string[]; lastIdle: string[] }[] }).worlds[0];
    // Ben, with no draft, is warned and then played by the bot; Ann, with hers, is neither, however long she reads
    srv.advance(20_000);
    await srv.hub.tick();
    expect(await seat('JPN')).toMatchObject({ bot: false, warned: false });
    expect(await seat('CHN')).toMatchObject({ bot: false, warned: true });
    srv.advance(100_000);
    await srv.hub.tick();
    // (the dashboard says why: its changes are not sent)
    expect(await seat('JPN')).toMatchObject({ bot: false, warned: false, drafted: true });
    expect(await seat('CHN')).toMatchObject({ drafted: false });
    expect(await seat('CHN')).toMatchObject({ bot: true });
    // every other seat is a bot's, and the round still waits for Japan
    expect((await w()).turn).toBe(0);
    // the clock ends it: Japan missed the round (its draft was never sent, as the bar's warning says), China idle
    srv.advance(200_000);
    await srv.hub.tick();
    await expect.poll(async () => (await w()).turn).toBe(1);
    expect(await w()).toMatchObject({ lastReason: 'clock', lastMissed: ['JPN'], lastIdle: ['CHN'] });
    for (const c of [k.teacher, ann.client, ben.client]) c.close();
  }, 60_000);
});

