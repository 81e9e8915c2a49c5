// Checks content files against the schemas and compiles them into one typed, plain-number Content value with a hash.
import type { z } from 'zod';
import {
  CountriesFileSchema,
  EventsFileSchema,
  GoodsFileSchema,
  PersonasFileSchema,
  ProjectsFileSchema,
  RulesFileSchema,
  ScenarioFileSchema,
  type CountriesFile,
  type EventsFile,
  type GoodsFile,
  type PersonasFile,
  type ProjectsFile,
  type RulesFile,
  type ScenarioFile,
} from './schema.ts';
import { MapFileSchema, type GameMap } from './map.ts';
import { hashValue } from './hash.ts';
import { COUNTRIES, REGIONS } from './ids.ts';

export type ContentKind = 'scenario' | 'countries' | 'goods' | 'rules' | 'projects' | 'events' | 'map' | 'personas';

export const SCHEMAS: Record<ContentKind, z.ZodType> = {
  scenario: ScenarioFileSchema,
  countries: CountriesFileSchema,
  goods: GoodsFileSchema,
  rules: RulesFileSchema,
  projects: ProjectsFileSchema,
  events: EventsFileSchema,
  map: MapFileSchema,
  personas: PersonasFileSchema,
};

export interface ContentIssue {
  file: string;
  /** JSON path such as $.regions.JPN.gdpUsdBn */
  path: string;
  expected: string;
  found: string;
}

export class ContentError extends Error {
  readonly issues: ContentIssue[];
  constructor(issues: ContentIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ContentError';
    this.issues = issues;
  }
}

export function formatIssue(i: ContentIssue): string {
  return `${i.file}: ${i.path}: expected ${i.expected}, found ${i.found}`;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let s = '$';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`;
  return s;
}

function describeFound(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.length <= 4 && v.every((x) => typeof x === 'number') ? JSON.stringify(v) : `an array of ${v.length}`;
  if (typeof v === 'object') {
    const keys = Object.keys(v as object);
    return `an object {${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}}`;
  }
  const s = JSON.stringify(v);
  return `${typeof v} ${s.length > 40 ? s.slice(0, 37) + '...' : s}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** Turn zod issues into file/path/expected/found issues. */
export function zodIssues(file: string, root: unknown, error: z.ZodError): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const iss of error.issues) {
    const raw = iss as unknown as { code: string; expected?: string; keys?: string[]; values?: unknown[]; message: string; path: PropertyKey[] };
    if (raw.code === 'unrecognized_keys' && raw.keys) {
      for (const k of raw.keys) out.push({ file, path: jsonPath([...raw.path, k]), expected: 'no such key (not in the schema)', found: describeFound(valueAt(root, [...raw.path, k])) });
      continue;
    }
    let expected = raw.message;
    const found = valueAt(root, raw.path);
    if (raw.code === 'invalid_type' && raw.expected) expected = raw.expected === 'object' && typeof found === 'number' ? 'a sourced number {"v": n, "src": "..."}' : raw.expected;
    if (raw.code === 'invalid_value' && raw.values) expected = `one of ${raw.values.map((x) => JSON.stringify(x)).join(', ')}`;
    out.push({ file, path: jsonPath(raw.path), expected, found: describeFound(valueAt(root, raw.path)) });
  }
  return out;
}

/** Validate one file; returns the parsed value or the issues. */
export function checkFile<K extends ContentKind>(kind: K, file: string, json: unknown): { ok: true; value: unknown } | { ok: false; issues: ContentIssue[] } {
  const r = SCHEMAS[kind].safeParse(json);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issues: zodIssues(file, json, r.error) };
}

export interface RawBundle {
  /** each part: the file name (for messages) and its parsed JSON */
  scenario: { file: string; json: unknown };
  countries: { file: string; json: unknown };
  goods: { file: string; json: unknown };
  rules: { file: string; json: unknown };
  projects: { file: string; json: unknown };
  events: { file: string; json: unknown };
  map: { file: string; json: unknown };
  personas: { file: string; json: unknown };
}

export interface Content {
  scenario: ScenarioFile;
  countries: CountriesFile;
  goods: GoodsFile;
  rules: RulesFile;
  projects: ProjectsFile;
  events: EventsFile;
  map: GameMap;
  personas: PersonasFile;
  /** hash of the compiled content: part of every replay */
  hash: string;
}

/** Check every part, cross-check references, and compile. Throws ContentError listing every problem found. */
export function compileContent(raw: RawBundle): Content {
  const issues: ContentIssue[] = [];
  const parsed: Partial<Record<ContentKind, unknown>> = {};
  for (const kind of Object.keys(SCHEMAS).sort() as ContentKind[]) {
    const part = raw[kind];
    const r = checkFile(kind, part.file, part.json);
    if (r.ok) parsed[kind] = r.value;
    else issues.push(...r.issues);
  }
  if (issues.length) throw new ContentError(issues);
  const c = parsed as Omit<Content, 'hash'>;
  // cross references
  const sf = raw.scenario.file;
  c.scenario.projects.forEach((p, i) => {
    if (!c.projects.types[p.type]) issues.push({ file: sf, path: `$.projects[${i}].type`, expected: `a project type from ${raw.projects.file}`, found: JSON.stringify(p.type) });
  });
  c.events.events.forEach((e, i) => {
    e.effects.forEach((f, j) => {
      if (f.kind === 'closeStrait' && !c.map.straits.some((s) => s.id === f.strait))
        issues.push({ file: raw.events.file, path: `$.events[${i}].effects[${j}].strait`, expected: `a strait id from ${raw.map.file}`, found: JSON.stringify(f.strait) });
      if (f.kind === 'projectDelay' && !c.projects.types[f.projectType])
        issues.push({ file: raw.events.file, path: `$.events[${i}].effects[${j}].projectType`, expected: `a project type from ${raw.projects.file}`, found: JSON.stringify(f.projectType) });
    });
    if (e.window.to < e.window.from) issues.push({ file: raw.events.file, path: `$.events[${i}].window`, expected: 'from <= to', found: `from ${e.window.from}, to ${e.window.to}` });
  });
  const ids = new Set<string>();
  c.events.events.forEach((e, i) => {
    if (ids.has(e.id)) issues.push({ file: raw.events.file, path: `$.events[${i}].id`, expected: 'a unique event id', found: JSON.stringify(e.id) });
    ids.add(e.id);
  });
  for (const r of COUNTRIES) {
    if (!c.countries.regions[r].objectives) issues.push({ file: raw.countries.file, path: `$.regions.${r}.objectives`, expected: 'objective weights for a playable country', found: 'nothing' });
  }
  for (const [pid, p] of Object.entries(c.personas.personas)) {
    p.investTypes.forEach((t, i) => {
      if (!c.projects.types[t]) issues.push({ file: raw.personas.file, path: `$.personas.${pid}.investTypes[${i}]`, expected: `a project type from ${raw.projects.file}`, found: JSON.stringify(t) });
    });
  }
  for (const r of REGIONS) {
    const src = c.countries.regions[r].carSourcing;
    const total = Object.values(src).reduce<number>((a, b) => a + (b ?? 0), 0);
    if (Math.abs(total - 1) > 0.02) issues.push({ file: raw.countries.file, path: `$.regions.${r}.carSourcing`, expected: 'shares summing to 1', found: `sum ${total.toFixed(3)}` });
  }
  if (issues.length) throw new ContentError(issues);
  return { ...c, hash: hashValue(c) };
}
