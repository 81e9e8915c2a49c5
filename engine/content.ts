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
import { nearest } from './near.ts';
import { builtinKeyIssues, crossIssues, fileIssues } from './content-check.ts';

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

interface SizeIssue {
  code: 'too_small' | 'too_big';
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

/** "at least 1 item", "a number at most 500" for zod's "Too small: expected array to have >=1 items". */
function sizeExpected(i: SizeIssue): string | null {
  const small = i.code === 'too_small';
  const n = Number(small ? i.minimum : i.maximum);
  const bound = `${small ? (i.inclusive === false ? 'above' : 'at least') : i.inclusive === false ? 'below' : 'at most'} ${n}`;
  if (i.origin === 'number') return `a number ${bound}`;
  if (i.origin === 'array' || i.origin === 'set') return `an array of ${bound} item${n === 1 ? '' : 's'}`;
  if (i.origin === 'string') return `a string of ${bound} character${n === 1 ? '' : 's'}`;
  return null;
}

/** The keys the object schema at `path` inside `schema` allows ([] when it is not an object, or cannot be found):
 * through optional, nullable, default, pipe and lazy wrappers, records' values, arrays' items and unions' objects. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  type Def = { type: string; innerType?: unknown; in?: unknown; getter?: () => unknown; shape?: Record<string, unknown>; valueType?: unknown; keyType?: unknown; element?: unknown; options?: unknown[]; entries?: Record<string, string>; values?: unknown[] };
  const def = (x: unknown): Def | undefined => (x as { _zod?: { def?: Def } } | undefined)?._zod?.def;
  const unwrap = (x: unknown): unknown => {
    for (let d = def(x); d; d = def(x)) {
      if (d.innerType !== undefined) x = d.innerType;
      else if (d.type === 'pipe') x = d.in;
      else if (d.type === 'lazy' && d.getter) x = d.getter();
      else break;
    }
    return x;
  };
  const objects = (x: unknown): Def[] => {
    const d = def(unwrap(x));
    return !d ? [] : d.type === 'object' ? [d] : d.type === 'union' ? (d.options ?? []).flatMap(objects) : [];
  };
  let at: unknown[] = [schema];
  for (const p of path) {
    at = at.flatMap((x) => {
      const d = def(unwrap(x));
      if (!d) return [];
      if (d.type === 'record') return [d.valueType];
      if (d.type === 'array') return [d.element];
      return objects(x).flatMap((o) => (typeof p === 'string' && o.shape && p in o.shape ? [o.shape[p]] : []));
    });
  }
  // a record's keys are its key schema's values (an enum, literals, a union of them: a script's tariff partners)
  const keyNames = (x: unknown): string[] => {
    const d = def(unwrap(x));
    if (!d) return [];
    if (d.type === 'enum') return Object.values(d.entries ?? {});
    if (d.type === 'literal') return (d.values ?? []).filter((v): v is string => typeof v === 'string');
    if (d.type === 'union') return (d.options ?? []).flatMap(keyNames);
    return [];
  };
  return [...new Set(at.flatMap((x) => {
    const d = def(unwrap(x));
    return d?.type === 'record' ? keyNames(d.keyType) : objects(x).flatMap((o) => Object.keys(o.shape ?? {}));
  }))];
}

/** Turn zod issues into file/path/expected/found issues; given the schema, an unknown key names the key it is close
 * to ("tarifs": did you mean "tariffs"?). */
export function zodIssues(file: string, root: unknown, error: z.ZodError, schema?: z.ZodType): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (const iss of error.issues) {
    const raw = iss as unknown as { code: string; expected?: string; keys?: string[]; values?: unknown[]; format?: string; pattern?: string; message: string; path: PropertyKey[] };
    if (raw.code === 'unrecognized_keys' && raw.keys) {
      const allowed = schema ? keysAt(schema, raw.path) : [];
      for (const k of raw.keys) {
        const near = nearest(k, allowed);
        // no near name: the keys that may stand here, when they are few (a script's tariff partners, a turn's orders)
        const listed = !near && allowed.length > 0 && allowed.length <= 12 ? `; the keys here are ${[...allowed].sort().join(', ')}` : '';
        out.push({ file, path: jsonPath([...raw.path, k]), expected: `no such key (not in the schema${near ? `; did you mean "${near}"?` : listed})`, found: describeFound(valueAt(root, [...raw.path, k])) });
      }
      continue;
    }
    let expected = raw.message;
    const found = valueAt(root, raw.path);
    if (raw.code === 'invalid_type' && raw.expected) expected = raw.expected === 'object' && typeof found === 'number' ? 'a sourced number {"v": n, "src": "..."}' : raw.expected;
    if (raw.code === 'invalid_value' && raw.values) expected = `one of ${raw.values.map((x) => JSON.stringify(x)).join(', ')}`;
    if (raw.code === 'too_small' || raw.code === 'too_big') expected = sizeExpected(raw as unknown as SizeIssue) ?? expected;
    // a pattern with no words of its own: zod's "Invalid string: must match pattern ..." read "expected Invalid string"
    if (raw.code === 'invalid_format' && raw.format === 'regex' && /^Invalid/.test(raw.message)) expected = `text matching ${raw.pattern ?? 'the pattern'}`;
    out.push({ file, path: jsonPath(raw.path), expected, found: describeFound(valueAt(root, raw.path)) });
  }
  return out;
}

/** Validate one file: no built-in property names as keys, the schema, then what can be checked in the file alone
 * (physical ranges, self-relations, the map's lanes: content-check.ts). Returns the parsed value or the issues. */
export function checkFile<K extends ContentKind>(kind: K, file: string, json: unknown): { ok: true; value: unknown } | { ok: false; issues: ContentIssue[] } {
  const keys = builtinKeyIssues(file, json);
  if (keys.length) return { ok: false, issues: keys };
  const r = SCHEMAS[kind].safeParse(json);
  if (!r.success) return { ok: false, issues: zodIssues(file, json, r.error, SCHEMAS[kind]) };
  const more = fileIssues(kind, file, r.data, json);
  return more.length ? { ok: false, issues: more } : { ok: true, value: r.data };
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
  // cross references: content-check.ts
  issues.push(...crossIssues(c, raw));
  if (issues.length) throw new ContentError(issues);
  return { ...c, hash: hashValue(c) };
}
