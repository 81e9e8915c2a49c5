// `gambit report DIR` on a directory `gambit experiment --out DIR` wrote: the experiment's NAME.json keeps every
// game's figures, from which its report.html is written again, the same page the experiment wrote (it was refused as
// "nothing to report"). And what an existing report.html is: a report gambit wrote is replaced (and said to be); any
// other file of that name is left alone unless --force.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ExperimentSchema, type Cell } from './experiment.ts';
import { METRICS, type GameMetrics } from './experiment-play.ts';
import { experimentReport } from './experiment-report.ts';
import { LIMITS, head, parseJsonText, readTextCapped } from './files.ts';
import { check, ReportError } from './report-games.ts';

export const EXPERIMENT_FORMAT = 'rare-earth-gambit-experiment';

/** The experiment results in DIR (NAME.json whose format is the experiment's; only each file's opening is read to
 * tell), by name; [] when there are none or DIR cannot be read (the batch report's checks then say why). */
export function experimentsIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.filter((f) => new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${EXPERIMENT_FORMAT}"`).test(head(join(dir, f), 256)));
}

const RowSchema = z.object({ strategy: z.string(), opponents: z.string(), seed: z.number().int(), scoreBy: z.record(z.string(), z.number()), gdpBy: z.record(z.string(), z.number()).optional(), ...Object.fromEntries(METRICS.map((m) => [m, z.number()])) });
const ResultSchema = z.object({ format: z.literal(EXPERIMENT_FORMAT), version: z.literal(1), experiment: ExperimentSchema, seatScale: z.object({ name: z.string(), gdpPoints: z.number() }).optional(), seeds: z.array(z.number().int()).min(2), rows: z.array(RowSchema).min(1) });

/** The experiment's report.html, from its NAME.json: the cells in the order the rows give them, each game at its
 * seed's place. */
export function experimentHtml(path: string): string {
  const r = check(ResultSchema, parseJsonText(readTextCapped(path, path, LIMITS.table), path), path) as unknown as z.infer<typeof ResultSchema> & { rows: (GameMetrics & { strategy: string; opponents: string; seed: number })[] };
  const cells = new Map<string, Cell>();
  for (const row of r.rows) {
    const key = JSON.stringify([row.opponents, row.strategy]);
    if (!cells.has(key)) cells.set(key, { strategy: row.strategy, opponents: row.opponents, games: [] });
    const k = r.seeds.indexOf(row.seed);
    const games = cells.get(key)!.games;
    if (k < 0 || games[k]) throw new ReportError(`${path}: $.rows: ${row.opponents} / ${row.strategy} has ${k < 0 ? `seed ${row.seed}, not one of $.seeds` : `seed ${row.seed} twice`}`);
    const { strategy: _s, opponents: _o, seed: _d, ...metrics } = row;
    games[k] = metrics;
  }
  for (const c of cells.values())
    if (c.games.filter(Boolean).length !== r.seeds.length) throw new ReportError(`${path}: $.rows: ${c.opponents} / ${c.strategy} has ${c.games.filter(Boolean).length} of the ${r.seeds.length} seeds' games`);
  return experimentReport(r.experiment, [...cells.values()], r.seeds.length, r.seatScale).html;
}

