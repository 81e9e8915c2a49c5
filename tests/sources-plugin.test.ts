// The page build's content files without their sources' text (src/content/sources-plugin.ts): every built-in scenario
// compiles from them to the same content, hash and all, as from the files on disk, and no source text is left.
import { describe, expect, it } from 'vitest';
import { compileContent, type RawBundle } from '../engine/content.ts';
import { listScenarios, loadContent, readBundle } from '../src/content/load.ts';
import { SOURCE_STUB, withoutSources } from '../src/content/sources-plugin.ts';

/** Every source text in a JSON value (sourced numbers' `src`). */
function sources(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => sources(x, out));
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.v === 'number' && typeof o.src === 'string') out.push(o.src);
    Object.values(o).forEach((x) => sources(x, out));
  }
  return out;
}

describe("the page's content without sources", () => {
  it('compiles to the same content and hash as the files on disk, for every built-in scenario', () => {
    const ids = listScenarios().map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of ids) {
      const raw = readBundle(id);
      const before = sources(Object.values(raw).map((p) => p.json));
      expect(before.length, id).toBeGreaterThan(300);
      const stripped = Object.fromEntries(Object.entries(raw).map(([k, p]) => [k, { ...p, json: withoutSources(p.json) }])) as RawBundle;
      const after = sources(Object.values(stripped).map((p) => p.json));
      expect(after.length, id).toBe(before.length);
      expect(new Set(after), id).toEqual(new Set([SOURCE_STUB]));
      const c = compileContent(stripped);
      expect(c.hash, id).toBe(loadContent(id).hash);
      expect(c).toEqual(loadContent(id));
    }
  });

  it('keeps ranges and everything that is not a sourced number (event sources, descriptions)', () => {
    const v = { a: { v: 1, src: 'USGS', range: [0, 2], note: 'n' }, source: 'Lynas 2012', list: [{ v: 2, src: 'x y z' }], text: { src: 'not a number beside it' } };
    expect(withoutSources(v)).toEqual({ a: { v: 1, src: SOURCE_STUB, range: [0, 2] }, source: 'Lynas 2012', list: [{ v: 2, src: SOURCE_STUB }], text: { src: 'not a number beside it' } });
  });
});
