// Clears the three kinds of market of a turn, bottom-up: ore (mines against separators), oxide (separators,
// recycling and releases against magnet makers, other uses, stocks and stockpile purchases), magnets (magnet
// makers against the uses, each with its willingness to pay, and stocks).
import { NR, MAX_USES, resetCurves, solve, useAt } from './spe.ts';
import type { SpeProblem } from './curves.ts';
import type { StageKey } from '../ids.ts';
import type { ChainInput, MagnetUse, MarketResult } from './types.ts';
import { MAGNET_USES } from './types.ts';

if (MAGNET_USES.join() !== 'carsEv,carsIce,defense,wind,electronics,other') throw new Error('clear.ts: clearMagnets is written for the magnet uses carsEv carsIce defense wind electronics other');
import { PROBLEMS, REGIONS_KEYS, STATS, calibrationMarginOf, planPrice, result, setStorage, setSupply, setTrade, setUse } from './problem.ts';

const Z = () => [0, 0, 0, 0, 0, 0];

/** A market's volume scale for the solver's tolerances: what buyers want, or half the capacity, whichever is more. */
function volumeScale(want: number[], cap: number[]): number {
  let Q = 0;
  let C = 0;
  for (let r = 0; r < NR; r++) {
    Q += want[r];
    C += cap[r];
  }
  return Math.max(Q, 0.5 * C, 1);
}

/** The ore market: mines' cost curves against separators' purchases. In play, a separator's purchase is derived
 * from its own cost curve at the ore price (the run it plans at its expected oxide price less this ore price, plus
 * the working stock that run calls for); at calibration it is the want planned to meet 2024's needs, valued at the
 * oxide price expected. */
export function clearOre(x: ChainInput, s: 'ore.light' | 'ore.heavy', want: number[], cap: number[]): MarketResult {
  const g = x.goods;
  const m = PROBLEMS[s];
  resetCurves(m); // (setTrade writes every arc)
  const ox: StageKey = s === 'ore.light' ? 'oxide.light' : 'oxide.heavy';
  const rec = g.refiningRecovery;
  const eps = g.markets[s].shortRunElasticity;
  m.qref = volumeScale(want, cap);
  for (let r = 0; r < NR; r++) {
    setSupply(x, s, m, r, cap[r], cap[r], 0, 0);
    if (!x.planByNeeds) {
      setDerived(x, s, ox, m, r);
      continue;
    }
    // separators pay for ore up to what the oxide it makes is worth to them, less their own cost; never less than
    // that at the 2024 oxide price (they expect prices to come back)
    const pox = Math.max(g.markets[ox].basePrice, x.expPrice[ox][r]);
    const value = rec * (pox - g.markets[ox].cashCost[REGIONS_KEYS[r]]);
    m.nUse[r] = 1;
    setUse(m, r, 0, want[r], x.lastPrice[s][r], eps, Math.max(value, g.markets[s].basePrice));
  }
  setTrade(x, s, m);
  solve(m, STATS);
  // what buyers received is what mines shipped (the solver's tiny residual stays with the buyer's stock)
  return result(m, STATS);
}

/** Region r's separators' demand for ore at ore price p: the run their cost curve calls for at the oxide price they
 * plan on (chain.ts plannedRun) when ore costs p, run(p) = clamp(u cap (Pm - p / rec - c) / (m0 - c), 0, cap), and
 * the ore it takes with half the gap to its working stock closed (chain.ts restockWant): linear in p, like the
 * plants' supply curves (derived demand: Hicks 1932, Marshall's fixed proportions). */
function setDerived(x: ChainInput, s: StageKey, ox: StageKey, m: SpeProblem, r: number): void {
  const cap = x.refCap[s === 'ore.light' ? 'light' : 'heavy'][r];
  const u = x.baseUse[ox][r];
  if (cap <= 0 || u <= 0) return;
  const g = x.goods;
  const M = g.markets[ox];
  const rec = g.refiningRecovery;
  const c = M.cashCost[REGIONS_KEYS[r]];
  const m0 = calibrationMarginOf(x, ox, c, g.markets[s].basePrice / rec);
  const pm = planPrice(x, ox, r);
  const a = 1 + (0.5 * g.markets[s].inventoryWeeks) / (13 * x.q); // a run's ore and half its working stock
  const half = 0.5 * x.inv[s][r];
  const k = (a * u * cap) / (rec * rec * (m0 - c));
  const top = (a * cap) / rec - half;
  if (top <= 0) return;
  m.lK[r] = k;
  m.lZ[r] = rec * (pm - c) - half / k;
  m.lCap[r] = top;
}

export interface OxideOut {
  market: MarketResult;
  refined: number[];
  /** t bought for magnet making this turn */
  forMagnets: number[];
  otherUse: number[];
  /** t bought into national stockpiles (up to the order: the agency stops above its price limit) */
  stockpiled: number[];
  /** working stock after the turn, before magnet making draws on forMagnets */
  stockAfter: number[];
}

/** An oxide market: separators' cost curves (ore on hand and capacity bound them), recycling and releases,
 * against magnet makers, other uses, working stocks and stockpile purchases. */
export function clearOxide(x: ChainInput, s: 'oxide.light' | 'oxide.heavy', avail: number[], need: number[], magPlan: number[], recipe: number, orePrice: number[], ore: StageKey): OxideOut {
  const g = x.goods;
  const m = PROBLEMS[s];
  resetCurves(m); // (setTrade writes every arc)
  const heavy = s === 'oxide.heavy';
  const rec = g.refiningRecovery;
  const cap = heavy ? x.refCap.heavy : x.refCap.light;
  const other = heavy ? x.oxideOther.heavy : x.oxideOther.light;
  const fix = heavy ? x.purchase.heavy : x.purchase.light;
  const M = g.markets[s];
  const U = g.uses.oxideOther;
  const rLb = g.magnetRecipe.light;
  const rHb = g.magnetRecipe.heavy * x.heavyIntensity;
  m.qref = volumeScale(need, cap);
  for (let r = 0; r < NR; r++) {
    const fullCap = cap[r];
    setSupply(x, s, m, r, Math.min(fullCap, avail[r] * rec), fullCap, orePrice[r] / rec, g.markets[ore].basePrice / rec);
    m.sFix[r] = heavy ? x.recycled.heavy[r] + x.release.heavy[r] : x.recycled.light[r] + x.release.light[r];
    // magnet makers value the oxide at the magnet price they expect (never below the 2024 price) less their cost
    // and the other input at its 2024 price: the most they pay before a magnet no longer covers its inputs
    const pm = Math.max(g.markets.magnet.basePrice, x.expPrice.magnet[r]) - g.markets.magnet.cashCost[REGIONS_KEYS[r]];
    const otherIn = heavy ? rLb * g.markets['oxide.light'].basePrice : rHb * g.markets['oxide.heavy'].basePrice;
    const value = recipe > 0 ? (pm - otherIn) / recipe : 0;
    m.nUse[r] = 3;
    setUse(m, r, 0, magPlan[r] * recipe, x.lastPrice[s][r], M.shortRunElasticity, Math.max(value, M.basePrice));
    setUse(m, r, 1, other[r], M.basePrice, U.elasticity, U.wtpMultiple * M.basePrice);
    // a stockpile order bids for its tonnes at any price up to the agency's limit, then chokes off
    setUse(m, r, 2, fix[r], M.basePrice, 0, g.market.stockpileWtpMultiple * M.basePrice);
    setStorage(x, s, m, r, need[r]);
  }
  setTrade(x, s, m);
  solve(m, STATS);
  const market = result(m, STATS);
  const refined = Z();
  const forMagnets = Z();
  const otherUse = Z();
  const stockpiled = Z();
  const stockAfter = Z();
  for (let r = 0; r < NR; r++) {
    const pb = m.p[NR + r];
    // what producers shipped is what they made plus recycling, releases and stranded stock; fixed supply that found
    // no buyer goes back to working stock
    const shipped = market.supplied[r];
    refined[r] = Math.min(Math.max(0, shipped - m.sFix[r]), m.sCap[r]);
    const unsold = Math.max(0, m.sFix[r] - shipped);
    forMagnets[r] = useAt(m, r * MAX_USES, pb);
    otherUse[r] = useAt(m, r * MAX_USES + 1, pb);
    stockpiled[r] = useAt(m, r * MAX_USES + 2, pb);
    // the residual of the node balance goes to working stock, so material is conserved exactly
    let st = market.received[r] - forMagnets[r] - otherUse[r] - stockpiled[r];
    let s0 = m.stI0[r] + unsold + st;
    if (s0 < 0) {
      // stocks cannot go negative: the uses get less, the stockpile first
      let cut = -s0;
      const a = Math.min(stockpiled[r], cut);
      stockpiled[r] -= a;
      cut -= a;
      const b = Math.min(forMagnets[r], cut);
      forMagnets[r] -= b;
      cut -= b;
      otherUse[r] -= Math.min(otherUse[r], cut);
      s0 = 0;
      st = -(m.stI0[r] + unsold);
    }
    stockAfter[r] = s0;
    market.demanded[r] = forMagnets[r] + otherUse[r] + stockpiled[r] + st;
  }
  return { market, refined, forMagnets, otherUse, stockpiled, stockAfter };
}

export interface MagnetOut {
  market: MarketResult;
  made: number[];
  used: number[];
  ratio: number[];
  defenseRatio: number[];
  carRatio: number[];
  served: Record<MagnetUse, number[]>;
  stockAfter: number[];
}

/** The magnet market: magnet makers' cost curves (bound by capacity and the oxide they hold) against the uses,
 * each with its willingness to pay, and working stocks. */
export function clearMagnets(x: ChainInput, oxL: OxideOut, oxH: OxideOut, rL: number, rH: number, need: number[]): MagnetOut {
  const g = x.goods;
  const m = PROBLEMS.magnet;
  resetCurves(m); // (setTrade writes every arc)
  const M = g.markets.magnet;
  m.qref = volumeScale(need, x.magCap);
  const inputBase = g.magnetRecipe.light * g.markets['oxide.light'].basePrice + g.magnetRecipe.heavy * x.heavyIntensity * g.markets['oxide.heavy'].basePrice;
  // each use's curve and needs looked up once, in MAGNET_USES order (carsEv carsIce defense wind electronics other)
  const GU = g.uses.magnet;
  const N = x.magnetNeedByUse;
  const uses = [GU.carsEv, GU.carsIce, GU.defense, GU.wind, GU.electronics, GU.other];
  const needs = [N.carsEv, N.carsIce, N.defense, N.wind, N.electronics, N.other];
  for (let r = 0; r < NR; r++) {
    const oxLimit = Math.min(rL > 0 ? oxL.forMagnets[r] / rL : Infinity, rH > 0 ? oxH.forMagnets[r] / rH : Infinity);
    const inputNow = rL * oxL.market.price[r] + rH * oxH.market.price[r];
    setSupply(x, 'magnet', m, r, Math.min(x.magCap[r], oxLimit), x.magCap[r], inputNow, inputBase);
    m.nUse[r] = MAGNET_USES.length;
    for (let u = 0; u < MAGNET_USES.length; u++) {
      const U = uses[u];
      setUse(m, r, u, needs[u][r], M.basePrice, U.elasticity, U.wtpMultiple * M.basePrice);
    }
    setStorage(x, 'magnet', m, r, need[r]);
  }
  setTrade(x, 'magnet', m);
  solve(m, STATS);
  const market = result(m, STATS);
  const made = Z();
  const used = Z();
  const ratio = Z();
  const defenseRatio = Z();
  const carRatio = Z();
  const stockAfter = Z();
  // a literal in MAGNET_USES order (keyed stores by a use variable into {} were slow); rows in the same order
  const served: Record<MagnetUse, number[]> = { carsEv: Z(), carsIce: Z(), defense: Z(), wind: Z(), electronics: Z(), other: Z() };
  const servedRows = [served.carsEv, served.carsIce, served.defense, served.wind, served.electronics, served.other];
  for (let r = 0; r < NR; r++) {
    made[r] = Math.min(Math.max(0, market.supplied[r] - m.sFix[r]), m.sCap[r]); // less stranded stock sold
    const unsold = Math.max(0, m.sFix[r] - market.supplied[r]);
    const pb = m.p[NR + r];
    let tot = 0;
    for (let u = 0; u < MAGNET_USES.length; u++) {
      const v = useAt(m, r * MAX_USES + u, pb);
      servedRows[u][r] = v;
      tot += v;
    }
    let st = market.received[r] - tot;
    let s0 = m.stI0[r] + unsold + st;
    if (s0 < 0) {
      // stocks cannot go negative: cut the uses that value magnets least first (other, wind, electronics...)
      let cut = -s0;
      for (const k of ['other', 'wind', 'electronics', 'carsIce', 'carsEv', 'defense'] as const) {
        const c = Math.min(served[k][r], cut);
        served[k][r] -= c;
        tot -= c;
        cut -= c;
      }
      s0 = 0;
      st = -(m.stI0[r] + unsold);
    }
    stockAfter[r] = s0;
    market.demanded[r] = tot + st;
    used[r] = tot;
    ratio[r] = need[r] > 0 ? Math.min(1, tot / need[r]) : 1;
    const nd = x.magnetNeedByUse.defense[r];
    defenseRatio[r] = nd > 0 ? Math.min(1, served.defense[r] / nd) : 1;
    const nc = x.magnetNeedByUse.carsEv[r] + x.magnetNeedByUse.carsIce[r];
    carRatio[r] = nc > 0 ? Math.min(1, (served.carsEv[r] + served.carsIce[r]) / nc) : 1;
  }
  return { market, made, used, ratio, defenseRatio, carRatio, served, stockAfter };
}

