// Playing a class on the wire: two students on one country share one live draft and the captain rule decides whose
// submission stands; the teacher moves students between worlds and countries before and during play; and the round
// clock's controls: pause, resume, +1 minute, end the round now, and skip one world's round; the class ended early, as
// every screen's view says it; the network addresses a join link uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Client } from './classroom/client.ts';
import { makeClass, memoryStore, startTestServer, type TestServer } from './classroom/server.ts';
import { EXPORT_COLUMNS, exportRows } from '../src/server/debrief.ts';
import { lanAddresses, listenAddresses } from '../src/server/app.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer(); // no clock of its own: the test moves it and ticks
}, 60_000);
afterAll(async () => {
  await srv?.close();
});

type Status = { clock: { paused: boolean }; world: number; country: string; turn: number; draft: unknown; submitted: { by: string; final: boolean } | null; waitingFor: string[]; members: string[]; captain: string | null };
const statusOf = (c: Client) => [...c.pushes].reverse().find((p) => p.push === 'status')?.value as Status | undefined;
/** The latest status push that passes, now or when it comes. */
async function status(c: Client, pred: (s: Status) => boolean): Promise<Status> {
  const now = statusOf(c);
  if (now && pred(now)) return now;
  return (await c.waitFor((m) => m.push === 'status' && pred(m.value as Status))).value as Status;
}
/** within two seconds (the server's clock runs on between a reply and the test's reading) */
const near = (a: number, b: number) => Math.abs(a - b) < 2000;
const ok = <T>(r: { ok: boolean; value?: unknown; error?: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value as T;
};

describe('two students on one country', () => {
  it('share the live draft; without a captain the last submission before the deadline stands; a captain\'s submission decides', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 3, roundSeconds: 300, countries: ['JPN', 'CHN'], seatsPerCountry: 2, idleGraceSeconds: 0 }, ['Ann', 'Ben', 'Cat']);
    expect(k.students.map((s) => s.country)).toEqual(['JPN', 'CHN', 'JPN']); // Ann and Cat share Japan
    const [ann, ben, cat] = k.students.map((s) => s.client);
    const cls = srv.hub.classes.get(k.classId)!;
    ok(await k.teacher.call('begin'));
    expect((await status(ann, (s) => s.members.length === 2)).members).toEqual(['Ann', 'Cat']);

    // Ann's draft reaches Cat live, and Cat's edit reaches Ann; Ben (China) never sees Japan's draft
    const a1 = { tariffs: { CHN: { autos: 11 } } };
    expect(ok(await ann.call('validate', [a1]))).toEqual([]);
    expect((await status(cat, (s) => JSON.stringify(s.draft) === JSON.stringify(a1))).draft).toEqual(a1);
    const c1 = { tariffs: { CHN: { autos: 11, magnets: 4 } } };
    expect(ok(await cat.call('validate', [c1]))).toEqual([]);
    expect((await status(ann, (s) => JSON.stringify(s.draft) === JSON.stringify(c1))).draft).toEqual(c1);
    expect(ben.raw.some((m) => m.includes('"magnets":4'))).toBe(false);

    // no captain: Ann submits, then Cat submits other orders; the round ends on the clock with Cat's (the last)
    await new Promise<void>((acked) => void ann.call('submit', [a1, 0], acked));
    expect((await status(cat, (s) => s.submitted !== null)).submitted).toEqual({ by: 'Ann', final: true });
    await new Promise<void>((acked) => void cat.call('submit', [c1, 0], acked));
    expect(cls.seat(0, 'JPN').submitted?.by).toBe(cls.seat(0, 'JPN').students[1]);
    expect(cls.worlds[0].turn).toBe(0); // China (Ben) is still out
    srv.advance(cls.rounds[0].deadline! - srv.hub.now() + 100);
    await srv.hub.tick();
    expect(cls.worlds[0].turn).toBe(1);
    expect(cls.lastReason[0]).toBe('clock');
    expect(cls.worlds[0].orders[0].JPN).toEqual(c1);

    // a captain (Cat): Ann's submission is a proposal only; the world waits for the captain's
    const catId = cls.seat(0, 'JPN').students[1];
    ok(await k.teacher.call('captain', [0, 'JPN', catId]));
    expect((await status(ann, (s) => s.captain === 'Cat')).captain).toBe('Cat');
    await new Promise<void>((acked) => void ben.call('submit', [{}, 1], acked));
    const a2 = { tariffs: { CHN: { autos: 30 } } };
    await new Promise<void>((acked) => void ann.call('submit', [a2, 1], acked));
    const s2 = await status(cat, (s) => s.submitted?.by === 'Ann');
    expect(s2.submitted).toEqual({ by: 'Ann', final: false });
    expect(s2.waitingFor).toEqual(['JPN']);
    expect(cls.worlds[0].turn).toBe(1);
    const c2 = { tariffs: { CHN: { autos: 15 } } };
    const r = ok<{ ok: boolean; value: { turn: number } }>(await cat.call('submit', [c2, 1]));
    expect(r.value.turn).toBe(2);
    expect(cls.lastReason[0]).toBe('all-submitted');
    expect(cls.worlds[0].orders[1].JPN).toEqual(c2);
  }, 60_000);
});

describe('the teacher moves students', () => {
  it('before play and during a round: the seat, the student\'s view and where their orders go all follow', async () => {
    const k = await makeClass(srv.base, { worlds: 2, turns: 3, roundSeconds: 300, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann', 'Ben', 'Cat']);
    const cls = srv.hub.classes.get(k.classId)!;
    const id = (label: string) => [...cls.students.values()].find((s) => s.label === label)!.id;
    const [ann, ben, cat] = k.students;
    expect([ann, ben, cat].map((s) => `${s.world}${s.country}`)).toEqual(['0JPN', '1JPN', '0CHN']);

    // in the lobby: Cat from world 1 China to world 2 China; her old seat goes to a bot, her new one is hers
    const moved = cat.client.waitFor((m) => m.push === 'moved');
    ok(await k.teacher.call('move', [id('Cat'), 1, 'CHN']));
    expect((await moved).value).toEqual({ world: 1, country: 'CHN' });
    expect(cls.seat(0, 'CHN')).toMatchObject({ students: [], bot: true });
    expect(cls.seat(1, 'CHN')).toMatchObject({ students: [id('Cat')], bot: false });
    expect(await status(cat.client, (s) => s.world === 1)).toMatchObject({ world: 1, country: 'CHN' });
    // a seat that does not exist is refused with its name
    expect((await k.teacher.call('move', [id('Cat'), 5, 'CHN'])).error).toMatch(/world/);

    // during round 1: Ann (world 1 Japan) drafts, then the teacher tries to move her to world 2 Japan... which Ben
    // holds, and a country has one student here: refused, naming the seat and who holds it; nobody moved
    ok(await k.teacher.call('begin'));
    expect(ok(await ann.client.call('validate', [{ tariffs: { CHN: { other: 3 } } }]))).toEqual([]);
    const full = await k.teacher.call('move', [id('Ann'), 1, 'JPN']);
    expect(full).toMatchObject({ ok: false, status: 409 });
    expect(full.error).toBe("world 2 Japan is full (1 student per country): Ben holds it. Swap Ann with Ben ('swap with …' in the menu), or move them out first.");
    expect(cls.seat(1, 'JPN').students).toEqual([id('Ben')]);
    expect(cls.seat(0, 'JPN').students).toEqual([id('Ann')]);
    // a swap with a student who does not sit there is refused too
    expect((await k.teacher.call('move', [id('Ann'), 1, 'JPN', id('Cat')])).error).toBe('Cat no longer sits at world 2 Japan (Ben does): nobody was moved');
    // the swap: Ann to world 2 Japan, Ben to world 1 Japan; each is told
    const annMoved = ann.client.waitFor((m) => m.push === 'moved');
    const benMoved = ben.client.waitFor((m) => m.push === 'moved');
    ok(await k.teacher.call('move', [id('Ann'), 1, 'JPN', id('Ben')]));
    expect((await annMoved).value).toEqual({ world: 1, country: 'JPN' });
    expect((await benMoved).value).toEqual({ world: 0, country: 'JPN' });
    expect(cls.seat(1, 'JPN').students).toEqual([id('Ann')]);
    expect(cls.seat(0, 'JPN').students).toEqual([id('Ben')]);
    const snap = ok<{ config: { country: string }; timelines: { label: string }[] }>(await ann.client.call('snapshot'));
    expect(snap.config.country).toBe('JPN');
    expect(snap.timelines[0].label).toBe('class:2'); // language-neutral: the page words it (labels.ts timelineName)
    expect(await status(ben.client, (s) => s.world === 0)).toMatchObject({ world: 0, country: 'JPN', members: ['Ben'] });
    // Ann's orders go to world 2's Japan
    await new Promise<void>((acked) => void ann.client.call('submit', [{ tariffs: { CHN: { other: 6 } } }, 0], acked));
    expect(cls.seat(1, 'JPN').submitted?.orders).toEqual({ tariffs: { CHN: { other: 6 } } });
    expect(cls.seat(0, 'JPN').submitted).toBeNull();
    const r = ok<{ ok: boolean; value: { turn: number } }>(await cat.client.call('submit', [{}, 0]));
    expect(r.value.turn).toBe(1);
    expect(cls.worlds[1].orders[0].JPN).toEqual({ tariffs: { CHN: { other: 6 } } });
    expect(cls.worlds[0].turn).toBe(0);
  }, 60_000);
});

describe('the round clock', () => {
  it('pause stops the clock, resume restarts it, +1 minute extends it, end the round now, and skip one world\'s round', async () => {
    const k = await makeClass(srv.base, { worlds: 2, turns: 4, roundSeconds: 120, countries: ['JPN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann', 'Ben']);
    const cls = srv.hub.classes.get(k.classId)!;
    type TS = { status: string; worlds: { turn: number; clock: { deadline: number | null; remaining: number | null; paused: boolean }; lastReason: string; lastMissed: string[] }[] };
    const t = (m: string, args: unknown[] = []) => k.teacher.call(m, args);
    expect((await t('pause')).error).toBe('the class is not running');
    ok(await t('begin'));
    const d0 = cls.rounds[0].deadline!;
    expect(d0 - srv.hub.now()).toBeGreaterThan(119_000);

    // +1 minute for every world
    let st = ok<TS>(await t('extend', [60, null]));
    expect(st.worlds.map((w) => w.clock.deadline)).toEqual([d0 + 60_000, d0 + 60_000]);
    // +1 minute for world 2 only
    st = ok<TS>(await t('extend', [60, 1]));
    expect(st.worlds.map((w) => w.clock.deadline! - d0)).toEqual([60_000, 120_000]);

    // pause: time left is kept, the clock does not run out while paused, students see "paused"
    srv.advance(30_000);
    st = ok<TS>(await t('pause'));
    expect(st.status).toBe('paused');
    expect(st.worlds[0].clock.paused).toBe(true);
    expect(near(st.worlds[0].clock.remaining!, d0 + 60_000 - srv.hub.now())).toBe(true);
    const left = st.worlds.map((w) => w.clock.remaining!);
    const paused = (await status(k.students[0].client, (x) => x.clock.paused)) as Status & { status: string };
    expect(paused.status).toBe('paused');
    expect((await t('endRound', [null])).error).toBe('the class is paused: resume it first');
    srv.advance(10 * 60_000);
    await srv.hub.tick();
    expect(cls.worlds.map((w) => w.turn)).toEqual([0, 0]);
    // +1 minute while paused adds to the time left
    st = ok<TS>(await t('extend', [60, null]));
    expect(st.worlds.map((w) => w.clock.remaining)).toEqual(left.map((x) => x + 60_000));
    // resume: the deadline is now + the time that was left
    st = ok<TS>(await t('resume'));
    expect(st.status).toBe('running');
    st.worlds.forEach((w, i) => expect(near(w.clock.deadline! - srv.hub.now(), left[i] + 60_000)).toBe(true));

    // skip world 2's round: only world 2 moves on (Ben had not submitted: his seat keeps its policies)
    st = ok<TS>(await t('endRound', [1]));
    expect(st.worlds.map((w) => w.turn)).toEqual([0, 1]);
    expect(st.worlds[1].lastReason).toBe('teacher');
    expect(st.worlds.map((w) => w.lastMissed)).toEqual([[], ['JPN']]); // the dashboard says whose seat was not in
    expect(cls.worlds[1].orders[0].JPN).toBeUndefined();
    // Ben's page is told his seat was not in (its bar says his draft did not count), until he submits; Ann's is not
    type Missed = Status & { missedLast?: boolean; missed?: string };
    const [annC, benC] = k.students.map((s) => s.client);
    expect(await status(benC, (x) => x.turn === 1)).toMatchObject({ missedLast: true, missed: 'keep' });
    expect((statusOf(annC) as Missed).missedLast).toBe(false);
    // end the round now in every world (Ann's draft is not a submission: her seat keeps its policies)
    expect(ok(await k.students[0].client.call('validate', [{ tariffs: { USA: { other: 4 } } }]))).toEqual([]);
    st = ok<TS>(await t('endRound', [null]));
    expect(st.worlds.map((w) => w.turn)).toEqual([1, 2]);
    expect(st.worlds.map((w) => w.lastReason)).toEqual(['teacher', 'teacher']);
    expect(st.worlds.map((w) => w.lastMissed)).toEqual([['JPN'], ['JPN']]);
    expect(cls.worlds[0].orders[0].JPN).toBeUndefined();
    expect(await status(annC, (x) => x.turn === 1)).toMatchObject({ missedLast: true });
    // the next round's clock starts from a full round
    for (const w of st.worlds) expect(near(w.clock.deadline! - srv.hub.now(), 120_000)).toBe(true);

    // the teacher's "End the round now" names the rounds its confirm was about: a world whose round ended on its own
    // while the confirm was open (its last student sent) is not ended again. It was: the class jumped a round, and the
    // round nobody saw was played with everyone's policies kept (a classroom review, reproduced twice)
    const seen = st.worlds.map((w) => w.turn); // [1, 2]
    st = ok<TS>(await t('endRound', [1, seen]));
    expect(st.worlds.map((w) => w.turn)).toEqual([1, 3]); // as asked: world 2's round 3 ends
    const late = await t('endRound', [1, seen]); // the same question again: world 2 has moved on since it was asked
    expect((late as { code?: string }).code).toBe('roundAlreadyEnded');
    expect(late.error).toBe('round 3 of world 2 already ended: the world is at round 4, and nothing was ended');
    expect(cls.worlds.map((w) => w.turn)).toEqual([1, 3]);
    // every world asked about: the one still at the round seen ends, the one moved on does not
    st = ok<TS>(await t('endRound', [null, seen]));
    expect(st.worlds.map((w) => w.turn)).toEqual([2, 3]);
  }, 60_000);
});

// the review of that fix: rounds of two quarters were numbered as turns ("at round 3" for the class's round 2), and a
// world already over counted as one ended, so the refusal was never said when the other world had moved on
describe("'End the round now' after the round ended on its own, in rounds of two quarters", () => {
  it('names the rounds as the class counts them, and a world over does not hide the refusal', async () => {
    const k = await makeClass(srv.base, { worlds: 2, turns: 2, quartersPerRound: 2, roundSeconds: 300, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann', 'Ben', 'Cy', 'Dee']);
    const cls = srv.hub.classes.get(k.classId)!;
    const t = (m: string, args: unknown[] = []) => k.teacher.call(m, args);
    type TS = { worlds: { turn: number; over: boolean }[] };
    ok(await t('begin'));
    const seen = ok<TS>(await t('state')).worlds.map((w) => w.turn); // [0, 0]
    ok(await t('endRound', [0, seen])); // world 1's round 1 ends: two quarters
    expect(cls.worlds.map((w) => w.turn)).toEqual([2, 0]);
    const late = await t('endRound', [0, seen]);
    expect(late.error).toBe('round 1 of world 1 already ended: the world is at round 2, and nothing was ended');
    // world 1 plays its last round and is over; world 2 moves on while the teacher's confirm about both is open
    ok(await t('endRound', [0]));
    const both = ok<TS>(await t('state')).worlds;
    expect(both.map((w) => w.over)).toEqual([true, false]);
    const asked = both.map((w) => w.turn); // [4, 0]
    ok(await t('endRound', [1, asked]));
    const race = await t('endRound', [null, asked]);
    expect((race as { code?: string }).code).toBe('roundAlreadyEnded');
    expect(cls.worlds.map((w) => w.turn)).toEqual([4, 2]);
  }, 60_000);
});

// a classroom review: a student whose End turn was refused (a defence change over the limit) read "not yet" on the
// dashboard, the same as one who had not tried, and the seat kept its policies when the clock ran out
describe("a student's refused End turn", () => {
  it('shows on the dashboard until an End turn is taken, and only for that round', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 3, roundSeconds: 300, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann', 'Ben']);
    const [ann, ben] = k.students.map((s) => s.client);
    const country = k.students[0].country;
    type Row = { country: string; refused?: boolean; ready: boolean };
    const row = async () => ok<{ worlds: { seats: Row[] }[] }>(await k.teacher.call('state')).worlds[0].seats.find((x) => x.country === country)!;
    ok(await k.teacher.call('begin'));
    expect((await row()).refused).toBe(false);
    const bad = await ann.call('submit', [{ tariffs: { USA: { autos: 900 } } }, 0]);
    expect(bad.value).toMatchObject({ ok: false, error: 'some orders are not valid' });
    expect(await row()).toMatchObject({ refused: true, ready: false });
    // a valid End turn is taken: refused no more
    await new Promise<void>((acked) => void ann.call('submit', [{}, 0], acked));
    expect(await row()).toMatchObject({ refused: false, ready: true });
    // refused again next round, then the round ends: the new round starts clean
    await new Promise<void>((acked) => void ben.call('submit', [{}, 0], acked));
    await status(ann, (x) => x.turn === 1);
    await ann.call('submit', [{ tariffs: { USA: { autos: 900 } } }, 1]);
    expect((await row()).refused).toBe(true);
    ok(await k.teacher.call('endRound', [null]));
    expect((await row()).refused).toBe(false);
  }, 60_000);

  it('outlives a restart of the server (it is in the class log), and an End turn taken after it clears it', async () => {
    const store = await memoryStore();
    const a = await startTestServer({ store });
    const k = await makeClass(a.base, { worlds: 1, turns: 3, roundSeconds: 300, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann', 'Ben']);
    const ann = k.students[0];
    const country = ann.country;
    type Row = { country: string; refused?: boolean; ready: boolean };
    const row = async (t: Client) => ok<{ worlds: { seats: Row[] }[] }>(await t.call('state')).worlds[0].seats.find((x) => x.country === country)!;
    ok(await k.teacher.call('begin'));
    await ann.client.call('submit', [{ tariffs: { USA: { autos: 900 } } }, 0]);
    await ann.client.call('submit', [{ tariffs: { USA: { autos: 901 } } }, 0]); // refused twice: one event
    expect(await row(k.teacher)).toMatchObject({ refused: true, ready: false });
    await expect.poll(async () => (await store.events(k.classId)).filter((e) => e.type === 'refuse').map((e) => e.data)).toEqual([{ world: 0, turn: 0, country }]);
    for (const c of [k.teacher, ...k.students.map((x) => x.client)]) c.close();
    await a.app.close();
    // the same store, a new server: the class is restored from its log
    const b = await startTestServer({ store });
    try {
      const teacher = await connect(b.base, k.teacherToken);
      expect(await row(teacher)).toMatchObject({ refused: true, ready: false });
      const cls = b.hub.classes.get(k.classId)!;
      expect(cls.seat(0, country as 'JPN').refused).toBe(0);
      const again = await connect(b.base, ann.token);
      await new Promise<void>((acked) => void again.call('submit', [{}, 0], acked));
      expect(await row(teacher)).toMatchObject({ refused: false, ready: true });
      teacher.close();
      again.close();
    } finally {
      await b.app.close();
      await store.close();
    }
  }, 60_000);
});

describe('the teacher ends the class before its last round', () => {
  it('every screen\'s view says the world is over after the rounds it played, and waits for nobody', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 3, roundSeconds: 300, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann', 'Ben']);
    const [ann, ben] = k.students.map((s) => s.client);
    const projector = await connect(srv.base, k.projectorToken);
    type W = { over: boolean; played: number; rounds: number; waitingFor: string[] };
    ok(await k.teacher.call('begin'));
    for (const c of [ann, ben]) await new Promise<void>((acked) => void c.call('submit', [{}, 0], acked));
    await status(ann, (s) => s.turn === 1);
    await new Promise<void>((acked) => void ann.call('submit', [{}, 1], acked));
    // mid-round 2: China is still out
    expect(ok<{ worlds: W[] }>(await k.teacher.call('state')).worlds[0]).toMatchObject({ over: false, played: 1, rounds: 3, waitingFor: ['CHN'] });
    const st = ok<{ status: string; worlds: W[] }>(await k.teacher.call('endClass'));
    expect(st.status).toBe('ended');
    expect(st.worlds[0]).toMatchObject({ over: true, played: 1, rounds: 3, waitingFor: [] });
    expect(ok<{ worlds: W[] }>(await projector.call('state')).worlds[0]).toMatchObject({ over: true, played: 1, waitingFor: [] });
    expect(await status(ben, (s) => (s as Status & { status: string }).status === 'ended')).toMatchObject({ over: true, played: 1, rounds: 3, waitingFor: [] });
    // a submit after the end says why it is refused
    expect(ok<{ ok: boolean; error: string }>(await ben.call('submit', [{}, 1]))).toEqual({ ok: false, error: 'the game is over', code: 'gameOver' });
    projector.close();
  }, 60_000);
});

describe('the teacher ends the class before its first round', () => {
  it('the CSV export is its header alone (it was an empty file), the JSONL export empty, the replay refused', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 3, roundSeconds: 300, countries: ['JPN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann']);
    ok(await k.teacher.call('begin'));
    ok(await k.teacher.call('endClass'));
    const get = (path: string) => fetch(`${srv.base}/api/classes/${k.classId}/${path}`, { headers: { authorization: `Bearer ${k.teacherToken}` } });
    expect(await (await get('export.csv')).text()).toBe(`${EXPORT_COLUMNS.join(',')}\n`);
    expect(await (await get('export.jsonl')).text()).toBe('');
    const replay = await get('worlds/1/replay.json');
    expect(replay.status).toBe(409);
    expect(await replay.json()).toMatchObject({ error: 'world 1 has not played a turn yet', code: 'worldNotPlayed' });
    // the header names the columns a played class's rows have, in their order
    const played = await makeClass(srv.base, { worlds: 1, turns: 3, roundSeconds: 300, countries: ['JPN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ben']);
    ok(await played.teacher.call('begin'));
    ok(await played.teacher.call('endRound', [null]));
    const rows = exportRows(srv.hub.classes.get(played.classId)!);
    expect(Object.keys(rows[0])).toEqual(EXPORT_COLUMNS);
    // the share of magnets met is a percent, as the screens and defense_pct_gdp have it (the column held 0.93)
    for (const r of rows) {
      expect(Number(r.magnet_supply_pct)).toBeGreaterThan(1);
      expect(Number(r.magnet_supply_pct)).toBeLessThanOrEqual(100);
    }
    // orders' numbers to 12 significant digits: a persona's defence share read 1.9289999999999998 in the CSV
    const cls = srv.hub.classes.get(played.classId)!;
    cls.worlds[0].orders[0].JPN = { defenseSpendingPct: 1.9289999999999998, tariffs: { CHN: { magnets: 12.5 } } };
    expect(exportRows(cls).find((r) => r.country === 'JPN' && r.turn === 1)!.orders).toBe('{"defenseSpendingPct":1.929,"tariffs":{"CHN":{"magnets":12.5}}}');
    for (const c of [k.teacher, played.teacher, ...k.students.map((s) => s.client), ...played.students.map((s) => s.client)]) c.close();
  }, 60_000);
});

describe('the join address', () => {
  it('/api/lan lists the network addresses the server listens on: none on 127.0.0.1 (HOST=127.0.0.1), whatever this machine has', async () => {
    // the test server listens on 127.0.0.1: the machine's own network address (192.0.2.2, say) would reach nothing
    const r = (await (await fetch(`${srv.base}/api/lan`)).json()) as { addresses: string[]; localOnly: boolean };
    expect(r).toEqual({ addresses: [], localOnly: true });
  });
  it('listenAddresses: every network address on the wildcard, the one named, none on loopback', () => {
    const lan = ['192.168.1.5', '10.0.0.7'];
    for (const h of [undefined, '0.0.0.0', '::']) expect(listenAddresses(h, lan)).toEqual(lan);
    expect(listenAddresses('10.0.0.7', lan)).toEqual(['10.0.0.7']);
    expect(listenAddresses('::ffff:10.0.0.7', lan)).toEqual(['10.0.0.7']);
    for (const h of ['127.0.0.1', '::1', 'localhost', '192.168.9.9']) expect(listenAddresses(h, lan)).toEqual([]);
    // every address this machine has is IPv4 and none is loopback
    for (const a of lanAddresses()) expect(a).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(lanAddresses()).not.toContain('127.0.0.1');
  });
  it('/api/lan answers only a page on the server\'s own machine (no private addresses to the network)', async () => {
    const r = await srv.app.inject({ method: 'GET', url: '/api/lan', remoteAddress: '192.168.1.23' });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toEqual({ error: expect.stringContaining('localhost'), code: 'lanOnly' });
    expect(r.body).not.toMatch(/addresses/);
  });
  it('/api/lan refuses a request a proxy on the same machine passed on (it carries a forwarding header)', async () => {
    for (const [h, v] of [['x-forwarded-for', '203.0.113.9'], ['forwarded', 'for=203.0.113.9'], ['x-real-ip', '203.0.113.9']]) {
      const r = await srv.app.inject({ method: 'GET', url: '/api/lan', remoteAddress: '127.0.0.1', headers: { [h]: v } });
      expect(r.statusCode).toBe(403);
      expect(r.body).not.toMatch(/addresses/);
    }
    // the same loopback caller without the header is answered
    expect((await srv.app.inject({ method: 'GET', url: '/api/lan', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
  });
});
