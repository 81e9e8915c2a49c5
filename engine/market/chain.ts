// The rare-earth chain for one turn: plans top-down (what each stage means to run), then clears the markets
// bottom-up, each one a spatial price equilibrium (spe.ts): ore -> separation -> oxide -> magnet making -> magnets -> uses.
// Plain numeric work over arrays in REGIONS order; the turn pipeline packs the results into the state.
import { NR } from './spe.ts';
import { STAGES, type StageKey } from '../ids.ts';
import type { ChainInput, ChainResult } from './types.ts';
import { MAGNET_USES } from './types.ts';
import { clearMagnets, clearOre, clearOxide } from './clear.ts';
import { PROBLEMS, REGIONS_KEYS, calibrationMarginOf, planPrice } from './problem.ts';

export { NR };
export { MAGNET_USES };
export type { ChainInput, ChainResult, MagnetUse, MarketResult } from './types.ts';
export { problemOf, transKey } from './problem.ts';

const Z = () => [0, 0, 0, 0, 0, 0];

/** Share out wanted output over capacity: plants in short markets run full, the rest at one utilisation rate. */
export function planOutput(cap: number[], want: number, short: boolean[]): number[] {
  let sc = 0;
  let rc = 0;
  for (let r = 0; r < NR; r++) {
    if (short[r]) sc += cap[r];
    else rc += cap[r];
  }
  const out = Z();
  // both cases' reads and arithmetic are done on every call, the one not taken thrown away: the first case is rare, and its
  // first use after V8 had optimised planChain (which inlines this) threw that code away twice a thread for want of
  // type feedback on its compare and its division (docs/SPEED.md, session 24); the values are the same expressions
  const low = want <= sc;
  const any = sc > 0;
  const u = rc > 0 ? Math.min(1, (want - sc) / rc) : 0;
  for (let r = 0; r < NR; r++) {
    const c = cap[r];
    const isShort = short[r];
    const share = (c * want) / sc;
    out[r] = low ? (isShort && any ? share : 0) : isShort ? c : c * u;
  }
  return out;
}

/** Each of NR values over d (map's result, without a closure). */
function over(v: number[], d: number): number[] {
  const out = Z();
  for (let r = 0; r < NR; r++) out[r] = v[r] / d;
  return out;
}

function restockWant(need: number, inv: number, weeks: number, q: number): number {
  const target = (need * weeks) / (13 * q);
  return Math.max(0, need + 0.5 * (target - inv));
}
/** The chain of a turn; `residuals` false: the markets' clearing residuals are not worked out (their stats say NaN),
 * for a turn that builds no report (the only reader). */
export function runChain(x: ChainInput, residuals = true): ChainResult {
  for (let k = 0; k < STAGES.length; k++) PROBLEMS[STAGES[k]].residual = residuals;
  const g = x.goods;
  const rec = g.refiningRecovery;
  const rL = g.magnetRecipe.light;
  const rH = g.magnetRecipe.heavy * x.heavyIntensity;
  const inv: Record<StageKey, number[]> = {
    'ore.light': x.inv['ore.light'].slice(),
    'ore.heavy': x.inv['ore.heavy'].slice(),
    'oxide.light': x.inv['oxide.light'].slice(),
    'oxide.heavy': x.inv['oxide.heavy'].slice(),
    magnet: x.inv.magnet.slice(),
  };
  const plan = planChain(x, inv);
  // --- ore
  const oreL = clearOre(x, 'ore.light', plan.oreWantL, x.oreOut.light);
  const oreH = clearOre(x, 'ore.heavy', plan.oreWantH, x.oreOut.heavy);
  const mineL = oreL.supplied;
  const mineH = oreH.supplied;
  // --- separation and oxide
  const availL = Z();
  const availH = Z();
  for (let r = 0; r < NR; r++) {
    availL[r] = inv['ore.light'][r] + oreL.received[r];
    availH[r] = inv['ore.heavy'][r] + oreH.received[r];
  }
  const oxL = clearOxide(x, 'oxide.light', availL, plan.needL, plan.magPlan, rL, oreL.price, 'ore.light');
  const oxH = clearOxide(x, 'oxide.heavy', availH, plan.needH, plan.magPlan, rH, oreH.price, 'ore.heavy');
  const refined = { light: oxL.refined, heavy: oxH.refined };
  const losses = { light: 0, heavy: 0 };
  for (let r = 0; r < NR; r++) {
    const usedL = refined.light[r] / rec;
    const usedH = refined.heavy[r] / rec;
    losses.light += usedL - refined.light[r];
    losses.heavy += usedH - refined.heavy[r];
    inv['ore.light'][r] = Math.max(0, availL[r] - usedL);
    inv['ore.heavy'][r] = Math.max(0, availH[r] - usedH);
  }
  // --- magnets
  const consumed = { light: 0, heavy: 0 };
  const toStockpile = { light: oxL.stockpiled, heavy: oxH.stockpiled };
  const mag = clearMagnets(x, oxL, oxH, rL, rH, plan.magnetNeed);
  const magnetsMade = mag.made;
  for (let r = 0; r < NR; r++) {
    // oxide bought for magnets and not used (the other group was short) goes to working stock
    inv['oxide.light'][r] = Math.max(0, oxL.stockAfter[r] + oxL.forMagnets[r] - magnetsMade[r] * rL);
    inv['oxide.heavy'][r] = Math.max(0, oxH.stockAfter[r] + oxH.forMagnets[r] - magnetsMade[r] * rH);
    consumed.light += oxL.otherUse[r];
    consumed.heavy += oxH.otherUse[r];
  }
  // magnet stocks: a pool whose Dy/Tb content mixes old stock and this turn's output
  let stock0 = 0;
  let made = 0;
  for (let r = 0; r < NR; r++) {
    stock0 += x.inv.magnet[r];
    made += magnetsMade[r];
  }
  const heavyPool = stock0 * x.magnetHeavy + made * rH;
  const magnetHeavy = stock0 + made > 0 ? heavyPool / (stock0 + made) : rH;
  let used = 0;
  for (let r = 0; r < NR; r++) {
    inv.magnet[r] = mag.stockAfter[r];
    used += mag.used[r];
    consumed.light += mag.used[r] * rL;
  }
  consumed.heavy += used * magnetHeavy;
  const mineUse = Z();
  for (let r = 0; r < NR; r++) {
    const tot = x.oreOut.light[r] + x.oreOut.heavy[r];
    mineUse[r] = tot > 0 ? (mineL[r] + mineH[r]) / tot : 0;
  }
  return {
    markets: { 'ore.light': oreL, 'ore.heavy': oreH, 'oxide.light': oxL.market, 'oxide.heavy': oxH.market, magnet: mag.market },
    inv,
    refined,
    magnetsMade,
    magnetNeed: plan.magnetNeed,
    magnetUsed: mag.used,
    magnetRatio: mag.ratio,
    defenseRatio: mag.defenseRatio,
    civilRatio: mag.carRatio,
    useServed: mag.served,
    toStockpile,
    magnetHeavy,
    consumed,
    losses,
    oreMined: { light: mineL, heavy: mineH },
    mineUse,
    needs: { 'ore.light': over(plan.planL, rec), 'ore.heavy': over(plan.planH, rec), 'oxide.light': plan.needL, 'oxide.heavy': plan.needH, magnet: plan.magnetNeed },
    planned: { 'ore.light': plan.mineL, 'ore.heavy': plan.mineH, 'oxide.light': plan.planL, 'oxide.heavy': plan.planH, magnet: plan.magPlan },
  };
}
/** The run a plant plans this turn: its cost curve's output at the price it expects, given the input cost its
 * region's buyers expect. */
function plannedRun(x: ChainInput, s: StageKey, cap: number[], inputExp: (r: number) => number, inputBase: number): number[] {
  const M = x.goods.markets[s];
  const out = Z();
  for (let r = 0; r < NR; r++) {
    if (cap[r] <= 0) continue;
    const c = M.cashCost[REGIONS_KEYS[r]];
    const m0 = calibrationMarginOf(x, s, c, inputBase);
    const m = planPrice(x, s, r) - inputExp(r);
    const v = (x.baseUse[s][r] * cap[r] * (m - c)) / (m0 - c);
    out[r] = v <= 0 ? 0 : v >= cap[r] ? cap[r] : v;
  }
  return out;
}

/** The chain planned top-down from the needs of magnet users: what each stage means to buy and run this turn. */
function planChain(x: ChainInput, inv: Record<StageKey, number[]>) {
  const g = x.goods;
  const M = g.markets;
  const rec = g.refiningRecovery;
  const rL = g.magnetRecipe.light;
  const rH = g.magnetRecipe.heavy * x.heavyIntensity;
  const magnetNeed = Z();
  const magWant = Z();
  let WM = 0;
  // needs by use in MAGNET_USES order (clear.ts checks that order), summed in it
  const N = x.magnetNeedByUse;
  const needRows = [N.carsEv, N.carsIce, N.defense, N.wind, N.electronics, N.other];
  for (let r = 0; r < NR; r++) {
    let n = 0;
    for (let u = 0; u < needRows.length; u++) n += needRows[u][r];
    magnetNeed[r] = n;
    magWant[r] = restockWant(magnetNeed[r], inv.magnet[r], M.magnet.inventoryWeeks, x.q);
    WM += magWant[r];
  }
  // in play each plant plans the run its own cost curve calls for at the price it expects; at calibration (the 2024
  // world, where the curves are being fitted) the chain plans to meet needs instead
  const inL = (r: number) => rL * x.expPrice['oxide.light'][r] + rH * x.expPrice['oxide.heavy'][r];
  const inBase = rL * M['oxide.light'].basePrice + rH * M['oxide.heavy'].basePrice;
  const magPlan = x.planByNeeds ? planOutput(x.magCap, WM, x.short.magnet) : plannedRun(x, 'magnet', x.magCap, inL, inBase);
  const needL = Z();
  const needH = Z();
  const oxWantL = Z();
  const oxWantH = Z();
  let WL = 0;
  let WH = 0;
  let supL = 0;
  let supH = 0;
  for (let r = 0; r < NR; r++) {
    needL[r] = magPlan[r] * rL + x.oxideOther.light[r];
    needH[r] = magPlan[r] * rH + x.oxideOther.heavy[r];
    oxWantL[r] = restockWant(needL[r], inv['oxide.light'][r], M['oxide.light'].inventoryWeeks, x.q) + x.purchase.light[r];
    oxWantH[r] = restockWant(needH[r], inv['oxide.heavy'][r], M['oxide.heavy'].inventoryWeeks, x.q) + x.purchase.heavy[r];
    WL += oxWantL[r];
    WH += oxWantH[r];
    supL += x.recycled.light[r] + x.release.light[r];
    supH += x.recycled.heavy[r] + x.release.heavy[r];
  }
  const oreIn = (st: StageKey) => (r: number) => x.expPrice[st][r] / rec;
  const planL = x.planByNeeds ? planOutput(x.refCap.light, Math.max(0, WL - supL), x.short.light) : plannedRun(x, 'oxide.light', x.refCap.light, oreIn('ore.light'), M['ore.light'].basePrice / rec);
  const planH = x.planByNeeds ? planOutput(x.refCap.heavy, Math.max(0, WH - supH), x.short.heavy) : plannedRun(x, 'oxide.heavy', x.refCap.heavy, oreIn('ore.heavy'), M['ore.heavy'].basePrice / rec);
  const oreWantL = Z();
  const oreWantH = Z();
  let WoL = 0;
  let WoH = 0;
  for (let r = 0; r < NR; r++) {
    oreWantL[r] = restockWant(planL[r] / rec, inv['ore.light'][r], M['ore.light'].inventoryWeeks, x.q);
    oreWantH[r] = restockWant(planH[r] / rec, inv['ore.heavy'][r], M['ore.heavy'].inventoryWeeks, x.q);
    WoL += oreWantL[r];
    WoH += oreWantH[r];
  }
  const mineL = planOutput(x.oreOut.light, WoL, x.short.oreLight);
  const mineH = planOutput(x.oreOut.heavy, WoH, x.short.oreHeavy);
  return { magnetNeed, magPlan, needL, needH, planL, planH, oreWantL, oreWantH, mineL, mineH };
}
