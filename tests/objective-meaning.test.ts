// What each objective measures is written twice: in the session's English briefing (src/session/core.ts) and in the
// catalogue the printed sheets and the Japanese screen read (src/ui/locales/en-more.ts). The two say the same, in
// words a class reads (a reviewer's students met "GDP counts once", "weighted by tension", "the EU criticality
// method's 0-6 risk scale").
import { describe, expect, it } from 'vitest';
import { SessionCore } from '../src/session/core.ts';
import { loadContent } from '../src/content/load.ts';
import { enStart } from '../src/ui/locales/en-more.ts';

describe("the objectives' meanings", () => {
  it('are the same in the briefing and in the catalogue, in plain words', () => {
    const s = new SessionCore(loadContent('rare-earth-gambit'));
    const catalogue = Object.values(enStart.objectiveMeaning as Record<string, string>);
    const seen = new Set<string>();
    for (const c of ['AUS', 'CHN', 'JPN', 'MYS', 'USA'] as const)
      for (const o of s.briefing(c).objectives) {
        expect(catalogue, o.name).toContain(o.meaning);
        seen.add(o.meaning);
      }
    expect(seen.size).toBeGreaterThanOrEqual(6);
    for (const m of catalogue) expect(m).not.toMatch(/counts once|weighted by|criticality|0-6/);
  });
});
