// A class world's score split names only the objectives a country weighs, as the single-player game and the
// briefings do (environment weighs 0 for Japan, China and the United States in content/countries.json).
import { describe, expect, it } from 'vitest';
import { OBJECTIVES, type CountryId } from '../engine/index.ts';
import { World } from '../src/server/world.ts';
import { content } from './helpers.ts';
import { splitText } from '../src/ui/score.ts';

describe('a class world\'s score split', () => {
  it('lists the objectives each country weighs, and only those', () => {
    const w = new World(0, content, 3, 2);
    w.push(w.compute(w.botOrders([])));
    for (const c of ['AUS', 'CHN', 'JPN', 'MYS', 'USA'] as CountryId[]) {
      const weights = content.countries.regions[c].objectives as Partial<Record<string, number>>;
      const want = OBJECTIVES.filter((o) => (weights[o] ?? 0) > 0);
      const ts = w.turnScoreAt(c, 1);
      expect(ts.weighted, c).toEqual(want);
      // every objective's figure is still there for the total
      expect(Object.keys(ts.by).sort(), c).toEqual([...OBJECTIVES].sort());
    }
    expect(w.turnScoreAt('JPN', 1).weighted).not.toContain('environment');
    expect(w.turnScoreAt('MYS', 1).weighted).toContain('environment');
  });

  it('names its yardstick as the end screen does: the status-quo world (it said "your seat at status quo", the single-player one)', () => {
    const w = new World(0, content, 3, 2);
    w.push(w.compute(w.botOrders([])));
    const text = splitText(w.turnScoreAt('JPN', 1));
    expect(text).toMatch(/ points against the status-quo world, the same start with every country keeping its policies, by objective: /);
    expect(text).not.toContain('your seat at status quo');
  });
});

// a round of four quarters: the digest said "score −3.98, down 0.17 from −3.81", the last quarter's move, and never
// explained the 3.81 points the round's first three quarters had cost (a teacher's review)
describe("a class round's score change", () => {
  it('is from the round start: prev is the score before the round, each objective moved over the round', async () => {
    const w = new World(0, content, 3, 8);
    for (let i = 0; i < 8; i++) w.push(w.compute(w.botOrders(['CHN', 'USA'])));
    const quarter = w.turnScoreAt('USA', 8);
    const round = w.turnScoreAt('USA', 8, 4);
    expect(quarter.since).toBeUndefined(); // a turn's own: as before
    expect(round.since).toBe(4);
    expect(round.score).toBe(quarter.score);
    expect(round.prev).toBeCloseTo(w.turnScoreAt('USA', 4).score, 12);
    expect(quarter.prev).toBeCloseTo(w.turnScoreAt('USA', 7).score, 12);
    for (const ob of OBJECTIVES) expect(round.by[ob].change, ob).toBeCloseTo(round.by[ob].total - w.turnScoreAt('USA', 4).by[ob].total, 12);
    // the first round's is from zero
    expect(w.turnScoreAt('USA', 4, 4).prev).toBe(0);
    // said as the round's
    const { installFakeDom } = await import('./fake-dom.ts');
    installFakeDom();
    const { scoreThisTurn } = await import('../src/ui/score.ts');
    const { setLang } = await import('../src/ui/i18n.ts');
    await setLang('en');
    expect((scoreThisTurn(round, 'USA') as unknown as { querySelectorAll(s: string): { textContent: string }[] }).querySelectorAll('h3')[0].textContent).toBe('Your score this round (4 quarters)');
    expect((scoreThisTurn(quarter, 'USA') as unknown as { querySelectorAll(s: string): { textContent: string }[] }).querySelectorAll('h3')[0].textContent).toBe('Your score this turn');
    // the gap it explains is the round's last quarter's (it said "This quarter you were ..." of a year's round)
    const said = (ts: typeof round, sel: string) => (scoreThisTurn(ts, 'USA') as unknown as { querySelectorAll(s: string): { textContent: string }[] }).querySelectorAll(sel).map((x) => x.textContent);
    expect(said(round, 'p').join(' ')).toMatch(/In the round's last quarter you were .*; your score is the average of that gap over the 8 turns so far\./);
    expect(said(round, 'th')).toContain("the round's last quarter against the yardstick");
    expect(said(quarter, 'p').join(' ')).toMatch(/This quarter you were /);
    expect(said(quarter, 'th')).toContain('this quarter against the yardstick');
    // and the digest's title is the round's, as the class bar says it; its ledgers say they are the round's
    const { laterReady } = await import('../src/ui/i18n.ts');
    await laterReady();
    const { digest } = await import('../src/ui/digest.ts');
    type El = { querySelectorAll(s: string): { textContent: string }[] };
    const d = digest(w.roundReport(4)!, 'USA', () => {}, { score: round, turns: 8, history: w.summaries }) as unknown as El;
    expect(d.querySelectorAll('h2')[0].textContent).toBe(`Round 2 of 2 (${w.summaries[4].date}–${w.summaries[7].date})`);
    expect(d.querySelectorAll('h3').map((x) => x.textContent)).toContain(`Why each of your indicators moved over the round, ${w.summaries[4].date}–${w.summaries[7].date} (United States)`);
    const one = digest(w.reports[7], 'USA', () => {}, { score: quarter, turns: 8, history: w.summaries }) as unknown as El;
    expect(one.querySelectorAll('h2')[0].textContent).toBe(`Turn 8 of 8 · ${w.summaries[7].date}`);
  });
});

// A year's round said "Magnet supply -1.4 percentage points" (its last quarter) of a fall from 99.6% to 57.0%, and
// China's ban in its first quarter was in no ledger (a teacher's walkthrough): the round's report now sums them.
describe("a class round's headline changes", () => {
  it('are over the round, their causes summed over its quarters and adding up to them', () => {
    const w = new World(0, content, 3, 8);
    for (let i = 0; i < 8; i++) w.push(w.compute(w.botOrders(['CHN', 'USA'])));
    const r = w.roundReport(4)!;
    for (const c of ['JPN', 'USA'] as CountryId[])
      for (const hd of ['gdp', 'magnetSupplyRatio', 'autoProduction'] as const) {
        const x = r.headlines[c][hd];
        expect(x.prev, `${c} ${hd}`).toBe(w.reports[4]!.headlines[c][hd].prev); // from before the round's first quarter
        expect(x.value).toBe(w.reports[7]!.headlines[c][hd].value);
        expect(x.change).toBeCloseTo(w.reports.slice(4).reduce((a, q) => a + q.headlines[c][hd].change, 0), 9);
        expect(x.causes.reduce((a, q) => a + q.amount, 0)).toBeCloseTo(x.change, 6);
        // largest first
        for (let i = 1; i < x.causes.length; i++) expect(Math.abs(x.causes[i - 1]!.amount)).toBeGreaterThanOrEqual(Math.abs(x.causes[i]!.amount));
      }
    expect(r.news.length).toBe(w.reports.slice(4).reduce((a, q) => a + q.news.length, 0));
    // a round of one quarter is that quarter's report
    expect(w.roundReport(1)).toBe(w.reports[7]);
  });
});

describe("a class round's first turn", () => {
  it('is where its reports start: one helper for the digest, the dashboard, the seat status and the score', async () => {
    const { roundStart } = await import('../src/server/round-report.ts');
    expect([0, 1, 4, 5, 8, 9, 10].map((t) => roundStart(t, 4))).toEqual([0, 0, 0, 4, 4, 8, 8]);
    expect([0, 1, 2, 3].map((t) => roundStart(t, 1))).toEqual([0, 0, 1, 2]);
  });
});
