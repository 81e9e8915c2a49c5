// The digest's line for the leaks round the player's own controls (loaded with the digest, after the map, as
// story-news.ts is: the page's JavaScript budget).
import { fmtT } from '../../engine/lite.ts';

const CODE = '(AUS|CHN|JPN|MYS|USA|ROW)';

/** The leaks the player's own controls found, one line per stage and destinations with every route in it: the engine
 * says each route apart ("JPN finds about 790 t of its magnets reaching USA through AUS", then MYS, then ROW), and a
 * player's ban on the US read as three moves a turn of its own, none saying how much went round it in all (a new
 * player's review). "JPN finds about 2,370 t of its magnets reaching USA through AUS (790 t), MYS (790 t) and ROW
 * (790 t), round its export controls." One route stays the engine's line. A class round of several quarters brings
 * each quarter's lines: a route's tonnes add up over them (a year's round listed "AUS (931 t), MYS (931 t), ROW (931
 * t), AUS (799 t), ..." twelve routes for three), and one route found in several quarters is one line of their sum. */
export function mergeLeaks(lines: readonly string[]): string[] {
  const LEAK = new RegExp(`^${CODE} finds about ([\\d.,]+) t of its (.+) reaching (.+) through ${CODE}, round its export controls\\.$`);
  const groups = new Map<string, { at: number; head: string[]; routes: Map<string, number>; lines: number }>();
  const out: string[] = [];
  for (const line of lines) {
    const m = LEAK.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const key = `${m[1]}|${m[3]}|${m[4]}`;
    const t = Number(m[2]!.replace(/,/g, ''));
    const g = groups.get(key);
    if (g) {
      g.routes.set(m[5]!, (g.routes.get(m[5]!) ?? 0) + t);
      g.lines++;
    } else {
      groups.set(key, { at: out.length, head: [m[1]!, m[3]!, m[4]!], routes: new Map([[m[5]!, t]]), lines: 1 });
      out.push(line);
    }
  }
  for (const { at, head, routes, lines } of groups.values()) {
    if (lines < 2) continue;
    const tonnes = [...routes.values()].reduce((a, x) => a + x, 0);
    const via = [...routes].map(([v, x]) => `${v} (${fmtT(x)})`);
    const through = via.length < 2 ? [...routes.keys()][0] : `${via.slice(0, -1).join(', ')} and ${via.at(-1)}`;
    out[at] = `${head[0]} finds about ${fmtT(tonnes)} of its ${head[1]} reaching ${head[2]} through ${through}, round its export controls.`;
  }
  return out;
}
