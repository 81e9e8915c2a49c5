// The readable side of a Sobol sweep: the markdown report (sobol.md) and the summary printed on stdout.
import type { SobolRun } from './sobol.ts';
import { plural } from './table.ts';
import { FLOOR_WORDS, materialFloor } from './sweep.ts';

/** Whether an outcome's spread over the sample (√12 sd: the range of a uniform draw, as a sweep's range of means is a
 * range) is below the smallest change the sweep counts in its units (materialFloor). */
const slightSpread = (o: SobolRun['outcomes'][number]): boolean => Math.sqrt(12) * o.sd < materialFloor(o.id, o.mean);

/** Outcome rows shown per table in the report (the rest are in sobol.csv). */
const TABLE_ROWS = 12;
/** The total index above which an outcome counts as depending on a parameter. */
const DEPENDS = 0.1;

/** How much of an outcome's variance the 1% most extreme sample points hold, and above which share it is flagged. */
const HEAVY = 0.2;
function tail(r: SobolRun, q: number): { share: number; farthest: number; median: number } {
  const ys = r.points.map((p) => p.f[q]);
  const mean = ys.reduce((a, y) => a + y, 0) / ys.length;
  const dev = ys.map((y) => (y - mean) ** 2).sort((a, b) => b - a);
  const total = dev.reduce((a, d) => a + d, 0);
  const top = dev.slice(0, Math.max(1, Math.floor(ys.length / 100))).reduce((a, d) => a + d, 0);
  const sorted = [...ys].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const farthest = sorted[0] !== undefined && Math.abs(sorted[0] - median) > Math.abs(sorted.at(-1)! - median) ? sorted[0] : sorted.at(-1)!;
  return { share: total > 0 ? top / total : 0, farthest, median };
}

/** Why an outcome has no variance to attribute, or null when it is the same at every point: a spread within the
 * numerical noise of the market solver (SOLVER_NOISE), in which its indices would only rank noise. */
function under(o: SobolRun['outcomes'][number]): string | null {
  if (!(o.sd > 1e-12 * Math.max(1, Math.abs(o.mean))) || o.noise === undefined) return null;
  return `sd ${g(o.sd)}, within ${o.noise.toExponential(0)} of its size: the market solver's numerical noise`;
}

const f2 = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2));
const g = (v: number) => String(Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? Number(v.toPrecision(3)) : Math.round(v * 1000) / 1000);
const ci = (x: number, [lo, hi]: [number, number]) => `${f2(x)} [${f2(lo)}, ${f2(hi)}]`;

export function sobolMarkdown(r: SobolRun): string {
  const k = r.params.length;
  const byPath = new Map(r.params.map((p) => [p.path, p]));
  const out: string[] = [];
  out.push('# Global sensitivity of the outcomes to the content\'s assumptions (Sobol indices)', '');
  out.push('```sh', r.command, '```', '');
  out.push(
    `Ran on commit \`${r.commit}\` (content hash \`${r.contentHash}\`), scenario \`${r.scenario}\`, ${r.turns ?? 'all'} turns, seed ${r.seed}, ` +
      `${r.games} game${r.games > 1 ? 's' : ''} per sample point, agents ${[...new Set(Object.values(r.agents))].length === 1 ? `\`${Object.values(r.agents)[0]}\` in every seat` : Object.entries(r.agents).map(([c, a]) => `${c}=${a}`).join(', ')}. ` +
      'The model and its content change: re-run the command above for current figures.',
    '',
  );
  const given = r.params.filter((x) => x.src === 'range given on the command line');
  out.push(
    `**Method.** ${plural(k, 'parameter')}, each drawn uniformly over ${given.length === 0 ? 'the range its content entry gives (`"range": [lo, hi]`)' : given.length === k ? 'the range given on the command line (`--param PATH=lo,hi`)' : `the range its content entry gives (\`"range": [lo, hi]\`), or for ${given.map((x) => `\`${x.path}\``).join(', ')} the one given on the command line`}. ${r.sampling}. ` +
      `N = ${r.n} base samples, so ${r.n * (k + 2)} sample points; every point plays the same seed${r.games > 1 ? 's' : ''} (common random numbers), ` +
      'and a point\'s scores are against the status-quo game under the same parameters. ' +
      `Estimators: ${r.estimators} (${r.bootstrap.resamples} resamples of the N base rows).`,
    '',
    '**Reading it.** S1 (first order) is the share of an outcome\'s variance over the ranges that one parameter explains alone; ' +
      'ST (total) adds everything it does together with the others, so ST near 0 means the outcome does not care where in its range ' +
      'that parameter is, and ST well above S1 means interactions. The true S1 of all parameters sum to at most 1 (the estimates need not, at small N). With small N the ' +
      'intervals are wide and small or negative estimates are noise around 0; rank by ST, and trust an index when its interval ' +
      'stays clear of 0.',
    '',
  );
  out.push(`## Which outcomes depend on which assumptions (ST > ${DEPENDS})`, '');
  const heavy = new Set(r.outcomes.filter((o, q) => !o.constant && tail(r, q).share > HEAVY).map((o) => o.id));
  // an outcome whose spread is below the smallest change the sweep counts in its own units (sweep.ts materialFloor;
  // the spread as the range of a uniform draw with the outcome's standard deviation, √12 sd, as a sweep's range of
  // means is a range): its indices
  // apportion a variance too small to matter, so it names no dependence here (an analyst read "goods.autos.sigma |
  // gdp_growth_pct_JPN (0.91)" for an outcome whose standard deviation was 0.0007 percentage points)
  const slight = new Set(r.outcomes.filter((o) => !o.constant && slightSpread(o)).map((o) => o.id));
  const deps = r.params.map((p) => ({ p, on: r.outcomes.filter((o) => !o.constant && !slight.has(o.id)).flatMap((o) => o.indices.filter((ix) => ix.path === p.path && ix.ST > DEPENDS).map((ix) => ({ id: o.id + (heavy.has(o.id) ? ' †' : ''), ST: ix.ST }))) }));
  const some = deps.filter((d) => d.on.length).sort((a, b) => b.on.length - a.on.length || Math.max(...b.on.map((x) => x.ST)) - Math.max(...a.on.map((x) => x.ST)));
  if (some.length) {
    out.push('| parameter | range (value) | outcomes (ST) |', '|---|---|---|');
    for (const d of some) out.push(`| \`${d.p.path}\` | ${g(d.p.lo)} to ${g(d.p.hi)} (${g(d.p.base)}) | ${d.on.sort((a, b) => b.ST - a.ST).map((x) => `${x.id} (${f2(x.ST)})`).join(', ')} |`);
  } else out.push(`No parameter has ST above ${DEPENDS} for any outcome.`);
  const none = deps.filter((d) => !d.on.length).map((d) => `\`${d.p.path}\``);
  if (none.length) out.push('', `No outcome${slight.size ? ' in this table' : ''} has ST above ${DEPENDS} for: ${none.join(', ')}.`);
  if (slight.size) out.push('', `Left out of this table: ${[...slight].join(', ')}, whose spread over the sample (√12 standard deviations, the range of a uniform draw) is below the smallest change the sweep counts (${FLOOR_WORDS}): their indices apportion a variance too small to matter (each outcome's section below still gives them).`);
  if (heavy.size) out.push('', `† heavy-tailed outcome (a few extreme games hold much of its variance): its indices are unstable, see its section.`);
  out.push('');
  r.outcomes.forEach((o, q) => {
    out.push(`## ${o.id}`, '');
    if (o.constant) {
      const why = under(o);
      out.push(why ? `No variance to attribute: mean ${g(o.mean)}, ${why}; its indices would only rank noise, so none are given.` : `The same in every sample point (${g(o.mean)}): no variance to attribute.`, '');
      return;
    }
    out.push(`Mean ${g(o.mean)}, standard deviation ${g(o.sd)} over the sample${slight.has(o.id) ? `, √12 of which is below the smallest change the sweep counts (${g(materialFloor(o.id, o.mean))}): the indices below apportion a variance too small to matter` : ''}.`, '');
    if (heavy.has(o.id)) {
      const tl = tail(r, q);
      out.push(
        `**Heavy tail.** The 1% most extreme sample points hold ${Math.round(tl.share * 100)}% of this outcome's squared deviations (the farthest is ${g(tl.farthest)}, the median ${g(tl.median)}), ` +
          'so a handful of games decide these indices: they are unstable at this N, and an ST above 1 (impossible in theory) is that noise. Read the ranking rather than the values; more base samples or `--games` steady them.',
        '',
      );
    }
    out.push('| parameter | range (value) | S1 [95% CI] | ST [95% CI] |', '|---|---|---|---|');
    for (const ix of o.indices.slice(0, TABLE_ROWS)) {
      const p = byPath.get(ix.path)!;
      out.push(`| \`${ix.path}\` | ${g(p.lo)} to ${g(p.hi)} (${g(p.base)}) | ${ci(ix.S1, ix.S1ci)} | ${ci(ix.ST, ix.STci)} |`);
    }
    const rest = o.indices.slice(TABLE_ROWS);
    if (rest.length) out.push('', `${rest.length} more parameter${rest.length > 1 ? 's' : ''}, each with ST at most ${f2(Math.max(...rest.map((x) => x.ST)))}: in sobol.csv.`);
    out.push('');
  });
  return out.join('\n');
}

/** The five parameters with the largest total index for each outcome. */
export function sobolSummary(r: SobolRun): string {
  const out = [`Sobol indices, ${plural(r.params.length, 'parameter')}, N = ${r.n} (${r.n * (r.params.length + 2)} sample points); top 5 by total index ST [95% CI], S1 beside:`];
  // an index is a share of variance, 0..1: estimates beyond that (by more than rounding) say N is too small to read them
  const off = r.outcomes.filter((o) => !o.constant && o.indices.some((ix) => ix.ST > 1.005 || ix.S1 > 1.005 || ix.ST < -0.005));
  if (off.length) out.push(`N = ${r.n} is too few here: ${off.length} of ${r.outcomes.filter((o) => !o.constant).length} outcomes have estimates outside 0..1, which true indices cannot be (small or negative S1 is noise around 0); read the ranking as rough, or raise --n.`);
  out.push('');
  r.outcomes.forEach((o, q) => {
    if (o.constant) {
      const why = under(o);
      out.push(why ? `${o.id}: no variance (mean ${g(o.mean)}, ${why}): indices not ranked` : `${o.id}: the same at every point (${g(o.mean)})`);
      return;
    }
    const tl = tail(r, q);
    // an outcome whose spread is below the smallest change the sweep counts: its ranking said so (sobolMarkdown's slight)
    const small = slightSpread(o);
    out.push(`${o.id} (mean ${g(o.mean)}, sd ${g(o.sd)})${small ? `: its spread (√12 sd) is below the smallest change the sweep counts (${g(materialFloor(o.id, o.mean))}), so these indices share out a variance too small to matter` : ''}${tl.share > HEAVY ? `: heavy-tailed, the 1% most extreme points hold ${Math.round(tl.share * 100)}% of the variance, indices unstable` : ''}`);
    for (const ix of o.indices.slice(0, 5)) out.push(`  ${ix.path.padEnd(48)} ST ${ci(ix.ST, ix.STci).padEnd(20)} S1 ${ci(ix.S1, ix.S1ci)}`);
  });
  return out.join('\n');
}
