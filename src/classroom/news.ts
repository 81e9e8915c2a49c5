// The dashboard's news: the round's events, then its weightiest engine news lines, in the words the player's digest
// uses (countries by name, "NdFeB magnet exports", a real minus sign, a truce's "fair terms" for the engine's "Nash
// terms" and "US hand": plain-terms.ts) rather than the engine's codes ("AUS raises ...").
// In Japanese, an event's title comes from the content's locale (by the event's id).
import { plainNews } from '../ui/story-news.ts';
import { plainTerms } from '../ui/plain-terms.ts';
import { eventTitle } from '../ui/content-text.ts';

/** How many news lines a world card lists (the rest are counted: "+N more"). */
export const NEWS_SHOWN = 3;

/** How much a news line matters to a teacher watching the class, from what the engine's (English) line says: bans,
 * broken deals and a deal's forbidden move first, then licences, leaks round controls, the US-China track, large
 * tariff moves (by their size in points), deals accepted, projects done; small tariff moves, stockpiles and the
 * like last. Lines of the same weight keep the engine's order. */
export function newsWeight(line: string): number {
  if (/ bans .* exports to /.test(line)) return 100;
  if (/ breaks deal /.test(line)) return 95;
  if (/, which its deal \S+ forbids\./.test(line)) return 90;
  if (/ licenses \d+% of the usual .* exports to /.test(line)) return 80;
  if (/ round its export controls\./.test(line)) return 75;
  if (/^US-China track: /.test(line)) return 70;
  if (/ sets its tariffs on /.test(line)) {
    // "magnets 15% (was 0%), other goods 1% (was 3%)": the largest move, in points
    const moves = [...line.matchAll(/(\d+(?:\.\d+)?)% \(was (\d+(?:\.\d+)?)%\)/g)].map((m) => Math.abs(Number(m[1]) - Number(m[2])));
    return 20 + Math.min(60, 3 * Math.max(0, ...moves));
  }
  if (/ reopens .* exports to /.test(line)) return 60;
  if (/ sets its rare-earth mining and separation quotas /.test(line)) return 55;
  if (/ accepts \S+: /.test(line)) return 55;
  if (/ is complete[.:]| has failed: /.test(line)) return 45;
  if (/ proposes \S+ to /.test(line)) return 40;
  if (/ rejects \S+ from /.test(line)) return 35;
  if (/^The US's hand with China /.test(line)) return 35;
  if (/ has run its term\.$/.test(line)) return 30;
  if (/ starts .*\(\d+ units?, USD /.test(line)) return 30;
  return 15;
}

export interface NewsItem {
  /** an event's title (bold), a news line, or the count of the lines left out */
  kind: 'event' | 'news' | 'more';
  text: string;
  /** 'more': the lines left out, in plain words (the card opens them on a click) */
  rest?: string[];
}

/** What a world card lists: every event by its title, then the NEWS_SHOWN weightiest other news lines (newsWeight),
 * each in plain words, then "+N more" when some are left out. A news line that tells an event ("Title: what
 * happened") is the event's, listed by its title. `eventIds`: the events' content ids, in their order; `more` words
 * the count (the page's catalogue: dash.moreNews). */
export function dashboardNews(hl: { events: string[]; eventIds?: string[]; news: string[] }, more = (n: number) => `+${n} more`): NewsItem[] {
  const rest = hl.news.filter((n) => !hl.events.some((e) => n.startsWith(`${e}: `)));
  const ranked = rest.map((n, i) => ({ n, i, w: newsWeight(n) })).sort((a, b) => b.w - a.w || a.i - b.i).map((x) => x.n);
  const shown = ranked.slice(0, NEWS_SHOWN);
  return [
    ...hl.events.map((title, i) => ({ kind: 'event' as const, text: eventTitle({ id: hl.eventIds?.[i] ?? '', title }) })),
    ...shown.map((n) => ({ kind: 'news' as const, text: plainTerms(plainNews(n)) })),
    ...(ranked.length > shown.length ? [{ kind: 'more' as const, text: more(ranked.length - shown.length), rest: ranked.slice(shown.length).map((n) => plainTerms(plainNews(n))) }] : []),
  ];
}
