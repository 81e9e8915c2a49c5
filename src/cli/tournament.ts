// `gambit tournament`: every profile of the agent pools (or a stated seeded sample), N games each on common seeds,
// written as a payoff table (mean, sd and 95% interval per country per profile) for `gambit analyze`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { COUNTRIES, ENGINE_VERSION, OBJECTIVES, hashValue, isCountry, type Content, type CountryId, type ObjectiveKey } from '../../engine/index.ts';
import { makeRng } from '../../engine/prng.ts';
import { halfWidth95, meanSd, t95 } from '../analysis/stats.ts';
import { FileError, issueInWords } from './errors.ts';
import { UsageError, hashesOf, int, loadScripts, makeSeats, parseAgentSpec, type LoadedScript } from './args.ts';
import { inputFiles, loadScenarioContent } from './content.ts';
import { MAX_GAMES_PER_RUN, MAX_MERGED_GAMES, MAX_SHARDS, MAX_TOURNAMENT_PROFILES, batchSetup, checkRunSize, checkSeeds, onWorkers, parseShard, shardSize } from './batch-options.ts';
import { LIMITS, LineReader, checkOutputs, earlierFile, parseJsonText, readTextCapped } from './files.ts';
import { parseResultLine } from './results.ts';
import { runTasks } from './pool.ts';
import { writeFileAtomic } from './io.ts';
import { CSV_HEADER, csvRow, type GameTask, type ResultLine } from './batch.ts';
import { roundResult } from './game-result.ts';
import { plural, splitLines } from './table.ts';

export { meanSd, t95 };

export interface TournamentOptions {
  scenario: string;
  pool: string[];
  gamesPerProfile: string;
  seed: string;
  workers?: string;
  turns?: string;
  agents?: string;
  sample?: string;
  out: string;
  progress: boolean;
  shard?: string;
}

/** What decides a tournament's results; shards of one tournament share it (tournament.json). */
export interface TournamentSpec {
  format: 'rare-earth-gambit-tournament';
  id: string;
  scenario: string;
  seed: number;
  gamesPerProfile: number;
  turns: number | null;
  pools: Record<CountryId, string[]>;
  profiles: Record<CountryId, string>[];
  profilesInAll: number;
}

/** The pools, one per country given, the others the fixed agent; `named` are the countries --agents names. */
export function parsePools(specs: string[], fixed: Record<CountryId, string>, named: ReadonlySet<string> = new Set()): Record<CountryId, string[]> {
  const pools = Object.fromEntries(COUNTRIES.map((c) => [c, [fixed[c]]])) as Record<CountryId, string[]>;
  const seen = new Set<string>();
  for (const s of specs) {
    const m = /^([A-Za-z]{3})=(.+)$/.exec(s);
    if (!m) throw new UsageError(`--pool: expected COUNTRY=agent1,agent2,..., got ${JSON.stringify(s)}`);
    const c = m[1].toUpperCase();
    if (!isCountry(c)) throw new UsageError(`--pool: unknown country ${JSON.stringify(m[1])}`);
    if (seen.has(c)) throw new UsageError(`--pool: ${c} is given twice`);
    seen.add(c);
    if (named.has(c)) throw new UsageError(`--pool ${c} and --agents ${c}=${fixed[c]}: a country with a pool has no fixed agent; put ${fixed[c]} in its pool instead`);
    const list = m[2].split(',').map((x) => x.trim());
    if (list.some((x) => !x)) throw new UsageError(`--pool ${c}: an empty agent name in ${JSON.stringify(m[2])}`);
    if (new Set(list).size !== list.length) throw new UsageError(`--pool ${c}: an agent is listed twice`);
    pools[c] = list;
  }
  if (!seen.size) throw new UsageError('--pool: give at least one, e.g. --pool JPN=persona,diversifier,hawk');
  return pools;
}

export async function cmdTournament(o: TournamentOptions): Promise<number> {
  const { content, seed, turns, workers } = batchSetup(o);
  const n = int('--games-per-profile', 1, MAX_GAMES_PER_RUN)(o.gamesPerProfile);
  checkSeeds(seed, n);
  const fixedNamed = new Set((o.agents ?? '').split(',').map((x) => x.split('=')[0].trim().toUpperCase()));
  const pools = parsePools(o.pool, parseAgentSpec(o.agents), fixedNamed);
  const named = COUNTRIES.flatMap((c) => pools[c].map((a) => [c, a] as const));
  const shardOut = o.shard !== undefined;
  checkOutputs(
    [{ path: o.out, flag: '--out', dir: true, inside: shardOut ? ['tournament.json', 'games.jsonl'] : TOURNAMENT_FILES }],
    [...inputFiles(o.scenario), ...named.filter(([, a]) => a.startsWith('scripted:')).map(([c, a]) => ({ path: a.slice(9), what: `a script in the pool of ${c}` }))],
  );
  const scripts: Record<string, LoadedScript> = {};
  for (const [c, a] of named) if (a.startsWith('scripted:')) Object.assign(scripts, loadScripts({ [c]: a } as Record<CountryId, string>, content));
  for (const [c, a] of named) makeSeats(content, { ...parseAgentSpec(undefined), [c]: a }, scripts, fixedNamed.has(c) ? '--agents' : `--pool ${c}`); // every name checked up front
  // profiles are numbered as the full product lists them (the last country's agent varies fastest); a sample draws
  // numbers, and only the profiles drawn are made
  const all = COUNTRIES.reduce((m, c) => m * pools[c].length, 1);
  const profileAt = (i: number): Record<CountryId, string> => {
    const p = {} as Record<CountryId, string>;
    for (let j = COUNTRIES.length - 1; j >= 0; j--) {
      const pool = pools[COUNTRIES[j]];
      p[COUNTRIES[j]] = pool[i % pool.length];
      i = Math.floor(i / pool.length);
    }
    return Object.fromEntries(COUNTRIES.map((c) => [c, p[c]])) as Record<CountryId, string>;
  };
  let picked: number[];
  if (o.sample !== undefined) {
    const k = int('--sample', 1, all)(o.sample);
    const rng = makeRng(`tournament-sample:${seed}`);
    // the seeded shuffle's first k (Fisher-Yates from the end), on an array of numbers, not of profiles
    const idx = new Uint32Array(all);
    for (let i = 0; i < all; i++) idx[i] = i;
    for (let i = all - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const x = idx[i];
      idx[i] = idx[j];
      idx[j] = x;
    }
    picked = [...idx.subarray(0, k)].sort((a, b) => a - b);
  } else if (all > 500) throw new UsageError(`--pool: ${all} profiles is too many to play all; add --sample K to play a seeded sample of K`);
  else picked = Array.from({ length: all }, (_, i) => i);
  const profiles = picked.map(profileAt);
  const hashes = hashesOf(scripts);
  // `unrounded`: a shard's games.jsonl holds the games' own scores, which the merged table is made of; shards written
  // before, with rounded lines, are another tournament and are not merged with these
  const id = hashValue({ scenario: content.scenario.id, content: content.hash, seed, n, turns: turns ?? null, profiles, scripts: hashes, engine: ENGINE_VERSION, unrounded: true });
  const spec: TournamentSpec = { format: 'rare-earth-gambit-tournament', id, scenario: o.scenario, seed, gamesPerProfile: n, turns: turns ?? null, pools, profiles, profilesInAll: all };
  const total = profiles.length * n;
  const shard = parseShard(o.shard, total);
  checkMergeable(o, profiles.length, n);
  checkRunSize(shardSize(total, shard), total, '--games-per-profile x profiles');
  const tasks: GameTask[] = [];
  profiles.forEach((p) => {
    for (let g = 0; g < n; g++) tasks.push({ scenario: o.scenario, game: tasks.length, seed: seed + g, agents: p, turns, run: id, runGames: total, scripts: hashes, exact: true, ...(shard ? { shard: `${shard.k}/${shard.n}` } : {}) });
  });
  const mine = shard ? tasks.filter((t) => t.game % shard.n === shard.k - 1) : tasks;
  process.stderr.write(`tournament: ${profiles.length} of ${all} profiles x ${n} game${n > 1 ? 's' : ''} = ${tasks.length} games${shard ? `, shard ${shard.k}/${shard.n}: ${mine.length}` : ''} ${onWorkers(workers)}\n`);
  // unrounded outcomes (exact): the table is of the games' own scores; games.jsonl's lines are rounded as self-play's
  // are, except a shard's, which merge makes the table from
  const lines = (await runTasks({ tasks: mine, workers, progress: o.progress, label: 'tournament' })).map((l) => JSON.parse(l) as ResultLine);
  if (shard) {
    writeFileAtomic(join(o.out, 'tournament.json'), JSON.stringify(spec, null, 1) + '\n');
    writeFileAtomic(join(o.out, 'games.jsonl'), lines.map((l) => JSON.stringify(l) + '\n'));
    process.stdout.write(`shard ${shard.k}/${shard.n}: ${plural(lines.length, 'game')} written to ${o.out}; combine the shards with gambit merge --out DIR SHARD_DIR...\n`);
    return 0;
  }
  process.stdout.write(writeTournament(o.out, content, spec, lines));
  return 0;
}

/** A tournament is at most what `gambit merge` takes (MAX_TOURNAMENT_PROFILES profiles, MAX_MERGED_GAMES games): past
 * that, refused before any game, since its shards could never be merged (and one run plays fewer games than that). */
function checkMergeable(o: Pick<TournamentOptions, 'sample' | 'shard' | 'gamesPerProfile'>, profiles: number, n: number): void {
  const shards = o.shard !== undefined ? `, so the shards of --shard ${o.shard} could never be merged` : '';
  if (profiles > MAX_TOURNAMENT_PROFILES)
    throw new UsageError(`--sample ${o.sample}: a tournament holds at most ${MAX_TOURNAMENT_PROFILES} profiles (gambit merge takes no more: its tournament.json lists them all)${shards}; sample at most ${MAX_TOURNAMENT_PROFILES}, or split the pools into several tournaments`);
  if (profiles * n > MAX_MERGED_GAMES)
    throw new UsageError(`--games-per-profile ${n} x ${profiles} profiles${o.sample !== undefined ? ` (--sample ${o.sample})` : ''} = ${profiles * n} games: a tournament holds at most ${MAX_MERGED_GAMES} games (gambit merge holds them all in memory to make the payoff table)${shards}; play fewer games per profile or fewer profiles`);
}

/** The payoff table of all of a tournament's games, sorted by game number (payoffs.json): per profile its games' seeds
 * and unrounded per-seed scores, and their means and sds. */
export function payoffTableOf(scenario: string, spec: TournamentSpec, sorted: readonly Pick<ResultLine, 'seed' | 'scores'>[]) {
  const n = spec.gamesPerProfile;
  const rows = spec.profiles.map((p, i) => {
    const games = sorted.slice(i * n, (i + 1) * n);
    const mean = {} as Record<CountryId, number>;
    const sd = {} as Record<CountryId, number>;
    const scores = {} as Record<CountryId, number[]>;
    for (const c of COUNTRIES) {
      scores[c] = games.map((g) => g.scores[c]);
      ({ mean: mean[c], sd: sd[c] } = meanSd(scores[c]));
    }
    // the per-seed scores let `analyze` compare profiles seed by seed (every profile plays the same seeds)
    return { strategies: p, games: n, mean, sd, seeds: games.map((g) => g.seed), scores };
  });
  return {
    format: 'rare-earth-gambit-payoffs' as const,
    version: 1 as const,
    scenario,
    seed: spec.seed,
    gamesPerProfile: n,
    turns: spec.turns,
    players: [...COUNTRIES],
    strategies: spec.pools,
    profiles: rows,
  };
}

/** What a tournament (or a merge of its shards) writes in its --out directory. */
const TOURNAMENT_FILES = ['payoffs.json', 'payoffs.csv', 'games.jsonl', 'games.csv'];

/** payoffs.json's text. */
export const payoffsText = (table: ReturnType<typeof payoffTableOf>): string => JSON.stringify(table, null, 1) + '\n';

/** Build and write payoffs.json (with each profile's seeds and per-seed scores), payoffs.csv and games.jsonl from all
 * of a tournament's games, unrounded: the table's figures are of the games' own scores, and only games.jsonl's lines
 * are rounded (roundResult); returns the summary text. */
export function writeTournament(dir: string, content: Content, spec: TournamentSpec, lines: ResultLine[]): string {
  const n = spec.gamesPerProfile;
  const sorted = [...lines].sort((a, b) => a.game - b.game).map(({ shard: _s, ...l }) => l as ResultLine);
  const table = payoffTableOf(content.scenario.id, spec, sorted);
  const rows = table.profiles;
  const text = payoffsText(table);
  const before = earlierFile(join(dir, 'payoffs.json'), text);
  writeFileAtomic(join(dir, 'payoffs.json'), text);
  const half = (sd: number) => halfWidth95(sd, n);
  const split = splitOf(sorted, rows.length, n);
  // each mean split by objective last, so the columns before keep their places (empty when the games lack the split)
  // the games' length last (a --turns tournament's CSV read beside a full one's is told apart), after the split
  const header = ['profile', ...COUNTRIES.map((c) => `agent_${c}`), 'games', ...COUNTRIES.flatMap((c) => [`mean_${c}`, `sd_${c}`, `ci95_low_${c}`, `ci95_high_${c}`]), ...COUNTRIES.flatMap((c) => OBJECTIVES.map((k) => `mean_${k}_${c}`)), 'turns'];
  const four = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '');
  const csv = rows.map((r, i) => [i, ...COUNTRIES.map((c) => r.strategies[c]), r.games, ...COUNTRIES.flatMap((c) => [r.mean[c], n > 1 ? r.sd[c] : NaN, r.mean[c] - half(r.sd[c]), r.mean[c] + half(r.sd[c])].map(four)), ...COUNTRIES.flatMap((c) => OBJECTIVES.map((k) => (split ? four(split[i][c][k]) : ''))), sorted[i * n].outcomes.turns].join(','));
  writeFileAtomic(join(dir, 'payoffs.csv'), [header.join(','), ...csv].join('\n') + '\n');
  writeFileAtomic(join(dir, 'games.jsonl'), sorted.map((l) => JSON.stringify(roundResult(l)) + '\n'));
  // a game per row, self-play's columns after its profile's row number in payoffs.csv (a join key: the games name
  // resolved agents, persona-jpn, where the table names the pool's, persona)
  writeFileAtomic(join(dir, 'games.csv'), [['profile', ...CSV_HEADER].join(','), ...sorted.map((l, k) => `${Math.floor(k / n)},${csvRow(roundResult(l))}`)].join('\n') + '\n');
  // the console table: the countries whose agent varies, their agents on the left and their mean scores on the right
  const varying = COUNTRIES.filter((c) => spec.pools[c].length > 1);
  const shown = varying.length ? varying : [...COUNTRIES];
  const fixed = COUNTRIES.filter((c) => !varying.includes(c));
  // a mean that rounds to zero reads 0.00, not -0.00
  const cell = (r: (typeof rows)[number], c: CountryId) => `${Math.abs(r.mean[c]) < 0.005 ? '0.00' : `${r.mean[c] > 0 ? '+' : ''}${r.mean[c].toFixed(2)}`} ${n > 1 ? `±${half(r.sd[c]).toFixed(2)}` : '(1 game: no interval)'}`;
  const aw = shown.map((c) => Math.max(c.length, ...rows.map((r) => r.strategies[c].length)) + 2);
  const sw = shown.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)) + 2);
  const left = (cells: string[]) => cells.map((x, i) => x.padEnd(aw[i])).join('');
  const right = (cells: string[]) => cells.map((x, i) => x.padEnd(sw[i])).join('').trimEnd();
  const lw = aw.reduce((x, y) => x + y, 0);
  const seeds = n > 1 ? `seeds ${spec.seed}-${spec.seed + (n - 1)}` : `seed ${spec.seed}`;
  const others = fixed.length && varying.length ? `; ${fixed.map((c) => `${c}=${spec.pools[c][0]}`).join(' ')} throughout (their scores: payoffs.csv)` : '';
  const out: string[] = [
    `payoff table: ${n} game${n > 1 ? 's' : ''} per profile (${seeds})${spec.turns != null ? `, ${spec.turns} turn${spec.turns === 1 ? '' : 's'} a game` : ''}${others}`,
    `cell: mean score in points (against the game on the same seed with every seat at status quo, so a seat at status quo scores what the others' agents do to it)${n > 1 ? ' ± half its 95% t-interval' : ''}`,
    '',
    `${'agents'.padEnd(lw)}| mean score, points${n > 1 ? ' ±95%' : ''}`,
    `${left(shown)}| ${right(shown)}`,
  ];
  for (const r of rows) out.push(`${left(shown.map((c) => r.strategies[c]))}| ${right(shown.map((c) => cell(r, c)))}`);
  // what each varying seat's agents scored on, over every profile they play in
  if (split && varying.length) {
    out.push('', `the mean scores split by objective (points; a split adds up to its score, to rounding), each agent over the profiles it plays in${varying.length > 1 ? ' (every mix of the other seats\' agents)' : ''}:`);
    for (const c of varying) {
      const of = spec.pools[c].map((a) => {
        const at = rows.flatMap((r, i) => (r.strategies[c] === a ? [i] : []));
        const avg = (f: (i: number) => number) => at.reduce((x, i) => x + f(i), 0) / at.length;
        return { label: a, score: avg((i) => rows[i].mean[c]), by: Object.fromEntries(OBJECTIVES.map((k) => [k, avg((i) => split[i][c][k])])) as Record<ObjectiveKey, number> };
      });
      out.push('', ...splitLines(c, of.filter((r) => Number.isFinite(r.score))));
    }
  }
  out.push('', `${before === 'none' ? 'written' : 'replaced'}: ${join(dir, 'payoffs.json')}, payoffs.csv, games.jsonl, games.csv${before === 'same' ? ' (the same table as before)' : ''}`);
  // what an earlier run left beside a different table is of that table: said, not removed (they are the user's files)
  const stale = before === 'other' ? ['analysis.json', 'report.html'].filter((f) => existsSync(join(dir, f))) : [];
  if (stale.length)
    out.push(
      `note: ${stale.map((f) => join(dir, f)).join(' and ')} ${stale.length > 1 ? 'are' : 'is'} of the earlier table, not this one; ${stale.includes('analysis.json') ? `gambit analyze ${join(dir, 'payoffs.json')} --out ${join(dir, 'analysis.json')}, then ` : ''}gambit report ${dir}`,
    );
  return out.join('\n') + '\n';
}

/** Each profile's mean score split by objective per country (games `n` a profile, in order), or null when a game lacks
 * the split (shards written before it was kept). */
function splitOf(sorted: readonly ResultLine[], profiles: number, n: number): Record<CountryId, Record<ObjectiveKey, number>>[] | null {
  if (!sorted.every((l) => l.scoreBy)) return null;
  return Array.from({ length: profiles }, (_, i) => {
    const games = sorted.slice(i * n, (i + 1) * n);
    return Object.fromEntries(COUNTRIES.map((c) => [c, Object.fromEntries(OBJECTIVES.map((k) => [k, games.reduce((x, g) => x + g.scoreBy![c][k], 0) / games.length]))])) as Record<CountryId, Record<ObjectiveKey, number>>;
  });
}

const TournamentSpecSchema = z
  .object({
    format: z.literal('rare-earth-gambit-tournament'),
    id: z.string().max(64),
    scenario: z.string().max(4096),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    gamesPerProfile: z.number().int().min(1).max(MAX_GAMES_PER_RUN),
    turns: z.number().int().min(1).max(1000).nullable(),
    pools: z.record(z.string(), z.array(z.string())),
    profiles: z.array(z.record(z.string(), z.string())).min(1).max(MAX_TOURNAMENT_PROFILES),
    profilesInAll: z.number().int().min(1),
  })
  .strict();

/** `gambit merge --out DIR SHARD_DIR...` for tournament shards: every shard exactly once, one tournament, all games,
 * each game in its shard and in the tournament's range. A shard refused for what it holds exits 1 (FileError);
 * shards that do not make one tournament (one missing or given twice, another tournament's), 2 (UsageError). */
export function mergeTournament(dirs: string[], out: string): number {
  const inputs = dirs.flatMap((d) => [join(d, 'tournament.json'), join(d, 'games.jsonl')].map((p) => ({ path: p, what: 'a shard being merged' })));
  checkOutputs([{ path: out, flag: '--out', dir: true, inside: TOURNAMENT_FILES }], inputs);
  let spec: TournamentSpec | null = null;
  const lines: ResultLine[] = [];
  const shards = new Map<number, string>();
  let n = 0;
  for (const d of dirs) {
    const f = join(d, 'tournament.json');
    const p = TournamentSpecSchema.safeParse(parseJsonText(readTextCapped(f, `merge: ${f}`, LIMITS.tournamentSpec), `merge: ${f}`));
    if (!p.success) throw new FileError(`merge: ${f}: not a tournament shard (${issueInWords(p.error.issues[0])})`);
    const s = p.data as TournamentSpec;
    if (spec && s.id !== spec.id) throw new UsageError(`merge: ${d} is a shard of another tournament`);
    spec ??= s;
    const total = s.profiles.length * s.gamesPerProfile;
    if (total > MAX_MERGED_GAMES) throw new FileError(`merge: ${f}: a tournament of ${total} games; merging holds every game in memory, so at most ${MAX_MERGED_GAMES}`);
    const r = new LineReader(join(d, 'games.jsonl'), `merge: ${join(d, 'games.jsonl')}`);
    let tag: string | null = null;
    let k = 0;
    for (let t = r.next(); t !== null; t = r.next()) {
      if (!t.trim()) continue;
      const where = `merge: ${r.path} line ${r.lineNo}`;
      const l = parseResultLine(t, where);
      if (l.run !== s.id || l.runGames !== total) throw new UsageError(`${where} comes from another tournament`);
      if (!l.shard || (tag !== null && l.shard !== tag)) throw new FileError(`merge: ${d} does not hold exactly one shard`);
      if (tag === null) {
        tag = l.shard;
        const [kk, nn] = tag.split('/').map(Number);
        if (!(kk >= 1 && kk <= nn && nn <= Math.min(total, MAX_SHARDS))) throw new FileError(`${where}: shard ${tag} is not a shard of a tournament of ${total} games`);
        k = kk;
        n ||= nn;
        if (nn !== n) throw new UsageError(`merge: ${d} is shard ${k}/${nn} but others are of ${n}`);
        if (shards.has(k)) throw new UsageError(`merge: shard ${k}/${n} appears twice (${shards.get(k)} and ${d})`);
        shards.set(k, d);
      }
      if (l.game >= total) throw new FileError(`${where}: game ${l.game} is outside the tournament's games 0-${total - 1}`);
      if (l.game % n !== k - 1) throw new FileError(`${where}: game ${l.game} does not belong to shard ${tag}`);
      if (l.seed !== s.seed + (l.game % s.gamesPerProfile)) throw new FileError(`${where}: game ${l.game} has seed ${l.seed}, not ${s.seed + (l.game % s.gamesPerProfile)}`);
      lines.push(l);
      if (lines.length > total) throw new FileError(`${where}: more games than the tournament's ${total}`);
    }
    if (tag === null) throw new FileError(`merge: ${d} holds no games`);
  }
  const missing: number[] = [];
  for (let k = 1; k <= n && missing.length <= 10; k++) if (!shards.has(k)) missing.push(k);
  if (missing.length) throw new UsageError(`merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).map((k) => `${k}/${n}`).join(', ')}${missing.length > 10 ? ', ...' : ''}`);
  const total = spec!.profiles.length * spec!.gamesPerProfile;
  if (new Set(lines.map((l) => l.game)).size !== total || lines.length !== total) throw new FileError(`merge: ${lines.length} games found, ${total} expected`);
  process.stdout.write(writeTournament(out, loadScenarioContent(spec!.scenario), spec!, lines));
  return 0;
}
