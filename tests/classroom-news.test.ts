// The teacher's dashboard lists a world's news as the player's digest says it: countries by name ("Australia raises
// defence spending"), not the engine's codes ("AUS raises ..."), and in English (the dashboard's language) whatever
// language this browser's game was last played in. It lists the weightiest lines (bans, broken deals, large tariff
// moves) before the small ones, and says how many it leaves out.
import { describe, expect, it } from 'vitest';
import { play } from './helpers.ts';
import { dashboardNews, newsWeight } from '../src/classroom/news.ts';
import { setLang } from '../src/ui/i18n.ts';
import type { Orders } from '../engine/index.ts';
import { whyLine } from '../engine/leverage.ts';

const orders = {
  AUS: { defenseSpendingPct: 2.1 },
  CHN: { exportControls: { JPN: { magnet: 'banned' }, USA: { magnet: 'banned' } } },
  USA: { deals: { propose: [{ to: 'JPN', give: [{ type: 'openExports', stage: 'magnet' }], get: [{ type: 'investment', usdBn: 1 }], termTurns: 4 }] } },
} as Orders;

const texts = (items: ReturnType<typeof dashboardNews>, kind: string) => items.filter((l) => l.kind === kind).map((l) => l.text);

describe("the dashboard's news", () => {
  const { reports } = play(1, 1, { 1: orders });
  const hl = { events: reports[0]!.events.map((e) => e.title), eventIds: reports[0]!.events.map((e) => e.id), news: reports[0]!.news };

  it('names countries, not codes; every event by its title', () => {
    const lines = dashboardNews(hl);
    const news = texts(lines, 'news');
    expect(news).toHaveLength(3);
    // the ban first, whatever the engine's order
    expect(news[0]).toMatch(/^China bans NdFeB magnet exports to Japan, the United States\.$/);
    expect(news.some((n) => n === 'Australia raises defence spending to 2.10% of GDP.' || /Japan/.test(n))).toBe(true);
    for (const l of lines) expect(l.text).not.toMatch(/\b(AUS|CHN|JPN|MYS|USA|ROW)\b/);
    expect(texts(lines, 'event')).toEqual(hl.events);
  });

  it('the weightiest lines first, and "+N more" for the ones left out (a play-tester missed two broken deals)', () => {
    // round 3 of a play-test: the engine's order put two small tariff moves before the broken deals
    const round = {
      events: ['Beijing and Tokyo agree to stabilise ties'],
      eventIds: ['x'],
      news: [
        'Beijing and Tokyo agree to stabilise ties: the two sides agree to a hotline.',
        'AUS sets its tariffs on CHN: magnets 15% (was 0%).',
        'MYS sets its tariffs on AUS: other goods 1% (was 3%).',
        'MYS sets its tariffs on CHN: other goods 3% (was 5%).',
        "USA breaks deal D5 with JPN; JPN's trust in USA falls.",
        "USA breaks deal D6 with JPN; JPN's trust in USA falls.",
      ],
    };
    const lines = dashboardNews(round);
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ['event', 'Beijing and Tokyo agree to stabilise ties'],
      ['news', expect.stringMatching(/^The United States breaks deal D5 with Japan/)],
      ['news', expect.stringMatching(/^The United States breaks deal D6 with Japan/)],
      ['news', expect.stringMatching(/^Australia sets its tariffs on China: magnets 15%/)],
      ['more', '+2 more'],
    ]);
    // nothing left out: no count
    expect(dashboardNews({ events: [], news: round.news.slice(1, 3) }).map((l) => l.kind)).toEqual(['news', 'news']);
  });

  it('weighs a tariff move by its size', () => {
    expect(newsWeight('AUS sets its tariffs on CHN: magnets 15% (was 0%).')).toBeGreaterThan(newsWeight('AUS sets its tariffs on CHN: cars 2% (was 0%), magnets 1% (was 0%).'));
    expect(newsWeight('CHN bans NdFeB magnet exports to JPN.')).toBeGreaterThan(newsWeight('AUS sets its tariffs on CHN: magnets 50% (was 0%).'));
    expect(newsWeight("USA breaks deal D5 with JPN; JPN's trust in USA falls.")).toBeGreaterThan(newsWeight('USA proposes D7 to JPN: x.'));
  });

  it("a truce's terms in the digest's plain words: no \"Nash terms\" or \"US hand\"", async () => {
    const round = {
      events: [],
      news: [
        // the engine's lines (engine/leverage.ts whyLine(), agents/truce.ts), as in tests/plain-terms
        `US-China track: truce (was escalation): ${whyLine({ phase: 'truce', usFromChina: 0.4, usFromJapan: 0.05, usCost: 12.3, chinaCost: 30.1, usHand: -0.1, concession: 15 })}.`,
        'CHN rejects D4 from USA: a cap of 40% is too little relief; the Nash terms are 25% (US hand -0.10); counter-offer at 25%.',
        'CHN accepts D3: USA offers CHN a tariff of at most 25% on other goods for open exports of magnets, for 4 turns (near the Nash terms (a cap of 25%): escalation would cost the US USD 12 bn a year and China USD 30 bn; US hand 0.42).',
      ],
    };
    const en = texts(dashboardNews(round), 'news');
    expect(en).toEqual([
      expect.stringMatching(/^US-China track: .*; China has less to lose, so fair terms for a truce \(sharing the gain of peace evenly\) have the US cut its tariff on Chinese goods by 15 points\.$/),
      expect.stringMatching(/^China accepts deal D3: .*\(close to fair terms \(a tariff cap of 25%\): a year of escalation would cost the US USD 12 bn and China USD 30 bn\)\.$/),
      'China rejects deal D4 from the United States: a cap of 40% is too little relief; fair terms are a cap of 25%, so it offers 25%.',
    ]);
    await setLang('ja');
    try {
      const ja = texts(dashboardNews(round), 'news');
      expect(ja).toHaveLength(3);
      for (const l of ja) expect(l).toMatch(/公平な条件/);
      for (const l of [...en, ...ja]) expect(l).not.toMatch(/Nash|US hand|ナッシュ|交渉力/);
    } finally {
      await setLang('en');
    }
  });

  it('in Japanese when the game is Japanese (the same words as the digest)', async () => {
    await setLang('ja');
    try {
      const lines = dashboardNews(hl);
      expect(texts(lines, 'news')[0]).toMatch(/^中国が/);
      const more = dashboardNews({ events: [], news: Array.from({ length: 5 }, (_, i) => `AUS sets its tariffs on CHN: magnets ${i + 1}% (was 0%).`) }, (n) => `ほか ${n} 件`);
      expect(more.map((l) => l.text)).toEqual([expect.stringMatching(/5%/), expect.stringMatching(/4%/), expect.stringMatching(/3%/), 'ほか 2 件']);
      // the two left out are there to open (the teacher's card shows them on a click), in the page's words
      expect(more.at(-1)!.rest).toEqual([expect.stringMatching(/^オーストラリアが.*2%/), expect.stringMatching(/^オーストラリアが.*1%/)]);
    } finally {
      await setLang('en');
    }
  });
});
