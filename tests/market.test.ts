// The market model (engine/market/): the spatial price equilibrium solver on cases with known answers, and the
// behaviour the whole engine must show: prices that move, the law of one price, tariffs that change trade,
// routes around a one-country ban, stockpiles bought at the market price, and a quota's price split.
import { describe, expect, it } from 'vitest';
import { MAX_USES, NR, TOL_P, TOL_Q, newProblem, resetProblem, solve, type SpeProblem } from '../engine/market/spe.ts';
import { content, play } from './helpers.ts';

/** Region 0 sells (linear marginal cost from 10 to 20 for 100 t), region 1 buys (unit-elastic demand, 100 t at
 * USD 20); freight 2 on 0->1 and far dearer elsewhere, so no third region matters. */
function textbook(): SpeProblem {
  const m = newProblem();
  resetProblem(m);
  m.pref = 20;
  m.qref = 100;
  m.pmin = 0.01;
  m.pmax = 2e4;
  m.sQ0[0] = 100;
  m.sP0[0] = 20;
  m.sPc[0] = 10;
  m.sCap[0] = 1e9;
  m.nUse[1] = 1;
  m.uQ[MAX_USES] = 100;
  m.uPr[MAX_USES] = 20;
  m.uEps[MAX_USES] = -1;
  m.uW[MAX_USES] = 1e9;
  for (let a = 0; a < NR * NR; a++) m.aF[a] = 1000;
  for (let r = 0; r < NR; r++) m.aF[r * NR + r] = 0;
  m.aF[1] = 2;
  m.p.fill(20);
  return m;
}

describe('the spatial price equilibrium solver', () => {
  it('solves the two-region textbook case exactly: 10 (p - 10) = 2000 / (p + 2)', () => {
    const m = textbook();
    const st = solve(m);
    const exact = 4 + Math.sqrt(236); // p^2 - 8p - 220 = 0
    expect(m.p[0]).toBeCloseTo(exact, 4);
    expect(m.p[NR + 1]).toBeCloseTo(exact + 2, 4);
    expect(m.x[1]).toBeCloseTo(10 * (exact - 10), 3);
    expect(st.maxGap).toBeLessThanOrEqual(TOL_P * m.pref);
    expect(st.maxResidual).toBeLessThanOrEqual(TOL_Q * m.qref * 10);
  });
  it('a cap (export quota) splits the prices and earns a quota rent', () => {
    const m = textbook();
    m.aCap[1] = 50;
    solve(m);
    expect(m.x[1]).toBeCloseTo(50, 6);
    expect(m.p[0]).toBeCloseTo(15, 4); // the exporter's producers sell 50 t: 10 + 50/10
    expect(m.p[NR + 1]).toBeCloseTo(40, 4); // the buyers pay what 50 t is worth to them: 2000/50
  });
  it('an ad valorem tariff on the CIF value changes the flow: p_dest = (1 + t)(p_src + freight)', () => {
    const m = textbook();
    m.aT[1] = 0.5;
    solve(m);
    expect(m.p[NR + 1]).toBeCloseTo(1.5 * (m.p[0] + 2), 4);
    expect(m.x[1]).toBeCloseTo(10 * (m.p[0] - 10), 3);
    expect(m.x[1]).toBeLessThan(93); // 93.6 t without the tariff
  });
  it('a transshipment route carries goods round a ban at its wedge, and its penalty rises with volume', () => {
    const m = textbook();
    m.aCap[1] = 0;
    m.aF[0 * NR + 2] = 1; // region 2 is open to region 0
    m.nTr = 1;
    m.trS[0] = 0;
    m.trK[0] = 2;
    m.trD[0] = 1;
    m.trF[0] = 6;
    m.trSlope[0] = 0.05;
    const st = solve(m);
    const x = m.xt[0];
    expect(x).toBeGreaterThan(10);
    expect(m.p[NR + 1]).toBeCloseTo(m.p[0] + 6 + 0.05 * x, 4);
    expect(st.maxGap).toBeLessThanOrEqual(TOL_P * m.pref);
  });
  it('producers who find no buyer quote their reservation price (the foot of their supply curve), not the floor', () => {
    const m = textbook();
    m.uQ[MAX_USES] = 0; // nobody wants any this quarter (separators that planned no run buy no ore)
    m.p.fill(3); // last quarter's prices, below the foot: supply is nil there, so nothing in the conditions moves them
    const st = solve(m);
    expect(m.x[1]).toBe(0);
    expect(m.p[0]).toBe(10); // the cash cost: any price up to it meets the conditions, and below it nothing is offered
    expect(m.p[NR + 1]).toBeCloseTo(12, 9); // the idle buyer: the cheapest landed cost, 10 + freight 2
    expect(st.maxGap).toBeLessThanOrEqual(TOL_P * m.pref);
    // recycled or released material that must be sold still goes at the floor when nobody takes it (free disposal)
    const f = textbook();
    f.uQ[MAX_USES] = 0;
    f.sFix[0] = 5;
    f.p.fill(3);
    solve(f);
    expect(f.p[0]).toBeLessThan(1);
  });
  it("a plant's derived demand for its input (linear, capped) clears exactly: 10 (p - 10) = 5 (38 - p), then at its cap", () => {
    const m = textbook();
    m.nUse[1] = 0; // the separators' derived demand alone: D = clamp(5 (40 - p), 0, cap)
    m.lK[1] = 5;
    m.lZ[1] = 40;
    m.lCap[1] = 1e9;
    const st = solve(m);
    expect(m.p[0]).toBeCloseTo(290 / 15, 4);
    expect(m.p[NR + 1]).toBeCloseTo(290 / 15 + 2, 4);
    expect(m.x[1]).toBeCloseTo(10 * (290 / 15 - 10), 3);
    expect(st.maxGap).toBeLessThanOrEqual(TOL_P * m.pref);
    // at capacity (50 t) the demand is vertical: 10 (p - 10) = 50
    const c = textbook();
    c.nUse[1] = 0;
    c.lK[1] = 5;
    c.lZ[1] = 40;
    c.lCap[1] = 50;
    solve(c);
    expect(c.p[0]).toBeCloseTo(15, 4);
    expect(c.x[1]).toBeCloseTo(50, 4);
    // above its choke (the input dearer than the plant's margin) nobody buys
    const z = textbook();
    z.nUse[1] = 0;
    z.lK[1] = 5;
    z.lZ[1] = 11; // zero at 11: the landed cost of the cheapest ore is 12
    z.lCap[1] = 1e9;
    solve(z);
    expect(z.x[1]).toBeLessThan(TOL_Q * z.qref);
    expect(z.p[NR + 1]).toBeGreaterThanOrEqual(11);
  });
  it('golden table: prices and flows over a grid of supply, demand, caps and tariffs', async () => {
    const lines = ['   supply   demand      cap   tariff  p.exp  p.imp  p.thrd   x.0>1   x.0>5   x.2>1'];
    for (const q0 of [80, 120])
      for (const dq of [60, 100])
        for (const cap of [Infinity, 20, 0])
          for (const t of [0, 0.25, 1]) {
            const m = newProblem();
            resetProblem(m);
            m.pref = 50;
            m.qref = 200;
            m.pmin = 0.05;
            m.pmax = 5e4;
            // region 0: a big low-cost exporter; region 2: a small dearer producer; regions 1 and 5 import
            m.sQ0[0] = q0;
            m.sP0[0] = 50;
            m.sPc[0] = 10;
            m.sCap[0] = 1.2 * q0;
            m.sQ0[2] = 20;
            m.sP0[2] = 50;
            m.sPc[2] = 35;
            m.sCap[2] = 30;
            for (const r of [1, 5]) {
              m.nUse[r] = 2;
              m.uQ[r * MAX_USES] = dq / 2;
              m.uPr[r * MAX_USES] = 50;
              m.uEps[r * MAX_USES] = -0.05;
              m.uW[r * MAX_USES] = 750; // cars
              m.uQ[r * MAX_USES + 1] = dq / 2;
              m.uPr[r * MAX_USES + 1] = 50;
              m.uEps[r * MAX_USES + 1] = -0.3;
              m.uW[r * MAX_USES + 1] = 125; // electronics
            }
            for (let a = 0; a < NR; a++) for (let b = 0; b < NR; b++) m.aF[a * NR + b] = a === b ? 0 : 0.5;
            m.aCap[0 * NR + 1] = cap;
            m.aT[0 * NR + 5] = t;
            m.p.fill(50);
            const st = solve(m);
            expect(st.maxGap).toBeLessThanOrEqual(TOL_P * m.pref);
            const f = (v: number, d = 2) => v.toFixed(d).padStart(d === 2 ? 6 : 7);
            lines.push(`${String(q0).padStart(9)}${String(dq).padStart(9)}${String(cap).padStart(9)}${String(t).padStart(9)} ${f(m.p[0])} ${f(m.p[NR + 1])} ${f(m.p[NR + 5])}  ${f(m.x[1], 1)} ${f(m.x[5], 1)} ${f(m.x[2 * NR + 1], 1)}`);
          }
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/spe.txt');
  });
});

describe('the market in the whole engine', () => {
  // China exports little NdPr oxide in the calibrated start (its NdPr leaves as magnets), so the licence that moves
  // NdPr outside China is one on light oxide and magnets: magnet makers outside China then bid for NdPr
  const light = { CHN: { exportControls: { '*': { 'oxide.light': { licensed: 0.5 }, magnet: { licensed: 0.5 } } } } };
  it('NdPr moves under a Chinese licence on light oxide and magnets to everyone, and the price splits in and outside China', () => {
    const base = play(1, 4).states[3];
    const hit = play(1, 4, { 1: light }).states[3];
    // NdPr outside China moves (it falls here: magnet makers outside China are at capacity, so dearer magnets
    // mean less NdPr bought); magnets outside China rise and China's own magnet price falls
    expect(Math.abs(hit.worldPrice['oxide.light'] / base.worldPrice['oxide.light'] - 1)).toBeGreaterThan(0.02);
    expect(hit.worldPrice.magnet).toBeGreaterThan(base.worldPrice.magnet * 1.3);
    expect(hit.prices.magnet.CHN).toBeLessThan(base.prices.magnet.CHN);
  });
  it('a Chinese magnet ban on the US alone is routed round: within four quarters the US pays no more than another importer plus freight and tariff', () => {
    // everything else open: China lifts its standing magnet licences and bans the US alone
    const { states } = play(1, 5, { 1: { CHN: { exportControls: { '*': { magnet: 'open' }, USA: { magnet: 'banned' } } } } });
    const s = states[4];
    const fr = content.goods.markets.magnet.freightUsdPerKg;
    const tUS = (o: 'JPN' | 'ROW') => s.regions.USA.policies.tariffs[o].magnets / 100;
    // law of one price up to freight (lanes may be longer than the shortest), tariff and the cost of the route
    // round the ban (relabelling wedge plus the expected penalty, which rises with the volume transshipped, plus
    // the premium US buyers now put on Chinese goods, which still come from China by whatever route)
    const T = content.goods.market.transship;
    const base = content.goods.markets.magnet.basePrice;
    const shipped = Object.entries(s.market.transship.magnet).filter(([k]) => k.endsWith('>USA')).reduce((a, [, v]) => a + v, 0);
    const world = Object.values(s.regions).reduce((a, r) => a + r.last.magnetNeed, 0);
    const premium = content.goods.market.distrust.premiumShare * base * s.market.distrust.USA.CHN;
    expect(s.market.distrust.USA.CHN).toBe(1);
    const route = T.wedgeShare * base + (T.penaltyShare * base * shipped) / (0.01 * world) + premium;
    const bound = Math.min(...(['JPN', 'ROW'] as const).map((o) => (1 + tUS(o)) * (s.prices.magnet[o] + 3 * fr))) + route;
    expect(s.prices.magnet.USA).toBeLessThanOrEqual(bound);
    expect(s.flows.magnet.CHN.USA).toBe(0);
    expect(shipped).toBeGreaterThan(100);
  });
  it('a 500% US tariff on Chinese magnets cuts the China-to-US flow by most of its volume', () => {
    const base = play(1, 3).states[2];
    const hit = play(1, 3, { 1: { USA: { tariffs: { CHN: { magnets: 500 } } } } }).states[2];
    expect(hit.flows.magnet.CHN.USA).toBeLessThan(0.5 * base.flows.magnet.CHN.USA);
  });
  it("a Japanese Dy/Tb stockpile purchase is paid at the market price and said in the news", () => {
    const units = 50 / content.projects.types['stockpile.heavy'].capacity;
    const base = play(1, 1);
    const r = play(1, 1, { 1: { JPN: { investments: [{ type: 'stockpile.heavy', units }] } } });
    const s = r.states[0];
    const p = s.prices['oxide.heavy'].JPN;
    expect(s.regions.JPN.stockpile.heavy - base.states[0].regions.JPN.stockpile.heavy).toBeCloseTo(50, 6);
    expect(p).toBeGreaterThan(base.states[0].prices['oxide.heavy'].JPN); // the purchase moves the price
    const line = r.reports[0].news.find((n) => n.includes('for its stockpile at USD'));
    expect(line).toContain(`USD ${p.toFixed(0)}/kg`);
    expect(s.regions.JPN.budget).toBeCloseTo(base.states[0].regions.JPN.budget - (50 * p) / 1e6, 6);
  });
});

describe('ore prices without a cobweb', () => {
  it("separators' ore demand is derived from the ore price within the quarter, so China's ore prices do not cycle in the status quo", () => {
    // before the derived demand, separators that expected a loss at last quarter's ore price bought no ore at any
    // price, and China's heavy ore moved by more than 30% in a quarter in about a fifth of status-quo quarters
    let moves = 0;
    let big = 0;
    for (let seed = 1; seed <= 5; seed++) {
      const states = play(seed, 40).states;
      for (let t = 1; t < states.length; t++)
        for (const st of ['ore.light', 'ore.heavy'] as const) {
          const a = states[t - 1].prices[st].CHN;
          const b = states[t].prices[st].CHN;
          moves++;
          if (Math.abs(b / a - 1) > 0.3) big++;
        }
    }
    expect(moves).toBeGreaterThan(300);
    expect(big / moves).toBeLessThan(0.03);
  });
});

describe('contracts', () => {
  it('an offtake is exempt from its seller’s licence (first claim), and forces nothing with trade open', async () => {
    const { createGame } = await import('../engine/index.ts');
    const s0 = createGame(content, 1);
    const o = s0.offtakes.find((x) => x.from === 'AUS' && x.to === 'MYS' && x.stage === 'ore.light');
    expect(o).toBeDefined();
    const contracted = o!.tonnesPerYear / 4;
    const open = play(1, 1).states[0].flows['ore.light'].AUS.MYS;
    const licensed = play(1, 1, { 1: { AUS: { exportControls: { MYS: { 'ore.light': { licensed: 0.1 } } } } } }).states[0].flows['ore.light'].AUS.MYS;
    // the licence lets through 10% of last quarter's volume, or the contracted volume if larger
    expect(licensed).toBeGreaterThanOrEqual(Math.min(open, contracted) - 1e-6);
    expect(licensed).toBeLessThanOrEqual(Math.max(contracted, 0.1 * s0.flows['ore.light'].AUS.MYS) + 1e-6);
  });
});

describe('a dominant producer', () => {
  it("China's output quotas above normal lower the prices outside China: a policy its agents choose", () => {
    const base = play(1, 4).states[3];
    const flood = play(1, 4, { 1: { CHN: { rareEarthOutputPct: 140 } } });
    const s = flood.states[3];
    expect(s.regions.CHN.policies.outputPct).toBe(140);
    expect(s.worldPrice['oxide.light']).toBeLessThan(base.worldPrice['oxide.light'] * 0.98);
    expect(s.regions.CHN.last.refined).toBeGreaterThan(base.regions.CHN.last.refined);
    expect(flood.reports[0].news.some((n) => n.includes('CHN sets its rare-earth mining and separation quotas to 140% of normal'))).toBe(true);
  });
});
