// The tournament payoff table: its zod schema, readable validation errors, and the dense index every analysis works on.
import { z } from 'zod';
import { meanSd } from './stats.ts';

/** A pure profile: one strategy name per player name. */
export type Profile = Record<string, string>;
/** A mixed strategy per player: probability per strategy name. */
export type Mix = Record<string, Record<string, number>>;

const ProfileRowSchema = z.strictObject({
  strategies: z.record(z.string(), z.string()),
  games: z.number().int().min(1),
  mean: z.record(z.string(), z.number()),
  sd: z.record(z.string(), z.number().min(0, 'a standard deviation cannot be negative')),
  /** The seeds of the profile's games, and each player's score in each (same order): what paired comparisons need.
   * Optional, so that tables written before tournaments kept them stay readable (their comparisons are unpaired). */
  seeds: z.array(z.number().int()).optional(),
  scores: z.record(z.string(), z.array(z.number())).optional(),
});

/** The JSON payoff table a tournament writes: per profile, the mean and sample sd of each player's payoff over its games
 * and, since tournaments keep them, the seeds and per-seed scores those come from. */
export const PayoffTableSchema = z
  .strictObject({
    format: z.literal('rare-earth-gambit-payoffs'),
    version: z.literal(1),
    scenario: z.string(),
    seed: z.number(),
    gamesPerProfile: z.number().int().min(1),
    /** the turns each game played; null: the whole game (absent in tables written before it was recorded) */
    turns: z.number().int().min(1).nullable().optional(),
    players: z.array(z.string().min(1)).min(1, 'at least one player'),
    strategies: z.record(z.string(), z.array(z.string().min(1)).min(1, 'a pool needs at least one strategy')),
    profiles: z.array(ProfileRowSchema),
  })
  .superRefine((t, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const players = new Set<string>();
    t.players.forEach((p, i) => {
      if (players.has(p)) issue(['players', i], `duplicate player ${JSON.stringify(p)}`);
      players.add(p);
    });
    for (const p of players) if (!(p in t.strategies)) issue(['strategies', p], `missing the strategy pool of player ${JSON.stringify(p)}`);
    for (const [p, pool] of Object.entries(t.strategies)) {
      if (!players.has(p)) issue(['strategies', p], `${JSON.stringify(p)} is not one of the players (${[...players].join(', ')})`);
      pool.forEach((s, j) => {
        if (pool.indexOf(s) !== j) issue(['strategies', p, j], `duplicate strategy ${JSON.stringify(s)} in the pool of ${p}`);
      });
    }
    const seen = new Map<string, number>();
    t.profiles.forEach((row, i) => {
      for (const field of ['strategies', 'mean', 'sd'] as const) {
        const rec = row[field];
        for (const p of players) if (!(p in rec)) issue(['profiles', i, field, p], `missing ${field === 'strategies' ? 'the strategy' : `the ${field}`} of player ${JSON.stringify(p)}`);
        for (const k of Object.keys(rec)) if (!players.has(k)) issue(['profiles', i, field, k], `${JSON.stringify(k)} is not one of the players`);
      }
      for (const p of players) {
        const s = row.strategies[p];
        const pool = t.strategies[p];
        if (s !== undefined && pool && !pool.includes(s)) issue(['profiles', i, 'strategies', p], `${JSON.stringify(s)} is not in the pool of ${p} (${pool.join(', ')})`);
      }
      perSeedIssues(row, players, (path, m) => issue(['profiles', i, ...path], m));
      const key = t.players.map((p) => row.strategies[p]).join('\u0000');
      const prev = seen.get(key);
      if (prev !== undefined) issue(['profiles', i], `the same profile as profiles[${prev}]`);
      else seen.set(key, i);
    });
  });

export type PayoffTable = z.infer<typeof PayoffTableSchema>;

/** A row's seeds and scores: both or neither, one per game, no seed twice, and the mean and sd they give. */
function perSeedIssues(row: z.infer<typeof ProfileRowSchema>, players: ReadonlySet<string>, issue: (path: PropertyKey[], message: string) => void): void {
  const { seeds, scores } = row;
  if (seeds === undefined && scores === undefined) return;
  if (seeds === undefined || scores === undefined) return issue([seeds === undefined ? 'seeds' : 'scores'], `missing: per-seed scores need both seeds and scores (the other is given)`);
  if (seeds.length !== row.games) issue(['seeds'], `${seeds.length} seeds for ${row.games} games`);
  const seen = new Set<number>();
  const dup = seeds.findIndex((x) => seen.size === seen.add(x).size); // one pass: a merged table has 100,000 seeds a row
  if (dup >= 0) issue(['seeds', dup], `seed ${seeds[dup]} is listed twice`);
  for (const k of Object.keys(scores)) if (!players.has(k)) issue(['scores', k], `${JSON.stringify(k)} is not one of the players`);
  for (const p of players) {
    const xs = scores[p];
    if (xs === undefined) {
      issue(['scores', p], `missing the per-seed scores of player ${JSON.stringify(p)}`);
      continue;
    }
    if (xs.length !== seeds.length) {
      issue(['scores', p], `${xs.length} scores for ${seeds.length} seeds`);
      continue;
    }
    const { mean, sd } = meanSd(xs);
    const off = (a: number, b: number | undefined, rel: number) => b !== undefined && Math.abs(a - b) > rel * Math.max(1, Math.abs(a));
    if (off(mean, row.mean[p], 1e-9)) issue(['mean', p], `${row.mean[p]} is not the mean of its per-seed scores (${mean})`);
    if (off(sd, row.sd[p], 1e-6)) issue(['sd', p], `${row.sd[p]} is not the sd of its per-seed scores (${sd})`);
  }
}

/** One problem in a payoff table, located by a JSON path such as `$.profiles[3].mean.JPN`. */
export interface TableIssue {
  path: string;
  message: string;
}

/** Thrown when a payoff table is malformed; the message lists every issue as `path: message`, one per line. */
export class PayoffTableError extends Error {
  readonly issues: TableIssue[];
  constructor(issues: TableIssue[]) {
    super(`invalid payoff table:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'PayoffTableError';
    this.issues = issues;
  }
}

/** `$`, `.key`, `[3]` or `["odd key"]` for each step of a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`;
  return s;
}

/** Validates unknown JSON as a payoff table; throws PayoffTableError naming the path of each problem. */
export function parsePayoffTable(input: unknown): PayoffTable {
  const r = PayoffTableSchema.safeParse(input);
  if (r.success) return r.data;
  throw new PayoffTableError(r.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })));
}

/** Largest full factorial the dense index accepts (profiles, not games). */
export const MAX_PROFILES = 2_000_000;

/**
 * Dense view of a table: profile ids in mixed radix over the players' pools (last player fastest, so ids
 * enumerate profiles lexicographically), with per-player means and standard errors. Missing profiles have
 * known[id] = 0 and NaN payoffs, which no analysis reads without checking known first.
 */
export interface GameIndex {
  readonly kind: 'game-index';
  readonly players: string[];
  readonly pools: string[][];
  readonly strides: number[];
  /** Number of profiles in the full factorial. */
  readonly size: number;
  readonly knownCount: number;
  readonly known: Uint8Array;
  /** mean[id * n + i]: mean payoff of player i at profile id. */
  readonly mean: Float64Array;
  /** se[id * n + i]: standard error sd / sqrt(games) of that mean. */
  readonly se: Float64Array;
  /** games[id]: the games behind profile id's means (0 when missing). */
  readonly games: Uint32Array;
  /** The distinct seed sets (ascending) of the profiles with per-seed scores; seedSet[id] indexes it, -1 for none. */
  readonly seedSets: number[][];
  readonly seedSet: Int32Array;
  /** perSeed[id][s * n + i]: player i's score at profile id on seedSets[seedSet[id]][s]; null without per-seed scores. */
  readonly perSeed: Array<Float64Array | null>;
  readonly table: PayoffTable;
}

export type TableLike = PayoffTable | GameIndex;

/** Builds the dense index after validating the table with PayoffTableSchema. */
export function indexTable(input: TableLike): GameIndex {
  if ((input as GameIndex).kind === 'game-index') return input as GameIndex;
  const table = parsePayoffTable(input);
  const players = table.players;
  const n = players.length;
  const pools = players.map((p) => table.strategies[p]);
  const strides = new Array<number>(n);
  let size = 1;
  for (let i = n - 1; i >= 0; i--) {
    strides[i] = size;
    size *= pools[i].length;
    if (size > MAX_PROFILES) throw new PayoffTableError([{ path: '$.strategies', message: `the full factorial exceeds ${MAX_PROFILES} profiles` }]);
  }
  const known = new Uint8Array(size);
  const mean = new Float64Array(size * n).fill(NaN);
  const se = new Float64Array(size * n).fill(NaN);
  const games = new Uint32Array(size);
  const seedSets: number[][] = [];
  const setOf = new Map<string, number>();
  const seedSet = new Int32Array(size).fill(-1);
  const perSeed: Array<Float64Array | null> = table.profiles.some((r) => r.seeds) ? new Array<Float64Array | null>(size).fill(null) : [];
  for (const row of table.profiles) {
    let id = 0;
    for (let i = 0; i < n; i++) id += pools[i].indexOf(row.strategies[players[i]]) * strides[i];
    known[id] = 1;
    games[id] = row.games;
    if (row.seeds && row.scores) {
      const order = row.seeds.map((_, k) => k).sort((a, b) => row.seeds![a] - row.seeds![b]);
      const sorted = order.map((k) => row.seeds![k]);
      const key = sorted.join(',');
      if (!setOf.has(key)) setOf.set(key, seedSets.push(sorted) - 1);
      seedSet[id] = setOf.get(key)!;
      const v = new Float64Array(order.length * n);
      order.forEach((k, s) => players.forEach((p, i) => (v[s * n + i] = row.scores![p][k])));
      perSeed[id] = v;
    }
    for (let i = 0; i < n; i++) {
      mean[id * n + i] = row.mean[players[i]];
      se[id * n + i] = row.sd[players[i]] / Math.sqrt(row.games);
    }
  }
  return { kind: 'game-index', players, pools, strides, size, knownCount: table.profiles.length, known, mean, se, games, seedSets, seedSet, perSeed, table };
}

/** The same game with other means (used by the resampling in confidence.ts). */
export function withMeans(g: GameIndex, mean: Float64Array): GameIndex {
  return { ...g, mean };
}

/** Strategy index of player i in profile id. */
export const digit = (g: GameIndex, id: number, i: number): number => Math.floor(id / g.strides[i]) % g.pools[i].length;

/** The profile id where player i plays strategy s instead and everyone else stays put. */
export const deviate = (g: GameIndex, id: number, i: number, s: number): number => id + (s - digit(g, id, i)) * g.strides[i];

export function profileOf(g: GameIndex, id: number): Profile {
  const out: Profile = {};
  g.players.forEach((p, i) => (out[p] = g.pools[i][digit(g, id, i)]));
  return out;
}

/** `AUS=persona CHN=hawk ...` in player order. */
export function profileLabel(g: GameIndex, id: number): string {
  return g.players.map((p, i) => `${p}=${g.pools[i][digit(g, id, i)]}`).join(' ');
}

/** Profile id of a profile given by names; throws a plain Error naming the bad player or strategy. */
export function profileId(g: GameIndex, profile: Profile): number {
  let id = 0;
  g.players.forEach((p, i) => {
    const s = profile[p];
    if (s === undefined) throw new Error(`profile: no strategy for player ${p}`);
    const k = g.pools[i].indexOf(s);
    if (k < 0) throw new Error(`profile: ${JSON.stringify(s)} is not in the pool of ${p} (${g.pools[i].join(', ')})`);
    id += k * g.strides[i];
  });
  return id;
}

/** Missing profiles, in id order, at most `limit` of them. */
export function missingProfiles(table: TableLike, limit = Infinity): Profile[] {
  const g = indexTable(table);
  const out: Profile[] = [];
  for (let id = 0; id < g.size && out.length < limit; id++) if (!g.known[id]) out.push(profileOf(g, id));
  return out;
}

/** max - min of all known means over all players (0 for an empty or constant table). */
export function payoffRange(g: GameIndex): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let id = 0; id < g.size; id++) {
    if (!g.known[id]) continue;
    for (let i = 0; i < g.players.length; i++) {
      const v = g.mean[id * g.players.length + i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return hi > lo ? hi - lo : 0;
}

/** Default tie tolerance: 1e-9 of the payoff range (absolute 1e-9 for ranges below 1), so exact ties in
 * hand-built tables count as ties while real differences in tournament means never do. */
export function defaultTolerance(g: GameIndex): number {
  return 1e-9 * Math.max(1, payoffRange(g));
}

/** A mixed strategy per player as a plain record, probabilities rounded to 1e-12 for readable JSON. */
export function mixRecord(g: GameIndex, x: ArrayLike<number>[]): Mix {
  const out: Mix = {};
  g.players.forEach((p, i) => {
    out[p] = {};
    g.pools[i].forEach((s, k) => (out[p][s] = Math.round(x[i][k] * 1e12) / 1e12));
  });
  return out;
}
