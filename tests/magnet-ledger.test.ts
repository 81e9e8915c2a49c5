// The magnet-supply why ledger: its causes add up to the change to rounding, with the 100% cap and surplus stock sold
// off named (they were one remainder labelled "rounding and limits", 9 points for the US in turn 1).
import { describe, expect, it } from 'vitest';
import { COUNTRIES, REGIONS, collectOrders, createGame, makeAgent, playGame, resolveTurn, type GameState, type TurnReport } from '../engine/index.ts';
import { statusQuoSeats } from '../engine/game.ts';
import { magnetParts } from '../engine/report.ts';
import { content } from './helpers.ts';

const sum = (causes: { amount: number }[]) => causes.reduce((a, c) => a + c.amount, 0);
const get = (r: TurnReport, c: (typeof COUNTRIES)[number], cause: string) => r.headlines[c].magnetSupplyRatio.causes.find((x) => x.cause === cause)?.amount;

describe('the magnet-supply ledger', () => {
  const sq = playGame(content, 1, statusQuoSeats(), { turns: 3, ledger: true });

  it('US, turn 1, status quo: named causes only, adding up to the change', () => {
    const led = sq.reports[0].headlines.USA.magnetSupplyRatio;
    expect(led.change).toBeCloseTo(-0.0411, 4);
    expect(Math.abs(sum(led.causes) - led.change)).toBeLessThan(1e-12);
    expect(led.causes.map((c) => c.cause)).not.toContain('rounding and limits');
    expect(led.causes.map((c) => c.cause)).not.toContain('rounding');
    // the decomposition, pinned (points of need): the start's stock draw (9.0) is counted under inventories
    const pinned = Object.fromEntries(led.causes.map((c) => [c.cause, Math.round(c.amount * 1e4) / 1e4]));
    expect(pinned).toEqual({ 'magnets from JPN': -0.0452, 'magnets from ROW': 0.016, 'magnets from CHN': -0.0095, inventories: -0.0056, 'own magnet plants': 0.0032 });
  });

  it('the cap is a cause where it binds (China, at 100%), and not where it does not (the US)', () => {
    for (const r of sq.reports) {
      expect(get(r, 'CHN', 'capped at 100%')).toBeDefined();
      expect(get(r, 'USA', 'capped at 100%')).toBeUndefined();
    }
    const s = sq.state.regions;
    expect(s.CHN.last.magnetSupplyRatio).toBe(1);
    expect(magnetParts(s, 'CHN', false).cap).toBeLessThan(0); // what China got beyond its need
    expect(magnetParts(s, 'USA', false).cap).toBe(0);
  });

  it('every played turn: ratio = magnets received + inventories - surplus sold + cap, to 1e-9', () => {
    for (const c of REGIONS) {
      const p = magnetParts(sq.state.regions, c, false);
      expect(Math.abs(p.received + p.inventories - p.sold + p.cap - sq.state.regions[c].last.magnetSupplyRatio)).toBeLessThan(1e-9);
    }
  });

  it('surplus stock sold off is its own cause (random agents, seed 2, turns 16-18), and the ledger still adds up', () => {
    const seats = Object.fromEntries(COUNTRIES.map((c) => [c, makeAgent(content, 'random', c)])) as Parameters<typeof playGame>[2];
    let s: GameState = playGame(content, 2, seats, { turns: 15, ledger: false }).state;
    let seen = 0;
    for (let t = 16; t <= 18; t++) {
      const { state, report } = resolveTurn(content, s, collectOrders(content, s, seats), { ledger: true });
      s = state;
      for (const c of COUNTRIES) {
        const led = report.headlines[c].magnetSupplyRatio;
        expect(Math.abs(sum(led.causes) - led.change)).toBeLessThan(1e-9);
        expect(led.causes.find((x) => x.cause === 'rounding' && Math.abs(x.amount) > 1e-9)).toBeUndefined();
        if (get(report, c, 'surplus stock sold off') !== undefined) seen++;
      }
    }
    // turn 17: the US sold off surplus stock worth 12.6 points of its need (it was 0 in turn 16)
    expect(seen).toBeGreaterThanOrEqual(5);
  });

  it('magnetParts reads surplus sold off and the cap from the records (a made-up turn)', () => {
    const g = structuredClone(createGame(content, 1).regions);
    for (const r of REGIONS) for (const s of REGIONS) g[r].last.magnetSources[s] = 0;
    // Japan needs 100 t; its plants made 70 and sold 10 t of surplus stock, all 80 t to itself; it drew 30 t of stock
    // (the 10 sold and 20 more): its users got 100 t
    Object.assign(g.JPN.last, { magnetNeed: 100, magnetsMade: 70, magnetInvDraw: 0.3, magnetSupplyRatio: 1 });
    g.JPN.last.magnetSources.JPN = 0.8;
    // the US needs 50 t and got 60 t from Japan's plants... which made them: Japan made 130
    Object.assign(g.USA.last, { magnetNeed: 50, magnetsMade: 0, magnetInvDraw: 0, magnetSupplyRatio: 1 });
    g.USA.last.magnetSources.JPN = 1.2;
    g.JPN.last.magnetsMade = 130;
    const j = magnetParts(g, 'JPN', false);
    expect(j.sold).toBeCloseTo(0.1, 12);
    expect(j.cap).toBeCloseTo(0, 12);
    const u = magnetParts(g, 'USA', false);
    expect(u.sold).toBe(0);
    expect(u.cap).toBeCloseTo(-0.2, 12);
    // the start's record has no stock draw: below 100% it is what makes the record add up
    Object.assign(g.USA.last, { magnetSupplyRatio: 0.9 });
    g.USA.last.magnetSources.JPN = 0.7;
    g.JPN.last.magnetsMade = 105;
    expect(magnetParts(g, 'USA', true).inventories).toBeCloseTo(0.2, 12);
    expect(magnetParts(g, 'USA', false).inventories).toBe(0);
  });
});
