// One self-play game as a result line, the same whichever thread or machine runs it: the unit of every batch.
import {
  AgentOrdersError,
  COUNTRIES,
  ContentError,
  OBJECTIVES,
  ENGINE_VERSION,
  InvalidOrdersError,
  hashValue,
  type Content,
  type ContentIssue,
  type CountryId,
  type OrderIssue,
} from '../../engine/index.ts';
import { nearest } from '../../engine/near.ts';
import { loadContent } from '../content/load.ts';
import { UsageError, makeSeats, scriptsByHash } from './args.ts';
import { FileError } from './errors.ts';
import { gameResult, type GameTask, type ResultLine } from './game-result.ts';

export type { GameTask, ResultLine };

/** The id of a batch: everything that decides its results (scenario, content, seeds, games, turns, agents with their
 * scripts' contents, engine version). Shards of one batch share it. */
export function runId(content: Content, p: { seed: number; games: number; agents: Record<CountryId, string>; turns?: number; scripts?: Record<string, string> }): string {
  return hashValue({ scenario: content.scenario.id, content: content.hash, seed: p.seed, games: p.games, agents: p.agents, turns: p.turns ?? null, scripts: p.scripts ?? {}, engine: ENGINE_VERSION });
}

const variantCache = new Map<string, Content>();
/** The keys a dotted path walks through; keys that contain dots themselves (oxide.heavy) are matched greedily. */
export function pathKeys(root: unknown, path: string): string[] | null {
  const parts = path.split('.');
  const keys: string[] = [];
  let v = root;
  let i = 0;
  while (i < parts.length) {
    if (v === null || typeof v !== 'object') return null;
    let j = i;
    let key = parts[i];
    while (!Object.prototype.hasOwnProperty.call(v, key) && j + 1 < parts.length) key += '.' + parts[++j];
    if (!Object.prototype.hasOwnProperty.call(v, key)) return null;
    keys.push(key);
    v = (v as Record<string, unknown>)[key];
    i = j + 1;
  }
  return keys;
}

/** Where a dotted path ends (pathKeys' walk): the object holding the last key, and that key; null if it leads nowhere. */
export function leafAt(root: unknown, path: string): { parent: Record<string, unknown>; key: string } | null {
  const keys = pathKeys(root, path);
  if (!keys) return null;
  let parent = root as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
  return { parent, key: keys.at(-1)! };
}

/** The error for a --param path that names no numeric content parameter, with the closest path that does when one
 * is within two edits ("goods.autos.sigmaa": did you mean goods.autos.sigma?). */
export function notAParam(content: Content, path: string, example: string): string {
  const paths: string[] = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'number') paths.push(at);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
  };
  walk(content, '');
  const near = nearest(path, paths);
  return `--param: ${path} is not a numeric content parameter (${near ? `did you mean ${near}?` : `paths look like goods.autos.sigma or ${example}`})`;
}

/** Read a numeric content parameter by dotted path (e.g. goods.autos.sigma); undefined if there is none. */
export function readParam(content: Content, path: string): number | undefined {
  const keys = pathKeys(content, path);
  if (!keys) return undefined;
  let v: unknown = content;
  for (const k of keys) v = (v as Record<string, unknown>)[k];
  return typeof v === 'number' ? v : undefined;
}

/** A copy of the content with some parameters changed, and its own hash (so replays of it are told apart). */
export function withOverrides(content: Content, overrides: Record<string, number> | undefined): Content {
  if (!overrides || !Object.keys(overrides).length) return content;
  const key = content.hash + JSON.stringify(Object.entries(overrides).sort());
  const hit = variantCache.get(key);
  if (hit) return hit;
  const { hash: _h, ...rest } = content;
  const copy = structuredClone(rest) as Omit<Content, 'hash'>;
  for (const [path, value] of Object.entries(overrides)) {
    const at = leafAt(copy, path);
    if (!at || typeof at.parent[at.key] !== 'number') throw new Error(`no numeric content parameter ${path}`);
    at.parent[at.key] = value;
  }
  const out = { ...copy, hash: hashValue(copy) } as Content;
  if (variantCache.size >= 256) variantCache.clear(); // a Sobol sweep plays thousands of variants, once each
  variantCache.set(key, out);
  return out;
}

/** An agent's refused orders in a batch, with the game and seed they came from (the engine's error knows the turn). */
export type LocatedOrdersError = AgentOrdersError & { where?: string };

export function playOne(task: GameTask, loaded: Content = loadContent(task.scenario)): ResultLine {
  const content = withOverrides(loaded, task.overrides);
  const seats = makeSeats(content, task.agents, task.scripts ? scriptsByHash(task.scripts) : undefined);
  try {
    return gameResult(content, task, seats);
  } catch (e) {
    // a batch plays many games: say which one, so it can be played again alone (gambit run --seed S)
    if (e instanceof AgentOrdersError) (e as LocatedOrdersError).where = `game ${task.game} (seed ${task.seed})`;
    throw e;
  }
}

/** A batch of tasks, as a worker thread runs it. */
export function playMany(tasks: GameTask[]): string[] {
  return tasks.map((t) => JSON.stringify(playOne(t)));
}

/** An error as it crosses from a worker thread: structured clone would drop its class, and the CLI answers a
 * UsageError, ContentError or AgentOrdersError with one clean line, so those are rebuilt on the other side. */
export type WireError =
  | { kind: 'usage'; message: string }
  | { kind: 'file'; message: string }
  | { kind: 'content'; issues: ContentIssue[] }
  | { kind: 'agent-orders'; turn: number; agents: Record<string, string>; issues: OrderIssue[]; where?: string }
  | { kind: 'other'; name: string; message: string; stack?: string };

export function toWire(e: unknown): WireError {
  if (e instanceof UsageError) return { kind: 'usage', message: e.message };
  if (e instanceof FileError) return { kind: 'file', message: e.message };
  if (e instanceof ContentError) return { kind: 'content', issues: e.issues };
  if (e instanceof AgentOrdersError) {
    const where = (e as LocatedOrdersError).where;
    return { kind: 'agent-orders', turn: e.turn, agents: e.agents, issues: e.refusal.issues, ...(where ? { where } : {}) };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'other', name: err.name, message: err.message, stack: err.stack };
}

export function fromWire(w: WireError): Error {
  switch (w.kind) {
    case 'usage':
      return new UsageError(w.message);
    case 'file':
      return new FileError(w.message);
    case 'content':
      return new ContentError(w.issues);
    case 'agent-orders': {
      const e: LocatedOrdersError = new AgentOrdersError(w.turn, w.agents, new InvalidOrdersError(w.issues));
      if (w.where) e.where = w.where;
      return e;
    }
    default: {
      const e = new Error(w.message);
      e.name = w.name;
      if (w.stack) e.stack = w.stack;
      return e;
    }
  }
}

/** What a worker thread runs: the result lines, or the error, in a form that survives the trip back. */
export function playManyInWorker(tasks: GameTask[]): { lines: string[] } | { error: WireError } {
  try {
    return { lines: playMany(tasks) };
  } catch (e) {
    return { error: toWire(e) };
  }
}

export const CSV_HEADER = [
  'game',
  'seed',
  ...COUNTRIES.map((c) => `agent_${c}`),
  ...COUNTRIES.map((c) => `score_${c}`),
  ...COUNTRIES.map((c) => `gdp_growth_pct_${c}`),
  ...COUNTRIES.map((c) => `approval_${c}`),
  'jpn_min_magnet_supply',
  'final_price_oxide_light',
  'final_price_oxide_heavy',
  'final_price_magnet',
  'events',
  'turns',
  // last, so the columns before keep their places: each score split by objective (empty in older files)
  ...COUNTRIES.flatMap((c) => OBJECTIVES.map((k) => `score_${k}_${c}`)),
];

/** A CSV cell: quoted where it holds a comma, a quote or a newline (a scripted agent's path may). */
export const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function csvRow(l: ResultLine): string {
  const q = csvCell;
  return [
    l.game,
    l.seed,
    ...COUNTRIES.map((c) => q(l.agents[c])),
    ...COUNTRIES.map((c) => l.scores[c]),
    ...COUNTRIES.map((c) => l.outcomes.gdpGrowthPct[c]),
    ...COUNTRIES.map((c) => l.outcomes.approval[c]),
    l.outcomes.jpnMinMagnetSupply,
    l.outcomes.finalPrices['oxide.light'] ?? '', // empty in lines written before the NdPr price was recorded
    l.outcomes.finalPrices['oxide.heavy'],
    l.outcomes.finalPrices.magnet,
    l.outcomes.events,
    l.outcomes.turns,
    ...COUNTRIES.flatMap((c) => OBJECTIVES.map((k) => l.scoreBy?.[c][k] ?? '')),
  ].join(',');
}
