// Parsing and checking CLI values (agents, seeds, counts, scripts): each bad value becomes a UsageError naming it.
import { resolve } from 'node:path';
import { COUNTRIES, hashValue, isCountry, makeAgent, ScriptSchema, type Agent, type Content, type ContentIssue, type CountryId, type Script } from '../../engine/index.ts';
import { zodIssues, formatIssue } from '../../engine/content.ts';
import { builtinKeyIssues } from '../../engine/content-check.ts';
import { FileError, UsageError, polishIssue } from './errors.ts';
import { LIMITS, parseJsonText, readTextCapped } from './files.ts';
import { passingTurns, scriptOrderIssues } from './script-check.ts';

export { UsageError };

export function int(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (v: string): number => {
    if (!/^-?\d+$/.test(v)) throw new UsageError(`${name} must be a whole number, got ${JSON.stringify(v)}`);
    const n = Number(v);
    // with no upper bound of its own, or one far above any number typed, a number too small names the lower bound
    // alone (not "between 1 and 9007199254740991"; --games 0 read "between 1 and 1000000000", a bound no run allows:
    // one run plays 100,000 at most, and the batch's own check says so)
    if (n < min && max >= 1_000_000) throw new UsageError(`${name} must be ${min} or more, got ${v}`);
    if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${v}`); // as typed: a number past 2^53 would read back as another
    return n;
  };
}

export function choice<T extends string>(name: string, options: readonly T[]) {
  return (v: string): T => {
    if (!options.includes(v as T)) throw new UsageError(`${name} must be one of ${options.join(', ')}, got ${JSON.stringify(v)}`);
    return v as T;
  };
}

/** "JPN=planner,CHN=hawk" -> names per country, defaulting the rest; a country named twice is refused (the second
 * would silently win). */
export function parseAgentSpec(spec: string | undefined, fallback = 'persona', flag = '--agents'): Record<CountryId, string> {
  const out = Object.fromEntries(COUNTRIES.map((c) => [c, fallback])) as Record<CountryId, string>;
  if (spec === undefined) return out;
  // an empty value (an unset shell variable, `--agents "$SPEC"`) is refused rather than read as every seat's default
  if (!spec.trim()) throw new UsageError(`${flag}: an empty value; give COUNTRY=NAME pairs such as JPN=planner${fallback === '\0' ? '' : `, or leave ${flag} out for ${fallback} in every seat`}`);
  const given = new Map<string, string>();
  for (const part of spec.split(',')) {
    const m = /^([A-Za-z]{3})=(.+)$/.exec(part.trim());
    if (!m) throw new UsageError(`${flag}: expected COUNTRY=NAME pairs such as JPN=planner, got ${JSON.stringify(part)}`);
    const c = m[1].toUpperCase();
    if (!isCountry(c)) throw new UsageError(`${flag}: unknown country ${JSON.stringify(m[1])} (countries: ${COUNTRIES.join(', ')})`);
    if (/^scripted:\s*$/.test(m[2])) throw new UsageError(`${flag}: ${c}=${m[2]} names no file; give the script's path after "scripted:", e.g. ${c}=scripted:plan.json`);
    if (given.has(c)) throw new UsageError(`${flag}: ${c} is given twice (${c}=${given.get(c)} and ${c}=${m[2]}); give each country once`);
    given.set(c, m[2]);
    out[c] = m[2];
  }
  return out;
}

/** The countries a spec names, with their agents (fork: only these play differently). */
export function namedInSpec(spec: string | undefined, flag = '--agents'): Partial<Record<CountryId, string>> {
  const all = parseAgentSpec(spec, '\0', flag);
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== '\0')) as Partial<Record<CountryId, string>>;
}

export interface LoadedScript {
  script: Script;
  /** the hash of its parsed contents: part of a batch's identity */
  hash: string;
}

/** Read and check a scripted agent's file: size cap, JSON, no built-in key names, the schema. Errors name the file,
 * the JSON path, what was expected and what was found (exit 1: the file is refused; one that does not fit its seat or
 * the scenario is a bad --agents value, exit 2, script-check.ts). `orders`, given, checks the orders of the turns that
 * pass the schema when the file as a whole does not, so one run names every problem (as validate does), not the
 * schema's first and the orders' on the next run. */
export function readScript(path: string, orders?: (part: Script) => ContentIssue[]): LoadedScript {
  const label = `scripted:${path}`;
  const json = parseJsonText(readTextCapped(path, label, LIMITS.script), label);
  const builtin = builtinKeyIssues(path, json); // "__proto__" would be swallowed by the parser: refuse it, never lose it
  if (builtin.length) throw new FileError(builtin.map(formatIssue).join('\n'));
  // a replay given as a script was refused in eleven schema lines ("$.format: expected no such key", ...)
  if (json !== null && typeof json === 'object' && (json as { format?: unknown }).format === 'rare-earth-gambit-replay')
    throw new FileError(`${label}: this is a replay (gambit run --out writes them), not a scripted agent's orders: a script is {"turns": {"1": {...}, ...}}, one seat's orders by turn (README, Scripted orders); gambit replay verify checks a replay`);
  const r = ScriptSchema.safeParse(json);
  if (!r.success) {
    const part = orders ? passingTurns(json) : null;
    throw new FileError([...zodIssues(path, json, r.error, ScriptSchema).map(polishIssue), ...(part ? orders!(part) : [])].map(formatIssue).join('\n'));
  }
  return { script: r.data, hash: hashValue(r.data) };
}

/** Scripts read by this thread, by path and hash: a batch reads each script once per thread, not once per game. */
const scriptCache = new Map<string, LoadedScript>();

/** Every script the agents name, read from disk now (fresh: a later batch in the same process sees edits). */
export function loadScripts(names: Record<CountryId, string>, content?: Content): Record<string, LoadedScript> {
  const out: Record<string, LoadedScript> = {};
  for (const [c, n] of Object.entries(names) as [CountryId, string][])
    if (n.startsWith('scripted:') && !Object.hasOwn(out, n.slice(9))) {
      // (with the content: a file the schema refuses has its other turns' orders checked as the first seat's it plays)
      const s = readScript(n.slice(9), content ? (part) => scriptOrderIssues(content, n.slice(9), part, c) : undefined);
      out[n.slice(9)] = s;
      if (scriptCache.size > 64) scriptCache.clear();
      scriptCache.set(`${resolve(n.slice(9))}\0${s.hash}`, s);
    }
  return out;
}

/** The scripts a batch task names by path and hash: from this thread's cache, read once on a miss; a file that no
 * longer has the batch's hash (edited while the batch ran) is refused. */
export function scriptsByHash(hashes: Record<string, string>): Record<string, LoadedScript> {
  const out: Record<string, LoadedScript> = {};
  for (const [path, hash] of Object.entries(hashes)) {
    const key = `${resolve(path)}\0${hash}`;
    let s = scriptCache.get(key);
    if (!s) {
      s = readScript(path);
      if (s.hash !== hash) throw new FileError(`scripted:${path}: the file changed while the batch ran; run it again`);
      if (scriptCache.size > 64) scriptCache.clear();
      scriptCache.set(key, s);
    }
    out[path] = s;
  }
  return out;
}

/** Path -> content hash of loaded scripts (what a batch task carries). */
export function hashesOf(scripts: Record<string, LoadedScript>): Record<string, string> {
  return Object.fromEntries(Object.entries(scripts).map(([p, s]) => [p, s.hash]));
}

/** The highest turn a script gives orders for. */
function lastTurn(s: Script): number {
  return Math.max(0, ...Object.keys(s.turns).map(Number));
}

/** A script with orders beyond the scenario's last turn is refused; beyond the turns played, noted (once, by the
 * command, not by every game). Returns the notes. */
export function scriptTurnNotes(content: Content, scripts: Record<string, LoadedScript>, turns: number | undefined): string[] {
  const notes: string[] = [];
  for (const [path, { script }] of Object.entries(scripts)) {
    const last = lastTurn(script);
    if (last > content.scenario.turns) throw new UsageError(`scripted:${path}: orders for turn ${last}, beyond the scenario's ${content.scenario.turns} turns`);
    if (turns !== undefined && last > turns) notes.push(`note: scripted:${path} gives orders up to turn ${last}, but only ${turns} turns are played; the later ones are not used`);
  }
  return notes;
}

/** Notes for scripts with orders for turns before `first`, the first turn played: a fork plays only the turns after its
 * fork point, and a script's turns are the game's own numbers, not counted from the fork. */
export function scriptsBeforeNotes(scripts: Record<string, LoadedScript>, first: number, last: number): string[] {
  const notes: string[] = [];
  for (const [path, { script }] of Object.entries(scripts)) {
    const listed = Object.keys(script.turns).map(Number).sort((a, b) => a - b);
    const before = listed.filter((t) => t < first);
    if (!before.length) continue;
    const used = listed.some((t) => t >= first && t <= last);
    notes.push(
      `note: scripted:${path} gives orders for turn${before.length > 1 ? 's' : ''} ${before.join(', ')}, before the turns played (${first}-${last}; a script's turns are the game's own, not counted from the fork): ` +
        (used ? 'those are not used' : 'none of its orders are used, so the seat keeps its standing policies'),
    );
  }
  return notes;
}

export function makeSeats(content: Content, names: Record<CountryId, string>, loaded?: Record<string, LoadedScript>, flag = '--agents'): Record<CountryId, Agent> {
  const scripts: Record<string, Script> = {};
  const have = loaded ?? loadScripts(names, content);
  for (const [path, s] of Object.entries(have)) scripts[path] = s.script;
  scriptTurnNotes(content, have, undefined); // orders beyond the scenario: refused wherever a seat is made
  const seats = {} as Record<CountryId, Agent>;
  for (const c of COUNTRIES) {
    // a script's orders that play would refuse whatever the game (one about its own seat, ...): refused now, not at
    // the turn that reaches them, partway through a batch
    if (names[c].startsWith('scripted:') && Object.hasOwn(scripts, names[c].slice(9))) {
      const issues = scriptOrderIssues(content, names[c].slice(9), scripts[names[c].slice(9)], c);
      if (issues.length) throw new UsageError(`${flag} ${c}=${names[c]}: ${issues.map(formatIssue).join('; ')}`);
    }
    try {
      seats[c] = makeAgent(content, names[c], c, scripts);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`${flag}: ${(e as Error).message}`);
    }
  }
  return seats;
}

/** The names shown in output: `persona` resolved to the persona's id. */
export function resolvedNames(seats: Record<CountryId, Agent>): Record<CountryId, string> {
  return Object.fromEntries(COUNTRIES.map((c) => [c, seats[c].name])) as Record<CountryId, string>;
}
