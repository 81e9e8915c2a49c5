// The teacher's dashboard lists a world's news as the player's digest says it: countries by name ("Australia raises
// defence spending"), not the engine's codes ("AUS raises ..."), and in English (the dashboard's language) whatever
// language this browser's game was last played in.
import { describe, expect, it } from 'vitest';
import { play } from './helpers.ts';
import { dashboardNews } from '../src/classroom/news.ts';
import { setLang } from '../src/ui/i18n.ts';
import type { Orders } from '../engine/index.ts';

const orders = {
  AUS: { defenseSpendingPct: 2.1 },
  CHN: { exportControls: { JPN: { magnet: 'banned' }, USA: { magnet: 'banned' } } },
  USA: { deals: { propose: [{ to: 'JPN', give: [{ type: 'openExports', stage: 'magnet' }], get: [{ type: 'investment', usdBn: 1 }], termTurns: 4 }] } },
} as Orders;

describe("the dashboard's news", () => {
  const { reports } = play(1, 1, { 1: orders });
  const hl = { events: reports[0]!.events.map((e) => e.title), news: reports[0]!.news.slice(0, 4) };

  it('names countries, not codes', () => {
    const lines = dashboardNews(hl);
    const news = lines.filter((l) => !l.event).map((l) => l.text);
    expect(news).toHaveLength(3);
    expect(news[0]).toBe('Australia raises defence spending to 2.10% of GDP.');
    expect(news[1]).toMatch(/^China bans NdFeB magnet exports to Japan, the United States\.$/);
    expect(news[2]).toMatch(/Japan/);
    for (const l of lines) expect(l.text).not.toMatch(/\b(AUS|CHN|JPN|MYS|USA|ROW)\b/);
    // the events the three news lines do not name are listed on their own, as before
    expect(lines.filter((l) => l.event).map((l) => l.text)).toEqual(hl.events.filter((e) => !hl.news.slice(0, 3).some((n) => n.startsWith(e))));
  });

  it('in Japanese when the game is Japanese (the same words as the digest)', async () => {
    await setLang('ja');
    try {
      expect(dashboardNews(hl).find((l) => !l.event)!.text).toBe('オーストラリアが防衛費をGDPの2.10%に引き上げ。');
    } finally {
      await setLang('en');
    }
  });
});
