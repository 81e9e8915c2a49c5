// The seventh speed pass (the planner's decision): a lean turn's steps write no news, and a change of closed straits
// made again from the same lanes gives the same records; both give what the work they skip gave.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, REGIONS, type RegionId } from '../engine/ids.ts';
import { createGame } from '../engine/init.ts';
import { playGame, type Seats } from '../engine/game.ts';
import { makeAgent } from '../engine/agents/index.ts';
import { applyDeals } from '../engine/deals.ts';
import { advanceProjects, startInvestments } from '../engine/projects.ts';
import { cloneRegion } from '../engine/turn.ts';
import { lanesFor, updateLanes } from '../engine/lanes.ts';
import { hashValue } from '../engine/hash.ts';
import type { GameState, RegionState } from '../engine/state.ts';
import type { Orders } from '../engine/schema.ts';
import { content } from './helpers.ts';

const personas = () => Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'persona', c)])) as Seats;
const regionsOf = (s: GameState) => Object.fromEntries(REGIONS.map((r) => [r, cloneRegion(s.regions[r])])) as Record<RegionId, RegionState>;

describe('a lean turn hands its steps no news', () => {
  it('deals, new investments and projects give the same results with no news list as with one', () => {
    const turns: [GameState, Orders][] = [];
    playGame(content, 4, personas(), { turns: 14, ledger: false, keepReports: false, onState: (s, o) => turns.push([s, o]) });
    let prev = createGame(content, 4);
    let told = 0;
    for (const [s, o] of turns) {
      const turn = prev.turn + 1;
      const news: string[] = [];
      const withNews = applyDeals(content, prev, o, turn, news);
      const without = applyDeals(content, prev, o, turn, null);
      expect(hashValue([without.deals, without.trust, without.breaches, without.nextId])).toBe(hashValue([withNews.deals, withNews.trust, withNews.breaches, withNews.nextId]));
      const [Ra, Rb] = [regionsOf(prev), regionsOf(prev)];
      const buy = () => ({ light: [0, 0, 0, 0, 0, 0], heavy: [0, 0, 0, 0, 0, 0] });
      const [pa, pb] = [buy(), buy()];
      const sa = startInvestments(content, prev, Ra, o, turn, pa, news);
      const sb = startInvestments(content, prev, Rb, o, turn, pb, null);
      expect(hashValue([sb, Rb, pb])).toBe(hashValue([sa, Ra, pa]));
      const aa = advanceProjects(content, prev, Ra, sa.projects, [], turn, news, prev.shocks);
      const ab = advanceProjects(content, prev, Rb, sb.projects, [], turn, null, prev.shocks);
      expect(hashValue([ab, Rb])).toBe(hashValue([aa, Ra]));
      told += news.length;
      prev = s;
    }
    // the turns had news to leave out: deals proposed and answered, projects started and finished
    expect(told).toBeGreaterThan(20);
  });
});

describe('updateLanes from the same lanes', () => {
  const open = createGame(content, 2);
  const closedOne = { ...open, straits: { ...open.straits, malacca: 'closed' as const } };

  it('gives the same straits and lanes records for the same change, equal to routing it afresh', () => {
    const a = updateLanes(content, open, ['malacca']);
    const b = updateLanes(content, open, ['malacca']);
    expect(b.lanes).toBe(a.lanes);
    expect(b.straits).toBe(a.straits);
    expect(a.lanes).toEqual(lanesFor(content, ['malacca'], open.lanes));
    expect(a.straits.malacca).toBe('closed');
    expect(a.lanes).not.toEqual(open.lanes);
    // reopening from a state whose straits say closed (a belief state keeps the straits, not the shocks)
    const r1 = updateLanes(content, closedOne, []);
    const r2 = updateLanes(content, closedOne, []);
    expect(r2.lanes).toBe(r1.lanes);
    expect(r1.lanes).toEqual(lanesFor(content, [], closedOne.lanes));
    expect(Object.values(r1.straits).every((v) => v === 'open')).toBe(true);
  });

  it('keeps another record for other lanes or another change', () => {
    const a = updateLanes(content, open, ['malacca']);
    expect(updateLanes(content, open, ['lombok', 'malacca']).lanes).not.toBe(a.lanes);
    // other lanes (equal values, another record: another turn's): routed for them, the base lengths theirs
    const base = Object.fromEntries(Object.entries(open.lanes).map(([k, v]) => [k, { ...v, baseKm: v.baseKm + 1 }]));
    const other = updateLanes(content, { ...open, lanes: base }, ['malacca']);
    expect(other.lanes).not.toBe(a.lanes);
    expect(other.lanes).toEqual(lanesFor(content, ['malacca'], base));
    // nothing changes: the state's own records
    expect(updateLanes(content, open, []).lanes).toBe(open.lanes);
  });
});
