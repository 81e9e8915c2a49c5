// A Vite plugin that checks a translation of the content (content/locales/<lang>.json) as the page build or the dev
// server reads it, against the schema and the content's ids (src/content/locale.ts): a bad file fails the build (and
// shows in the dev server's overlay) naming the file and every bad key. The page then loads the text without a checker,
// so a Japanese page does not download zod before its map shows.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CONTENT_DIR } from './load.ts';
import { contentIds, parseContentLocale } from './locale.ts';

const LOCALE_FILE = /[/\\]content[/\\]locales[/\\][a-z-]+\.json(\?.*)?$/;
const read = (p: string) => JSON.parse(readFileSync(join(CONTENT_DIR, p), 'utf8')) as unknown;

/** The ids the content on disk names (read afresh each check: the dev server sees edits). */
function idsNow() {
  const scenarios = readdirSync(join(CONTENT_DIR, 'scenarios')).filter((f) => f.endsWith('.json')).sort().map((f) => read(`scenarios/${f}`));
  return contentIds(read('events.json'), read('projects.json'), scenarios);
}

/** Check one module's source if it is a content translation; throws ContentLocaleError (or a JSON syntax error naming
 * the file) for a bad one, returns false for any other module. */
export function checkLocaleModule(code: string, id: string): boolean {
  const path = id.split('?')[0];
  if (!LOCALE_FILE.test(path)) return false;
  const file = relative(join(CONTENT_DIR, '..'), path).replace(/\\/g, '/');
  let json: unknown;
  try {
    json = JSON.parse(code);
  } catch (e) {
    throw new Error(`${file}: not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  parseContentLocale(json, file, idsNow());
  return true;
}

/** The part of a checked translation a page asks for (`ja.json?part=first`: all but the events, which a page shows only
 * after its first turn; `ja.json?part=events`: the events), as JSON; null (the whole file) without a part. The file's
 * `about` note is for its translators and stays out of both parts. */
export function localePart(code: string, id: string): string | null {
  const part = /[?&]part=([a-z]+)/.exec(id)?.[1];
  if (!part) return null;
  const { about: _about, events, ...rest } = JSON.parse(code) as Record<string, unknown>;
  if (part === 'events') return JSON.stringify({ events });
  if (part === 'first') return JSON.stringify(rest);
  throw new Error(`${id.split('?')[0]}: no part "${part}" (first or events)`);
}

/** The plugin: before Vite's own JSON plugin turns the file into a module, so it sees the file as written. */
export function contentLocaleCheck() {
  return {
    name: 'rare-earth-gambit:content-locale-check',
    enforce: 'pre' as const,
    transform: {
      filter: { id: LOCALE_FILE }, // only the translations reach the handler (it was called for every module)
      handler(code: string, id: string) {
        checkLocaleModule(code, id);
        const part = localePart(code, id);
        // a part is a module of its own (Vite's JSON plugin leaves an id with a query to the plugins)
        return part === null ? null : { code: `export default ${part};\n`, map: null, moduleType: 'js' };
      },
    },
  };
}

const PROJECTS_LABELS = /[/\\]content[/\\]projects\.json\?(.*&)?labels(&.*)?$/; // the dev server adds ?import&
/** `content/projects.json?labels`: only the English labels the page reads the engine's news and its own panels with
 * (each project type's label, each deep-sea stage's id and label), not the whole file (its descriptions, costs and
 * sources, which the worker's engine reads): what an English page loads before its map stays small. */
export function projectLabels(code: string): string {
  const p = JSON.parse(code) as { types: Record<string, { label: string }>; deepSea: { stages: { id: string; label: string }[] } };
  const types = Object.fromEntries(Object.entries(p.types).map(([k, t]) => [k, { label: t.label }]));
  return JSON.stringify({ types, deepSea: { stages: p.deepSea.stages.map(({ id, label }) => ({ id, label })) } });
}

/** The plugin for `content/projects.json?labels` (a module of its own: Vite's JSON plugin leaves an id with a query). */
export function contentLabels() {
  return {
    name: 'rare-earth-gambit:content-labels',
    enforce: 'pre' as const,
    transform: {
      filter: { id: PROJECTS_LABELS },
      handler(code: string) {
        return { code: `export default ${projectLabels(code)};\n`, map: null, moduleType: 'js' };
      },
    },
  };
}
