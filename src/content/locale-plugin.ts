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

/** The plugin: before Vite's own JSON plugin turns the file into a module, so it sees the file as written. */
export function contentLocaleCheck() {
  return {
    name: 'rare-earth-gambit:content-locale-check',
    enforce: 'pre' as const,
    transform: {
      filter: { id: LOCALE_FILE }, // only the translations reach the handler (it was called for every module)
      handler(code: string, id: string) {
        checkLocaleModule(code, id);
        return null;
      },
    },
  };
}
