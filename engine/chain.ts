// The supply chain for one turn: mines -> ore market -> separation -> oxide markets -> magnet making -> magnet market -> uses.
// Plain numeric work over arrays in REGIONS order; the turn pipeline packs the results into the state.
import { clearMarket, NR, type MarketResult } from './market.ts';
import type { GoodsFile } from './schema.ts';
import type { StageKey } from './ids.ts';

export interface ChainInput {
  goods: GoodsFile;
  /** t REO minable this turn by region at full capacity (shares use the mined fraction) */
  minedReo: number[];
  /** quarters in this turn */
  q: number;
  heavyIntensity: number;
  oreOut: { light: number[]; heavy: number[] }; // t this turn
  refCap: { light: number[]; heavy: number[] }; // t this turn (after shocks)
  magCap: number[]; // t this turn (after shocks)
  recycled: { light: number[]; heavy: number[] }; // t this turn
  release: { light: number[]; heavy: number[] }; // stockpile release, t
  purchase: { light: number[]; heavy: number[] }; // stockpile purchase, t
  /** magnet needs this turn by region: defense and everything else */
  magnetNeedDefense: number[];
  magnetNeedOther: number[];
  oxideOther: { light: number[]; heavy: number[] }; // t this turn
  inv: Record<StageKey, number[]>;
  caps: Record<StageKey, number[][]>;
  reserved: Record<StageKey, number[][]>;
  tariff: Record<StageKey, number[][]>;
  wedge: number[][];
  /** regions whose price was above the rest last turn: their plants run flat out */
  short: { oreLight: boolean[]; oreHeavy: boolean[]; light: boolean[]; heavy: boolean[]; magnet: boolean[] };
}

export interface ChainResult {
  markets: Record<StageKey, MarketResult>;
  inv: Record<StageKey, number[]>;
  refined: { light: number[]; heavy: number[] };
  magnetsMade: number[];
  magnetNeed: number[];
  magnetUsed: number[];
  magnetRatio: number[];
  defenseRatio: number[];
  civilRatio: number[];
  toStockpile: { light: number[]; heavy: number[] };
  /** material accounting, world totals in t of NdPr and Dy/Tb content */
  consumed: { light: number; heavy: number };
  losses: { light: number; heavy: number };
  /** what users of each stage needed this turn, t (the base for inventory targets) */
  needs: Record<StageKey, number[]>;
  /** fraction of mine capacity used, by region */
  mineUse: number[];
  /** ore actually mined, t of content */
  oreMined: { light: number[]; heavy: number[] };
}

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
  if (want <= sc) {
    for (let r = 0; r < NR; r++) out[r] = short[r] && sc > 0 ? (cap[r] * want) / sc : 0;
    return out;
  }
  const u = rc > 0 ? Math.min(1, (want - sc) / rc) : 0;
  for (let r = 0; r < NR; r++) out[r] = short[r] ? cap[r] : cap[r] * u;
  return out;
}

function restockWant(need: number, inv: number, weeks: number, q: number): number {
  const target = (need * weeks) / (13 * q);
  return Math.max(0, need + 0.5 * (target - inv));
}

export function runChain(x: ChainInput): ChainResult {
  const g = x.goods;
  const M = g.markets;
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
  const { magnetNeed, magWant, plan, needL, needH, oxWantL, oxWantH, planL, planH, oreWantL, oreWantH, mineL, mineH } = planChain(x, inv);
  const mk = (s: StageKey, supply: number[], want: number[]) =>
    clearMarket(M[s], { supply, want, cap: x.caps[s], reserved: x.reserved[s], tariff: x.tariff[s], wedge: x.wedge });
  // --- flows bottom-up
  const oreL = mk('ore.light', mineL, oreWantL);
  const oreH = mk('ore.heavy', mineH, oreWantH);
  const refined = { light: Z(), heavy: Z() };
  const losses = { light: 0, heavy: 0 };
  const oxSupL = Z();
  const oxSupH = Z();
  for (let r = 0; r < NR; r++) {
    const aL = inv['ore.light'][r] + oreL.received[r];
    const aH = inv['ore.heavy'][r] + oreH.received[r];
    refined.light[r] = Math.min(planL[r], aL * rec);
    refined.heavy[r] = Math.min(planH[r], aH * rec);
    const usedL = refined.light[r] / rec;
    const usedH = refined.heavy[r] / rec;
    losses.light += usedL - refined.light[r];
    losses.heavy += usedH - refined.heavy[r];
    inv['ore.light'][r] = aL - usedL;
    inv['ore.heavy'][r] = aH - usedH;
    oxSupL[r] = refined.light[r] + x.recycled.light[r] + x.release.light[r];
    oxSupH[r] = refined.heavy[r] + x.recycled.heavy[r] + x.release.heavy[r];
  }
  // absorbed ore stays with the exporter's refiners as stock
  for (let r = 0; r < NR; r++) {
    inv['ore.light'][r] += oreL.absorbed[r];
    inv['ore.heavy'][r] += oreH.absorbed[r];
  }
  const oxL = mk('oxide.light', oxSupL, oxWantL);
  const oxH = mk('oxide.heavy', oxSupH, oxWantH);
  const toStockpile = { light: Z(), heavy: Z() };
  const magnetsMade = Z();
  const consumed = { light: 0, heavy: 0 };
  for (let r = 0; r < NR; r++) {
    const pL = oxWantL[r] > 0 ? Math.min(x.purchase.light[r], (oxL.received[r] * x.purchase.light[r]) / oxWantL[r]) : 0;
    const pH = oxWantH[r] > 0 ? Math.min(x.purchase.heavy[r], (oxH.received[r] * x.purchase.heavy[r]) / oxWantH[r]) : 0;
    toStockpile.light[r] = pL + oxL.absorbed[r];
    toStockpile.heavy[r] = pH + oxH.absorbed[r];
    const aL = inv['oxide.light'][r] + oxL.received[r] - pL;
    const aH = inv['oxide.heavy'][r] + oxH.received[r] - pH;
    const ratioL = needL[r] > 0 ? Math.min(1, aL / needL[r]) : 1;
    const ratioH = needH[r] > 0 ? Math.min(1, aH / needH[r]) : 1;
    magnetsMade[r] = plan[r] * Math.min(ratioL, ratioH);
    const cL = magnetsMade[r] * rL + x.oxideOther.light[r] * ratioL;
    const cH = magnetsMade[r] * rH + x.oxideOther.heavy[r] * ratioH;
    consumed.light += x.oxideOther.light[r] * ratioL;
    consumed.heavy += x.oxideOther.heavy[r] * ratioH;
    inv['oxide.light'][r] = Math.max(0, aL - cL);
    inv['oxide.heavy'][r] = Math.max(0, aH - cH);
  }
  const mag = mk('magnet', magnetsMade, magWant);
  // magnets an exporter's controls hold back stay in its own stocks
  for (let r = 0; r < NR; r++) inv.magnet[r] += mag.absorbed[r];
  const { magnetUsed, magnetRatio, defenseRatio, civilRatio } = useMagnets(x, inv, mag, magnetNeed, consumed);
  return {
    markets: { 'ore.light': oreL, 'ore.heavy': oreH, 'oxide.light': oxL, 'oxide.heavy': oxH, magnet: mag },
    inv,
    refined,
    magnetsMade,
    magnetNeed,
    magnetUsed,
    magnetRatio,
    defenseRatio,
    civilRatio,
    toStockpile,
    consumed,
    losses,
    oreMined: { light: mineL, heavy: mineH },
    mineUse: x.oreOut.light.map((cap, r) => {
      const tot = cap + x.oreOut.heavy[r];
      return tot > 0 ? (mineL[r] + mineH[r]) / tot : 0;
    }),
    needs: { 'ore.light': planL.map((v) => v / rec), 'ore.heavy': planH.map((v) => v / rec), 'oxide.light': needL, 'oxide.heavy': needH, magnet: magnetNeed },
  };
}

/** The chain planned top-down from the needs of magnet users: what each stage wants and plans to make this turn.
 * (runChain's parts are separate functions so V8 compiles several middling functions, not one huge one.) */
function planChain(x: ChainInput, inv: Record<StageKey, number[]>) {
  const g = x.goods;
  const M = g.markets;
  const rec = g.refiningRecovery;
  const rL = g.magnetRecipe.light;
  const rH = g.magnetRecipe.heavy * x.heavyIntensity;
  const magnetNeed = Z();
  const magWant = Z();
  let WM = 0;
  for (let r = 0; r < NR; r++) {
    magnetNeed[r] = x.magnetNeedDefense[r] + x.magnetNeedOther[r];
    magWant[r] = restockWant(magnetNeed[r], inv.magnet[r], M.magnet.inventoryWeeks, x.q);
    WM += magWant[r];
  }
  const plan = planOutput(x.magCap, WM, x.short.magnet);
  const needL = Z();
  const needH = Z();
  const oxWantL = Z();
  const oxWantH = Z();
  let WL = 0;
  let WH = 0;
  let supL = 0;
  let supH = 0;
  for (let r = 0; r < NR; r++) {
    needL[r] = plan[r] * rL + x.oxideOther.light[r];
    needH[r] = plan[r] * rH + x.oxideOther.heavy[r];
    oxWantL[r] = restockWant(needL[r], inv['oxide.light'][r], M['oxide.light'].inventoryWeeks, x.q) + x.purchase.light[r];
    oxWantH[r] = restockWant(needH[r], inv['oxide.heavy'][r], M['oxide.heavy'].inventoryWeeks, x.q) + x.purchase.heavy[r];
    WL += oxWantL[r];
    WH += oxWantH[r];
    supL += x.recycled.light[r] + x.release.light[r];
    supH += x.recycled.heavy[r] + x.release.heavy[r];
  }
  const planL = planOutput(x.refCap.light, Math.max(0, WL - supL), x.short.light);
  const planH = planOutput(x.refCap.heavy, Math.max(0, WH - supH), x.short.heavy);
  const oreWantL = Z();
  const oreWantH = Z();
  for (let r = 0; r < NR; r++) {
    oreWantL[r] = restockWant(planL[r] / rec, inv['ore.light'][r], M['ore.light'].inventoryWeeks, x.q);
    oreWantH[r] = restockWant(planH[r] / rec, inv['ore.heavy'][r], M['ore.heavy'].inventoryWeeks, x.q);
  }
  // mines produce what separators want (plants in short markets flat out)
  let WoL = 0;
  let WoH = 0;
  for (let r = 0; r < NR; r++) {
    WoL += oreWantL[r];
    WoH += oreWantH[r];
  }
  const mineL = planOutput(x.oreOut.light, WoL, x.short.oreLight);
  const mineH = planOutput(x.oreOut.heavy, WoH, x.short.oreHeavy);
  return { magnetNeed, magWant, plan, needL, needH, oxWantL, oxWantH, planL, planH, oreWantL, oreWantH, mineL, mineH };
}

/** Magnets received and in stock meet each region's needs, defence first by its priority share. */
function useMagnets(x: ChainInput, inv: Record<StageKey, number[]>, mag: MarketResult, magnetNeed: number[], consumed: { light: number; heavy: number }) {
  const g = x.goods;
  const rL = g.magnetRecipe.light;
  const rH = g.magnetRecipe.heavy * x.heavyIntensity;
  const magnetUsed = Z();
  const magnetRatio = Z();
  const defenseRatio = Z();
  const civilRatio = Z();
  const prio = g.autos.magnetPriority;
  for (let r = 0; r < NR; r++) {
    const avail = inv.magnet[r] + mag.received[r];
    const need = magnetNeed[r];
    const used = Math.min(need, avail);
    magnetUsed[r] = used;
    inv.magnet[r] = avail - used;
    const rho = need > 0 ? used / need : 1;
    magnetRatio[r] = rho;
    const nd = x.magnetNeedDefense[r];
    const ud = Math.min(nd, used, nd * (rho + prio * (1 - rho)));
    defenseRatio[r] = nd > 0 ? ud / nd : 1;
    const no = need - nd;
    civilRatio[r] = no > 0 ? Math.min(1, (used - ud) / no) : 1;
    consumed.light += used * rL;
    consumed.heavy += used * rH;
  }
  return { magnetUsed, magnetRatio, defenseRatio, civilRatio };
}
