// `gambit report`'s Self-play section: a .jsonl of result lines (self-play's, or a tournament's games.jsonl) is read
// line by line (files.ts LineReader: a chunk and one line in memory), each line checked and then kept only as what
// the section draws: every game's score per country (8 bytes each) and running sums of the rest. So memory grows
// with the games a file holds, not with its size in bytes, and a merged tournament's games.jsonl of 1,000,000 games
// (some 500 MB) is drawn rather than left out.
import { z } from 'zod';
import { jsonPath, type PayoffTable } from '../analysis/index.ts';
import { FileError } from './errors.ts';
import { LIMITS, LineReader, mb } from './files.ts';
import { TournamentScores } from './report-scores.ts';
import { countryColour, esc, fx, histogram, htmlTable, lowHigh, pct } from './report-svg.ts';
import { halfWidth95, meanSd } from '../analysis/stats.ts';
import { plural } from './table.ts';

/** A problem with an input file: one line, exit 1, nothing written (a directory that is not there, or holds nothing
 * to report, is a bad path: a UsageError, exit 2). */
export class ReportError extends Error {}

export const oneLine = (s: string) => s.replace(/\s*\n\s*/g, '; ').trim();

/** The input as `schema` has it (the original object: zod would strip fields we do not list), or a ReportError naming
 * `where`, the first problem's JSON path and how many more there are. */
export function check<T>(schema: z.ZodType<T>, json: unknown, where: string): T {
  const r = schema.safeParse(json);
  if (r.success) return json as T;
  const is = r.error.issues;
  throw new ReportError(`${where}: ${jsonPath(is[0].path)}: ${oneLine(is[0].message)}${is.length > 1 ? ` (and ${is.length - 1} more problem${is.length > 2 ? 's' : ''})` : ''}`);
}

const nums = z.record(z.string(), z.number());
const ResultSchema = z.object({
  game: z.number().int(), seed: z.number(), agents: z.record(z.string(), z.string()), scores: nums, scoreBy: z.record(z.string(), nums).optional(),
  outcomes: z.object({ turns: z.number(), gdpGrowthPct: nums, approval: nums, jpnMinMagnetSupply: z.number(), finalPrices: nums, events: z.number() }),
});
/** A self-play result line (batch.ts ResultLine), with any country codes. */
export type ResultLine = z.infer<typeof ResultSchema>;

/** Games a report draws of one file at most: some 80 bytes each are kept (a score per country, twice for a tournament's
 * games while their unrounded scores are looked up), so at most about 160 MB; twice the largest tournament `merge`
 * writes (MAX_MERGED_GAMES). A file with more is left out, and the report says so. */
export const MAX_REPORT_GAMES = 2_000_000;

/** What the Self-play section draws of one file's games. */
export interface Games {
  count: number;
  /** the first game's agents, and how many different combinations of agents there are */
  agents: Record<string, string>;
  combos: number;
  seeds: [number, number];
  /** each game's seed, in file order (for the paired comparison of two files on the same seeds) */
  seedList: number[];
  /** the different game lengths */
  turns: number[];
  /** per country any line scores, every game's score in file order (undefined where a line has none for it) */
  scores: Map<string, (number | undefined)[]>;
  /** per country, the sums over the games of GDP change and final approval (NaN when a line has none for it) */
  gdp: Map<string, number>;
  approval: Map<string, number>;
  /** Japan's lowest magnet supply: sum and lowest; events: sum */
  jpnMin: number;
  jpnMinLow: number;
  events: number;
  /** per country, each objective's part of the score summed over the games that split it (`splitGames` of them; lines
   * written before the split have none) */
  split: Map<string, Record<string, number>>;
  splitGames: number;
}

/** Adds a line's value of each country to its column (`undefined` where the line has none; a country first met at game
 * k gets `undefined` for the k games before), as taking `lines.map((l) => l.x[c])` would. */
function addColumns(cols: Map<string, (number | undefined)[]>, count: number, x: Record<string, number>): void {
  for (const [c, col] of cols) if (!Object.hasOwn(x, c)) col.push(x[c]);
  for (const [c, v] of Object.entries(x)) {
    let col = cols.get(c);
    if (!col) cols.set(c, (col = count ? new Array<number | undefined>(count).fill(undefined) : []));
    col.push(v);
  }
}
/** Adds a line's value of each country to its running sum, in file order, as meanSd over `lines.map((l) => l.x[c])`
 * sums (a line without the country makes the sum NaN, as undefined does). */
function addSums(sums: Map<string, number>, count: number, x: Record<string, number>): void {
  for (const [c, s] of sums) sums.set(c, s + (x[c] as number));
  for (const [c, v] of Object.entries(x)) if (!sums.has(c)) sums.set(c, count ? NaN : 0 + v);
}

function emptyGames(): Games {
  return { count: 0, agents: {}, combos: 0, seeds: [Infinity, -Infinity], seedList: [], turns: [], scores: new Map(), gdp: new Map(), approval: new Map(), jpnMin: 0, jpnMinLow: Infinity, events: 0, split: new Map(), splitGames: 0 };
}
/** One game into `g` (its combos and turns kept in the sets until the end: finish). */
function addLine(g: Games, l: ResultLine, combos: Set<string>, turns: Set<number>): void {
  if (!g.count) g.agents = l.agents;
  combos.add(JSON.stringify(l.agents));
  if (l.seed < g.seeds[0]) g.seeds[0] = l.seed;
  if (l.seed > g.seeds[1]) g.seeds[1] = l.seed;
  g.seedList.push(l.seed);
  turns.add(l.outcomes.turns);
  addColumns(g.scores, g.count, l.scores);
  addSums(g.gdp, g.count, l.outcomes.gdpGrowthPct);
  addSums(g.approval, g.count, l.outcomes.approval);
  g.jpnMin += l.outcomes.jpnMinMagnetSupply;
  if (l.outcomes.jpnMinMagnetSupply < g.jpnMinLow) g.jpnMinLow = l.outcomes.jpnMinMagnetSupply;
  g.events += l.outcomes.events;
  if (l.scoreBy) {
    g.splitGames++;
    for (const [c, by] of Object.entries(l.scoreBy)) {
      const sums = g.split.get(c) ?? {};
      for (const [k, v] of Object.entries(by)) sums[k] = (sums[k] ?? 0) + v;
      g.split.set(c, sums);
    }
  }
  g.count++;
}
function finish(g: Games, combos: Set<string>, turns: Set<number>): Games {
  g.combos = combos.size;
  g.turns = [...turns];
  return g;
}

/** Read a .jsonl of result lines into what the section draws, line by line. `table`: payoffs.json, for a tournament's
 * games.jsonl (each game's unrounded scores from it). Malformed lines are a ReportError naming the file and line; a
 * file whose first line is not a result (or too long to be one) is skipped, as is one of more than `maxGames` games. */
export function readGames(path: string, table?: PayoffTable, maxGames = MAX_REPORT_GAMES): { games: Games; scores?: string } | { skipped: string } {
  const r = new LineReader(path, path, LIMITS.resultLine);
  const g = emptyGames();
  const combos = new Set<string>();
  const turns = new Set<number>();
  const exact = table ? new TournamentScores(table) : null;
  let exactCols: Map<string, (number | undefined)[]> | null = exact?.active ? new Map() : null;
  const take = (text: string, lineNo: number): 'skip' | void => {
    if (!text.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ReportError(`${path}: line ${lineNo}: not valid JSON (${oneLine((e as Error).message)})`);
    }
    if (!g.count && !(json && typeof json === 'object' && ['game', 'scores', 'outcomes'].some((k) => k in json))) return 'skip';
    const l = check(ResultSchema, json, `${path}: line ${lineNo}`);
    if (g.count === maxGames) throw new TooMany();
    if (exactCols) {
      const e = exact!.exact(l);
      if (e) addColumns(exactCols, g.count, e);
      else exactCols = null;
    }
    addLine(g, l, combos, turns);
  };
  try {
    for (;;) {
      let t: string | null;
      try {
        t = r.next();
      } catch (e) {
        if (!(e instanceof FileError)) throw e;
        if (!g.count && /is longer than/.test(e.message)) return { skipped: `not self-play results (line ${r.lineNo + 1} is longer than ${mb(LIMITS.resultLine)}, longer than any result line)` };
        throw new ReportError(e.message);
      }
      if (t === null) break;
      if (take(t, r.lineNo) === 'skip') return { skipped: 'not self-play results (no game, scores or outcomes on its first line)' };
    }
    // a last line with no newline after it is a line all the same
    if (r.partial !== null && take(r.partial, r.lineNo + 1) === 'skip') return { skipped: 'not self-play results (no game, scores or outcomes on its first line)' };
  } catch (e) {
    if (e instanceof TooMany) return { skipped: `more than ${maxGames} games, more than a report draws of one file: its games are left out of this report` };
    throw e;
  }
  if (!g.count) return { skipped: 'empty' };
  finish(g, combos, turns);
  if (exact && exactCols) g.scores = exactCols; // every line had its unrounded scores: the figures are of those
  return { games: g, ...(exact ? { scores: exact.sentence() } : {}) };
}
class TooMany extends Error {}

/** The Games of lines already in memory (as readGames has them from a file of those lines). */
export function gamesOf(lines: ResultLine[]): Games {
  const [g, combos, turns] = [emptyGames(), new Set<string>(), new Set<number>()];
  for (const l of lines) addLine(g, l, combos, turns);
  return finish(g, combos, turns);
}

const half = halfWidth95;
const p = (s: string) => `<p>${s}</p>`;
const b = (s: string) => `<b>${esc(s)}</b>`;

/** The Self-play section: per file, each country's score histogram and a table of its figures. */
export function selfplayHtml(results: { file: string; games: Games; scores?: string }[]): string {
  const H = ['<h2 id="selfplay">Self-play</h2>', p(`Scores are points against the game on the same seed with every seat at status quo, so a seat at status quo scores what the others' agents do to it (0 is not "as good as doing nothing" here: the others played differently).`)];
  for (const { file, games: g, scores } of results) {
    const countries = [...g.scores.keys()].sort();
    const who = g.combos === 1 ? esc(Object.entries(g.agents).map(([c, x]) => `${c}=${x}`).join(', ')) : `${g.combos} agent combinations, pooled${file === 'games.jsonl' ? ' (the tournament’s profiles; each one’s interval is in the payoff table)' : ''}, so no interval of the pooled mean`;
    H.push(`<h3>${esc(file)}</h3>`, p(`${plural(g.count, 'game')}, seeds ${g.seeds.join(' to ')}, ${g.turns.length === 1 ? plural(g.turns[0], 'turn') : `${Math.min(...g.turns)} to ${Math.max(...g.turns)} turns`}; agents: ${who}.${scores ? ` ${esc(scores)}` : ''}`));
    H.push('<div class="grid">' + countries.map((c, i) => {
      const v = g.scores.get(c)!.filter((x): x is number => Number.isFinite(x));
      return histogram({ title: `${c}: score`, xLabel: 'score (points vs status quo)', yLabel: 'games', values: v, colour: countryColour(c, i), desc: `Histogram of ${c}'s score over ${v.length} games: mean ${fx(meanSd(v).mean)}, from ${lowHigh(v).map((x) => fx(x)).join(' to ')}.` });
    }).join('') + '</div>');
    const rows = countries.map((c) => {
      const v = g.scores.get(c)!.slice().sort((x, y) => (x as number) - (y as number)) as number[];
      const { mean, sd } = meanSd(v);
      const h = half(sd, v.length);
      const med = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
      const avg = (sums: Map<string, number>) => (sums.get(c) ?? NaN) / g.count;
      // games of several agent combinations are not draws of one setting: an interval of their pooled mean means nothing
      const ci = g.combos > 1 ? 'n/a (pooled)' : Number.isFinite(h) ? `${fx(mean - h)} to ${fx(mean + h)}` : 'n/a';
      return [b(c), String(v.length), fx(mean), fx(sd), ci, fx(v[0]), fx(med), fx(v[v.length - 1]), `${fx(avg(g.gdp), 2, true)}%`, fx(avg(g.approval), 1)];
    });
    H.push(htmlTable(['country', 'games', 'mean score', 'sd', '95% interval of the mean', 'lowest', 'median', 'highest', 'mean GDP change', 'mean final approval'], rows, { num: [false, true, true, true, true, true, true, true, true, true] }));
    if (g.splitGames) {
      const keys = [...new Set([...g.split.values()].flatMap((by) => Object.keys(by)))];
      const older = g.splitGames < g.count ? ` (${plural(g.splitGames, 'game')} of ${g.count}: the others were written before scores were split)` : '';
      const rows = [...g.split.keys()].sort().map((c) => [b(c), ...keys.map((k) => fx((g.split.get(c)![k] ?? NaN) / g.splitGames))]);
      H.push(htmlTable(['country', ...keys.map((k) => esc(k))], rows, { num: [false, ...keys.map(() => true)], caption: `Mean score split by objective, points${older}: each objective’s part less the yardstick’s, averaged over the turns; a row adds up to the mean score, to rounding.` }));
    }
    H.push(p(`Japan’s lowest magnet supply in a game (share of its need): mean ${pct(g.jpnMin / g.count, 1)}, worst ${pct(g.jpnMinLow, 1)}. Events per game: ${fx(g.events / g.count, 1)} on average.`));
  }
  H.push(...pairedHtml(results));
  return H.join('\n');
}

/** Two files of one agent setting each, played on the same seeds and turns, compared seed by seed: each country's score
 * in the second less its score in the first, with the 95% interval of the mean difference (paired: the seed's shocks
 * cancel). An analyst's first comparison, hub against status quo, got two tables side by side and no difference. */
export function pairedHtml(results: { file: string; games: Games }[]): string[] {
  const H: string[] = [];
  const one = results.filter(({ games: g }) => g.combos === 1 && new Set(g.seedList).size === g.count);
  const key = (g: Games) => `${[...g.seedList].sort((x, y) => x - y).join(',')}|${[...g.turns].sort().join(',')}`;
  let pairs = 0;
  for (let i = 0; i < one.length; i++)
    for (let j = i + 1; j < one.length; j++) {
      let [a, z] = [one[i]!, one[j]!];
      if (key(a.games) !== key(z.games) || a.games.count < 2) continue;
      const differ = Object.keys({ ...a.games.agents, ...z.games.agents }).sort().filter((c) => a.games.agents[c] !== z.games.agents[c]);
      if (!differ.length || pairs >= 10) continue; // (ten pairs at most: a folder of many runs on one seed range)
      // the file whose differing seats stand still more is the baseline: "hub less status quo", not the other way
      const still = (g: Games) => differ.filter((c) => g.agents[c] === 'status-quo').length;
      if (still(z.games) > still(a.games)) [a, z] = [z, a];
      pairs++;
      const at = new Map(a.games.seedList.map((s, k) => [s, k]));
      // a country scored in every game of both files (a line without it would make its difference NaN)
      const whole = (g: Games, c: string) => g.scores.get(c)?.every((x) => Number.isFinite(x)) ?? false;
      const rows = [...z.games.scores.keys()].filter((c) => whole(z.games, c) && whole(a.games, c)).sort().map((c) => {
        const d = z.games.seedList.map((s, k) => (z.games.scores.get(c)![k] as number) - (a.games.scores.get(c)![at.get(s)!] as number));
        const { mean, sd } = meanSd(d);
        const h = half(sd, d.length);
        return [b(c), String(d.length), fx(mean), Number.isFinite(h) ? `${fx(mean - h)} to ${fx(mean + h)}` : 'n/a', fx(sd), pct(d.filter((x) => x > 0).length / d.length)];
      });
      H.push(p(`<b>${esc(z.file)}</b> less <b>${esc(a.file)}</b>, seed by seed (${plural(a.games.count, 'seed')}; agents that differ: ${esc(differ.map((c) => `${c} ${z.games.agents[c] ?? '?'} against ${a.games.agents[c] ?? '?'}`).join(', '))}). The same seed gives both games the same shocks, so the difference's interval is usually narrower than the two means' side by side.`));
      H.push(htmlTable(['country', 'seeds', 'mean difference (points)', '95% interval of it', 'sd of the difference', 'seeds where higher'], rows, { num: [false, true, true, true, true, true] }));
    }
  return H.length ? ['<h3>Paired comparisons</h3>', ...H] : [];
}
