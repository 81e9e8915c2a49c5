// A fork's result (fork.json, *.fork.json) in `gambit report`: each country's mean difference with its interval, and
// that difference split by objective, as `gambit fork` prints them.
import { closeSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { OBJECTIVES } from '../../engine/index.ts';
import { countryColour, dotIntervals, esc, fx, htmlTable, pct } from './report-svg.ts';
import { OBJECTIVE_WORDS } from './experiment-report.ts'; // the objectives in words, as column heads too
import { plural } from './table.ts';

const nn = z.number().nullable();
const prof = z.record(z.string(), z.string());
export const ForkSchema = z.object({
  format: z.literal('rare-earth-gambit-fork'), version: z.literal(1), replay: z.string(), scenario: z.string(), at: z.number(), runs: z.number().int().min(1), seed: z.number(), original: prof, changed: prof, turnsPlayed: z.number(),
  // meanDiffBy: the mean difference split by objective (forks written before it was kept have none)
  results: z.array(z.object({ country: z.string(), meanDiff: z.number(), sd: z.number(), ci95: z.tuple([nn, nn]), shareBetter: z.number(), gdpDiffPct: z.number(), min: z.number(), max: z.number(), meanDiffBy: z.record(z.string(), z.number()).optional() })).min(1),
});
export type Fork = z.infer<typeof ForkSchema>;

const p = (s: string) => `<p>${s}</p>`;
const b = (s: string) => `<b>${esc(s)}</b>`;

/** The report's Fork section: per fork its chart and table, and the split by objective when the file has it (an
 * analyst saw the US lose more than Japan to China's ban and had to run `gambit fork` again to see why). */
export function forkHtml(forks: { file: string; data: Fork }[]): string {
  const H = ['<h2 id="fork">Fork</h2>'];
  for (const { file, data: f } of forks) {
    const change = Object.entries(f.changed).map(([c, x]) => `${c}=${x} instead of ${c}=${f.original[c] ?? '?'}`).join(', ');
    H.push(`<h3>${esc(file)}</h3>`, p(`From the replay <code>${esc(f.replay)}</code> at turn ${f.at}: ${b(change)}; ${plural(f.runs, 'seeded continuation')} of ${plural(f.turnsPlayed, 'turn')}. The difference is the fork minus the original in each country’s mean objective over the continuation (points); positive means the fork is better for that country.`));
    H.push(dotIntervals({
      title: `Fork minus original: ${change}`, xLabel: 'difference in mean objective (points, fork − original)', rows: f.results.map((r, i) => ({ label: r.country, mean: r.meanDiff, lo: r.ci95[0], hi: r.ci95[1], min: r.min, max: r.max, colour: countryColour(r.country, i) })),
      caption: f.runs < 2 ? 'With a single run there is no interval.' : undefined,
      desc: `Dot and interval chart. ${f.results.map((r) => `${r.country}: ${fx(r.meanDiff)} (95% interval ${fx(r.ci95[0])} to ${fx(r.ci95[1])})`).join('; ')}.`,
    }));
    H.push(htmlTable(['country', 'mean difference', '95% interval of the mean', 'runs better', 'lowest', 'highest', 'GDP at end'], f.results.map((r) => [b(r.country), fx(r.meanDiff, 2, true), r.ci95[0] === null || r.ci95[1] === null ? 'n/a' : `${fx(r.ci95[0], 2, true)} to ${fx(r.ci95[1], 2, true)}`, pct(r.shareBetter), fx(r.min, 2, true), fx(r.max, 2, true), `${fx(r.gdpDiffPct, 2, true)}%`]), { num: [false, true, true, true, true, true, true] }));
    if (f.results.every((r) => r.meanDiffBy))
      H.push(htmlTable(['country', 'mean difference', ...OBJECTIVES.map((k) => esc(OBJECTIVE_WORDS[k] ?? k))], f.results.map((r) => [b(r.country), fx(r.meanDiff, 2, true), ...OBJECTIVES.map((k) => fx(r.meanDiffBy![k] ?? 0, 2, true))]), { num: [false, ...OBJECTIVES.map(() => true), true], cls: 'wrap-head', caption: 'The mean difference split by objective, points: what each country gains or loses on (the parts add up to the mean, to rounding).' }));
    else H.push(p('This fork’s file has no split by objective (written before <code>gambit fork</code> kept one): run the fork again to see it.'));
  }
  return H.join('\n');
}

/** The JSON files of a directory that hold a fork's result: fork.json, *.fork.json, and any other *.json whose opening
 * names the fork format (`gambit fork --out x.json` writes it under the name given; the report left it out unsaid). The
 * batch files a report reads by name are not opened; the others only for their first 256 bytes. */
export function forkFiles(files: readonly string[], at: (f: string) => string): string[] {
  const named = new Set(['payoffs.json', 'analysis.json', 'sweep.json', 'sobol.json']);
  return files.filter((f) => f === 'fork.json' || f.endsWith('.fork.json') || (f.endsWith('.json') && !named.has(f) && opensAsFork(at(f))));
}

function opensAsFork(path: string): boolean {
  const head = Buffer.alloc(256);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, head, 0, head.length, 0);
    return /^\s*\{\s*"format"\s*:\s*"rare-earth-gambit-fork"/.test(head.subarray(0, n).toString('utf8'));
  } catch {
    return false; // unreadable: not a fork this report can read (the file is the user's; nothing said of it)
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
