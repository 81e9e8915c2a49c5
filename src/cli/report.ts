// `gambit report DIR`: one self-contained HTML report (inline SVG charts, no external resources) of the batch outputs in DIR, plus CSV.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { hashValue } from '../../engine/index.ts';
import { analyzeTable, parsePayoffTable, PayoffTableError, type AnalysisResult, type PayoffTable, type Profile } from '../analysis/index.ts';
import { onlyOnePlayed, sharesCaveat, summaryLines, surelyAhead } from '../analysis/summary.ts';
import { caveatWords, overstated, resamplePct } from '../analysis/resample-caveat.ts';
import { motionInWords } from '../analysis/replicator.ts';
import { jsonSyntaxMessage } from '../content/load.ts';
import { LIMITS, mb, refuseForeignReport } from './files.ts';
import { UsageError } from './errors.ts';
import { check, oneLine, readGames, ReportError, selfplayHtml, type Games } from './report-games.ts';
import { writeFileAtomic } from './io.ts';
import { experimentHtml, experimentsIn } from './report-experiment.ts';
import { ForkSchema, forkFiles, forkHtml, type Fork } from './report-fork.ts';
import { halfWidth95 } from '../analysis/stats.ts';
import { NEGLIGIBLE_NOTE, byOutcome, inUnits, withinNoise } from './sweep.ts';
import { CSS, esc, fx, groupedBars, hBars, htmlTable, OKABE_ITO, pct, resetIds, sig } from './report-svg.ts';
import { plural } from './table.ts';

export { ReportError };

const nn = z.number().nullable();
const nums = z.record(z.string(), z.number());
const prof = z.record(z.string(), z.string());
const mix = z.record(z.string(), z.record(z.string(), z.number()));
const unavailable = z.object({ available: z.literal(false), reason: z.string() });
const SweepSchema = z.object({
  format: z.literal('rare-earth-gambit-sweep'), version: z.literal(1), scenario: z.string(), seed: z.number(), gamesPerVariant: z.number().int().min(1), turns: z.number().int().min(1).nullable().optional(), method: z.string(), agents: prof,
  variants: z.array(z.object({ params: nums, means: z.record(z.string(), nn) })),
  ranking: z.array(z.object({ path: z.string(), base: z.number(), values: z.array(z.number()), effects: z.record(z.string(), nn), overall: z.number(), clear: z.number().int().min(0).optional(), told: z.array(z.string()).optional(), strongest: z.object({ outcome: z.string().nullable().optional(), effect: nn, raw: z.number().optional(), means: z.array(z.number()).length(2).optional(), half95: nn.nullable().optional(), ci95: z.array(z.number()).length(2).optional(), negligible: z.literal(true).optional() }) })),
});
const motion = z.object({ kind: z.enum(['drift', 'cycle']), window: z.number(), player: z.string(), strategy: z.string(), from: z.number(), to: z.number(), travelled: z.number(), heading: z.string(), headingGain: z.number() }).optional();
const AnalysisSchema = z.object({
  format: z.literal('rare-earth-gambit-analysis'), version: z.literal(1), scenario: z.string(), seed: z.number(), gamesPerProfile: z.number(), turns: z.number().int().min(1).nullable().optional(), table: z.string().optional(), players: z.array(z.string()), strategies: z.record(z.string(), z.array(z.string())),
  profiles: z.object({ total: z.number(), known: z.number(), missingCount: z.number(), missing: z.array(prof) }), tolerance: z.number(), notes: z.array(z.string()),
  bestResponses: z.array(z.object({ player: z.string(), others: prof, best: z.array(z.string()), value: nn, margin: nn, unknown: z.array(z.string()), stability: nn, marginCi95: z.tuple([z.number(), z.number()]).nullable().optional() })),
  equilibria: z.object({ equilibria: z.array(z.object({ profile: prof, label: z.string(), payoffs: nums, minMargin: nn, closest: z.object({ player: z.string(), strategy: z.string() }).nullable() })), unverified: z.array(z.object({ profile: prof, label: z.string(), missing: z.array(prof) })) }),
  replicator: z.union([unavailable, z.object({ available: z.literal(true), method: z.string(), steps: z.number(), converged: z.boolean(), pure: prof.nullable(), regret: z.number(), averageRegret: z.number(), final: mix, average: mix, motion, runs: z.array(z.object({ converged: z.boolean(), pure: prof.nullable(), motion })) })]).nullable(),
  alphaRank: z.union([unavailable, z.object({ available: z.literal(true), note: z.string(), top: z.array(z.object({ profile: prof, label: z.string(), mass: z.number() })), marginals: mix })]).nullable(),
  confidence: z.object({ samples: z.number(), noEquilibrium: z.number(), equilibria: z.array(z.object({ label: z.string(), stable: z.number(), samples: z.number(), z: nn, basis: z.enum(['paired', 'unpaired']).nullable().optional(), minMarginCi95: z.tuple([z.number(), z.number()]).nullable().optional() })), others: z.array(z.object({ profile: prof, label: z.string(), frequency: z.number() })), alphaRank: z.union([z.object({ description: z.string() }), z.object({ skipped: z.string() })]).nullable() }).nullable(),
  topProfile: z.object({ source: z.enum(['alpha-rank', 'least-regret']), deviations: z.object({ label: z.string(), profile: prof, complete: z.boolean(), players: z.array(z.object({ player: z.string(), strategy: z.string(), payoff: nn, bestDeviation: z.string().nullable(), bestGain: nn, regret: nn })) }) }).nullable(),
});
type Sweep = z.infer<typeof SweepSchema>;

interface Inputs {
  dir: string;
  payoffs?: { file: string; table: PayoffTable };
  analysis?: { file: string; result: AnalysisResult };
  sweep?: { file: string; data: Sweep };
  forks: { file: string; data: Fork }[];
  /** each file's games as the Self-play section draws them; `scores`: for a tournament's games.jsonl, which scores the
   * figures are of (TournamentScores) */
  results: { file: string; games: Games; scores?: string }[];
  skipped: { file: string; why: string }[];
}

/** How long each game ran, as the report says it: from the file's `turns` (null: the whole game; absent: written
 * before it was recorded, and not said). */
const turnsWords = (turns: number | null | undefined): string => (turns === undefined ? '' : turns === null ? ' of the whole game' : ` of ${turns} turn${turns === 1 ? '' : 's'}`);

/** JSON inputs are read with a size cap: payoffs.json the payoff table's (LIMITS.table: the largest table merge writes),
 * the others this one (a report's files are batch outputs: far below it). A .jsonl is read line by line (readGames). */
const REPORT_INPUT_LIMIT = 256 * 1024 * 1024;
function readCapped(path: string, cap = REPORT_INPUT_LIMIT): string {
  const size = statSync(path).size;
  if (size > cap) throw new ReportError(`${path}: too large (${mb(size)}; the limit is ${mb(cap)})`);
  return readFileSync(path, 'utf8');
}
function readJson(path: string, name: string, cap?: number): unknown {
  const text = readCapped(path, cap);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ReportError(`${name}: not valid JSON (${oneLine(jsonSyntaxMessage(text, e))})`);
  }
}

/** Reads and checks every input in DIR; throws ReportError on the first malformed one. */
export function loadInputs(dir: string, allowEmpty = false): Inputs {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`report: ${dir}: not a directory`);
    files = readdirSync(dir).filter((f) => statSync(join(dir, f)).isFile()).sort();
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`report: ${dir}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : oneLine((e as Error).message)}`);
  }
  const inp: Inputs = { dir, forks: [], results: [], skipped: [] };
  const at = (f: string) => join(dir, f);
  if (files.includes('payoffs.json')) {
    try {
      inp.payoffs = { file: 'payoffs.json', table: parsePayoffTable(readJson(at('payoffs.json'), at('payoffs.json'), LIMITS.table)) };
    } catch (e) {
      if (!(e instanceof PayoffTableError)) throw e;
      throw new ReportError(`${at('payoffs.json')}: ${e.issues[0].path}: ${oneLine(e.issues[0].message)}${e.issues.length > 1 ? ` (and ${e.issues.length - 1} more problem${e.issues.length > 2 ? 's' : ''})` : ''}`);
    }
  }
  if (files.includes('analysis.json')) {
    const result = check(AnalysisSchema, readJson(at('analysis.json'), at('analysis.json')), at('analysis.json')) as unknown as AnalysisResult;
    const t = inp.payoffs?.table;
    if (t && JSON.stringify([t.players, t.players.map((p) => t.strategies[p])]) !== JSON.stringify([result.players, result.players.map((p) => result.strategies[p])]))
      throw new ReportError(`${at('analysis.json')}: its players or strategy pools differ from those of payoffs.json (an analysis of another table?); remove it or redo the analysis`);
    // the same pools played again (other seeds, games or turns) into the same directory: the analysis is of the old table
    const other = t && (result.table !== undefined ? result.table !== hashValue(t) : result.scenario !== t.scenario || result.seed !== t.seed || result.gamesPerProfile !== t.gamesPerProfile);
    if (other)
      throw new ReportError(`${at('analysis.json')}: it is the analysis of another payoff table than payoffs.json (${result.table !== undefined ? 'its table hash differs' : `seed ${result.seed}, ${result.gamesPerProfile} games a profile, against seed ${t.seed}, ${t.gamesPerProfile}`}: the tournament played again into this directory?); remove it, or analyze the table again: gambit analyze ${at('payoffs.json')} --out ${at('analysis.json')}`);
    inp.analysis = { file: 'analysis.json', result };
  }
  if (files.includes('sweep.json')) inp.sweep = { file: 'sweep.json', data: check(SweepSchema, readJson(at('sweep.json'), at('sweep.json')), at('sweep.json')) };
  for (const f of forkFiles(files, at)) inp.forks.push({ file: f, data: check(ForkSchema, readJson(at(f), at(f)), at(f)) });
  for (const f of files.filter((f) => f.endsWith('.jsonl'))) {
    // a tournament's games: each game's unrounded scores from payoffs.json where it has them
    const r = readGames(at(f), f === 'games.jsonl' ? inp.payoffs?.table : undefined);
    if ('skipped' in r) inp.skipped.push({ file: f, why: r.skipped });
    else inp.results.push({ file: f, ...r });
  }
  // a Sobol sweep writes its own report (sobol.md): said so, not "write them with gambit ... sweep"
  if (!allowEmpty && !hasBatch(inp) && files.includes('sobol.json'))
    throw new UsageError(`report: ${dir}: a Sobol sweep's directory: its report is ${join(dir, 'sobol.md')} (with sobol.csv and sobol.json), which gambit sweep --method sobol wrote; report reads tournaments, one-at-a-time sweeps, forks and self-play`);
  if (!allowEmpty && !hasBatch(inp)) {
    // a batch's journal with no output beside it: a run that did not finish
    const journals = files.filter((f) => f.endsWith('.partial'));
    const unfinished = journals.length ? `; ${journals.join(', ')} ${journals.length === 1 ? 'is the journal' : 'are the journals'} of a batch that did not finish: run the same command with --resume to finish it, then report` : '';
    throw new UsageError(`report: ${dir}: nothing to report: no payoffs.json, analysis.json, sweep.json, *.fork.json or self-play *.jsonl in it (write them with gambit tournament, sweep, fork or selfplay --out)${unfinished}`);
  }
  return inp;
}

const half = halfWidth95;
const p = (s: string) => `<p>${s}</p>`;
const b = (s: string) => `<b>${esc(s)}</b>`;

/** Analysis sections: best responses, equilibria with confidence, replicator and α-Rank weights, deviation gains. */
function analysisHtml(a: AnalysisResult, varying: string[], short: (pr: Profile) => string): string {
  const H: string[] = [`<h3>Analysis</h3>`];
  if (a.notes.length) H.push(`<div class="note">${a.notes.map((n) => p(esc(n))).join('')}</div>`);
  // an analysis.json written before comparisons were paired has no pairing: its resampling took profiles as independent
  const pairing = (a as Partial<AnalysisResult>).pairing?.description ?? 'unpaired: this analysis.json predates paired comparisons, so profiles were taken as independent; analyze the table again for paired figures.';
  // the same opening as `gambit analyze` prints: who should play what, how sure, and how firm the equilibrium is (an
  // analysis.json from before paired comparisons has no margins' intervals to say it with)
  if ((a as Partial<AnalysisResult>).pairing) {
    const fromLabel = (l: string) => short(Object.fromEntries(l.split(' ').map((kv) => kv.split('='))) as Profile);
    H.push('<h4>In short</h4>', ...summaryLines(a, (r) => short(r.others), fromLabel).map((l) => p(esc(l))));
  }
  H.push('<h4>Best responses</h4>', p(`For each country and each combination of the other countries’ strategies, the strategy with the highest mean score. The margin is how far ahead it is of the next one; “resamples” is how often it stays best when the profile means are redrawn within their sampling noise. Comparisons: ${esc(pairing)}`));
  for (const pl of varying) {
    const rows = a.bestResponses.filter((r) => r.player === pl);
    const counts = new Map<string, number>();
    // (a case where one strategy alone was played has no best: onlyOnePlayed, as the text analysis says)
    for (const r of rows) for (const s of onlyOnePlayed(r) ? [] : r.best) counts.set(s, (counts.get(s) ?? 0) + 1);
    // the cases a strategy leads alone by a margin whose 95% interval is clear of 0 (an older analysis.json has none)
    const withCi = rows.some((r) => r.marginCi95 != null);
    const sureOf = (st: string) => surelyAhead(rows, st);
    const sum = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([s, c]) => `${b(s)} in ${c} of ${rows.length}${withCi && counts.size > 1 ? ` (sure in ${sureOf(s)})` : ''}`).join(', ');
    const partial = rows.filter((r) => r.unknown.length && !onlyOnePlayed(r)).length;
    const alone = rows.filter(onlyOnePlayed).length;
    const top = [...counts.keys()][0];
    const noCi = !withCi && a.gamesPerProfile === 1;
    const notSure = withCi && counts.size === 1 ? rows.length - sureOf(top) : 0;
    const only =
      counts.size === 1 && [...counts.values()][0] === rows.length
        ? partial
          ? ` — ${b(top)} is best wherever it was compared, but in ${partial} of them some alternatives were not played`
          : notSure
            ? ` — ${b(top)} has the highest mean whatever the others play, but ${notSure === rows.length ? 'in every one of them' : `in ${notSure} of them`} its lead’s 95% interval takes in 0 (not sure)`
            : noCi
              ? ` — ${b(top)} has the highest mean whatever the others play (1 game per profile: how sure cannot be said)`
              : ` — ${b(top)} is best whatever the others play`
        : partial
          ? ` (in ${partial} of them some alternatives were not played: best among the known only)`
          : '';
    H.push(p(`${b(pl)}: best response ${sum || 'unknown'} situation${rows.length === 1 ? '' : 's'}${only}.${alone ? ` No best in ${alone} of them, where one strategy alone was played.` : ''}`));
    const others = (r: (typeof rows)[number]) => short(r.others) || '(no other choices)';
    const ci95 = (c: [number, number] | null | undefined) => (c ? `±${sig((c[1] - c[0]) / 2)}` : '–'); // absent in an older analysis.json
    H.push(htmlTable(['others play', 'best', 'its mean (points)', 'margin', 'margin ±95%', 'same best in resamples', 'unknown'], rows.slice(0, 24).map((r) => [esc(others(r)), esc(onlyOnePlayed(r) ? `only ${r.best[0]}` : r.best.join(' = ') || '?'), fx(r.value), sig(r.margin), ci95(r.marginCi95), r.margin === null ? '–' : `${resamplePct(r.stability, '–')}${overstated(r.marginCi95, r.stability) ? '*' : ''}`, esc(r.unknown.join(', '))]), { num: [false, false, true, true, true, true, false] }));
    if (rows.slice(0, 24).some((r) => overstated(r.marginCi95, r.stability))) H.push(p(`*: the same best in (nearly) every resample, yet the margin's 95% interval takes in 0, so not sure: ${esc(caveatWords(a.gamesPerProfile, a.pairing?.basis === 'paired'))}.`));
    if (rows.length > 24) H.push(p(`… and ${rows.length - 24} more situations (see payoffs.json or gambit’s text analysis).`));
  }
  const eq = a.equilibria;
  const ci = a.confidence;
  H.push('<h4>Equilibrium candidates</h4>');
  if (!eq.equilibria.length) H.push(p('No pure equilibrium: in every known profile some country gains by switching strategy alone.'));
  else {
    H.push(p(`${eq.equilibria.length === 1 ? '1 pure equilibrium' : `${eq.equilibria.length} pure equilibria`} (no country gains by switching alone): ${eq.equilibria.map((e) => {
      const c = ci?.equilibria.find((x) => x.label === e.label);
      const sw = `${esc(e.closest?.player ?? '')} to ${esc(e.closest?.strategy ?? '')}`;
      const how = e.minMargin === null ? 'no country can switch' : e.minMargin <= a.tolerance ? `a switch ties it (${sw}: no gain, no loss), so it is a weak equilibrium` : `the closest switch (${sw}) loses ${sig(e.minMargin)} points`;
      const conf = c ? `; ${c.z === null ? 'the margin has no sampling noise' : `that is ${sig(c.z)} standard errors${c.basis ? ` (${c.basis})` : ''}`}, and it stays an equilibrium in ${resamplePct(c.stable, '–')} of ${c.samples} resamples${overstated(c.minMarginCi95, c.stable) ? `, yet it is not firm: the margin's 95% interval takes in 0, and ${esc(caveatWords(a.gamesPerProfile, a.pairing?.basis === 'paired'))}` : ''}` : '';
      return `${b(short(e.profile))}: ${how}${conf}`;
    }).join('; ')}.`));
  }
  if (eq.unverified.length) H.push(p(`Not claimed as equilibria (no known profitable switch, but some switches were not played): ${eq.unverified.map((u) => `${b(short(u.profile))} (${plural(u.missing.length, 'missing profile')})`).join('; ')}.`));
  if (ci?.others.length) H.push(p(`Equilibria only in some resamples: ${ci.others.map((o) => `${esc(short(o.profile))} (${resamplePct(o.frequency, '–')})`).join('; ')}.`));
  if (ci) H.push(p(`In ${resamplePct(ci.noEquilibrium, '–')} of ${ci.samples} resamples there is no pure equilibrium at all.`));
  const rep = a.replicator;
  const ar = a.alphaRank;
  H.push('<h4>Replicator dynamics and α-Rank</h4>');
  if (rep?.available || ar?.available) {
    const caveat = sharesCaveat(a, rep?.available && ar?.available ? 'The replicator’s shares and α-Rank’s masses below' : rep?.available ? 'The replicator’s shares below' : 'α-Rank’s masses below');
    if (caveat) H.push(`<p class="note">${esc(caveat)}</p>`);
  }
  if (rep && !rep.available) H.push(p(`Replicator dynamics unavailable: ${esc(rep.reason)}.`));
  if (rep?.available) {
    const end = rep.converged ? (rep.pure ? `converge to the pure profile ${b(short(rep.pure))}` : 'converge to a mixed rest point') : rep.motion ? `have not settled: ${esc(motionInWords(rep.motion, rep.steps, sig))}` : 'have not settled';
    const starts = rep.runs.slice(1).map((r) => (r.pure ? short(r.pure) : r.converged ? 'a mixed rest point' : r.motion?.kind === 'cycle' ? 'still cycling' : `still drifting${r.motion ? `, ${r.motion.player} towards ${r.motion.heading}` : ''}`));
    const tally = [...new Set(starts)].map((k) => `${esc(k)} (${starts.filter((s) => s === k).length})`).join('; ');
    H.push(p(`From an even mix of every pool, the replicator dynamics (${esc(rep.method)}, ${rep.steps} steps) ${end}. A country’s best switch against the final mix gains at most ${sig(rep.regret)} points (0 at an equilibrium)${rep.converged ? '' : `; against the time average, ${sig(rep.averageRegret)}`}.${tally ? ` From ${plural(starts.length, 'random start')}: ${tally}.` : ''}`));
  }
  if (ar && !ar.available) H.push(p(`α-Rank unavailable: ${esc(ar.reason)}.`));
  if (ar?.available) {
    const car = ci?.alphaRank;
    H.push(p(`α-Rank (${esc(ar.note)}) ranks the profiles by the long-run share of time a population of evolving players spends in them. Top: ${b(short(ar.top[0]?.profile ?? {}))} with ${pct(ar.top[0]?.mass, 1)} of the mass${car ? `; ${'description' in car ? `it is ${esc(car.description)}` : `its stability was not resampled (${esc(car.skipped)})`}` : ''}.`));
    H.push(htmlTable(['rank', 'profile', 'mass'], ar.top.slice(0, 8).map((t, i) => [String(i + 1), esc(short(t.profile)), pct(t.mass, 2)]), { num: [true, false, true] }));
  }
  if (rep?.available || ar?.available) {
    const rows = varying.flatMap((pl) => (a.strategies[pl] ?? []).map((s) => [b(pl), esc(s), rep?.available ? pct(rep.final[pl]?.[s], 1) : '–', rep?.available ? pct(rep.average[pl]?.[s], 1) : '–', ar?.available ? pct(ar.marginals[pl]?.[s], 1) : '–']));
    H.push(htmlTable(['country', 'strategy', 'replicator: final mix', 'replicator: time average', 'α-Rank: mass'], rows, { num: [false, false, true, true, true], caption: 'Weight of each strategy' }));
  }
  const tp = a.topProfile;
  if (tp) {
    const d = tp.deviations;
    H.push('<h4>Deviation gains</h4>', p(`At ${tp.source === 'alpha-rank' ? 'the top α-Rank profile' : 'the known profile with the least regret'}, ${b(short(d.profile))}${d.complete ? '' : ' (some switches were not played)'}: what each country would gain by switching alone to its best alternative (negative: every switch loses).`));
    // the gain's 95% interval, as `gambit analyze` prints it (absent in an analysis.json from before intervals)
    const gainCi = (x: (typeof d.players)[number]) => {
      const c = (x as Partial<{ bestGainCi95: [number, number] | null }>).bestGainCi95;
      return c ? `±${sig((c[1] - c[0]) / 2)}` : '–';
    };
    const rows = d.players.filter((x) => varying.includes(x.player)).map((x) => [b(x.player), esc(x.strategy), fx(x.payoff), esc(x.bestDeviation ?? '–'), sig(x.bestGain), gainCi(x), sig(x.regret)]);
    H.push(htmlTable(['country', 'plays', 'score (points)', 'best switch', 'gain (points)', 'gain ±95%', 'regret'], rows, { num: [false, false, true, false, true, true, true] }));
  }
  return H.join('\n');
}

function tournamentHtml(inp: Inputs): { html: string; csv: string | null } {
  const t = inp.payoffs?.table;
  const a = inp.analysis?.result ?? (t ? analyzeTable(t) : null)!;
  const players = t?.players ?? a.players;
  const pools = t?.strategies ?? a.strategies;
  const varying0 = players.filter((pl) => pools[pl].length > 1);
  const varying = varying0.length ? varying0 : players;
  const fixed = players.filter((pl) => !varying.includes(pl));
  const short = (pr: Profile) => varying.filter((pl) => pl in pr).map((pl) => `${pl}=${pr[pl]}`).join(' ');
  const H: string[] = ['<h2 id="tournament">Tournament</h2>'];
  const g = t?.gamesPerProfile ?? a.gamesPerProfile;
  H.push(p(`Scenario ${b(t?.scenario ?? a.scenario)}, ${g > 1 ? `seeds ${t?.seed ?? a.seed} to ${(t?.seed ?? a.seed) + g - 1}` : `seed ${t?.seed ?? a.seed}`}: ${plural(t ? t.profiles.length : a.profiles.known, 'profile')} of agents${a.profiles.missingCount ? ` (of ${a.profiles.total} possible)` : ''}, ${plural(g, 'game')} each${turnsWords(t?.turns ?? a.turns)}. Varying: ${varying.map((pl) => `${b(pl)} (${esc(pools[pl].join(', '))})`).join(', ')}${fixed.length ? `; fixed: ${fixed.map((pl) => `${esc(pl)} ${esc(pools[pl][0])}`).join(', ')}` : ''}. Scores are points against the game on the same seed with every seat at status quo, so a seat at status quo scores what the others' agents do to it (0 is not "as good as doing nothing" here: the others played differently). ${inp.analysis ? 'The analysis is read from analysis.json.' : 'The analysis below was computed from payoffs.json.'}`));
  let csv: string | null = null;
  if (t) {
    const eqSet = new Set(a.equilibria.equilibria.map((e) => short(e.profile)));
    H.push('<h3>Payoff table</h3>');
    // a profile's number is its row in payoffs.csv (from 0), so the files join on it
    const rows = t.profiles.map((r, i) => [String(i), ...varying.map((pl) => esc(r.strategies[pl])), ...players.map((pl) => `${fx(r.mean[pl])} <span class="ci">± ${r.games > 1 ? fx(half(r.sd[pl], r.games)) : 'n/a'}</span>`)]);
    H.push(htmlTable(['profile', ...varying.map((pl) => `${esc(pl)} plays`), ...players.map((pl) => `${esc(pl)} score`)], rows, { num: [true, ...varying.map(() => false), ...players.map(() => true)], rowClass: (i) => (eqSet.has(short(t.profiles[i].strategies)) ? 'hi' : ''), caption: `Mean score (points) ± half-width of the 95% interval (Student t with games − 1 degrees of freedom). Highlighted: pure equilibria.` }));
    const keys = [...new Set(varying.flatMap((pl) => pools[pl]))];
    const colour = (k: string) => OKABE_ITO[keys.indexOf(k) % OKABE_ITO.length];
    const groups = varying.map((pl) => ({ label: pl, bars: pools[pl].map((s) => { const ms = t.profiles.filter((r) => r.strategies[pl] === s).map((r) => r.mean[pl]); return { key: s, value: ms.length ? ms.reduce((x, y) => x + y, 0) / ms.length : NaN, dots: ms.length > 1 && ms.length <= 40 ? ms : undefined }; }).filter((x) => Number.isFinite(x.value)) }));
    H.push('<h3>Mean score by own strategy</h3>', groupedBars({
      title: 'Each country’s mean score by the strategy it plays', yLabel: 'mean score (points vs status quo)', groups, keys, colour, dotLabel: 'one profile',
      desc: `Bar chart. ${groups.map((gr) => `${gr.label}: ${gr.bars.map((x) => `${x.key} ${fx(x.value)}`).join(', ')}`).join('; ')}.`,
      caption: 'Bar: the country’s mean score over the profiles where it plays that strategy (each profile counts once). Dots: the individual profiles.',
    }));
    const head = ['profile', ...players.map((pl) => `agent_${pl}`), 'games', 'country', 'strategy', 'mean', 'sd', 'ci95_low', 'ci95_high', 'equilibrium'];
    csv = csvText(head, t.profiles.flatMap((r, i) => players.map((pl) => [i, ...players.map((q) => r.strategies[q]), r.games, pl, r.strategies[pl], r.mean[pl], r.sd[pl], r.mean[pl] - half(r.sd[pl], r.games), r.mean[pl] + half(r.sd[pl], r.games), eqSet.has(short(r.strategies)) ? 1 : 0])));
  }
  H.push(analysisHtml(a, varying, short));
  return { html: H.join('\n'), csv };
}

/** The strongest effect in the outcome's own units (sweep.ts inUnits), where the sweep wrote it (older sweep.json files
 * did not). */
const unitsSpan = (st: { outcome?: string | null; raw?: number; means?: number[] }): string => (st.outcome == null || !inUnits(st) ? '' : ` <span class="ci">(${esc(inUnits(st))})</span>`);
/** A sweep's strongest effect that these games cannot tell from 0 (the sweep's own predicate). */
const noisy = (st: { outcome?: string | null; effect: number | null; half95?: number | null; ci95?: number[] }): boolean => st.outcome != null && st.effect !== null && withinNoise(st.effect, st);

function sweepHtml(s: Sweep): { html: string; csv: string } {
  const agents = [...new Set(Object.values(s.agents))];
  const H = ['<h2 id="sweep">Sweep</h2>'];
  const oat = s.method === 'one-at-a-time';
  H.push(p(`Scenario ${b(s.scenario)}, seed ${s.seed}: ${plural(s.ranking.length, 'parameter')}, ${plural(s.variants.length, 'variant')} (the baseline included) × ${plural(s.gamesPerVariant, 'game')}${turnsWords(s.turns)} on common seeds, ${esc(s.method)}; agents: ${agents.length === 1 ? `${esc(agents[0])} for every country` : esc(Object.entries(s.agents).map(([c, x]) => `${c}=${x}`).join(', '))}. An effect is ${oat ? 'in standard deviations of the outcome over all games of the sweep: the range of the variant means (± the 95% interval of that range from the seed-by-seed differences, when there are several seeds: a range inside it is not told apart from noise)' : 'the standardised regression coefficient, in standard deviations of the outcome’s mean over the sample points (with its 95% bootstrap interval over them)'}; in brackets, the same in the outcome’s own units (${oat ? 'the two means' : 'the fitted change over the range sampled'}), since an outcome that hardly varies makes a small change a large effect. “Overall” is the root mean square of a parameter’s effects over all outcomes, an effect below the smallest change the sweep counts in its outcome’s own units counted as 0.`));
  const shown = s.ranking.slice(0, 30);
  H.push(hBars({
    title: 'Parameters by overall effect on the outcomes', xLabel: 'overall effect (standard deviations of each outcome, RMS)', rows: shown.map((r) => ({ label: r.path, value: r.overall, note: r.strongest.outcome == null || r.strongest.effect === 0 ? 'moves no outcome' : `strongest: ${r.strongest.outcome}` })),
    desc: `Horizontal bar chart, largest first. ${shown.map((r) => `${r.path}: ${sig(r.overall)}`).join('; ')}.`,
    caption: s.ranking.length > shown.length ? `The first ${shown.length} of ${s.ranking.length} parameters; the table lists all.` : undefined,
  }));
  H.push(htmlTable(['rank', 'parameter', 'base', 'values tried', 'overall', 'strongest effect on', 'effect'], s.ranking.map((r, i) => [String(i + 1), `<code>${esc(r.path)}</code>`, sig(r.base), esc(r.values.map(sig).join(', ')), sig(r.overall), r.strongest.outcome == null || r.strongest.effect === 0 ? 'none: no outcome moved beyond numerical noise' : esc(r.strongest.outcome), `${sig(r.strongest.effect)}${typeof r.strongest.half95 === 'number' ? ` <span class="ci">± ${sig(r.strongest.half95)}</span>` : ''}${r.strongest.ci95 ? ` <span class="ci">[${r.strongest.ci95.map(sig).join(', ')}]</span>` : ''}${r.strongest.negligible ? ' (negligible)' : noisy(r.strongest) ? ' (within noise)' : ''}${unitsSpan(r.strongest)}`]), { num: [true, false, true, false, true, false, true] }));
  if (s.ranking.some((r) => r.strongest.negligible)) H.push(p(NEGLIGIBLE_NOTE.replace(/'/g, '’')));
  if (s.ranking.some((r) => !r.strongest.negligible && noisy(r.strongest))) H.push(p('(within noise): the 95% interval of the effect includes 0, so these games cannot tell it from 0.'));
  const outcomes = [...new Set(s.ranking.flatMap((r) => Object.keys(r.effects)))];
  // each outcome's own ranking (sweep.json's `told`, which older sweeps did not write)
  if (s.ranking.some((r) => r.told)) {
    H.push('<h3>By outcome</h3>', p('The parameters that move each outcome, strongest first: only effects these games tell from 0 (an outcome no parameter moved says so).'));
    H.push(htmlTable(['outcome', 'parameters that move it (effect)'], byOutcome(s.ranking, outcomes).map((o) => [esc(o.outcome), o.movers.length ? o.movers.map((m) => `<code>${esc(m.path)}</code> ${sig(m.effect)}`).join(', ') : 'none']), { num: [false, false] }));
  }
  // the strongest effect's interval beside it (the CSV had the effects and no interval at all)
  const lo = (r: (typeof s.ranking)[number]) => (typeof r.strongest.half95 === 'number' && r.strongest.effect !== null ? r.strongest.effect - r.strongest.half95 : (r.strongest.ci95?.[0] ?? ''));
  const hi = (r: (typeof s.ranking)[number]) => (typeof r.strongest.half95 === 'number' && r.strongest.effect !== null ? r.strongest.effect + r.strongest.half95 : (r.strongest.ci95?.[1] ?? ''));
  const csv = csvText(['rank', 'parameter', 'base', 'values', 'overall', 'strongest_outcome', 'strongest_effect', 'strongest_effect_lo95', 'strongest_effect_hi95', 'strongest_change', ...outcomes.map((o) => `effect_${o}`)], s.ranking.map((r, i) => [i + 1, r.path, r.base, r.values.join(';'), r.overall, r.strongest.outcome ?? '', r.strongest.effect, lo(r), hi(r), r.strongest.raw ?? '', ...outcomes.map((o) => r.effects[o])]));
  return { html: H.join('\n'), csv };
}

/** CSV as pandas and R read it: a header, commas, quoted text when needed, empty cells for missing numbers. */
function csvText(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined) => (typeof v === 'number' ? (Number.isFinite(v) ? String(Number(v.toPrecision(12))) : '') : v === null || v === undefined ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** The report's files (name → text), built without writing anything. */
export function buildReport(inp: Inputs): Record<string, string> {
  resetIds();
  const out: Record<string, string> = {};
  const sections: string[] = [];
  const nav: string[] = [];
  const found: string[] = [];
  if (inp.payoffs || inp.analysis) {
    const t = tournamentHtml(inp);
    sections.push(t.html);
    nav.push('<a href="#tournament">Tournament</a>');
    if (t.csv) out['report-tournament.csv'] = t.csv;
    if (inp.payoffs) found.push(`<code>payoffs.json</code>: tournament payoff table, ${plural(inp.payoffs.table.profiles.length, 'profile')} × ${plural(inp.payoffs.table.gamesPerProfile, 'game')}`);
    if (inp.analysis) found.push(`<code>analysis.json</code>: ${inp.payoffs ? 'its analysis (used as is, not recomputed)' : 'an analysis of a payoff table (no payoffs.json, so no payoff table or chart)'}`);
  }
  if (inp.sweep) {
    const s = sweepHtml(inp.sweep.data);
    sections.push(s.html);
    nav.push('<a href="#sweep">Sweep</a>');
    out['report-sweep.csv'] = s.csv;
    found.push(`<code>sweep.json</code>: sweep of ${plural(inp.sweep.data.ranking.length, 'parameter')}, ${plural(inp.sweep.data.variants.length, 'variant')} × ${plural(inp.sweep.data.gamesPerVariant, 'game')}`);
  }
  if (inp.forks.length) {
    sections.push(forkHtml(inp.forks));
    nav.push('<a href="#fork">Fork</a>');
    for (const f of inp.forks) found.push(`<code>${esc(f.file)}</code>: fork at turn ${f.data.at}, ${esc(Object.entries(f.data.changed).map(([c, x]) => `${c}=${x}`).join(', '))}, ${plural(f.data.runs, 'run')}`);
  }
  if (inp.results.length) {
    sections.push(selfplayHtml(inp.results));
    nav.push('<a href="#selfplay">Self-play</a>');
    // a tournament's games.jsonl is its games, not self-play's (an analyst read it as a self-play run beside the table)
    for (const r of inp.results) found.push(`<code>${esc(r.file)}</code>: ${plural(r.games.count, 'game')} ${r.file === 'games.jsonl' && inp.payoffs ? 'of the tournament, a result line each (pooled over its profiles in the Self-play section)' : 'of self-play results'}`);
  }
  for (const s of inp.skipped) found.push(`<span class="missing"><code>${esc(s.file)}</code>: skipped, ${esc(s.why)}</span>`);
  const absent = [!inp.payoffs && !inp.analysis && 'payoffs.json (no Tournament section)', !inp.sweep && 'sweep.json (no Sweep section)', !inp.forks.length && '*.fork.json (no Fork section)', !inp.results.length && 'self-play *.jsonl (no Self-play section)'].filter(Boolean);
  const csvs = Object.keys(out);
  out['report.html'] = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="gambit report">
<title>Rare Earth Gambit: batch report</title><style>${CSS}</style></head>
<body><main>
<h1>Rare Earth Gambit: batch report</h1>
<p class="sub">Directory <code>${esc(inp.dir)}</code></p>
<nav aria-label="Sections">${nav.join('')}</nav>
<section class="found" aria-label="What was found"><b>Found</b><ul>${found.map((f) => `<li>${f}</li>`).join('')}</ul>${absent.length ? `<span class="missing">Not found: ${absent.map((x) => esc(x)).join('; ')}.</span>` : ''}</section>
${sections.map((s) => `<section>\n${s}\n</section>`).join('\n')}
<footer>Written by <code>gambit report</code>: one self-contained file (no scripts, no external files)${csvs.length ? `; the tables are also in ${csvs.map((c) => `<code>${c}</code>`).join(' and ')} beside it` : ''}.</footer>
</main></body></html>
`;
  return out;
}

const hasBatch = (inp: Inputs) => Boolean(inp.payoffs || inp.analysis || inp.sweep || inp.forks.length || inp.results.length);

/** `gambit report DIR`: the batch report of DIR's outputs, or, in an experiment's directory, the experiment's report
 * written again from its NAME.json. A report.html (or report CSV) gambit wrote before is replaced and said to be
 * ("replaced:"); a report.html it did not write is refused unless `force` (nothing is written). */
export function cmdReport(dir: string, o: { force?: boolean } = {}): number {
  // someone's report.html (or a directory of that name) is refused before the inputs are read and analysed
  refuseForeignReport(join(dir, 'report.html'), o.force, 'report');
  let files: Record<string, string>;
  try {
    const exps = experimentsIn(dir);
    const inp = loadInputs(dir, exps.length > 0);
    if (exps.length > 1) throw new UsageError(`report: ${dir}: holds ${exps.length} experiments (${exps.join(', ')}), and one report.html cannot be the report of each: run gambit experiment with another --out for each`);
    if (exps.length && hasBatch(inp))
      throw new UsageError(`report: ${dir}: holds an experiment (${exps[0]}) and batch outputs too (${[inp.payoffs?.file, inp.analysis?.file, inp.sweep?.file, ...inp.forks.map((f) => f.file), ...inp.results.map((r) => r.file)].filter(Boolean).join(', ')}), and one report.html cannot be both: put them in directories of their own`);
    files = exps.length ? { 'report.html': experimentHtml(join(dir, exps[0])) } : buildReport(inp);
  } catch (e) {
    if (!(e instanceof ReportError)) throw e;
    process.stderr.write(`gambit: report: ${e.message}\n`);
    return 1;
  }
  for (const [name, text] of Object.entries(files)) {
    const had = existsSync(join(dir, name));
    writeFileAtomic(join(dir, name), text);
    process.stdout.write(`${had ? 'replaced' : 'written'}: ${join(dir, name)}\n`);
  }
  return 0;
}
