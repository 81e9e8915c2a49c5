// The projects tally (engine/held.ts) that agents' investment choices and the order checks read: the same units and
// building capacity as filtering the list, for every owner and type through persona games; kept per list and content.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, makeAgent, playGame, type GameState } from '../engine/index.ts';
import { heldOf } from '../engine/held.ts';
import { projectType } from '../engine/own.ts';
import type { Project } from '../engine/state.ts';
import { content } from './helpers.ts';

function byFilter(projects: readonly Project[], owner: string, type: string, capacity: number) {
  let units = 0;
  let building = 0;
  let anyBuilding = false;
  for (const p of projects.filter((x) => x.owner === owner && x.type === type && x.status !== 'failed')) {
    units += p.units;
    if (p.status === 'building') {
      building += p.units * capacity;
      anyBuilding = true;
    }
  }
  return { units, building, anyBuilding };
}

describe('heldOf', () => {
  it('gives what filtering the projects gives, for every owner and type, turn by turn', () => {
    const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as Parameters<typeof playGame>[2];
    const states: GameState[] = [];
    playGame(content, 5, seats, { ledger: false, keepReports: false, onTurn: (s) => states.push(s) });
    const types = Object.keys(content.projects.types);
    let building = 0;
    for (const s of states)
      for (const owner of [...COUNTRIES, 'ROW'])
        for (const type of types) {
          const got = heldOf(content, s.projects, owner, type);
          expect(got).toEqual(byFilter(s.projects, owner, type, projectType(content, type)!.capacity));
          if (got.anyBuilding) building++;
        }
    expect(states.at(-1)!.projects.length).toBeGreaterThan(5);
    expect(building).toBeGreaterThan(20);
  });

  it('tallies each list for itself and again for other content', () => {
    const p = (id: string, status: Project['status'], units: number): Project => ({ id, type: 'recycling', owner: 'JPN', host: 'JPN', units, remainingQuarters: 2, status, startedTurn: 1, costUsdBn: 1, private: false });
    const a = [p('P1', 'building', 2), p('P2', 'done', 1), p('P3', 'failed', 4)];
    const cap = projectType(content, 'recycling')!.capacity;
    expect(heldOf(content, a, 'JPN', 'recycling')).toEqual({ units: 3, building: 2 * cap, anyBuilding: true });
    const b = [...a, p('P4', 'building', 1)];
    expect(heldOf(content, b, 'JPN', 'recycling')).toEqual({ units: 4, building: 2 * cap + cap, anyBuilding: true });
    expect(heldOf(content, a, 'JPN', 'recycling').units).toBe(3);
    expect(heldOf(content, a, 'USA', 'recycling')).toEqual({ units: 0, building: 0, anyBuilding: false });
    // other content (another capacity for the type): its own tally for the same list
    const other = { ...content, projects: { ...content.projects, types: { ...content.projects.types, recycling: { ...content.projects.types.recycling, capacity: cap * 3 } } } };
    expect(heldOf(other, a, 'JPN', 'recycling').building).toBe(2 * cap * 3);
    expect(heldOf(content, a, 'JPN', 'recycling').building).toBe(2 * cap);
  });
});
