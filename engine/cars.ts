// Car markets: Armington demand by origin in each of the six markets, with lagged share adjustment and a market-size response.
import { REGIONS, type RegionId } from './ids.ts';
import type { Content } from './content.ts';
import type { RegionState, Shock } from './state.ts';
import { derive } from './derived.ts';
import { carBias, carPrice } from './economy.ts';
import { demandFactor } from './events.ts';
import { NR } from './market/spe.ts';
import { pow } from './detmath.ts';

const biasCache = new WeakMap<Content, number[][]>();
export function biasFor(content: Content): number[][] {
  let b = biasCache.get(content);
  if (!b) {
    b = carBias(content, derive(content));
    biasCache.set(content, b);
  }
  return b;
}

export interface CarPlan {
  /** shares[d][o] */
  shares: number[][];
  /** price index of each market */
  priceIndex: number[];
  /** vehicles bought in each market this turn */
  market: number[];
  /** plan[o][d] vehicles this turn */
  plan: number[][];
  /** total planned output by origin */
  output: number[];
}

// scratch: delivered prices and Armington shares in the market being planned, every entry written before it is read
const PRICE = [1, 1, 1, 1, 1, 1];
const TARGET = [0, 0, 0, 0, 0, 0];
// a memo of detmath pow(price, -sigma) per market and origin: the operands it was last worked out for and the result.
// A pure function's value for the same operands: what it holds changes no result, only skips the call (the delivered
// price repeats from turn to turn while tariffs and freight stand still)
const MEMO_X = new Float64Array(NR * NR).fill(NaN);
const MEMO_E = new Float64Array(NR * NR).fill(NaN);
const MEMO_Y = new Float64Array(NR * NR);

/** pow(x, e) for cell k of the memo. */
function powAt(k: number, x: number, e: number): number {
  // the same operands bit for bit (x is never 0 here, but -0 and 0 would be told apart)
  if (x === MEMO_X[k] && e === MEMO_E[k] && (x !== 0 || 1 / x === 1 / MEMO_X[k])) return MEMO_Y[k];
  const y = pow(x, e);
  MEMO_X[k] = x;
  MEMO_E[k] = e;
  MEMO_Y[k] = y;
  return y;
}

/** armingtonShares(bias, price, sigma) of market d into TARGET, without allocating: the weights, their sum in the
 * same order (a reduce from 0), then each weight over the sum. */
function sharesInto(d: number, bias: number[], price: number[], sigma: number): void {
  const e = -sigma;
  let sum = 0;
  for (let o = 0; o < NR; o++) {
    const b = bias[o];
    const w = b > 0 ? b * powAt(d * NR + o, price[o], e) : 0;
    TARGET[o] = w;
    sum += w;
  }
  for (let o = 0; o < NR; o++) TARGET[o] = sum > 0 ? TARGET[o] / sum : 0;
}

export function planCars(content: Content, regions: Record<RegionId, RegionState>, wedge: number[][], shocks: readonly Shock[], q: number, adjust: boolean): CarPlan {
  const a = content.goods.autos;
  const bias = biasFor(content);
  const shares: number[][] = [];
  const priceIndex = [0, 0, 0, 0, 0, 0];
  const market = [0, 0, 0, 0, 0, 0];
  const plan: number[][] = [];
  const output = [0, 0, 0, 0, 0, 0];
  for (let o = 0; o < NR; o++) plan.push([0, 0, 0, 0, 0, 0]);
  const price = PRICE;
  for (let d = 0; d < NR; d++) {
    const rd = regions[REGIONS[d]];
    const tariffs = rd.policies.tariffs;
    for (let o = 0; o < NR; o++) price[o] = o === d ? 1 : carPrice(a.passThrough, tariffs[REGIONS[o]].autos / 100, wedge[o][d]);
    sharesInto(d, bias[d], price, a.sigma);
    const target = TARGET;
    const s: number[] = [0, 0, 0, 0, 0, 0];
    const was = rd.carShares;
    let P = 0;
    for (let o = 0; o < NR; o++) {
      const prev = was[REGIONS[o]];
      s[o] = adjust ? prev + a.adjustSpeed * (target[o] - prev) : target[o];
      P += s[o] * price[o];
    }
    const ref = rd.ref.carPriceIndex > 0 ? rd.ref.carPriceIndex : P;
    const Q = rd.carDemand * (q / 4) * pow(P / ref, a.demandElasticity) * demandFactor(shocks, REGIONS[d], 'cars');
    shares.push(s);
    priceIndex[d] = P;
    market[d] = Q;
    for (let o = 0; o < NR; o++) {
      const v = Q * s[o];
      plan[o][d] = v;
      output[o] += v;
    }
  }
  return { shares, priceIndex, market, plan, output };
}
