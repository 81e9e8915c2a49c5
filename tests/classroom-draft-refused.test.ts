// A draft the rules refuse (over a project's limit) is kept as the seat's draft all the same, so a student who reloads
// gets it back with its issues to mend: only valid drafts were kept, and a reload lost the rest without a word. A
// draft that does not parse is still not kept, and a kept draft is never sent as orders; nor is one checked while the
// round resolved kept as the next turn's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './classroom/client.ts';
import { makeClass, startTestServer, type TestServer } from './classroom/server.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

describe("a classroom seat's draft", () => {
  it('keeps one over a limit for a reload, with its issue; not one that does not parse; and sends neither', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 3, roundSeconds: 300, countries: ['JPN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann']);
    const ann = k.students[0]!;
    expect((await k.teacher.call('begin')).ok).toBe(true);
    const cls = srv.hub.classes.get(k.classId)!;

    const over = { investments: [{ type: 'deepSeaMud', units: 4 }] }; // the limit is 3 a country
    const r = await ann.client.call('validate', [over]);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r.value)).toContain('over the limit of 3 per country');
    await expect.poll(() => cls.seat(0, 'JPN').draft).toEqual(over);

    // does not parse (a tariff must be a record of rates): refused with its path, the draft before it stays
    const bad = await ann.client.call('validate', [{ tariffs: 5 }]);
    expect(JSON.stringify(bad.value)).toContain('$.JPN.tariffs');
    expect(cls.seat(0, 'JPN').draft).toEqual(over);

    // a reload: a new connection with the same seat's token gets the draft back
    ann.client.close();
    const again = await connect(srv.base, ann.token);
    const snap = await again.call('snapshot');
    // the snapshot carries the draft's issues, for the page to show as it opens (without sending the draft again)
    const value = snap.value as { draft: unknown; draftIssues?: { path: string; message: string }[] };
    expect(value.draft).toEqual(over);
    expect(value.draftIssues).toEqual([{ country: 'JPN', path: '$.JPN.investments', message: 'deepSeaMud: 4 more units would make 5, over the limit of 3 per country' }]); // Japan holds one (the pilot)

    // the round ends without orders from her: nothing was submitted or logged as an order, and the turn runs with no
    // orders from Japan, not with the draft
    expect(cls.seat(0, 'JPN').submitted).toBeNull();
    expect(cls.orderLog.filter((o) => o.country === 'JPN').map((o) => o.kind)).toEqual(['draft']);
    expect((await k.teacher.call('endRound', [0])).ok).toBe(true);
    await expect.poll(() => cls.worlds[0]!.turn).toBe(1);
    expect(cls.worlds[0]!.orders[0]?.JPN).toBeUndefined();
    again.close();
  });

  it('a draft checked while the round resolves is not kept as the next turn\'s', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 3, roundSeconds: 300, countries: ['JPN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann']);
    const ann = k.students[0]!;
    expect((await k.teacher.call('begin')).ok).toBe(true);
    const cls = srv.hub.classes.get(k.classId)!;
    // the class's lock held by a resolution that waits for a gate; the student's validate queues behind it
    const locks = (srv.hub as unknown as { locks: Map<string, Promise<unknown>> }).locks;
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const held = srv.hub.lock(cls, async () => {
      await gate;
      await srv.hub.resolve(cls, 0, 'teacher');
    });
    const queued = locks.get(k.classId);
    const answer = ann.client.call('validate', [{ tariffs: { CHN: { other: 3 } } }]);
    await expect.poll(() => locks.get(k.classId) !== queued).toBe(true); // the validate waits for the lock
    open();
    await held;
    expect((await answer).ok).toBe(true);
    expect(cls.worlds[0]!.turn).toBe(1);
    expect(cls.seat(0, 'JPN').draft).toBeNull(); // it was turn 1's draft: the new turn starts with none
    expect(cls.orderLog.filter((o) => o.country === 'JPN')).toEqual([]);
  });
});
