// The UI spells "defence" (the Controls tab, the Defence tab, the digest): the session's briefing, written in English
// by src/session/core.ts and read back into Japanese by src/ui/briefing-ja.ts, spells it the same way.
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from '../engine/index.ts';
import { SessionCore } from '../src/session/core.ts';
import { loadContent } from '../src/content/load.ts';
import { en } from '../src/ui/locales/en.ts';
import { briefingLineJa, leverJa } from '../src/ui/briefing-ja.ts';

/** Every string value of a nested catalogue, with its key path. */
function strings(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  if (Array.isArray(o)) return o.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('one spelling of defence', () => {
  it('the English catalogue says "defence" everywhere (its keys may keep the engine\'s "defense")', () => {
    expect(en.tab.Defense).toBe('Defence');
    expect(strings(en).filter(([, v]) => /defense/i.test(v))).toEqual([]);
  });
  it('the session briefing says "defence" too, and its Japanese still matches those lines', () => {
    const s = new SessionCore(loadContent('rare-earth-gambit'));
    for (const c of COUNTRIES) {
      const b = s.briefing(c);
      // the first line is the scenario's description: content, with its sources' spelling
      const lines = [...b.situation.slice(1), ...b.levers, ...b.objectives.map((o) => o.meaning)];
      expect(lines.filter((l) => /defense/i.test(l))).toEqual([]);
      expect(b.situation[1]).toMatch(/; defence [\d.]+% of GDP;/);
      expect(briefingLineJa(b.situation[1]!, c)).toMatch(/防衛費 GDP比/);
      expect(b.levers.filter((l) => /^Defence spending/.test(l)).map((l) => leverJa(l))).toEqual(['防衛費：GDP比で（1ターンに動かせる幅は支持率で決まる）。']);
    }
  });
});
