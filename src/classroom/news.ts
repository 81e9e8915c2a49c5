// The dashboard's news: the round's events and its first engine news lines, in the words the player's digest uses
// (countries by name, "NdFeB magnet exports", a real minus sign) rather than the engine's codes ("AUS raises ...").
import { plainNews } from '../ui/story.ts';

/** What a world card lists: each event on its own only when no news line names it ("Title: what happened"), then up
 * to three news lines, each in plain words. */
export function dashboardNews(hl: { events: string[]; news: string[] }): { event: boolean; text: string }[] {
  const news = hl.news.slice(0, 3);
  return [
    ...hl.events.filter((e) => !news.some((n) => n.startsWith(e))).map((text) => ({ event: true, text })),
    ...news.map((n) => ({ event: false, text: plainNews(n) })),
  ];
}
