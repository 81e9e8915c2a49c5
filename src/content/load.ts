// Loads a scenario and the content files it names from disk (Node hosts), checks them, and compiles the engine's Content.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonErrorOffset, lineColumn } from './json-where.ts';
import { compileContent, ContentError, type Content, type ContentIssue, type RawBundle } from '../../engine/content.ts';

export const CONTENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../content');

function display(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}

/** Content, scenario and script files are at most this big: far above any real one (the largest is some 40 KB). */
export const CONTENT_FILE_LIMIT = 16 * 1024 * 1024;

/** A file's text, read with a size cap (a device such as /dev/zero is cut off at the cap, not read for ever). */
function readCapped(path: string, cap: number): { ok: true; text: string } | { ok: false; found: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // the system's code in words, the code kept ("no such file (ENOENT)")
    const words: Record<string, string> = { ENOENT: 'no such file', EACCES: 'no permission to read it', EPERM: 'no permission to read it', ENOTDIR: 'a path through something that is not a folder', ELOOP: 'a loop of symbolic links', ENAMETOOLONG: 'a name too long' };
    return { ok: false, found: code ? (words[code] ? `${words[code]} (${code})` : code) : String(e) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, found: 'a directory' };
    if (st.isFile() && st.size > cap) return { ok: false, found: `a file of ${(st.size / 1048576).toFixed(1)} MB (the limit is ${cap / 1048576} MB)` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const b = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, b, 0, b.length, null);
      if (n === 0) break;
      chunks.push(b.subarray(0, n));
      total += n;
      if (total > cap) return { ok: false, found: `more than the limit of ${cap / 1048576} MB` };
    }
    return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
  } catch (e) {
    return { ok: false, found: (e as NodeJS.ErrnoException).code ?? String(e) };
  } finally {
    closeSync(fd);
  }
}

/** The JSON path of the first number JSON.parse read as Infinity (a literal such as 1e999), or null. */
export function nonFiniteAt(v: unknown, path = '$'): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : path;
  if (v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = nonFiniteAt(v[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  for (const k of Object.keys(v)) {
    const p = nonFiniteAt((v as Record<string, unknown>)[k], /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`);
    if (p) return p;
  }
  return null;
}

export const NON_FINITE = 'a number too large to represent (JSON reads it as Infinity)';

/** JSON.parse's message, first line, with the line and column of the error: Node 20 gives only "at position 57",
 * useless in a file written by hand, and for some errors ("Unexpected token 'x', ... is not valid JSON") no position
 * at all, so the position is found by scanning the text (json-where.ts; Node 22 and later add line and column to
 * the messages that have a position). */
export function jsonSyntaxMessage(text: string, e: unknown): string {
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  if (/line \d+ column \d+/.test(msg)) return msg;
  const m = /at position (\d+)/.exec(msg);
  const pos = m ? Number(m[1]) : jsonErrorOffset(text);
  if (pos < 0 || pos > text.length) return msg;
  const { line, column } = lineColumn(text, pos);
  return `${msg} (line ${line} column ${column})`;
}

export function readJson(path: string, cap = CONTENT_FILE_LIMIT): { ok: true; json: unknown } | { ok: false; issue: ContentIssue } {
  const r = readCapped(path, cap);
  if (!r.ok) return { ok: false, issue: { file: display(path), path: '$', expected: r.found.includes('limit') ? `a file of at most ${cap / 1048576} MB` : 'a readable file', found: r.found } };
  let json: unknown;
  try {
    json = JSON.parse(r.text);
  } catch (e) {
    return { ok: false, issue: { file: display(path), path: '$', expected: 'valid JSON', found: jsonSyntaxMessage(r.text, e) } };
  }
  const bad = nonFiniteAt(json);
  if (bad) return { ok: false, issue: { file: display(path), path: bad, expected: 'a finite number', found: NON_FINITE } };
  return { ok: true, json };
}

/** Built-in scenario ids (files in content/scenarios). */
export function listScenarios(): { id: string; name: string; description: string; turns: number }[] {
  const dir = join(CONTENT_DIR, 'scenarios');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const j = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; name: string; description: string; turns: number };
      return { id: j.id, name: j.name, description: j.description, turns: j.turns };
    });
}

/** The file of a built-in scenario, looked up in the registry (content/scenarios/ID.json whose id is ID), never
 * built from the id: an id from a replay or a save such as "../../../etc/passwd" finds nothing. */
export function builtinScenarioPath(id: string): string | null {
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,99}$/.test(id)) return null;
  const dir = join(CONTENT_DIR, 'scenarios');
  const file = readdirSync(dir).find((f) => f === `${id}.json`);
  if (!file) return null;
  return listScenarios().some((s) => s.id === id) ? join(dir, file) : null;
}

export function scenarioPath(idOrPath: string): string {
  if (idOrPath.endsWith('.json') || idOrPath.includes('/')) return resolve(idOrPath);
  return join(CONTENT_DIR, 'scenarios', `${idOrPath}.json`);
}

/** The files a scenario is made of (the scenario file and the content files it names), as far as they can be found:
 * a command must never write over one of them. */
export function bundlePaths(idOrPath: string): string[] {
  const sp = scenarioPath(idOrPath);
  const out = [sp];
  const s = readJson(sp);
  const files = s.ok ? (s.json as { files?: Record<string, unknown> } | null)?.files : undefined;
  if (files && typeof files === 'object') for (const f of Object.values(files)) if (typeof f === 'string') out.push(resolve(dirname(sp), f));
  return out;
}

/** Read the raw bundle for a scenario id or path; throws ContentError naming every unreadable file. */
export function readBundle(idOrPath: string): RawBundle {
  const sp = scenarioPath(idOrPath);
  if (!existsSync(sp)) {
    throw new ContentError([{ file: display(sp), path: '$', expected: `a scenario file (an id from content/scenarios, or a path)`, found: 'no such file' }]);
  }
  const s = readJson(sp);
  if (!s.ok) throw new ContentError([s.issue]);
  const files = (s.json as { files?: Record<string, unknown> }).files;
  if (!files || typeof files !== 'object') throw new ContentError([{ file: display(sp), path: '$.files', expected: 'an object naming the content files', found: JSON.stringify(files) ?? 'nothing' }]);
  const issues: ContentIssue[] = [];
  const parts = {} as Record<string, { file: string; json: unknown }>;
  for (const kind of ['countries', 'goods', 'rules', 'projects', 'events', 'map', 'personas']) {
    const f = files[kind];
    if (typeof f !== 'string') {
      issues.push({ file: display(sp), path: `$.files.${kind}`, expected: 'a file path relative to the scenario', found: JSON.stringify(f) ?? 'nothing' });
      continue;
    }
    const p = resolve(dirname(sp), f);
    const r = readJson(p);
    if (!r.ok) issues.push(r.issue);
    else parts[kind] = { file: display(p), json: r.json };
  }
  if (issues.length) throw new ContentError(issues);
  return { scenario: { file: display(sp), json: s.json }, ...parts } as unknown as RawBundle;
}

const cache = new Map<string, Content>();
export function loadContent(idOrPath: string): Content {
  const key = scenarioPath(idOrPath);
  const hit = cache.get(key);
  if (hit) return hit;
  const c = compileContent(readBundle(idOrPath));
  cache.set(key, c);
  return c;
}
