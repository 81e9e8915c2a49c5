// The default scenario starts where CALIBRATION.md says the world is, and shows its stylized facts.
import { describe, expect, it } from 'vitest';
import { COUNTRIES, REGIONS, type GameState } from '../engine/index.ts';
import { content, play } from './helpers.ts';

const shareOf = (s: GameState, f: (r: GameState['regions']['JPN']) => number, who: 'CHN') => {
  let tot = 0;
  for (const r of REGIONS) tot += f(s.regions[r]);
  return f(s.regions[who]) / tot;
};

describe('status-quo agents at turn 1 (CALIBRATION.md)', () => {
  const seeds = [1, 2, 3];
  for (const seed of seeds) {
    const { states } = play(seed, 1);
    const s = states[0];
    it(`seed ${seed}: mining, refining and magnet shares within 5 points of 69%, 91%, 94%`, () => {
      expect(Math.abs(shareOf(s, (r) => r.last.mined, 'CHN') - 0.69)).toBeLessThan(0.05);
      expect(Math.abs(shareOf(s, (r) => r.last.refined, 'CHN') - 0.91)).toBeLessThan(0.05);
      expect(Math.abs(shareOf(s, (r) => r.last.magnetsMade, 'CHN') - 0.94)).toBeLessThan(0.05);
    });
    it(`seed ${seed}: oxide prices within a factor 1.5 of the 2024 averages`, () => {
      // USGS MCS 2025: Nd oxide 56; the heavy basket is 80% Dy (260) and 20% Tb (810)
      const heavy2024 = 0.8 * 260 + 0.2 * 810;
      for (const [p, ref] of [
        [s.worldPrice['oxide.light'], 56],
        [s.prices['oxide.light'].CHN, 56],
        [s.worldPrice['oxide.heavy'], heavy2024],
        [s.prices['oxide.heavy'].CHN, heavy2024],
      ]) {
        expect(p / ref).toBeLessThan(1.5);
        expect(ref / p).toBeLessThan(1.5);
      }
    });
    it(`seed ${seed}: Japan's car exports to the US at the 15% tariff are 1.1-1.4 million a year`, () => {
      const perYear = s.regions.JPN.last.autoExports.USA * 4;
      expect(perYear).toBeGreaterThan(1.1e6);
      expect(perYear).toBeLessThan(1.4e6);
    });
  }
  it('processing is more concentrated than mining (stylized fact 4)', () => {
    const s = play(1, 1).states[0];
    const mining = shareOf(s, (r) => r.last.mined, 'CHN');
    expect(shareOf(s, (r) => r.last.refined, 'CHN')).toBeGreaterThan(mining + 0.1);
    expect(shareOf(s, (r) => r.last.magnetsMade, 'CHN')).toBeGreaterThan(mining + 0.1);
  });
});

describe('US tariff on Japanese cars (stylized fact 6)', () => {
  for (const seed of [1, 7]) {
    it(`seed ${seed}: 27.5% instead of 2.5% from turn 1 cuts Japan's exports to the US by 20-28% over turns 1-4`, () => {
      const sum = (pct: number) => play(seed, 4, { 1: { USA: { tariffs: { JPN: { autos: pct } } } } }).states.reduce((a, s) => a + s.regions.JPN.last.autoExports.USA, 0);
      const cut = 1 - sum(27.5) / sum(2.5);
      expect(cut).toBeGreaterThan(0.2);
      expect(cut).toBeLessThan(0.28);
    });
  }
  it('raising the tariff above the deal cap breaks the US-Japan deal', () => {
    const { states, reports } = play(1, 1, { 1: { USA: { tariffs: { JPN: { autos: 27.5 } } } } });
    expect(states[0].deals.find((d) => d.from === 'USA' && d.to === 'JPN')?.status).toBe('broken');
    expect(states[0].regions.USA.policies.tariffs.JPN.autos).toBe(27.5);
    expect(reports[0].news.join(' ')).toMatch(/USA raises its tariff on cars from JPN to 27.5% \(cap 15%\)/);
    expect(states[0].trust.JPN.USA).toBeLessThan(play(1, 1).states[0].trust.JPN.USA);
  });
});

// A restriction by the dominant supplier on everyone (a 2010-like quota): a ban on one buyer alone is routed round
// through third countries (market.test.ts), so stylized fact 1 is about a quota on all exports.
describe('a Chinese quota on oxide and magnet exports to everyone (stylized facts 1 and 3)', () => {
  const quota = { licensed: 0.5 };
  const ban = { CHN: { exportControls: { '*': { 'oxide.heavy': quota, 'oxide.light': quota, magnet: quota } } } };
  const base = play(11, 16);
  const hit = play(11, 16, { 3: ban });
  it("Japan's magnet supply and car output fall in the first quarter of the ban", () => {
    const b = base.states[2].regions.JPN.last;
    const h = hit.states[2].regions.JPN.last;
    expect(h.magnetSupplyRatio).toBeLessThan(b.magnetSupplyRatio - 0.1);
    // car makers outbid other magnet users (magnets are under 1% of a car's cost), so car lines lose less than
    // the magnet supply: seed 11 measured -2.9% in the first quarter (see docs/MODEL.md)
    expect(h.autoProduction).toBeLessThan(b.autoProduction * 0.99);
  });
  it("the price outside China rises while China's own price does not", () => {
    const b = base.states[2];
    const h = hit.states[2];
    expect(h.worldPrice['oxide.heavy']).toBeGreaterThan(b.worldPrice['oxide.heavy']); // seed 11: +83% in the first quarter
    expect(h.worldPrice.magnet).toBeGreaterThan(b.worldPrice.magnet * 1.3);
    expect(h.prices['oxide.heavy'].CHN).toBeLessThanOrEqual(b.prices['oxide.heavy'].CHN * 1.02);
    expect(h.prices.magnet.CHN).toBeLessThanOrEqual(b.prices.magnet.CHN * 1.02);
  });
  it('the why ledger blames magnets from China for the fall', () => {
    // (with the quota Japan still buys magnets from China; the fall is in what China sends)
    const led = hit.reports[2].headlines.JPN.magnetSupplyRatio;
    expect(led.change).toBeLessThan(0);
    const top = led.causes[0];
    expect(top.cause).toBe('magnets from CHN');
    expect(top.amount).toBeLessThan(0);
    const sum = led.causes.reduce((a, c) => a + c.amount, 0);
    expect(sum).toBeCloseTo(led.change, 9);
  });
  it('prices then fall over the following years as supply responds (stylized fact 2)', () => {
    const peak = Math.max(...hit.states.slice(2, 6).map((s) => s.worldPrice.magnet));
    expect(hit.states[15].worldPrice.magnet).toBeLessThan(peak * 0.8);
  });
});

describe('nothing done in one quarter changes supply that quarter (stylized fact 5)', () => {
  it('a new separation plant adds no capacity in the turn it is ordered, and arrives years later', () => {
    const order = { 1: { USA: { investments: [{ type: 'refinery.light', units: 1 }] } } };
    const a = play(5, 1);
    const b = play(5, 1, order);
    expect(b.states[0].regions.USA.refining.light).toBeCloseTo(a.states[0].regions.USA.refining.light, 9);
    const lead = content.projects.types['refinery.light'].leadQuarters;
    expect(lead).toBeGreaterThanOrEqual(8);
  });
});

describe('the status-quo path does not drift', () => {
  it('with every seat at the status quo, output gaps stay within ±1% and approval within ±5 of the start (5 seeds, 40 turns)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { states } = play(seed, 40);
      for (const c of COUNTRIES) {
        const last8 = states.slice(-8).map((s) => s.regions[c].gdp / s.regions[c].potential - 1);
        const mean = last8.reduce((a, b) => a + b, 0) / last8.length;
        expect(Math.abs(mean), `${c} seed ${seed} mean output gap`).toBeLessThan(0.01);
        expect(Math.abs(states[39].regions[c].approval - states[0].regions[c].ref.approval), `${c} seed ${seed} approval`).toBeLessThanOrEqual(5);
      }
    }
  });
});
