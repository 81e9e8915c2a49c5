// What the class server refuses reaches a page with a code and its values beside the English message, and a Japanese
// page words it from the catalogue (said() in src/classroom/words.ts): countries by their Japanese names (the server's
// COUNTRY_NAME is English), roles, spans of time and the form's own labels, with no English left; an English page
// shows the server's message, which the CLI, the API and the logs keep.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { post, type Client } from './classroom/client.ts';
import { makeClass, startTestServer, type TestServer } from './classroom/server.ts';
import { TWO_SEATS } from './classroom/fixtures.ts';
import { SERVER_CODES, type ServerCode, type ServerParams } from '../src/classroom/server-says.ts';
import { jaServer } from '../src/ui/locales/ja-server.ts';
import { ServerError } from '../src/classroom/common.ts';
import { classLang, said } from '../src/classroom/words.ts';
import { setLang } from '../src/ui/i18n.ts';

// a class page's address, before the class pages' modules read it: ?lang=ja
vi.hoisted(() => void ((globalThis as { location?: unknown }).location = { search: '?lang=ja', origin: 'http://localhost', hostname: 'localhost' }));

/** Latin words a Japanese line may keep: the QR code. */
const latin = (s: string) => s.replace(/QR|{{\w+}}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
const err = (j: Record<string, unknown>) => ServerError.of(j as { error?: string; code?: ServerCode; params?: ServerParams }, '');

let srv: TestServer;
const clients: Client[] = [];
beforeAll(async () => {
  srv = await startTestServer();
  await classLang(); // the page's language from ?lang=ja: the class words and the server's, in Japanese
});
afterAll(async () => {
  for (const c of clients) c.close();
  await setLang('en');
  delete (globalThis as { location?: unknown }).location;
  await srv.close();
});

describe("the server's refusals on a Japanese page", () => {
  it('every code has Japanese words, with no English in them', () => {
    for (const code of SERVER_CODES) expect(jaServer[code], code).toBeTruthy();
    for (const [k, v] of Object.entries(jaServer)) if (k !== 'unknown') expect(latin(v), k).toEqual([]);
  });

  it('a refused join, a refused class option, a control refused: a code, then Japanese words with Japanese names', async () => {
    // a join with a code no class has
    const none = await post(srv.base, '/api/join', { code: 'ZZZZZZ', label: 'さくら' });
    expect(none.json).toEqual({ error: 'no class has that code: check it with your teacher', code: 'noClass' });
    expect(said(err(none.json))).toBe('そのコードのクラスはありません。教師に確認してください');
    // a name of spaces, a code too short: what to type, in the form's words (it said "label: Too small: expected
    // string to have >=1 characters")
    const blank = await post(srv.base, '/api/join', { code: 'ZZZZZZ', label: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.json).toEqual({ error: 'type your name (1 to 40 characters)', code: 'joinInvalid', params: { field: 'label' } });
    expect(said(err(blank.json))).toBe('あなたの名前を確認してください');
    const short = await post(srv.base, '/api/join', { code: 'ZZ', label: 'さくら' });
    expect(short.json).toEqual({ error: 'type the class code your teacher gave you (4 to 12 letters and digits)', code: 'joinInvalid', params: { field: 'code' } });
    // a class option out of range: the form's label names it
    const opt = await post(srv.base, '/api/classes', { ...TWO_SEATS, worlds: 13 });
    expect(opt.json).toMatchObject({ code: 'optionMax', params: { field: 'worlds', max: 12 } });
    expect(opt.json.error).toMatch(/^class options: worlds: /);
    expect(said(err(opt.json), (f) => (f === 'worlds' ? 'ワールド数' : undefined))).toBe('ワールド数は 12 以下にしてください');
    const long = await post(srv.base, '/api/classes', { ...TWO_SEATS, turns: 11, quartersPerRound: 4 });
    expect(long.json).toMatchObject({ code: 'tooManyRounds', params: { field: 'turns', rounds: 11, quarters: 4, turns: 44, scenarioTurns: 40, max: 10 } });
    expect(said(err(long.json), () => 'ラウンド数')).toBe('ラウンド数：11 ラウンド × 4 四半期は 44 ターンで、シナリオの 40 ターンを超えます。最大 10 ラウンドです');

    // the teacher moves a student into a full seat: the seat's country in Japanese (COUNTRY_NAME says "Japan")
    const k = await makeClass(srv.base, { ...TWO_SEATS, worlds: 2 }, ['Ann', 'Ben', 'Cat']);
    clients.push(k.teacher, ...k.students.map((s) => s.client));
    const cls = srv.hub.classes.get(k.classId)!;
    const id = (l: string) => [...cls.students.values()].find((s) => s.label === l)!.id;
    const where = (l: string) => k.students.find((s) => s.label === l)!;
    const ann = where('Ann');
    const other = k.students.find((s) => s.world !== ann.world || s.country !== ann.country)!;
    const full = (await k.teacher.call('move', [id(ann.label), other.world, other.country])) as Record<string, unknown>;
    expect(full).toMatchObject({ ok: false, status: 409, code: 'seatFull', params: { country: other.country, world: other.world + 1, cap: 1, holders: [other.label], label: 'Ann' } });
    expect(full.error).toMatch(/ is full \(1 student per country\)/);
    const ja = said(err(full));
    const names: Record<string, string> = { JPN: '日本', CHN: '中国' };
    expect(ja).toBe(`ワールド ${other.world + 1} の${names[other.country]}は満席です（1 か国 1 人、${other.label}）。メニューの「交代」でAnnと入れ替えるか、先にその席の生徒を移動してください`);
    expect(latin(ja.replace(/Ann|Ben|Cat/g, ''))).toEqual([]);
    // a control the class's state refuses
    const paused = (await k.teacher.call('pause')) as Record<string, unknown>;
    expect(paused).toMatchObject({ ok: false, code: 'notRunning' });
    expect(said(err(paused))).toBe('クラスは進行中ではありません');

    // a rejoin the teacher refused, and a name whose student is connected
    const taken = await post(srv.base, '/api/join', { code: k.code, label: 'ann' });
    expect(taken.json).toMatchObject({ code: 'nameConnected', params: { name: 'ann' } });
    expect(said(err(taken.json))).toBe('ann という名前の人がこのクラスにいて、接続中です。別の名前にするか、教師に相談してください');
    k.students[0].client.close();
    await k.students[0].client.closed;
    const ask = await post(srv.base, '/api/join', { code: k.code, label: k.students[0].label });
    const reqs = ((await k.teacher.call('state')).value as { requests: { id: string }[] }).requests;
    expect((await k.teacher.call('admit', [reqs[0].id, false])).ok).toBe(true);
    const no = await post(srv.base, '/api/join', { code: k.code, label: k.students[0].label, request: ask.json.request });
    expect(no.json).toMatchObject({ code: 'rejoinRefused', params: { label: k.students[0].label } });
    expect(said(err(no.json))).toBe(`教師は ${k.students[0].label} として戻ることを許可しませんでした。教師と話してから、もう一度頼んでください`);
  }, 60_000);

  it('a token refused after the class: its role and span in Japanese; an unknown code keeps the server\'s words', async () => {
    expect(said(new ServerError('this class ended 2026-12-02 10:00 UTC, and the projector\'s link works for 2 hours after the end', 'linkOver', { role: 'projector', ended: '2026-12-02 10:00', hours: 2 })))
      .toBe('このクラスは 2026-12-02 10:00（協定世界時）に終了しました。プロジェクターのリンクは終了後 2 時間だけ使えます');
    expect(said(new ServerError('…', 'linkOver', { role: 'teacher', ended: '2026-12-02 10:00', hours: 168 }))).toBe('このクラスは 2026-12-02 10:00（協定世界時）に終了しました。教師のリンクは終了後 7 日間だけ使えます');
    expect(said(new ServerError('…', 'expired', { role: 'seat' }))).toMatch(/^このクラスへのリンクの期限が切れました/);
    expect(said(new ServerError('something new'))).toBe('サーバーが要求を断りました：something new');
    // an English page: the server's own message
    await setLang('en');
    expect(said(new ServerError('world 1 Japan is full', 'seatFull', { country: 'JPN', world: 1, cap: 1, holders: ['Ann'], label: 'Ben' }))).toBe('world 1 Japan is full');
    await setLang('ja');
  });

  it("a sandbox's refusals inside a student's game (off, nothing to undo, no such timeline, a what-if at its last round): codes, then Japanese", async () => {
    const k = await makeClass(srv.base, { worlds: 1, turns: 2, roundSeconds: 600, countries: ['JPN', 'CHN'], seatsPerCountry: 1, idleGraceSeconds: 0 }, ['Ann', 'Ben']);
    clients.push(k.teacher, ...k.students.map((s) => s.client));
    const ann = k.students[0].client;
    const inner = async (m: string, args: unknown[] = []) => ((await ann.call(m, args)) as { value: Record<string, unknown> }).value;
    expect((await k.teacher.call('begin')).ok).toBe(true);
    const off = await inner('undo', [0]);
    expect(off).toMatchObject({ ok: false, code: 'sandboxOff', params: { what: 'undo' } });
    expect(off.error).toMatch(/^Undo is off in this class/);
    expect(said(err(off))).toBe('「戻す」はこのクラスでは使えません。教師がサンドボックスをオンにしていません（クラスは共有の 1 本のタイムラインで進みます）');
    expect((await k.teacher.call('sandbox', [true])).ok).toBe(true);
    const nothing = await inner('undo', [0]);
    expect(nothing).toMatchObject({ ok: false, code: 'nothingToUndo', params: { turn: 1 } });
    expect(said(err(nothing))).toBe('戻せるものがありません。戻れるのはターン 1 より前だけです');
    const none = await inner('switchTimeline', [5]);
    expect(none).toMatchObject({ ok: false, code: 'noTimeline', params: { id: 5 } });
    expect(said(err(none))).toBe('タイムライン 5 はありません');
    // a what-if played to the class's last round, then one more
    expect((await inner('fork')).ok).toBe(true);
    expect((await inner('submit', [{}, 0])).ok).toBe(true);
    expect((await inner('submit', [{}, 1])).ok).toBe(true);
    const last = await inner('submit', [{}, 2]);
    expect(last).toMatchObject({ ok: false, code: 'whatIfLastRound' });
    expect(said(err(last))).toBe('この「もしも」は最後のラウンドまで進みました');
  }, 60_000);
});

