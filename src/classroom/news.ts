// The dashboard's news: the round's events and its first engine news lines, in the words the player's digest uses
// (countries by name, "NdFeB magnet exports", a real minus sign) rather than the engine's codes ("AUS raises ...").
// In Japanese, an event's title and text come from the content's locale (by the event's id).
import { plainNews } from '../ui/story.ts';
import { eventText, eventTitle } from '../ui/content-text.ts';
import { colon } from '../ui/labels.ts';

/** What a world card lists: each event on its own only when no news line names it ("Title: what happened"), then up
 * to three news lines, each in plain words. `eventIds`: the events' content ids, in their order. */
export function dashboardNews(hl: { events: string[]; eventIds?: string[]; news: string[] }): { event: boolean; text: string }[] {
  const news = hl.news.slice(0, 3);
  const ev = hl.events.map((title, i) => ({ id: hl.eventIds?.[i] ?? '', title }));
  const line = (n: string) => {
    const e = ev.find((x) => x.id && n.startsWith(`${x.title}: `));
    return e ? `${eventTitle(e)}${colon()}${eventText({ id: e.id, text: n.slice(e.title.length + 2) })}` : plainNews(n);
  };
  return [
    ...ev.filter((e) => !news.some((n) => n.startsWith(e.title))).map((e) => ({ event: true, text: eventTitle(e) })),
    ...news.map((n) => ({ event: false, text: line(n) })),
  ];
}
