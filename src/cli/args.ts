// Parsing and checking CLI values (agents, seeds, counts): each bad value becomes a UsageError naming it.
import { readFileSync } from 'node:fs';
import { COUNTRIES, isCountry, makeAgent, ScriptSchema, type Agent, type Content, type CountryId, type Script } from '../../engine/index.ts';
import { zodIssues, formatIssue } from '../../engine/content.ts';
import { builtinKeyIssues } from '../../engine/content-check.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function int(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (v: string): number => {
    if (!/^-?\d+$/.test(v)) throw new UsageError(`${name} must be a whole number, got ${JSON.stringify(v)}`);
    const n = Number(v);
    if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

export function choice<T extends string>(name: string, options: readonly T[]) {
  return (v: string): T => {
    if (!options.includes(v as T)) throw new UsageError(`${name} must be one of ${options.join(', ')}, got ${JSON.stringify(v)}`);
    return v as T;
  };
}

/** "JPN=planner,CHN=hawk" -> names per country, defaulting the rest. */
export function parseAgentSpec(spec: string | undefined, fallback = 'persona'): Record<CountryId, string> {
  const out = Object.fromEntries(COUNTRIES.map((c) => [c, fallback])) as Record<CountryId, string>;
  if (!spec) return out;
  for (const part of spec.split(',')) {
    const m = /^([A-Za-z]{3})=(.+)$/.exec(part.trim());
    if (!m) throw new UsageError(`--agents: expected COUNTRY=NAME pairs such as JPN=planner, got ${JSON.stringify(part)}`);
    const c = m[1].toUpperCase();
    if (!isCountry(c)) throw new UsageError(`--agents: unknown country ${JSON.stringify(m[1])} (countries: ${COUNTRIES.join(', ')})`);
    out[c] = m[2];
  }
  return out;
}

/** Load a scripted agent's file; errors name the file, the JSON path, what was expected and what was found. */
export function loadScript(path: string): Script {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`scripted:${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(e as Error).message})`}`);
  }
  const builtin = builtinKeyIssues(path, json); // "__proto__" would be swallowed by the parser: refuse it, never lose it
  if (builtin.length) throw new UsageError(builtin.map(formatIssue).join('\n'));
  const r = ScriptSchema.safeParse(json);
  if (!r.success) throw new UsageError(zodIssues(path, json, r.error).map(formatIssue).join('\n'));
  return r.data;
}

export function makeSeats(content: Content, names: Record<CountryId, string>): Record<CountryId, Agent> {
  const scripts: Record<string, Script> = {};
  for (const n of Object.values(names)) if (n.startsWith('scripted:')) scripts[n.slice(9)] = loadScript(n.slice(9));
  const seats = {} as Record<CountryId, Agent>;
  for (const c of COUNTRIES) {
    try {
      seats[c] = makeAgent(content, names[c], c, scripts);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`--agents: ${(e as Error).message}`);
    }
  }
  return seats;
}

/** The names shown in output: `persona` resolved to the persona's id. */
export function resolvedNames(seats: Record<CountryId, Agent>): Record<CountryId, string> {
  return Object.fromEntries(COUNTRIES.map((c) => [c, seats[c].name])) as Record<CountryId, string>;
}
