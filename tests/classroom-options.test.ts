// Class options on the wire: the sandbox (undo and fork refused in a class unless the teacher turns the sandbox on;
// what-if timelines are the student's own and never touch the class world), and quarters per round (a round is k
// engine turns with the seat's standing policies repeated; the log replays after a restart and each world's replay
// file verifies), the debrief's decisions measured on the worker pool with the same numbers as on this thread, and the
// printed briefings saying how long the class plays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { post, type Client } from './classroom/client.ts';
import { makeClass, startTestServer, type TestServer } from './classroom/server.ts';
import { decisionsOf } from '../src/server/debrief.ts';
import { decisionPoolCompleted } from '../src/server/decision-pool.ts';

const ROOT = new URL('..', import.meta.url).pathname;
let srv: TestServer;

beforeAll(async () => {
  srv = await startTestServer();
}, 60_000);
afterAll(async () => {
  await srv?.close();
});

type Snap = { turn: number; activeTimeline: number; timelines: { id: number; label: string }[]; over: boolean };
/** A push already received, or the next that matches. */
const seen = (c: Client, pred: (m: { push?: string; value?: unknown }) => boolean) => {

  const hit = [...c.pushes].reverse().find((m) => pred(m));
  return hit ? Promise.resolve(hit as Record<string, unknown>) : c.waitFor(pred);
};
const value = <T>(r: { ok: boolean; value?: unknown; error?: string }): T => {
  if (!r.ok) throw new Error(r.error);
  return r.value as T;
};

describe('the sandbox', () => {
  it('undo and fork are refused in a class until the teacher turns the sandbox on; what-ifs are the student\'s own', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 4, roundSeconds: 600, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann', 'Ben']);
    const ann = k.students[0].client;
    const cls = srv.hub.classes.get(k.classId)!;
    expect(cls.config.sandbox).toBe(false);
    value(await k.teacher.call('begin'));
    for (const [m, args, what] of [['undo', [0], 'Undo'], ['fork', [], 'Fork'], ['switchTimeline', [1], 'Switching timelines']] as const) {
      const r = value<{ ok: boolean; error: string }>(await ann.call(m, [...args]));
      expect(r.ok).toBe(false);
      expect(r.error).toBe(`${what} is off in this class: the teacher has not turned on the sandbox (the class plays one shared timeline)`);
    }
    // a student cannot turn it on
    expect((await ann.call('sandbox', [true])).status).toBe(403);

    // the teacher turns it on; the students' status says so
    const st = value<{ sandbox: boolean }>(await k.teacher.call('sandbox', [true]));
    expect(st.sandbox).toBe(true);
    await seen(ann, (m) => m.push === 'status' && (m.value as { sandbox: boolean }).sandbox === true);
    const events = async () => (await srv.store.events(k.classId)).map((e) => e.type);
    expect((await events()).filter((t) => t === 'sandbox')).toHaveLength(1);

    // Ann forks a what-if and plays two rounds there at once; the class world stays at turn 0, nothing is logged
    const before = (await events()).length;
    const f = value<{ ok: true; value: Snap }>(await ann.call('fork'));
    expect(f.value.activeTimeline).toBe(1);
    expect(f.value.timelines.map((t) => t.label)).toEqual(['class:1', 'what-if:A']); // language-neutral: the page words them (labels.ts timelineName)
    let s = value<{ ok: boolean; value: Snap }>(await ann.call('submit', [{ tariffs: { CHN: { autos: 40 } } }, 0]));
    expect(s.ok).toBe(true);
    s = value(await ann.call('submit', [{}, 1]));
    expect(s.value.turn).toBe(2);
    expect(cls.worlds[0].turn).toBe(0);
    expect(cls.seat(0, 'JPN').submitted).toBeNull();
    expect((await events()).length).toBe(before);
    const status = await seen(ann, (m) => m.push === 'status' && (m.value as { whatIf: string | null }).whatIf === 'what-if:A');
    expect((status.value as { turn: number }).turn).toBe(0);
    // undo on the what-if goes back a round; the class world still untouched
    const u = value<{ ok: true; value: Snap }>(await ann.call('undo', [1]));
    expect(u.value.turn).toBe(1);
    expect(u.value.activeTimeline).toBe(1);
    // back to the class world: its own snapshot, with the what-if in the timeline menu
    const back = value<{ ok: true; value: Snap }>(await ann.call('switchTimeline', [0]));
    expect(back.value).toMatchObject({ turn: 0, activeTimeline: 0 });
    expect(back.value.timelines).toHaveLength(2);
    // undo on the class world forks a what-if from an earlier turn instead of changing the shared world
    expect(value<{ ok: boolean; error: string }>(await ann.call('undo', [0])).error).toMatch(/nothing to undo/);

    // on a what-if when the teacher turns the sandbox off: sent back to the class world, and fork is refused again
    value(await ann.call('switchTimeline', [1]));
    const moved = ann.waitFor((m) => m.push === 'moved');
    value(await k.teacher.call('sandbox', [false]));
    await moved;
    expect(value<Snap>(await ann.call('snapshot'))).toMatchObject({ turn: 0, activeTimeline: 0 });
    expect(value<{ error: string }>(await ann.call('fork')).error).toMatch(/^Fork is off in this class/);
  });

  it('a class created as a sandbox has it on from the start', async () => {
    const c = await post(srv.base, '/api/classes', { worlds: 1, sandbox: true });
    expect(c.status).toBe(200);
    expect(srv.hub.classes.get(c.json.classId as string)!.sandbox).toBe(true);
  });
});

describe('quarters per round', () => {
  it('refuses more quarters than the scenario has, naming the limit', async () => {
    const c = await post(srv.base, '/api/classes', { turns: 11, quartersPerRound: 4 });
    expect(c.status).toBe(400);
    expect(c.json.error).toBe('class options: turns: 11 rounds of 4 quarters is 44 turns, and the scenario has 40; at most 10 rounds');
    expect((await post(srv.base, '/api/classes', { quartersPerRound: 3 })).status).toBe(400);
  });

  it('a round of a year is four engine turns: the standing policies repeat, one-off orders do not; the log replays and the replay verifies', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 2, quartersPerRound: 4, roundSeconds: 600, countries: ['JPN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann']);
    const ann = k.students[0].client;
    const cls = srv.hub.classes.get(k.classId)!;
    expect(cls.worlds[0].turns).toBe(8);
    const lobby = value<{ worlds: { round: number; rounds: number; period: string }[] }>(await k.teacher.call('state'));
    expect(lobby.worlds[0]).toMatchObject({ round: 1, rounds: 2, period: '2025Q4–2026Q3' });
    value(await k.teacher.call('begin'));
    const mine = { tariffs: { CHN: { magnets: 25 } }, defenseSpendingPct: 2, investments: [{ type: 'recycling' }] };
    const r1 = value<{ ok: boolean; value: Snap }>(await ann.call('submit', [mine, 0]));

    expect(r1.ok).toBe(true);
    expect(r1.value.turn).toBe(4);
    const world = cls.worlds[0];
    // the digest after the round reads the news and events of all four quarters, not only the last one's
    const rep = (r1.value as unknown as { report: { news: string[]; events: unknown[] } }).report;
    const news = world.reports.slice(0, 4).flatMap((r) => r.news);
    expect(news.length).toBeGreaterThan(world.reports[3].news.length);
    expect(rep.news).toEqual(news);
    expect(rep.events).toEqual(world.reports.slice(0, 4).flatMap((r) => r.events));
    // and the teacher's world card is sent all of them (it lists the weightiest and counts the rest), not the last
    // quarter's first four
    const dash = value<{ worlds: { headline: { news: string[]; events: string[] } }[] }>(await k.teacher.call('state'));
    expect(dash.worlds[0].headline.news).toEqual(news);
    expect(dash.worlds[0].headline.events).toEqual(world.reports.slice(0, 4).flatMap((r) => r.events.map((e) => e.title)));
    expect(world.orders.map((o) => o.JPN)).toEqual([mine, ...Array(3).fill({ tariffs: mine.tariffs, defenseSpendingPct: 2 })]);
    const resolves = (await srv.store.events(k.classId)).filter((e) => e.type === 'resolve').map((e) => e.data as { turn: number; quarter: number; deadline: number | null });
    expect(resolves.map((e) => [e.turn, e.quarter])).toEqual([[1, 1], [2, 2], [3, 3], [4, 4]]);
    // only the round's last quarter sets the next deadline
    expect(resolves.map((e) => e.deadline !== null)).toEqual([false, false, false, true]);
    const st = await seen(ann, (m) => m.push === 'status' && (m.value as { turn: number }).turn === 4);
    expect(st.value).toMatchObject({ round: 2, rounds: 2, period: '2026Q4–2027Q3' });
    const proj = value<{ worlds: { round: number }[] }>(await k.teacher.call('state'));
    expect(proj.worlds[0].round).toBe(2);

    value(await ann.call('submit', [{}, 4]));
    expect(world.turn).toBe(8);
    expect(world.over).toBe(true);
    const done = value<{ worlds: { over: boolean; round: number; rounds: number }[] }>(await k.teacher.call('state'));
    expect(done.worlds[0]).toMatchObject({ over: true, round: 2, rounds: 2 });

    // the export has a round column: four engine turns a round
    const csv = await (await fetch(`${srv.base}/api/classes/${k.classId}/export.csv`, { headers: { authorization: `Bearer ${k.teacherToken}` } })).text();
    const lines = csv.trim().split('\n');
    const cols = lines[0].split(',');
    const jpn = lines.slice(1).map((l) => l.split(',')).filter((x) => x[cols.indexOf('country')] === 'JPN');
    expect(jpn.map((x) => `${x[cols.indexOf('round')]}/${x[cols.indexOf('turn')]}`)).toEqual(['1/1', '1/2', '1/3', '1/4', '2/5', '2/6', '2/7', '2/8']);
    expect(jpn.slice(0, 4).map((x) => x[cols.indexOf('submitted_by')])).toEqual(['Ann', 'Ann', 'Ann', 'Ann']);

    // the replay file: orders per engine turn, accepted by `gambit replay verify`
    const dir = mkdtempSync(join(tmpdir(), 'class-k4-'));
    try {
      const rep = await fetch(`${srv.base}/api/classes/${k.classId}/worlds/1/replay.json`, { headers: { authorization: `Bearer ${k.teacherToken}` } });
      const file = join(dir, 'w1.json');
      writeFileSync(file, await rep.text());
      expect(execFileSync(process.execPath, [join(ROOT, 'bin/gambit.mjs'), 'replay', 'verify', file], { encoding: 'utf8' })).toMatch(
        /all 8 turns match .*; the orders of AUS, CHN, MYS, USA are what their agents play; not checked: JPN \("class", a class's students\)/, // the bots' orders played again
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // a fresh server over the same log rebuilds the class: every engine turn re-resolved, its hash checked
    const again = await startTestServer({ store: srv.store });
    try {
      const c2 = again.hub.classes.get(k.classId)!;
      expect(again.hub.unrestored).toEqual([]);
      expect(c2.worlds[0].hashes).toEqual(world.hashes);
      expect(c2.k).toBe(4);
    } finally {
      await again.app.close();
    }

    // the decisions that mattered, by round: on the worker pool and on this thread, the same numbers
    const before = await decisionPoolCompleted();
    const onPool = await decisionsOf(cls, 0, 'JPN', 1);
    expect(await decisionPoolCompleted()).toBe(before + 1);
    const here = await decisionsOf(cls, 0, 'JPN', 0);
    expect(onPool).toEqual(here);
    expect(onPool.map((d) => d.turn)).toEqual([1]); // round 2's orders were empty: no decision
    expect(Math.abs(onPool[0].worth)).toBeGreaterThan(0);
  }, 120_000);
});

describe('the printed briefings', () => {
  it('say how long this class plays, not the scenario\'s forty quarters', async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 2, quartersPerRound: 4, countries: ['JPN'], seatsPerCountry: 1 }, ['Ann']);
    const r = await k.teacher.call('briefings');
    const sheets = (r.value as { sheets: { label: string; briefing: { situation: string[] } }[] }).sheets;
    expect(sheets.map((s) => s.label)).toEqual(['Ann']);
    const first = sheets[0].briefing.situation[0];
    expect(first).toMatch(/^Late 2025: .* This class plays 2 rounds of a year\.$/);
    expect(first).not.toMatch(/Forty quarters/);
  });
});
