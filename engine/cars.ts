// Car markets: Armington demand by origin in each of the six markets, with lagged share adjustment and a market-size response.
import { REGIONS, type RegionId } from './ids.ts';
import type { Content } from './content.ts';
import type { RegionState, Shock } from './state.ts';
import { derive } from './derived.ts';
import { armingtonShares, carBias, carPrice } from './economy.ts';
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

// scratch: delivered prices in the market being planned, every entry written before it is read
const PRICE = [1, 1, 1, 1, 1, 1];

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
    const target = armingtonShares(bias[d], price, a.sigma);
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
