// Loads a scenario and the content files it names from disk (Node hosts), checks them, and compiles the engine's Content.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileContent, ContentError, type Content, type ContentIssue, type RawBundle } from '../../engine/content.ts';

export const CONTENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../content');

function display(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') ? p : rel;
}

export function readJson(path: string): { ok: true; json: unknown } | { ok: false; issue: ContentIssue } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, issue: { file: display(path), path: '$', expected: 'a readable file', found: (e as NodeJS.ErrnoException).code ?? String(e) } };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (e) {
    return { ok: false, issue: { file: display(path), path: '$', expected: 'valid JSON', found: (e as Error).message } };
  }
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

export function scenarioPath(idOrPath: string): string {
  if (idOrPath.endsWith('.json') || idOrPath.includes('/')) return resolve(idOrPath);
  return join(CONTENT_DIR, 'scenarios', `${idOrPath}.json`);
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
