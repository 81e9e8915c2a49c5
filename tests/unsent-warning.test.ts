// A student got no warning before the round clock ran out on orders not sent: the class bar now warns in the last 30
// seconds of a running round while the seat has sent nothing (src/classroom/words.ts unsentWarning), saying what
// happens to the seat if the clock runs out (its policies kept, or a bot deciding), in English and Japanese; and the
// dashboard names a country whose magnet supply is below Japan's (lowestSupply).
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => void ((globalThis as { location?: unknown }).location = { search: '?lang=ja', origin: 'http://localhost', hostname: 'localhost' }));
const words = await import('../src/classroom/words.ts');
const { setLang } = await import('../src/ui/i18n.ts');

afterAll(async () => {
  await setLang('en');
  delete (globalThis as { location?: unknown }).location;
});

const base = { status: 'running', submitted: null, whatIf: null, clock: { paused: false }, missed: 'keep' as const };

describe('the warning before the round clock runs out on orders not sent', () => {
  it('shows in the last 30 seconds of a running round, while the seat has sent nothing', () => {
    const w = words.unsentWarning;
    expect(typeof w).toBe('function');
    expect(w(base, 29_000)).toBe('student.unsentKept');
    expect(w({ ...base, missed: 'bot' }, 5_000)).toBe('student.unsentBot');
    expect(w(base, 45_000)).toBeNull(); // not yet
    expect(w(base, null)).toBeNull(); // no clock
    expect(w(base, 0)).toBeNull(); // the round is being resolved
    expect(w({ ...base, submitted: { by: 'Ann', final: true } }, 10_000)).toBeNull();
    expect(w({ ...base, clock: { paused: true } }, 10_000)).toBeNull();
    expect(w({ ...base, status: 'lobby' }, 10_000)).toBeNull();
    expect(w({ ...base, whatIf: 'Timeline B' }, 10_000)).toBeNull(); // a what-if of one's own has no round clock to miss
    expect(w({ ...base, bot: true }, 10_000)).toBeNull(); // a bot plays the seat: said beside "A bot is playing your seat"
    expect(w({ ...base, bot: false }, 10_000)).toBe('student.unsentKept');
  });

  it('says what happens, in English and Japanese', async () => {
    await setLang('en');
    expect(words.c('student.unsentKept', { country: words.countryName('JPN') })).toBe('Your orders are not sent: press End turn before the clock runs out, or Japan keeps its policies this round.');
    expect(words.c('student.unsentBot', { country: words.countryName('JPN') })).toBe('Your orders are not sent: press End turn before the clock runs out, or a bot decides for Japan this round.');
    await words.classLang();
    expect(words.c('student.unsentKept', { country: words.countryName('JPN') })).toBe('注文はまだ送られていません。時間切れまでに「ターン終了」を押してください。押さないと、このラウンドは日本の政策が据え置かれます。');
    expect(words.c('student.unsentBot', { country: words.countryName('JPN') })).toContain('日本の判断をボットが行います');
  });
});

// the dashboard's figures named Japan's magnet supply alone, even when another country's was lower
describe("the dashboard's magnet supply figure", () => {
  const m = { AUS: 1, CHN: 1, JPN: 0.97, MYS: 0.99, USA: 0.8 };
  it('names a country lower than Japan beside it', async () => {
    await setLang('en');
    expect(words.lowestSupply(m)).toBe(' (lowest: United States 80%)');
    // to a tenth of a point, as the student's screen shows it (a whole percentage read 95% beside her 95.3%)
    expect(words.lowestSupply({ ...m, USA: 0.953 })).toBe(' (lowest: United States 95.3%)');
    expect(words.lowestSupply({ ...m, USA: 0.968 })).toBe(''); // within half a point
    expect(words.lowestSupply({ ...m, USA: 1 })).toBe(''); // Japan lowest
    expect(words.lowestSupply(null)).toBe('');
    // the projector's column: a tenth of a point for every figure under 100%
    expect([0.94, 0.687, 0.9996, 1].map(words.columnPct)).toEqual(['94.0%', '68.7%', '100%', '100%']);
    await setLang('ja');
    expect(words.lowestSupply(m)).toBe('（最低：米国 80%）');
  });

  // the debrief charted Japan's supply alone; a class's United States at 69% went unseen there
  it("the debrief's: the country whose supply fell lowest in any world, when clearly below Japan's", () => {
    const path = (jpn: number[], usa: number[], mys = [1, 1]) => ({ magnetSupply: { AUS: [1, 1], CHN: [1, 1], JPN: jpn, MYS: mys, USA: usa } });
    expect(words.lowestSupplyPath([path([0.98, 0.95], [0.97, 0.69])])).toBe('USA');
    expect(words.lowestSupplyPath([path([0.98, 0.95], [0.97, 0.96]), path([0.9, 0.95], [0.97, 0.96], [0.8, 0.85])])).toBe('MYS'); // over every world
    expect(words.lowestSupplyPath([path([0.98, 0.95], [0.97, 0.947])])).toBeNull(); // within half a point
    expect(words.lowestSupplyPath([path([0.98, 0.95], [1, 1])])).toBeNull();
  });
});

// "End the round now" on the last round ended the class with no word of it (a teacher's review)
describe("the dashboard's question before ending a round", () => {
  const w = (over: Partial<{ index: number; round: number; rounds: number; over: boolean; waitingFor: ('JPN' | 'CHN')[] }>) => ({ index: 0, round: 1, rounds: 3, period: '', over: false, waitingFor: [] as ('JPN' | 'CHN')[], ...over });
  it('names who is not in, says when it ends the game, and asks nothing when neither', async () => {
    await words.classLang(); // the class's Japanese words loaded (this page is ?lang=ja), then English first
    await setLang('en');
    expect(words.endRoundQuestion([w({ waitingFor: ['JPN'] })], null)).toBe('End the round now? Not in yet: Japan. Their drafts are dropped and they keep their policies this round.');
    expect(words.endRoundQuestion([w({})], null)).toBeNull();
    expect(words.endRoundQuestion([w({ round: 3 })], null)).toBe('End the round now? It is the last round: the game ends with it, and once every world’s game has ended, the class ends (no one can join it after).');
    expect(words.endRoundQuestion([w({ round: 3, waitingFor: ['CHN', 'JPN'] })], 0)).toMatch(/^End the round now\? Not in yet: China and Japan\. .* It is the last round: /);
    // one world's button asks of that world only; a world already over asks nothing
    expect(words.endRoundQuestion([w({ round: 3 }), w({ index: 1 })], 1)).toBeNull();
    expect(words.endRoundQuestion([w({ round: 3, over: true })], null)).toBeNull();
    await setLang('ja');
    expect(words.endRoundQuestion([w({ round: 3 })], null)).toBe('今すぐラウンドを終了しますか？これは最後のラウンドです：終了するとゲームが終わり、すべての世界のゲームが終わるとクラスも終了します（その後は参加できません）。');
  });
});

// the bar's "waiting" text was a five-level conditional inside the student screen, and its "No seat is waited for" had
// no test; it is waitingText now
describe("the class bar's waiting text", () => {
  const s = { status: 'running', country: 'JPN' as const, waitingFor: [] as ('JPN' | 'USA' | 'CHN')[], submitted: null as { by: string; final: boolean } | null, over: false };
  it('says who the round waits for, or why it waits for nobody, in English and Japanese', async () => {
    await setLang('en');
    const w = words.waitingText;
    expect(w(s, false)).toBe('No seat is waited for: the round ends on the clock');
    expect(w({ ...s, status: 'paused' }, false)).toBe('No seat is waited for: the round goes on when the class resumes');
    expect(w({ ...s, over: true }, false)).toBe(''); // a finished world waits for nothing and has no clock
    expect(w({ ...s, status: 'lobby' }, false)).toBe('');
    expect(w({ ...s, waitingFor: ['JPN', 'USA'] }, false)).toBe('Waiting for 2 countries, yours among them');
    const sent = { ...s, waitingFor: ['USA', 'CHN'] as ('USA' | 'CHN')[], submitted: { by: 'Ann', final: true } };
    expect(w(sent, false)).toBe('Submitted; waiting for 2 countries: the United States and China');
    expect(w(sent, true)).toContain('Your changes are not sent');
    expect(w({ ...sent, waitingFor: [] }, true)).toBe('Submitted; resolving…'); // nobody left to wait for
    await words.classLang();
    expect(w(s, false)).toBe('待っている席はありません：ラウンドは時間切れで終わります');
    expect(w({ ...s, status: 'paused' }, false)).toBe('待っている席はありません：授業が再開するとラウンドが進みます');
  });
});
