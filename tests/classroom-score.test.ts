// A class world's score split names only the objectives a country weighs, as the single-player game and the
// briefings do (environment weighs 0 for Japan, China and the United States in content/countries.json).
import { describe, expect, it } from 'vitest';
import { OBJECTIVES, type CountryId } from '../engine/index.ts';
import { World } from '../src/server/world.ts';
import { content } from './helpers.ts';
import { splitText } from '../src/ui/score.ts';

describe('a class world\'s score split', () => {
  it('lists the objectives each country weighs, and only those', () => {
    const w = new World(0, content, 3, 2);
    w.push(w.compute(w.botOrders([])));
    for (const c of ['AUS', 'CHN', 'JPN', 'MYS', 'USA'] as CountryId[]) {
      const weights = content.countries.regions[c].objectives as Partial<Record<string, number>>;
      const want = OBJECTIVES.filter((o) => (weights[o] ?? 0) > 0);
      const ts = w.turnScoreAt(c, 1);
      expect(ts.weighted, c).toEqual(want);
      // every objective's figure is still there for the total
      expect(Object.keys(ts.by).sort(), c).toEqual([...OBJECTIVES].sort());
    }
    expect(w.turnScoreAt('JPN', 1).weighted).not.toContain('environment');
    expect(w.turnScoreAt('MYS', 1).weighted).toContain('environment');
  });

  it('names its yardstick as the end screen does: the status-quo world (it said "your seat at status quo", the single-player one)', () => {
    const w = new World(0, content, 3, 2);
    w.push(w.compute(w.botOrders([])));
    const text = splitText(w.turnScoreAt('JPN', 1));
    expect(text).toMatch(/ points against the status-quo world, the same start with every country keeping its policies, by objective: /);
    expect(text).not.toContain('your seat at status quo');
  });
});
