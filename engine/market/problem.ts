// Builds one market's problem for the solver from the chain's inputs: arcs, caps, tariffs, contracts,
// transshipment routes, supply curves, uses, storage and the warm start; and reads a solved problem back.
import { NR, MAX_USES, MAX_TRANS, newProblem, type SpeProblem, type SpeStats } from './spe.ts';
import type { StageKey } from '../ids.ts';
import type { ChainInput, MarketResult } from './types.ts';
import { pow } from '../detmath.ts';

const Z = () => [0, 0, 0, 0, 0, 0];

// one problem per market, reused every turn (no allocation in the hot path)
export const PROBLEMS: Record<StageKey, SpeProblem> = {
  'ore.light': newProblem(),
  'ore.heavy': newProblem(),
  'oxide.light': newProblem(),
  'oxide.heavy': newProblem(),
  magnet: newProblem(),
};

/** The problem object of a market (for counterfactual solves and the tests). */
export function problemOf(s: StageKey): SpeProblem {
  return PROBLEMS[s];
}

/** Arcs, caps, tariffs, contracts, transshipment routes and the warm start of one market. */
export function setTrade(x: ChainInput, s: StageKey, m: SpeProblem): void {
  toScratch = x === scratchInput;
  const g = x.goods;
  const M = g.markets[s];
  const cap = x.caps[s];
  const res = x.reserved[s];
  const tar = x.tariff[s];
  const fr = M.freightUsdPerKg;
  const last = x.lastFlows[s];
  const prem = g.market.distrust.premiumShare * M.basePrice;
  // a contract (an offtake, a supply guarantee) gives its buyer first claim on what a control lets through: the
  // contracted volume is exempt from the cap. It forces no delivery: with trade open, the market allocates.
  const aF = m.aF;
  const aT = m.aT;
  const aCap = m.aCap;
  const aLo = m.aLo;
  const mx = m.x;
  const extra = x.laneExtra;
  const dis = x.distrust;
  for (let a = 0; a < NR; a++) {
    const capA = cap[a];
    const resA = res[a];
    const exA = extra[a];
    const lastA = last ? last[a] : undefined;
    for (let b = 0; b < NR; b++) {
      const k = a * NR + b;
      aF[k] = a === b ? 0 : fr * (1 + exA[b]) + prem * dis[b][a];
      aT[k] = a === b ? 0 : tar[b][a];
      aCap[k] = a === b || capA[b] === Infinity ? Infinity : Math.max(capA[b], resA[b]);
      aLo[k] = 0;
      mx[k] = lastA ? lastA[b] : 0;
    }
  }
  // transshipment: origin a's goods reach a capped destination b through any third country v that a leaves open and
  // that leaves b open (goods sent to a licensed country count against its quota; smuggling round a licence on
  // everyone is not modelled)
  const T = g.market.transship;
  const wedge = T.wedgeShare * M.basePrice;
  const slope = (T.penaltyShare * M.basePrice) / Math.max(1e-9, 0.01 * m.qref);
  let n = 0;
  const lt = x.lastTransship[s];
  for (let a = 0; a < NR; a++) {
    const capA = cap[a];
    for (let b = 0; b < NR; b++) {
      if (a === b || capA[b] === Infinity) continue;
      // the penalty grows with all that goes round one control, so each of the k routes gets k times the slope
      let routes = 0;
      for (let v = 0; v < NR; v++) if (v !== a && v !== b && capA[v] === Infinity && cap[v][b] === Infinity) routes++;
      for (let v = 0; v < NR; v++) {
        if (v === a || v === b || capA[v] !== Infinity || cap[v][b] !== Infinity || n >= MAX_TRANS) continue;
        m.trS[n] = a;
        m.trK[n] = v;
        m.trD[n] = b;
        m.trF[n] = fr * (2 + extra[a][v] + extra[v][b]) + wedge + prem * dis[b][a];
        m.trT[n] = tar[b][v]; // declared as goods of the transit country
        m.trSlope[n] = slope * routes;
        m.xt[n] = lt ? (lt[TRANS_KEYS[(a * NR + v) * NR + b]] ?? 0) : 0;
        n++;
      }
    }
  }
  m.nTr = n;
  const lp = x.lastPrice[s];
  const pp = x.lastProducerPrice[s];
  for (let r = 0; r < NR; r++) {
    m.p[NR + r] = lp[r];
    m.p[r] = pp[r];
  }
  m.pref = M.basePrice;
  m.pmin = M.basePrice / g.market.sanityMultiple;
  m.pmax = M.basePrice * g.market.sanityMultiple;
}

const REG = ['AUS', 'CHN', 'JPN', 'MYS', 'ROW', 'USA'];
export function transKey(a: number, v: number, b: number): string {
  return `${REG[a]}>${REG[v]}>${REG[b]}`;
}
/** transKey(a, v, b) at (a * NR + v) * NR + b, built once (no string built per route per solve) */
export const TRANS_KEYS: string[] = [];
for (let a = 0; a < NR; a++) for (let v = 0; v < NR; v++) for (let b = 0; b < NR; b++) TRANS_KEYS.push(transKey(a, v, b));

/** A plant's margin over its input cost at its calibration point: the 2024 price less the 2024 input cost, or, where
 * its cash cost c is above that, calibrationMargin above c (supply curves, planned runs and derived demand share it). */
export function calibrationMarginOf(x: ChainInput, s: StageKey, c: number, inputBase: number): number {
  return Math.max(x.goods.markets[s].basePrice - inputBase, c * (1 + x.goods.market.calibrationMargin));
}

/** The output price a plant plans its run on: what it was paid last quarter and what its region's buyers expect,
 * weighted by `goods.market.planOnLastPrice` (0.5: halfway; a plan on last quarter's price alone is a cobweb, Ezekiel
 * 1938). At 0.5 both products are exact halves, so the result is the bits of the halfway mean it replaced. */
export function planPrice(x: ChainInput, s: StageKey, r: number): number {
  const w = x.goods.market.planOnLastPrice;
  return w * x.lastProducerPrice[s][r] + (1 - w) * x.expPrice[s][r];
}

/** A producer's linear marginal-cost curve: zero output at cash cost (plus input cost), q0 at the calibration point. */
export function setSupply(x: ChainInput, s: StageKey, m: SpeProblem, r: number, cap: number, fullCap: number, inputNow: number, inputBase: number): void {
  const c = x.goods.markets[s].cashCost[REGIONS_KEYS[r]];
  const m0 = calibrationMarginOf(x, s, c, inputBase);
  m.sQ0[r] = x.baseUse[s][r] * fullCap;
  m.sPc[r] = inputNow + c;
  m.sP0[r] = inputNow + m0;
  m.sCap[r] = cap > 0 ? cap : 0;
}
export const REGIONS_KEYS = ['AUS', 'CHN', 'JPN', 'MYS', 'ROW', 'USA'] as const;

export function setUse(m: SpeProblem, r: number, u: number, Q: number, pr: number, eps: number, W: number): void {
  const j = r * MAX_USES + u;
  m.uQ[j] = Q;
  m.uPr[j] = pr;
  m.uEps[j] = eps;
  m.uW[j] = W;
}

/** Working stocks: holders buy or sell toward the stock they want at this price. Stock beyond twice the target
 * (a region whose plants closed) is offered for sale at once, at home or abroad; returns that volume. */
export function setStorage(x: ChainInput, s: StageKey, m: SpeProblem, r: number, need: number): number {
  const st = x.goods.market.storage;
  const T = ((need * x.goods.markets[s].inventoryWeeks) / (13 * x.q)) * (1 + x.hoard[s][r]);
  const I0 = x.inv[s][r];
  const stranded = I0 > 2 * T ? I0 - 2 * T : 0;
  m.sFix[r] += stranded;
  m.stI0[r] = I0 - stranded;
  m.stT[r] = T;
  m.stPexp[r] = x.expPrice[s][r];
  m.stEta[r] = st.elasticity;
  m.stLam[r] = 1 - pow(1 - st.adjust, x.q); // the content's share is per quarter
  return stranded;
}

/** The chain input whose markets' results are written into results kept per problem (supply.ts's input for the
 * turn's own chain, which lives only through its turn, as do its results); any other input's results are new. */
let scratchInput: ChainInput | null = null;
export function scratchResultsFor(x: ChainInput): void {
  scratchInput = x;
}
/** Whether the next result is the kept one: set by setTrade (each market's problem is set up by it before it is solved
 * and read back), cleared by result. */
let toScratch = false;
const KEPT = new Map<SpeProblem, { out: MarketResult; routes: [number, number, number, number][] }>();

function newResult(): MarketResult {
  const flows: number[][] = [Z(), Z(), Z(), Z(), Z(), Z()];
  return { price: Z(), producerPrice: Z(), flows, transship: [], received: Z(), demanded: Z(), supplied: Z(), stats: { outer: 0, newton: 0, maxGap: 0, maxResidual: 0 } };
}

/** The solved problem read back: the result kept for the problem when setTrade was last handed the turn's own chain
 * input (every number written again), otherwise a new one. */
export function result(m: SpeProblem, stats: SpeStats): MarketResult {
  const kept = toScratch;
  toScratch = false;
  let k = kept ? KEPT.get(m) : undefined;
  if (kept && !k) KEPT.set(m, (k = { out: newResult(), routes: [] }));
  const out = k ? k.out : newResult();
  const { price, producerPrice, flows, received, supplied } = out;
  for (let a = 0; a < NR; a++) {
    received[a] = 0;
    supplied[a] = 0;
  }
  for (let a = 0; a < NR; a++) {
    price[a] = m.p[NR + a];
    producerPrice[a] = m.p[a];
    const row = flows[a];
    for (let b = 0; b < NR; b++) {
      const v = m.x[a * NR + b];
      row[b] = v;
      received[b] += v;
      supplied[a] += v;
    }
  }
  // the routes written by index over the kept list and its length set once after (emptying it first would let its
  // store go, and the next push make a new one)
  const transship = out.transship;
  let n = 0;
  for (let i = 0; i < m.nTr; i++) {
    const v = m.xt[i];
    if (v <= 0) continue;
    let e: [number, number, number, number];
    if (k) {
      // the kept routes' records reused, in order
      e = k.routes[n] ??= [0, 0, 0, 0];
      e[0] = m.trS[i];
      e[1] = m.trK[i];
      e[2] = m.trD[i];
      e[3] = v;
    } else e = [m.trS[i], m.trK[i], m.trD[i], v];
    if (n < transship.length) transship[n] = e;
    else transship.push(e);
    n++;
    received[m.trD[i]] += v;
    supplied[m.trS[i]] += v;
  }
  if (transship.length !== n) transship.length = n;
  const demanded = out.demanded;
  for (let a = 0; a < NR; a++) demanded[a] = received[a];
  const st = out.stats;
  st.outer = stats.outer;
  st.newton = stats.newton;
  st.maxGap = stats.maxGap / m.pref;
  st.maxResidual = stats.maxResidual / m.qref;
  return out;
}

export const STATS: SpeStats = { outer: 0, newton: 0, maxGap: 0, maxResidual: 0 };
