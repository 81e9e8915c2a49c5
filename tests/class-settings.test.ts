// A teacher made two classes, of 20 s and of 120 s rounds, and neither dashboard said which was which: the dashboard
// now says the class's settings in a line under its status (src/classroom/teacher.ts settingsText).
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => void ((globalThis as { location?: unknown }).location = { search: '', origin: 'http://localhost', hostname: 'localhost' }));
const { installFakeDom } = await import('./fake-dom.ts');
const { setLang } = await import('../src/ui/i18n.ts');
installFakeDom();
const { settingsText } = await import('../src/classroom/teacher.ts');
const { classLang } = await import('../src/classroom/words.ts');

afterAll(async () => {
  await setLang('en');
  delete (globalThis as { location?: unknown }).location;
});

describe("the dashboard's line of the class's settings", () => {
  const base = { worlds: 1, turns: 4, roundSeconds: 120, missed: 'keep', seatsPerCountry: 1, idleGraceSeconds: 45, quartersPerRound: 4 };
  it('says the rounds, their length and clock, a missed deadline, idle seats and seats per country', async () => {
    await setLang('en');
    await classLang();
    expect(settingsText(base)).toBe('This class plays 4 rounds of a year. 120 s a round; a seat that misses the deadline keeps its policies; a bot takes an idle seat after 45 s; students per country: at most 1.');
    expect(settingsText({ ...base, quartersPerRound: 1, turns: 8, roundSeconds: 20, missed: 'bot', idleGraceSeconds: 0, seatsPerCountry: 2 })).toBe('This class plays 8 rounds of a quarter. 20 s a round; a seat that misses the deadline lets its bot decide; no bot takes an idle seat; students per country: at most 2.');
  });
  it('in Japanese', async () => {
    (globalThis as unknown as { location: { search: string } }).location.search = '?lang=ja';
    await classLang();
    expect(settingsText(base)).toBe('このクラスは 4 ラウンド行います（1 ラウンドは1 年）。1 ラウンド 120 秒。締め切りに遅れた席は政策を据え置く。45 秒操作のない席はボットが引き継ぐ。1 か国に最大 1 人。');
  });
});
