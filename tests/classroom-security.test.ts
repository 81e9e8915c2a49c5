// The classroom's security rules, each shown on the wire: tokens by role (a seat submits only for its own seat, a
// projector cannot submit, revoked and expired tokens get 401), a student receives only its own country's view,
// join codes are rate-limited, a connection's messages are rate-limited, and bad messages get a clear error and change
// nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, post } from './classroom/client.ts';
import { makeClass, startTestServer, type TestClass, type TestServer } from './classroom/server.ts';
import { toCsv } from '../src/server/debrief.ts';
import { MESSAGE_RATE } from '../src/server/sockets.ts';
import { EXPIRED } from '../src/server/access.ts';
import { parseTrustProxy } from '../src/server/app.ts';

let srv: TestServer;
let k: TestClass;
const events = async () => (await srv.store.events(k.classId)).length;

beforeAll(async () => {
  srv = await startTestServer();
  // JPN, CHN, USA in world 1, JPN in world 2
  k = await makeClass(srv.base, { worlds: 2, turns: 3, roundSeconds: 60, seatsPerCountry: 1, countries: ['JPN', 'CHN', 'USA'], idleGraceSeconds: 0 }, ['Ann', 'Ben', 'Cat', 'Dan', 'Eve', 'Fay']);
  expect((await k.teacher.call('begin')).ok).toBe(true);
}, 60_000);
afterAll(async () => {
  await srv?.close();
});

const seat = (label: string) => k.students.find((s) => s.label === label)!;

describe('tokens', () => {
  it('places students balanced and a seat token submits only for its own country in its own world', async () => {
    expect(k.students.map((s) => `${s.world}${s.country}`)).toEqual(['0JPN', '1JPN', '0CHN', '1CHN', '0USA', '1USA']);
    // a third argument (another country, say) is refused by the message schema, and nothing is written
    const before = await events();
    const mine = { tariffs: { CHN: { other: 5 } } };
    const bad = await seat('Ann').client.call('submit', [mine, 0, 'CHN']);
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/submit/);
    expect(await events()).toBe(before);
    // Ann's orders land on JPN in world 1 and nowhere else
    let sub: Promise<unknown> = Promise.resolve();
    await new Promise<void>((acked) => (sub = seat('Ann').client.call('submit', [mine, 0], acked)));
    const cls = srv.hub.classes.get(k.classId)!;
    expect(cls.seat(0, 'JPN').submitted?.orders).toEqual(mine);
    expect(cls.seat(1, 'JPN').submitted).toBeNull();
    expect(cls.seat(0, 'CHN').submitted).toBeNull();
    void sub;
  });

  it('a projector token cannot submit, and neither a seat nor a projector can use the teacher\'s controls', async () => {
    const p = await connect(srv.base, k.projectorToken);
    expect(p.hello?.role).toBe('projector');
    const r = await p.call('submit', [{}, 0]);
    expect(r).toMatchObject({ ok: false, status: 403 });
    expect((await p.call('endRound', [null])).status).toBe(403);
    expect((await seat('Ben').client.call('endRound', [null])).status).toBe(403);
    expect((await seat('Ben').client.call('move', ['s1', 1, 'CHN'])).status).toBe(403);
    // the projector's state has no seat's draft, budget or students' names
    const st = JSON.stringify((await p.call('state')).value);
    expect(st).not.toMatch(/budget|draft|Ann|stockpile/);
    p.close();
  });

  it('a revoked token gets 401: its open socket is closed, and it can neither reconnect nor download', async () => {
    const fay = seat('Fay');
    const closed = fay.client.closed;
    const r = await k.teacher.call('revoke', [srv.hub.classes.get(k.classId)!.students.get('s6')!.id]);
    expect(r.ok).toBe(true);
    expect((await closed).code).toBe(4401);
    const again = await connect(srv.base, fay.token);
    expect(again.hello).toBeNull();
    expect(JSON.parse(again.raw[0])).toMatchObject({ ok: false, status: 401, error: 'your teacher took you out of this seat: join again with the class code and your name, and your teacher will be asked to let you back in' });
    expect((await again.closed).code).toBe(4401);
    const dl = await fetch(`${srv.base}/api/classes/${k.classId}/export.csv`, { headers: { authorization: `Bearer ${fay.token}` } });
    expect(dl.status).toBe(401);
    // a seat token is not a teacher's
    const dl2 = await fetch(`${srv.base}/api/classes/${k.classId}/export.csv`, { headers: { authorization: `Bearer ${seat('Ann').token}` } });
    expect(dl2.status).toBe(403);
  });

  it('an expired token gets 401', async () => {
    // a server of its own: moving the clock 25 hours on closes the open sockets whose tokens run out (the shared
    // class's students among them)
    const own = await startTestServer();
    try {
      const o = await makeClass(own.base, { worlds: 1, turns: 3, roundSeconds: 60, seatsPerCountry: 1, countries: ['JPN', 'CHN'], idleGraceSeconds: 0 }, ['Dan']);
      o.students[0].client.close();
      own.advance(25 * 3600_000); // seat and projector tokens live 24 hours
      const c = await connect(own.base, o.students[0].token);
      expect(JSON.parse(c.raw[0])).toMatchObject({ status: 401, error: EXPIRED.seat });
      // the teacher's (30 days) still works
      const t = await connect(own.base, o.teacherToken);
      expect(t.hello?.role).toBe('teacher');
      t.close();
      o.teacher.close();
    } finally {
      await own.close();
    }
  });
});

describe('what a student receives', () => {
  it('only its own country\'s view: no other country\'s budget, stocks or draft', async () => {
    const ann = seat('Ann').client;
    const from = ann.raw.length;
    // Cat (CHN, the same world) drafts a tariff with a value nobody else uses
    const v = await seat('Cat').client.call('validate', [{ tariffs: { JPN: { other: 37.25 } } }]);
    expect(srv.hub.classes.get(k.classId)!.seat(0, 'CHN').draft).toEqual({ tariffs: { JPN: { other: 37.25 } } });
    expect(v).toMatchObject({ ok: true, value: [] });
    await ann.call('snapshot');
    await new Promise((r) => setTimeout(r, 150)); // the pushes after the draft
    // world 1 resolves: Cat and Eve submit (Ann already has)
    const done = await Promise.all([seat('Cat').client.call('submit', [{ tariffs: { JPN: { other: 37.25 } } }, 0]), seat('Eve').client.call('submit', [{}, 0])]);
    expect(done.map((d) => (d.value as { ok: boolean; value: { turn: number } }).value.turn)).toEqual([1, 1]);
    expect(srv.hub.classes.get(k.classId)!.worlds[0].orders[0].CHN).toEqual({ tariffs: { JPN: { other: 37.25 } } });
    await new Promise((r) => setTimeout(r, 300)); // Ann's own submit is answered with the new turn
    const beforeTurn = ann.raw.slice(from).filter((t) => !t.includes('"turn":1'));
    expect(beforeTurn.join('\n')).not.toContain('37.25');
    // every message Ann received: views hold other countries without budget, stockpile or inventory; summaries
    // hold only her own stockpile and budget
    let views = 0;
    const walk = (x: unknown): void => {
      if (!x || typeof x !== 'object') return;
      const o = x as Record<string, unknown>;
      if (o.others && o.self) {
        views++;
        expect(Object.keys(o.others as object).sort()).toEqual(['AUS', 'CHN', 'MYS', 'ROW', 'USA']);
        for (const r of Object.values(o.others as Record<string, Record<string, unknown>>)) {
          expect(r).not.toHaveProperty('budget');
          expect(r).not.toHaveProperty('stockpile');
          expect(r).not.toHaveProperty('inventory');
        }
      }
      if (o.stockpiles) expect(Object.keys(o.stockpiles as object)).toEqual(['JPN']);
      if (o.countries && (o.countries as Record<string, unknown>).CHN) for (const c of ['AUS', 'CHN', 'MYS', 'USA']) expect((o.countries as Record<string, object>)[c]).not.toHaveProperty('budgetUsdBn');
      Object.values(o).forEach(walk);
    };
    ann.raw.forEach((t) => walk(JSON.parse(t)));
    expect(views).toBeGreaterThanOrEqual(2);
  });
});

describe('bad input', () => {
  it('a bad message gets a clear error and changes nothing', async () => {
    const ben = seat('Ben').client;
    const before = await events();
    const answer = ben.waitFor((m) => m.error === 'the message is not JSON');
    ben.send('not json');
    expect(await answer).toMatchObject({ ok: false, error: 'the message is not JSON' });
    expect(await ben.call('teleport', [])).toMatchObject({ ok: false, status: 400, error: 'no method "teleport"' });
    expect(await ben.call('replayTurn', ['x'])).toMatchObject({ ok: false, status: 400 });
    const r = await ben.call('submit', [{ tariffs: { CHN: { autos: 900 } } }, 0]);
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ ok: false, error: 'some orders are not valid' });
    expect(JSON.stringify(r.value)).toContain('$.JPN.tariffs.CHN.autos');
    const stale = await ben.call('submit', [{}, 5]);
    expect((stale.value as { error: string }).error).toMatch(/this round has ended: your orders were for turn 6, and the world is at turn 1/);
    const big = await post(srv.base, '/api/classes', { worlds: 99 });
    expect(big.status).toBe(400);
    expect(big.json.error).toMatch(/worlds/);
    expect((await post(srv.base, '/api/classes', { scenarioId: '../../etc/passwd' })).status).toBe(400);
    // nothing changed but the refused End turn's own record (the dashboard's "refused", kept in the log for a restart)
    const log = await srv.store.events(k.classId);
    expect(log.slice(before).map((e) => [e.type, e.data])).toEqual([['refuse', { world: seat('Ben').world, turn: 0, country: 'JPN' }]]);
  });

  it('the CSV export does not let a student\'s name run as a spreadsheet formula', () => {
    expect(toCsv([{ students: '=HYPERLINK("x")', score: -1.5, orders: '{"a":1}' }])).toBe('students,score,orders\n"\'=HYPERLINK(""x"")",-1.5,"{""a"":1}"\n');
  });

  it('join codes are rate-limited against guessing', async () => {
    let limited = 0;
    let notFound = 0;
    for (let i = 0; i < 25; i++) {
      const r = await post(srv.base, '/api/join', { code: `ZZZZ${String(i).padStart(2, '0')}`, label: 'guess' });
      if (r.status === 429) limited++;
      if (r.status === 404) notFound++;
    }
    expect(notFound).toBe(20);
    expect(limited).toBe(5);
  });

  it('behind a trusted proxy (TRUST_PROXY) the join limit counts each client, not the proxy; an untrusted one is ignored', async () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy(' loopback, 10.0.0.0/8 ')).toBe('loopback,10.0.0.0/8');
    expect(() => parseTrustProxy('loopback,proxy.example')).toThrow(/TRUST_PROXY: "proxy.example" is not/);
    const guesses = async (app: TestServer['app'], from: string) => {
      const st: number[] = [];
      for (let i = 0; i < 21; i++) st.push((await app.inject({ method: 'POST', url: '/api/join', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': from }, payload: { code: `QQQQ${String(i).padStart(2, '0')}`, label: 'guess' } })).statusCode);
      return st;
    };
    const trusted = await startTestServer({ trustProxy: 'loopback' });
    const plain = await startTestServer();
    try {
      // two students behind the same proxy: the first one's wrong codes do not lock the second out
      expect((await guesses(trusted.app, '198.51.100.7')).filter((x) => x === 429)).toHaveLength(1);
      expect((await guesses(trusted.app, '198.51.100.8')).filter((x) => x === 429)).toHaveLength(1);
      // without TRUST_PROXY the header is not believed: both are the proxy's address, one shared allowance
      expect((await guesses(plain.app, '198.51.100.7')).filter((x) => x === 429)).toHaveLength(1);
      expect((await guesses(plain.app, '198.51.100.8')).filter((x) => x === 429)).toHaveLength(21);
    } finally {
      await trusted.close();
      await plain.close();
    }
  });

  it('a connection that floods the socket gets "too many messages" for the excess, unprocessed, and goes on after a pause', async () => {
    const before = await events();
    const t0 = performance.now();
    const c = await connect(srv.base, seat('Ann').token); // a new connection: a full allowance, less its hello
    expect(c.hello?.role).toBe('seat');
    const n = 2 * MESSAGE_RATE.burst;
    const answers = await Promise.all(Array.from({ length: n }, () => c.call('scenarios')));
    const seconds = (performance.now() - t0) / 1000;
    const served = answers.filter((a) => a.ok).length;
    const refused = answers.filter((a) => !a.ok);
    // the burst (less the hello) is served, plus what refilled while the messages came in, and nothing more
    expect(served).toBeGreaterThanOrEqual(MESSAGE_RATE.burst - 1);
    expect(served).toBeLessThanOrEqual(MESSAGE_RATE.burst - 1 + Math.ceil(MESSAGE_RATE.perSecond * seconds));
    expect(refused.length).toBe(n - served);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r).toMatchObject({ ok: false, status: 429, error: expect.stringMatching(new RegExp(`^too many messages: at most ${MESSAGE_RATE.perSecond} a second`)) });
    expect(await events()).toBe(before);
    // a second later the connection (still open) is served again
    await new Promise((r) => setTimeout(r, 1000));
    const again = await Promise.all(Array.from({ length: 10 }, () => c.call('scenarios')));
    expect(again.every((a) => a.ok)).toBe(true);
    c.close();
  });
});
