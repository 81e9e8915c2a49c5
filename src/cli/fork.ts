// `gambit fork REPLAY --at TURN`: from a replay's state at a turn, play N seeded continuations with the original
// agents and with others (or scripted orders), and report the distribution of outcome differences.
import { COUNTRIES, OBJECTIVES, objectivePartsIn, resolveTurnLean, verifyReplay, type Content, type CountryId, type GameState, type ObjectiveKey, type Orders, type Seats } from '../../engine/index.ts';
import { collectOrders } from '../../engine/index.ts';
import { newRngState } from '../../engine/prng.ts';
import { UsageError, int, loadScripts, makeSeats, namedInSpec, scriptsBeforeNotes } from './args.ts';
import { inputFiles } from './content.ts';
import { builtinScenarioPath } from '../content/load.ts';
import { FileError, plainWords } from './errors.ts';
import { checkOutputs } from './files.ts';
import { replayAgentsWatcher, agentCheckWords } from './replay-agents.ts';
import { readReplay, replayContent } from './replay-file.ts';
import { writeFileAtomic } from './io.ts';
import { halfWidth95, meanSd } from '../analysis/stats.ts';
import { plural, splitLines } from './table.ts';
import { progress } from './progress-log.ts';

export interface ForkOptions {
  at?: string;
  agents?: string;
  runs: string;
  seed: string;
  scenario?: string;
  out?: string;
  progress?: boolean;
}

/** Play a continuation to the end; `recorded` gives orders to use for seats whose agent is unavailable (scripted). */
/** The continuation's objectives turn by turn, and each country's objective parts summed over its turns (for the
 * split of the difference by objective). */
function continueGame(content: Content, start: GameState, seats: Partial<Seats>, recorded: Orders[], end: number): { objectives: Record<CountryId, number>[]; parts: Record<CountryId, Record<ObjectiveKey, number>>; state: GameState } {
  let s = start;
  const objectives: Record<CountryId, number>[] = [];
  const parts = Object.fromEntries(COUNTRIES.map((c) => [c, Object.fromEntries(OBJECTIVES.map((k) => [k, 0]))])) as Record<CountryId, Record<ObjectiveKey, number>>;
  while (s.turn < end) {
    const live = Object.fromEntries(COUNTRIES.filter((c) => seats[c]).map((c) => [c, seats[c]])) as Seats;
    const o: Orders = collectOrders(content, s, { ...Object.fromEntries(COUNTRIES.map((c) => [c, { name: 'status-quo', needsView: false, decide: () => ({}) }])), ...live } as Seats);
    const rec = recorded[s.turn] ?? {};
    for (const c of COUNTRIES) if (!seats[c] && rec[c]) o[c] = rec[c];
    const r = resolveTurnLean(content, s, o, { ledger: false });
    s = r.state;
    objectives.push(r.objective);
    for (const c of COUNTRIES) {
      const p = objectivePartsIn(content, s, c);
      for (const k of OBJECTIVES) parts[c][k] += p[k];
    }
  }
  return { objectives, parts, state: s };
}

export function cmdFork(file: string, o: ForkOptions): number {
  // the replay first: a missing or damaged file is the first thing to hear about, and --at's range comes from it
  const replay = readReplay(file);
  if (o.at === undefined) throw new UsageError(`--at: say which turn to fork from, 0 (the start) to ${replay.turns - 1} in ${file} (${replay.turns} turns played)`);
  const altNames = namedInSpec(o.agents);
  if (!Object.keys(altNames).length) throw new UsageError('--agents: say which countries play differently in the fork, e.g. --agents CHN=hawk or JPN=scripted:plan.json');
  const content = replayContent(file, replay, o.scenario);
  if (o.out !== undefined) checkOutputs([{ path: o.out, flag: '--out' }], [{ path: file, what: 'the replay' }, ...inputFiles(o.scenario ?? builtinScenarioPath(replay.scenarioId) ?? undefined, altNames)]);
  const at = int('--at', 0, replay.turns - 1)(o.at);
  const runs = int('--runs', 1, 100_000)(o.runs);
  const seed = int('--seed', 0)(o.seed);
  // one pass checks the hashes, the agents (the continuations play the replay's agents on: they must be the ones
  // whose orders it recorded) and keeps the state to fork from
  const agents = replayAgentsWatcher(content, replay, at);
  let start: GameState | null = null;
  const check = verifyReplay(content, replay, { upTo: at, visit: (s, played) => { agents.visit(s, played); if (played === at) start = s; } });
  if (!check.ok) throw new FileError(`${file}: ${plainWords(check.reason)}; cannot fork from it`);
  const who = agents.result();
  if (!who.ok) throw new FileError(`${file}: ${agentCheckWords(who)}; cannot fork from it`);
  // a fork in which every named seat plays as it did is the same game again: every difference is 0. That is a
  // check of the pairing (the continuations share their seeds), so it runs, and says so (once every
  // argument has been checked: a refused command prints its error alone)
  const same = Object.keys(altNames).filter((c) => altNames[c as CountryId] === replay.agents[c as CountryId]);
  if (same.length === Object.keys(altNames).length) process.stderr.write(`gambit: note: ${same.map((c) => `${c} already played ${altNames[c as CountryId]}`).join(', ')} in ${file}: the fork plays the same games again, so every difference is 0 (a check that the continuations are paired)\n`);
  const state = start as GameState | null;
  if (!state) throw new Error(`fork: the replay's state after turn ${at} was not reached`); // verifyReplay passed: cannot happen
  // the original agents where they can play again; scripted seats replay their recorded orders
  const original: Partial<Seats> = {};
  for (const c of COUNTRIES) {
    const name = replay.agents[c];
    if (!name || name.startsWith('scripted:')) continue;
    try {
      original[c] = makeSeats(content, { ...Object.fromEntries(COUNTRIES.map((k) => [k, 'status-quo'])), [c]: name === c ? 'persona' : name } as Record<CountryId, string>)[c];
    } catch (e) {
      throw new FileError(`${file}: the replay's agent for ${c} cannot play again (${(e as Error).message.replace(/^--agents: /, '')})`);
    }
  }
  for (const n of scriptsBeforeNotes(loadScripts(altNames as Record<CountryId, string>), at + 1, replay.orders.length)) process.stderr.write(`gambit: ${n}\n`);
  const altSeats = makeSeats(content, { ...Object.fromEntries(COUNTRIES.map((k) => [k, 'status-quo'])), ...altNames } as Record<CountryId, string>);
  const alternative: Partial<Seats> = { ...original };
  for (const c of Object.keys(altNames) as CountryId[]) alternative[c] = altSeats[c];
  const diffs: Record<CountryId, number[]> = Object.fromEntries(COUNTRIES.map((c) => [c, []])) as unknown as Record<CountryId, number[]>;
  const gdp: Record<CountryId, number[]> = Object.fromEntries(COUNTRIES.map((c) => [c, []])) as unknown as Record<CountryId, number[]>;
  // each objective's part of the difference, summed over the runs (the mean: divided by them below)
  const by = Object.fromEntries(COUNTRIES.map((c) => [c, Object.fromEntries(OBJECTIVES.map((k) => [k, 0]))])) as Record<CountryId, Record<ObjectiveKey, number>>;
  // a bar on a terminal, a line a minute in a log (a fork with the planner played 23 s in silence)
  const games = 2 * runs;
  const bar = progress(o.progress !== false, 'fork', games);
  for (let i = 0; i < runs; i++) {
    const start: GameState = { ...state, rng: newRngState(`fork:${seed}:${i}`), seed: `${replay.seed}/fork${seed}:${i}` };
    const a = continueGame(content, start, original, replay.orders, replay.orders.length);
    const b = continueGame(content, start, alternative, replay.orders, replay.orders.length);
    for (const c of COUNTRIES) {
      const mean = (xs: Record<CountryId, number>[]) => xs.reduce((s, x) => s + x[c], 0) / xs.length;
      diffs[c].push(mean(b.objectives) - mean(a.objectives));
      gdp[c].push((b.state.regions[c].gdp / a.state.regions[c].gdp - 1) * 100);
      for (const k of OBJECTIVES) by[c][k] += (b.parts[c][k] - a.parts[c][k]) / b.objectives.length;
    }
    bar.update(2 * (i + 1));
  }
  bar.stop();
  const rows = COUNTRIES.map((c) => {
    const d = meanSd(diffs[c]);
    const g = meanSd(gdp[c]);
    const half = halfWidth95(d.sd, runs);
    const better = diffs[c].filter((x) => x > 0).length / runs;
    const meanBy = Object.fromEntries(OBJECTIVES.map((k) => [k, by[c][k] / runs])) as Record<ObjectiveKey, number>;
    return { country: c, meanDiff: d.mean, sd: d.sd, ci95: [d.mean - half, d.mean + half], shareBetter: better, gdpDiffPct: g.mean, min: Math.min(...diffs[c]), max: Math.max(...diffs[c]), meanDiffBy: meanBy };
  });
  const result = { format: 'rare-earth-gambit-fork', version: 1, replay: file, scenario: replay.scenarioId, at, runs, seed, original: replay.agents, changed: altNames, turnsPlayed: replay.turns - at, results: rows };
  const lines = [
    `fork of ${file} at turn ${at}: ${Object.entries(altNames).map(([c, a]) => `${c}=${a}`).join(', ')} instead of ${Object.keys(altNames).map((c) => `${c}=${replay.agents[c as CountryId]}`).join(', ')}; ${runs} seeded continuation${runs > 1 ? 's' : ''} of ${plural(result.turnsPlayed, 'turn')}`,
    'difference in mean objective over the continuation (points), fork minus original:',
    '',
    `${'country'.padEnd(8)} ${'mean'.padStart(8)} ${'95% CI of mean'.padStart(20)} ${'runs better'.padStart(12)} ${'min'.padStart(8)} ${'max'.padStart(8)} ${'GDP at end'.padStart(11)}`,
    ...rows.map((r) => {
      // the row's widest figure sets its precision: a mean of +0.0033 between runs of -0.07 and +0.08 reads +0.00
      const f = (x: number) => forkFigure(x, Math.max(Math.abs(r.min), Math.abs(r.max), Math.abs(r.meanDiff)));
      return `${r.country.padEnd(8)} ${f(r.meanDiff).padStart(8)} ${(Number.isFinite(r.ci95[0]) ? `[${f(r.ci95[0])}, ${f(r.ci95[1])}]` : 'n/a').padStart(20)} ${`${Math.round(r.shareBetter * 100)}%`.padStart(12)} ${f(r.min).padStart(8)} ${f(r.max).padStart(8)} ${`${r.gdpDiffPct >= 0 ? '+' : ''}${r.gdpDiffPct.toFixed(2)}%`.padStart(11)}`;
    }),
    '',
    `95% CI of mean: Student t interval of the mean over the ${plural(runs, 'run')}; runs better: share of runs above 0; min, max: the runs' extremes; GDP at end: mean difference in final GDP, %`,
    '',
    // where each country's difference comes from (an analyst saw the US lose more than Japan to China's ban, and why
    // took a separate batch): the mean parts, summing to the mean
    'the mean difference split by objective (points; the parts add up to the mean, to rounding):',
    ...splitLines('country', rows.map((r) => ({ label: r.country, score: r.meanDiff, by: r.meanDiffBy }))),
  ];
  if (o.out) writeFileAtomic(o.out, JSON.stringify(result, null, 1) + '\n');
  process.stdout.write(lines.join('\n') + (o.out ? `\nwritten: ${o.out}` : '') + '\n'); // as the other commands name what they wrote
  return 0;
}

/** A difference in points for the fork's table, signed as the split below it is ("+0.45" in both, not "0.45" above
 * it): two decimals, or two significant digits when it is not zero and its row's widest figure (`widest`, |x| alone by
 * default) is smaller than two decimals show (a row whose runs are all better by 1e-4 read "0.00" beside "runs better
 * 100%"; a mean of +0.0033 between runs of -0.07 and +0.08 keeps two decimals). */
export function forkFigure(x: number, widest = Math.abs(x)): string {
  return (x > 0 ? '+' : '') + (x !== 0 && widest < 0.005 ? x.toPrecision(2) : x.toFixed(2));
}
