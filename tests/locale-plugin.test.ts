// The content's translations are checked when the page is built (src/content/locale-plugin.ts), not in the page: a bad
// content/locales/ja.json fails the build naming the file and each bad key, and the page loads the text without zod.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR } from '../src/content/load.ts';
import { checkLocaleModule, contentLabels, contentLocaleCheck, localePart, projectLabels } from '../src/content/locale-plugin.ts';
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
    expect(names).toContain(contentLabels().name);
    // the dev server asks for /content/projects.json?import&labels, the build for ?labels
    const labelsId = contentLabels().transform.filter.id;
    for (const q of ['?labels', '?import&labels']) expect(labelsId.test(join(CONTENT_DIR, `projects.json${q}`))).toBe(true);
    expect(labelsId.test(join(CONTENT_DIR, 'projects.json'))).toBe(false);
  });

  it('gives a page the part it asks for: the two parts are the whole file but its translators\' note', () => {
    const whole = JSON.parse(good) as Record<string, unknown>;
    expect(localePart(good, id)).toBeNull();
    const first = JSON.parse(localePart(good, `${id}?part=first`)!) as Record<string, unknown>;
    const events = JSON.parse(localePart(good, `${id}?part=events`)!) as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual(['deepSeaStages', 'projects', 'scenarios']);
    expect({ about: whole.about, ...first, ...events }).toEqual(whole);
    expect(() => localePart(good, `${id}?part=news`)).toThrow(/locales\/ja\.json: no part "news"/);
    // a bad file fails the build whichever part is asked for
    expect(() => contentLocaleCheck().transform.handler('{"events": ', `${id}?part=first`)).toThrow(/not JSON/);
  });

  it('gives the page the project labels without the rest of content/projects.json', () => {
    const raw = readFileSync(join(CONTENT_DIR, 'projects.json'), 'utf8');
    const p = JSON.parse(raw) as { types: Record<string, { label: string }>; deepSea: { stages: { id: string; label: string }[] } };
    const labels = JSON.parse(projectLabels(raw)) as typeof p;
    expect(Object.keys(labels.types)).toEqual(Object.keys(p.types));
    for (const [k, t] of Object.entries(p.types)) expect(labels.types[k]).toEqual({ label: t.label });
    expect(labels.deepSea.stages).toEqual(p.deepSea.stages.map((s) => ({ id: s.id, label: s.label })));
    expect(projectLabels(raw).length).toBeLessThan(raw.length / 5);
  });
});
