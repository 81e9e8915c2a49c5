// The digest's line for the leaks round the player's own controls (loaded with the digest, after the map, as
// story-news.ts is: the page's JavaScript budget).
import { fmtT } from '../../engine/lite.ts';

const CODE = '(AUS|CHN|JPN|MYS|USA|ROW)';

/** The leaks the player's own controls found, one line per stage and destinations with every route in it: the engine
 * says each route apart ("JPN finds about 790 t of its magnets reaching USA through AUS", then MYS, then ROW), and a
 * player's ban on the US read as three moves a turn of its own, none saying how much went round it in all (a new
 * player's review). "JPN finds about 2,370 t of its magnets reaching USA through AUS (790 t), MYS (790 t) and ROW
 * (790 t), round its export controls." One route stays the engine's line. */
export function mergeLeaks(lines: readonly string[]): string[] {
  const LEAK = new RegExp(`^${CODE} finds about ([\\d.,]+) t of its (.+) reaching (.+) through ${CODE}, round its export controls\\.$`);
  const groups = new Map<string, { at: number; head: string[]; routes: [string, string][] }>();
  const out: string[] = [];
  for (const line of lines) {
    const m = LEAK.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const key = `${m[1]}|${m[3]}|${m[4]}`;
    const g = groups.get(key);
    if (g) g.routes.push([m[5]!, m[2]!]);
    else {
      groups.set(key, { at: out.length, head: [m[1]!, m[3]!, m[4]!], routes: [[m[5]!, m[2]!]] });
      out.push(line);
    }
  }
  for (const { at, head, routes } of groups.values()) {
    if (routes.length < 2) continue;
    const tonnes = routes.reduce((a, [, x]) => a + Number(x.replace(/,/g, '')), 0);
    const via = routes.map(([v, x]) => `${v} (${x} t)`);
    out[at] = `${head[0]} finds about ${fmtT(tonnes)} of its ${head[1]} reaching ${head[2]} through ${via.slice(0, -1).join(', ')} and ${via.at(-1)}, round its export controls.`;
  }
  return out;
}
