// `gambit tournament`: every profile of the agent pools (or a stated seeded sample), N games each on common seeds,
// written as a payoff table (mean, sd and 95% interval per country per profile) for `gambit analyze`.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTRIES, hashValue, isCountry, type Content, type CountryId } from '../../engine/index.ts';
import { makeRng } from '../../engine/prng.ts';
import { UsageError, int, makeSeats, parseAgentSpec } from './args.ts';
import { loadScenarioContent } from './content.ts';
import { batchSetup } from './batch-options.ts';
import { runTasks } from './pool.ts';
import { writeFileAtomic } from './io.ts';
import type { GameTask, ResultLine } from './batch.ts';
import { parseShard } from './selfplay.ts';

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

/** Two-sided 95% Student t quantile for df degrees of freedom. */
export function t95(df: number): number {
  const table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
  if (df < 1) return NaN;
  if (df <= 30) return table[df - 1];
  return 1.96 + 2.4 / df; // close to the exact values above 30
}

export function meanSd(xs: number[]): { mean: number; sd: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const v = n > 1 ? xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, sd: Math.sqrt(v) };
}

export function parsePools(specs: string[], fixed: Record<CountryId, string>): Record<CountryId, string[]> {
  const pools = Object.fromEntries(COUNTRIES.map((c) => [c, [fixed[c]]])) as Record<CountryId, string[]>;
  const seen = new Set<string>();
  for (const s of specs) {
    const m = /^([A-Za-z]{3})=(.+)$/.exec(s);
    if (!m) throw new UsageError(`--pool: expected COUNTRY=agent1,agent2,..., got ${JSON.stringify(s)}`);
    const c = m[1].toUpperCase();
    if (!isCountry(c)) throw new UsageError(`--pool: unknown country ${JSON.stringify(m[1])}`);
    if (seen.has(c)) throw new UsageError(`--pool: ${c} is given twice`);
    seen.add(c);
    const list = m[2].split(',').map((x) => x.trim()).filter(Boolean);
    if (new Set(list).size !== list.length) throw new UsageError(`--pool ${c}: an agent is listed twice`);
    pools[c] = list;
  }
  if (!seen.size) throw new UsageError('--pool: give at least one, e.g. --pool JPN=persona,diversifier,hawk');
  return pools;
}

export async function cmdTournament(o: TournamentOptions): Promise<number> {
  const { content, seed, turns, workers } = batchSetup(o);
  const n = int('--games-per-profile', 1, 100_000)(o.gamesPerProfile);
  const pools = parsePools(o.pool, parseAgentSpec(o.agents));
  for (const c of COUNTRIES) for (const a of pools[c]) makeSeats(content, { ...parseAgentSpec(undefined), [c]: a }); // every name checked up front
  let profiles: Record<CountryId, string>[] = [{} as Record<CountryId, string>];
  for (const c of COUNTRIES) profiles = profiles.flatMap((p) => pools[c].map((a) => ({ ...p, [c]: a })));
  const all = profiles.length;
  if (o.sample !== undefined) {
    const k = int('--sample', 1, all)(o.sample);
    const rng = makeRng(`tournament-sample:${seed}`);
    const idx = profiles.map((_, i) => i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    profiles = idx.slice(0, k).sort((a, b) => a - b).map((i) => profiles[i]);
  } else if (all > 500) throw new UsageError(`--pool: ${all} profiles is too many to play all; add --sample K to play a seeded sample of K`);
  const id = hashValue({ scenario: content.scenario.id, content: content.hash, seed, n, turns: turns ?? null, profiles });
  const spec: TournamentSpec = { format: 'rare-earth-gambit-tournament', id, scenario: o.scenario, seed, gamesPerProfile: n, turns: turns ?? null, pools, profiles, profilesInAll: all };
  const shard = parseShard(o.shard);
  const tasks: GameTask[] = [];
  profiles.forEach((p) => {
    for (let g = 0; g < n; g++) tasks.push({ scenario: o.scenario, game: tasks.length, seed: seed + g, agents: p, turns, run: id, runGames: profiles.length * n, ...(shard ? { shard: `${shard.k}/${shard.n}` } : {}) });
  });
  const mine = shard ? tasks.filter((t) => t.game % shard.n === shard.k - 1) : tasks;
  process.stderr.write(`tournament: ${profiles.length} of ${all} profiles x ${n} games = ${tasks.length} games${shard ? `, shard ${shard.k}/${shard.n}: ${mine.length}` : ''} on ${workers} worker${workers > 1 ? 's' : ''}\n`);
  const lines = (await runTasks({ tasks: mine, workers, progress: o.progress, label: 'tournament' })).map((l) => JSON.parse(l) as ResultLine);
  mkdirSync(o.out, { recursive: true });
  if (shard) {
    writeFileAtomic(join(o.out, 'tournament.json'), JSON.stringify(spec, null, 1) + '\n');
    writeFileAtomic(join(o.out, 'games.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    process.stdout.write(`shard ${shard.k}/${shard.n}: ${lines.length} games written to ${o.out}; combine the shards with gambit merge --out DIR SHARD_DIR...\n`);
    return 0;
  }
  process.stdout.write(writeTournament(o.out, content, spec, lines));
  return 0;
}

/** Build and write payoffs.json, payoffs.csv and games.jsonl from all of a tournament's games; returns the summary text. */
export function writeTournament(dir: string, content: Content, spec: TournamentSpec, lines: ResultLine[]): string {
  const n = spec.gamesPerProfile;
  const sorted = [...lines].sort((a, b) => a.game - b.game).map(({ shard: _s, ...l }) => l as ResultLine);
  const rows = spec.profiles.map((p, i) => {
    const games = sorted.slice(i * n, (i + 1) * n);
    const mean = {} as Record<CountryId, number>;
    const sd = {} as Record<CountryId, number>;
    for (const c of COUNTRIES) ({ mean: mean[c], sd: sd[c] } = meanSd(games.map((g) => g.scores[c])));
    return { strategies: p, games: n, mean, sd };
  });
  const table = {
    format: 'rare-earth-gambit-payoffs' as const,
    version: 1 as const,
    scenario: content.scenario.id,
    seed: spec.seed,
    gamesPerProfile: n,
    players: [...COUNTRIES],
    strategies: spec.pools,
    profiles: rows,
  };
  writeFileAtomic(join(dir, 'payoffs.json'), JSON.stringify(table, null, 1) + '\n');
  const half = (sd: number) => (n > 1 ? (t95(n - 1) * sd) / Math.sqrt(n) : NaN);
  const header = ['profile', ...COUNTRIES.map((c) => `agent_${c}`), 'games', ...COUNTRIES.flatMap((c) => [`mean_${c}`, `sd_${c}`, `ci95_low_${c}`, `ci95_high_${c}`])];
  const csv = rows.map((r, i) => [i, ...COUNTRIES.map((c) => r.strategies[c]), r.games, ...COUNTRIES.flatMap((c) => [r.mean[c], r.sd[c], r.mean[c] - half(r.sd[c]), r.mean[c] + half(r.sd[c])].map((x) => (Number.isFinite(x) ? x.toFixed(4) : '')))].join(','));
  writeFileAtomic(join(dir, 'payoffs.csv'), [header.join(','), ...csv].join('\n') + '\n');
  writeFileAtomic(join(dir, 'games.jsonl'), sorted.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const varying = COUNTRIES.filter((c) => spec.pools[c].length > 1);
  const w = (s: string, k: number) => s.padEnd(k);
  const out: string[] = [`payoff table (${n} games per profile; mean score with 95% interval):`, ''];
  out.push(`${varying.map((c) => w(c, 14)).join('')}| ${varying.map((c) => w(c, 22)).join('')}`);
  for (const r of rows) out.push(`${varying.map((c) => w(r.strategies[c], 14)).join('')}| ${varying.map((c) => w(`${r.mean[c] >= 0 ? '+' : ''}${r.mean[c].toFixed(2)} ±${half(r.sd[c]).toFixed(2)}`, 22)).join('')}`);
  out.push('', `written: ${join(dir, 'payoffs.json')}, payoffs.csv, games.jsonl`);
  return out.join('\n') + '\n';
}

/** `gambit merge --out DIR SHARD_DIR...` for tournament shards: every shard exactly once, one tournament, all games. */
export function mergeTournament(dirs: string[], out: string): number {
  let spec: TournamentSpec | null = null;
  const lines: ResultLine[] = [];
  const shards = new Map<number, string>();
  let n = 0;
  for (const d of dirs) {
    const s = JSON.parse(readFileSync(join(d, 'tournament.json'), 'utf8')) as TournamentSpec;
    if (spec && s.id !== spec.id) throw new UsageError(`merge: ${d} is a shard of another tournament`);
    spec ??= s;
    const ls = readFileSync(join(d, 'games.jsonl'), 'utf8').split('\n').filter((x) => x.trim()).map((x) => JSON.parse(x) as ResultLine);
    const tags = new Set(ls.map((l) => l.shard));
    if (tags.size !== 1) throw new UsageError(`merge: ${d} does not hold exactly one shard`);
    const [k, nn] = [...tags][0]!.split('/').map(Number);
    n ||= nn;
    if (nn !== n) throw new UsageError(`merge: ${d} is shard ${k}/${nn} but others are of ${n}`);
    if (shards.has(k)) throw new UsageError(`merge: shard ${k}/${n} appears twice (${shards.get(k)} and ${d})`);
    shards.set(k, d);
    lines.push(...ls);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !shards.has(k));
  if (missing.length) throw new UsageError(`merge: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${n}`).join(', ')}`);
  const total = spec!.profiles.length * spec!.gamesPerProfile;
  if (new Set(lines.map((l) => l.game)).size !== total || lines.length !== total) throw new UsageError(`merge: ${lines.length} games found, ${total} expected`);
  mkdirSync(out, { recursive: true });
  process.stdout.write(writeTournament(out, loadScenarioContent(spec!.scenario), spec!, lines));
  return 0;
}
