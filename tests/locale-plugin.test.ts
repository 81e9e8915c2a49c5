// The content's translations are checked when the page is built (src/content/locale-plugin.ts), not in the page: a bad
// content/locales/ja.json fails the build naming the file and each bad key, and the page loads the text without zod.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../src/content/load.ts';
import { checkLocaleModule, contentLocaleCheck } from '../src/content/locale-plugin.ts';
import config from '../vite.config.ts';

const id = join(CONTENT_DIR, 'locales', 'ja.json');
const good = readFileSync(id, 'utf8');

describe('the build checks content translations', () => {
  it('passes the real Japanese file, and leaves other modules alone', () => {
    expect(checkLocaleModule(good, id)).toBe(true);
    expect(checkLocaleModule('{"not":"a locale"}', join(CONTENT_DIR, 'events.json'))).toBe(false);
    expect(checkLocaleModule('export const x = 1', '/src/ui/main.ts')).toBe(false);
  });

  it('refuses a bad file naming it and each bad key, and a file that is not JSON', () => {
    const unknown = JSON.parse(good);
    unknown.events['no-such-event'] = { title: 'x', text: 'y' };
    unknown.deepSeaStages.drill = 'x';
    expect(() => checkLocaleModule(JSON.stringify(unknown), `${id}?import`)).toThrow('content/locales/ja.json: 2 problems:\n  - events.no-such-event: no event in content/events.json has the id "no-such-event"\n  - deepSeaStages.drill: no deep-sea stage in content/projects.json has the id "drill"');
    const missing = JSON.parse(good);
    delete missing.projects.recycling.description;
    expect(() => checkLocaleModule(JSON.stringify(missing), id)).toThrow(/^content\/locales\/ja\.json: 1 problem:\n {2}- projects\.recycling\.description: /);
    expect(() => checkLocaleModule('{"events": ', id)).toThrow(/^content\/locales\/ja\.json: not JSON: /);
  });

  it('is one of the page build\'s plugins, run before Vite turns JSON into a module', () => {
    const names = (config.plugins ?? []).flat().map((p) => (p as { name?: string }).name);
    expect(names).toContain(contentLocaleCheck().name);
    expect(contentLocaleCheck().enforce).toBe('pre');
  });
});
